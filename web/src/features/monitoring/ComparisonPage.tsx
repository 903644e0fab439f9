import { Alert, List, Loader, Paper, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { useOwnMonitoring, useSetSharing } from './api';
import { IndicatorList } from './Indicators';
import { PeerComparison } from './PeerComparison';
import { BestuurTrendChart } from './TrendParts';

/** /b/$bestuurId/vergelijking: "Hoe staan we ervoor?" — the own figures, the peers and the sharing choice. */
export function ComparisonPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const canShare = hasPermission(session, 'bestuur.edit', bestuurId);
  const own = useOwnMonitoring(bestuurId);
  const sharing = useSetSharing(bestuurId);
  const d = own.data;
  return (
    <>
      <PageTitle>{t('monitoring.own.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('monitoring.own.intro')}
      </Text>
      <ErrorAlert error={own.error} />
      {own.isPending && <Loader aria-label={t('common.loading')} />}
      {d && (
        <>
          {d.indicators ? (
            <IndicatorList item={d.indicators} headingId="own-indicators" />
          ) : (
            <Alert color="blue">{t('monitoring.own.computing')}</Alert>
          )}
          <PeerComparison peers={d.peers} />
          <section aria-labelledby="own-trend">
            <Title order={2} size="h3" id="own-trend" mt="xl" mb="xs">
              {t('monitoring.own.trendTitle')}
            </Title>
            <BestuurTrendChart points={d.trend} />
          </section>
          <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="own-sharing">
            <Title order={2} size="h3" id="own-sharing" mb="xs">
              {t('monitoring.sharing.title')}
            </Title>
            <Text size="sm" mb="xs">
              {t('monitoring.sharing.always')}
            </Text>
            <Text size="sm" mb={4}>
              {t('monitoring.sharing.whatIntro')}
            </Text>
            <List size="sm" mb="xs">
              <List.Item>{t('monitoring.sharing.what.blocking')}</List.Item>
              <List.Item>{t('monitoring.sharing.what.overdue')}</List.Item>
              <List.Item>{t('monitoring.sharing.what.risks')}</List.Item>
            </List>
            <Text size="sm" mb="sm">
              {t('monitoring.sharing.never')}
            </Text>
            <ErrorAlert error={sharing.error} />
            {canShare ? (
              <Switch
                label={t('monitoring.sharing.switch')}
                description={t('monitoring.sharing.switchHelp')}
                checked={d.shareWithCoach}
                disabled={sharing.isPending}
                onChange={(e) => sharing.mutate(e.currentTarget.checked)}
              />
            ) : (
              <Text size="sm" fw={700}>
                {d.shareWithCoach ? t('monitoring.sharing.isOn') : t('monitoring.sharing.isOff')}
              </Text>
            )}
            <Text size="sm" role="status" aria-live="polite" mt="xs" data-testid="sharing-status">
              {canShare ? (d.shareWithCoach ? t('monitoring.sharing.isOn') : t('monitoring.sharing.isOff')) : ''}
            </Text>
          </Paper>
        </>
      )}
    </>
  );
}
