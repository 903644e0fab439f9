import { Alert, Button, Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime, formatNumber } from '../../lib/format';
import { formatMonth } from '../dashboard/format';
import { useSectorTrend, useSnapshots, useTakeSnapshot } from './api';
import { FilterBar, MonitoringTabs } from './RegionParts';
import type { RegionFilter } from './search';
import { SectorTrendChart } from './TrendParts';

/** /regio/monitoring/trend: the sector per month from the snapshots, and the snapshots themselves. */
export function TrendPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const canManage = hasPermission(session, 'region.monitoring.manage');
  const search = useSearch({ strict: false }) as RegionFilter;
  const trend = useSectorTrend({ kind: search.kind, province: search.province, size: search.size });
  const snapshots = useSnapshots();
  const take = useTakeSnapshot();

  return (
    <>
      <PageTitle>{t('monitoring.trend.title')}</PageTitle>
      <MonitoringTabs />
      <Text mb="md" maw={820}>
        {t('monitoring.trend.intro')}
      </Text>
      <FilterBar />
      <section aria-labelledby="monitoring-sector-trend">
        <Title order={2} size="h3" id="monitoring-sector-trend" mb="xs">
          {t('monitoring.trend.sectorTitle')}
        </Title>
        <ErrorAlert error={trend.error} />
        {trend.isPending && <Loader aria-label={t('common.loading')} />}
        {trend.data && trend.data.points.length === 0 && (
          <Alert color="blue">{t('monitoring.trend.noSnapshots')}</Alert>
        )}
        {trend.data && trend.data.points.length > 0 && <SectorTrendChart points={trend.data.points} />}
      </section>
      <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="monitoring-snapshots">
        <Title order={2} size="h3" id="monitoring-snapshots" mb="xs">
          {t('monitoring.snapshots.title')}
        </Title>
        <Text size="sm" mb="sm" maw={820}>
          {t('monitoring.snapshots.intro')}
        </Text>
        {canManage && (
          <Group mb="sm" align="center">
            <Button onClick={() => take.mutate()} loading={take.isPending}>
              {t('monitoring.snapshots.take')}
            </Button>
            <Text size="sm" role="status" aria-live="polite" data-testid="snapshot-result">
              {take.data
                ? take.data.taken > 0
                  ? t('monitoring.snapshots.taken', {
                      count: take.data.taken,
                      n: formatNumber(take.data.taken),
                      month: formatMonth(take.data.month, 'long'),
                    })
                  : t('monitoring.snapshots.alreadyTaken', { month: formatMonth(take.data.month, 'long') })
                : ''}
            </Text>
          </Group>
        )}
        <ErrorAlert error={take.error ?? snapshots.error} />
        {snapshots.data && snapshots.data.items.length === 0 && <Text size="sm">{t('monitoring.snapshots.none')}</Text>}
        {snapshots.data && snapshots.data.items.length > 0 && (
          <Table verticalSpacing={4} captionSide="top" maw={640} data-testid="snapshots-table">
            <Table.Caption>{t('monitoring.snapshots.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('monitoring.trend.month')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.chart.besturen')}
                </Table.Th>
                <Table.Th scope="col">{t('monitoring.snapshots.takenAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {snapshots.data.items.map((s) => (
                <Table.Tr key={s.month}>
                  <Table.Th scope="row" fw="normal">
                    {formatMonth(s.month, 'long')}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(s.besturen)}</Table.Td>
                  <Table.Td>{formatDateTime(s.takenAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </>
  );
}
