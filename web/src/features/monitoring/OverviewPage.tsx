import { Alert, Loader, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { TablePagination } from '../../components/TablePagination';
import { useFilterSearch } from '../../components/useFilterSearch';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ReportDownloads } from '../reports/ReportDownloads';
import { useOverview } from './api';
import { Histogram } from './Charts';
import { IndicatorsTable } from './IndicatorsTable';
import { FilterBar, MonitoringTabs } from './RegionParts';
import type { OverviewSearch } from './search';
import { Totals } from './Totals';

/** Rows per page: a thousand rows at once take long to draw and to read. */
export const PAGE_SIZE = 100;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The overview's workbook and the steering group's PDF, with the filter on screen, in the language of the screen. */
function exportLinks(search: OverviewSearch, t: (key: string) => string) {
  const params = new URLSearchParams();
  for (const key of ['kind', 'province', 'size', 'sort', 'dir'] as const) {
    const v = search[key];
    if (v) params.set(key, String(v));
  }
  params.set('lang', t('monitoring.export.lang'));
  const query = params.toString();
  return [
    { label: t('monitoring.export.xlsx'), href: `/api/region/monitoring/overview/xlsx?${query}` },
    { label: t('monitoring.export.pdf'), href: `/api/region/monitoring/report/pdf?${query}` },
  ];
}

/** /regio/monitoring: the sector in figures, the distributions and every bestuur's indicators. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { search, page, setPage, update, inputProps } = useFilterSearch<OverviewSearch>();
  const sort = search.sort ?? 'name';
  const dir = search.dir ?? 'asc';
  const overview = useOverview({ kind: search.kind, province: search.province, size: search.size, sort, dir });
  const data = overview.data;

  const q = useDeferredValue(search.q);
  const items = useMemo(() => {
    if (!data) return [];
    if (!q) return data.items;
    const needle = fold(q);
    return data.items.filter((b) => fold(b.name).includes(needle));
  }, [data, q]);
  const pageItems = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      <PageTitle>{t('monitoring.overview.title')}</PageTitle>
      <MonitoringTabs />
      <Text mb="md" maw={820}>
        {t('monitoring.overview.intro')}
      </Text>
      <FilterBar />
      <ReportDownloads links={exportLinks(search, t)} />
      <ErrorAlert error={overview.error} />
      {overview.isPending && <Loader aria-label={t('common.loading')} />}
      {data && data.computedAt === null && (
        <Alert color="blue" mb="md" data-testid="monitoring-computing">
          {t('monitoring.overview.computing')}
        </Alert>
      )}
      {data && (
        <>
          {data.computedAt && (
            <Text size="sm" mb="md" data-testid="monitoring-computed-at">
              {t('monitoring.overview.computedAt', { when: formatDateTime(data.computedAt) })}
            </Text>
          )}
          <Totals totals={data.totals} />
          <section aria-labelledby="monitoring-distributions">
            <Title order={2} size="h3" id="monitoring-distributions" mt="xl" mb="xs">
              {t('monitoring.distribution.title')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
              <div>
                <Title order={3} size="h4" mb={4}>
                  {t('monitoring.distribution.readiness')}
                </Title>
                <Text size="sm" mb="xs">
                  {t('monitoring.distribution.readinessHelp')}
                </Text>
                <Histogram
                  testId="histogram-readiness"
                  bins={data.distributions.readiness}
                  title={t('monitoring.distribution.readinessSvg')}
                  caption={t('monitoring.distribution.readinessCaption')}
                  summary={histogramSentence(t, data.distributions.readiness, data.totals.medianReadiness)}
                />
              </div>
              <div>
                <Title order={3} size="h4" mb={4}>
                  {t('monitoring.distribution.implemented')}
                </Title>
                <Text size="sm" mb="xs">
                  {t('monitoring.distribution.implementedHelp')}
                </Text>
                <Histogram
                  testId="histogram-implemented"
                  bins={data.distributions.implementedShare}
                  title={t('monitoring.distribution.implementedSvg')}
                  caption={t('monitoring.distribution.implementedCaption')}
                  summary={histogramSentence(
                    t,
                    data.distributions.implementedShare,
                    data.totals.medianImplementedShare,
                  )}
                />
              </div>
            </SimpleGrid>
          </section>
          <section aria-labelledby="monitoring-besturen">
            <Title order={2} size="h3" id="monitoring-besturen" mt="xl" mb="xs">
              {t('monitoring.table.title')}
            </Title>
            <Text size="sm" mb="sm" maw={820}>
              {t('monitoring.table.help')}
            </Text>
            <TextInput label={t('monitoring.table.search')} {...inputProps} w={320} mb="sm" />
            {items.length === 0 ? (
              <Alert color="blue">{t('monitoring.table.none')}</Alert>
            ) : (
              <>
                <IndicatorsTable
                  items={pageItems}
                  sort={sort}
                  dir={dir}
                  onSort={(s, d) =>
                    update(() => ({
                      sort: s === 'name' && d === 'asc' ? undefined : s,
                      dir: s === 'name' && d === 'asc' ? undefined : d,
                      page: undefined,
                    }))
                  }
                />
                <TablePagination page={page} pageSize={PAGE_SIZE} total={items.length} onChange={setPage} />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** The chart in a sentence: how many besturen, the median, and the band most of them are in. */
function histogramSentence(t: T, bins: { from: number; to: number; count: number }[], median: number | null) {
  const total = bins.reduce((n, b) => n + b.count, 0);
  if (total === 0) return t('monitoring.distribution.empty');
  const most = bins.reduce((a, b) => (b.count > a.count ? b : a));
  return t('monitoring.distribution.summary', {
    total: formatNumber(total),
    median: median === null ? '—' : formatNumber(Math.round(median * 10) / 10),
    from: most.from,
    to: most.to,
    count: most.count,
    n: formatNumber(most.count),
  });
}
