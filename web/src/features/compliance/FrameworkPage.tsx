import { complianceResults } from '@baken/contracts';
import { Alert, Button, Card, Group, Loader, Select, Text, TextInput } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { TablePagination } from '../../components/TablePagination';
import { useBestuurId } from '../bestuur/useBestuurId';
import { inLang, type Lang } from '../catalog/format';
import { ReportDownloads } from '../reports/ReportDownloads';
import { applicabilityUrl } from '../reports/urls';
import { useFrameworkCompliance } from './api';
import { ComplianceSummary } from './ComplianceSummary';
import { LevelSwitch } from './LevelSwitch';
import { RequirementDrawer } from './RequirementDrawer';
import { RequirementsTable } from './RequirementsTable';
import { filterRequirements } from './search';
import { useFrameworkSearch } from './useFrameworkSearch';
import { useLevel } from './useLevel';

const PAGE_SIZE = 50;

/** One framework: every requirement with its result and why, filtered and searched; a drawer per requirement. */
export function FrameworkPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const bestuurId = useBestuurId();
  const { frameworkId } = useParams({ strict: false }) as { frameworkId: string };
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const { level, setLevel } = useLevel();
  const filters = useFrameworkSearch();
  const detail = useFrameworkCompliance(bestuurId, frameworkId, level);
  const data = detail.data;

  const items = data ? filterRequirements(data.requirements, filters.search) : [];
  const page = Math.min(filters.page, Math.max(1, Math.ceil(items.length / PAGE_SIZE)));
  const open = data?.requirements.find((r) => r.id === filters.search.requirement) ?? null;
  const any = Boolean(filters.search.q || filters.search.result);

  return (
    <>
      <AnchorLink to="/b/$bestuurId/conformiteit" params={{ bestuurId }} search={{ level: filters.search.level }}>
        {t('compliance.detail.back')}
      </AnchorLink>
      <PageTitle>{data ? inLang(data.name, lang) : t('compliance.detail.title')}</PageTitle>
      <ErrorAlert error={detail.error} />
      {detail.isPending && <Loader aria-label={t('common.loading')} />}
      {data && (
        <>
          <Card withBorder padding="lg" mb="lg">
            <Group align="flex-start" justify="space-between" gap="xl">
              <div style={{ flex: '1 1 420px' }}>
                <ComplianceSummary summary={data} />
              </div>
              {data.level && <LevelSwitch value={level} onChange={setLevel} />}
            </Group>
            <Group mt="md">
              <ReportDownloads
                links={[
                  {
                    label: t('reports.applicabilityXlsx'),
                    href: applicabilityUrl(bestuurId, frameworkId, 'xlsx', data.level),
                  },
                  {
                    label: t('reports.applicabilityPdf'),
                    href: applicabilityUrl(bestuurId, frameworkId, 'pdf', data.level),
                  },
                ]}
              />
            </Group>
          </Card>
          <Group mb="md" align="flex-end" gap="sm">
            <TextInput label={t('compliance.detail.search')} {...filters.inputProps} w={300} />
            <Select
              label={t('compliance.detail.result')}
              placeholder={t('common.all')}
              data={complianceResults.map((r) => ({ value: r, label: t(`compliance.results.${r}`) }))}
              value={filters.search.result ?? null}
              onChange={(v) => filters.set({ result: complianceResults.find((r) => r === v) })}
              clearable
              w={240}
            />
            {any && (
              <Button variant="subtle" onClick={filters.clear}>
                {t('compliance.detail.clearFilters')}
              </Button>
            )}
            {detail.isFetching && <Loader size="sm" aria-label={t('common.loading')} />}
          </Group>
          {data.requirements.length === 0 && (
            <Alert color="blue" mb="md">
              {t('compliance.detail.empty')}
            </Alert>
          )}
          {data.requirements.length > 0 && items.length === 0 && (
            <Alert color="blue" mb="md">
              {t('compliance.detail.noResults')}
            </Alert>
          )}
          {items.length > 0 && (
            <>
              <RequirementsTable
                requirements={items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
                onOpen={filters.open}
              />
              <TablePagination page={page} pageSize={PAGE_SIZE} total={items.length} onChange={filters.setPage} />
            </>
          )}
          <Text size="sm" mt="sm">
            {t('compliance.detail.legend')}
          </Text>
          <RequirementDrawer
            bestuurId={bestuurId}
            frameworkId={frameworkId}
            requirement={open}
            canEdit={canEdit}
            onReload={() => detail.refetch()}
            onClose={() => filters.open(undefined)}
          />
        </>
      )}
    </>
  );
}
