import { complianceResults } from '@baken/contracts';
import { Alert, Group, Loader, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { useComplianceOverview } from './api';
import { FrameworkCard } from './FrameworkCard';
import { LevelSwitch } from './LevelSwitch';
import { useLevel } from './useLevel';

/** Compliance with every framework, derived from the measure register through the mappings. */
export function CompliancePage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const { level, setLevel } = useLevel();
  const overview = useComplianceOverview(bestuurId, level);
  // CyFun first: its Basic level is the regional target; the server's order otherwise.
  const items = [...(overview.data ?? [])].sort((a, b) => Number(b.level !== null) - Number(a.level !== null));
  const assessed = items.some((f) =>
    complianceResults.some((r) => r !== 'not-assessed' && r !== 'not-applicable' && f.counts[r] > 0),
  );

  return (
    <>
      <PageTitle>{t('compliance.title')}</PageTitle>
      <Text mb="md">{t('compliance.intro')}</Text>
      <Group mb="lg" align="flex-end" justify="space-between">
        <LevelSwitch value={level} onChange={setLevel} help={t('compliance.levelHelp')} />
        {overview.isFetching && overview.data && <Loader size="sm" aria-label={t('common.loading')} />}
      </Group>
      <ErrorAlert error={overview.error} />
      {overview.isPending && <Loader aria-label={t('common.loading')} />}
      {overview.data && items.length === 0 && (
        <Alert color="blue" mb="md" title={t('compliance.noFrameworksTitle')}>
          {t('compliance.noFrameworks')}
        </Alert>
      )}
      {overview.data && items.length > 0 && !assessed && (
        <Alert color="blue" mb="md" title={t('compliance.nothingAssessedTitle')}>
          <Text size="sm" mb="sm">
            {t('compliance.nothingAssessed')}
          </Text>
          <ButtonLink to="/b/$bestuurId/processen" params={{ bestuurId }} size="xs" variant="light">
            {t('compliance.toProcesses')}
          </ButtonLink>
        </Alert>
      )}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {items.map((f) => (
            <FrameworkCard key={f.framework} bestuurId={bestuurId} summary={f} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
