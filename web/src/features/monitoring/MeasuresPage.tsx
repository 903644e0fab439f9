import { Alert, Loader, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatNumber } from '../../lib/format';
import { useRanking } from './api';
import { formatFigure } from './format';
import { FilterBar, MonitoringTabs } from './RegionParts';
import type { RankingSearch } from './search';

/** /regio/monitoring/maatregelen: the measures missing most often and the risk they would take away. */
export function MeasuresPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as RankingSearch;
  const sort = search.sort ?? 'impact';
  const ranking = useRanking({ kind: search.kind, province: search.province, size: search.size, sort });
  const lang = currentLanguage();

  return (
    <>
      <PageTitle>{t('monitoring.measures.title')}</PageTitle>
      <MonitoringTabs />
      <Text mb="md" maw={820}>
        {t('monitoring.measures.intro')}
      </Text>
      <FilterBar />
      <SegmentedControl
        mb="md"
        aria-label={t('monitoring.measures.sortLabel')}
        value={sort}
        onChange={(v) =>
          void navigate({
            to: '.',
            search: (prev: RankingSearch) => ({ ...prev, sort: v === 'missing' ? 'missing' : undefined }),
          })
        }
        data={[
          { value: 'impact', label: t('monitoring.measures.byImpact') },
          { value: 'missing', label: t('monitoring.measures.byMissing') },
        ]}
      />
      <ErrorAlert error={ranking.error} />
      {ranking.isPending && <Loader aria-label={t('common.loading')} />}
      {ranking.data && ranking.data.items.length === 0 && <Alert color="blue">{t('monitoring.measures.none')}</Alert>}
      {ranking.data && ranking.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing={6} captionSide="top" data-testid="ranking-table">
            <Table.Caption>
              {t(sort === 'missing' ? 'monitoring.measures.captionMissing' : 'monitoring.measures.captionImpact', {
                count: ranking.data.items.length,
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.measures.rank')}
                </Table.Th>
                <Table.Th scope="col">{t('monitoring.measures.measure')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.measures.needed')}
                </Table.Th>
                <Table.Th scope="col" ta="right" aria-sort={sort === 'missing' ? 'descending' : undefined}>
                  {t('monitoring.measures.missing')}
                </Table.Th>
                <Table.Th scope="col" ta="right" aria-sort={sort === 'impact' ? 'descending' : undefined}>
                  {t('monitoring.measures.impact')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranking.data.items.map((m, i) => (
                <Table.Tr key={m.code} data-testid="ranking-row">
                  <Table.Td ta="right">{i + 1}</Table.Td>
                  <Table.Th scope="row" fw="normal">
                    <Text span fw={700} ff="monospace" size="sm">
                      {m.code}
                    </Text>{' '}
                    {m.title[lang] ?? m.title.nl}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(m.needed)}</Table.Td>
                  <Table.Td ta="right">
                    {t('monitoring.measures.missingOf', {
                      missing: formatNumber(m.missing),
                      needed: formatNumber(m.needed),
                    })}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatFigure(m.impact)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Paper withBorder p="md" mt="xl" component="section" aria-labelledby="monitoring-impact-formula">
        <Title order={2} size="h3" id="monitoring-impact-formula" mb="xs">
          {t('monitoring.measures.formulaTitle')}
        </Title>
        <Text size="sm" mb="xs" ff="monospace">
          {t('monitoring.measures.formulaWeight')}
        </Text>
        <ul style={{ marginTop: 0 }}>
          <li>
            <Text size="sm">{t('monitoring.measures.formulaOne')}</Text>
          </li>
          <li>
            <Text size="sm">{t('monitoring.measures.formulaAssets')}</Text>
          </li>
          <li>
            <Text size="sm">{t('monitoring.measures.formulaRisks')}</Text>
          </li>
        </ul>
        <Text size="sm" mb="xs">
          {t('monitoring.measures.formulaNeeded')}
        </Text>
        <Text size="sm" mb="xs">
          {t('monitoring.measures.formulaMissing')}
        </Text>
        <Text size="sm">{t('monitoring.measures.formulaImpact')}</Text>
      </Paper>
    </>
  );
}
