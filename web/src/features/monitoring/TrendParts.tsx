import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { formatMonth } from '../dashboard/format';
import type { BestuurTrendPoint, TrendPoint } from './api';
import { LineChart, type Series } from './Charts';
import { formatPct } from './format';

const colours = {
  readiness: 'var(--mantine-color-blue-8)',
  implemented: 'var(--mantine-color-teal-9)',
  passed: 'var(--mantine-color-grape-8)',
};

type T = ReturnType<typeof useTranslation>['t'];

function changeSentence(t: T, key: string, months: string[], first: number | null, last: number | null) {
  if (months.length === 0) return '';
  if (months.length === 1)
    return t(`${key}One`, { month: formatMonth(months[0] ?? '', 'long'), value: formatPct(last) });
  return t(key, {
    from: formatMonth(months[0] ?? '', 'long'),
    to: formatMonth(months.at(-1) ?? '', 'long'),
    first: formatPct(first),
    last: formatPct(last),
  });
}

/** The sector per month: the medians and the share that reached CyFun Basic, with every figure in the table. */
export function SectorTrendChart({ points }: { points: TrendPoint[] }) {
  const { t } = useTranslation();
  const months = points.map((p) => p.month);
  const passedShare = (p: TrendPoint) =>
    p.besturen > 0 ? Math.round((p.readinessPassed / p.besturen) * 1000) / 10 : null;
  const series: Series[] = [
    {
      key: 'readiness',
      label: t('monitoring.trend.medianReadiness'),
      colour: colours.readiness,
      marker: 'circle',
      values: points.map((p) => p.medianReadiness),
    },
    {
      key: 'implemented',
      label: t('monitoring.trend.medianImplemented'),
      colour: colours.implemented,
      marker: 'square',
      dash: '6 4',
      values: points.map((p) => p.medianImplementedShare),
    },
    {
      key: 'passed',
      label: t('monitoring.trend.passedShare'),
      colour: colours.passed,
      marker: 'triangle',
      dash: '2 3',
      values: points.map(passedShare),
    },
  ];
  const first = points[0];
  const last = points.at(-1);
  return (
    <LineChart
      testId="sector-trend"
      months={months}
      series={series}
      max={100}
      unit="%"
      title={t('monitoring.trend.svgTitle')}
      summary={changeSentence(
        t,
        'monitoring.trend.summary',
        months,
        first?.medianReadiness ?? null,
        last?.medianReadiness ?? null,
      )}
      table={
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={4} captionSide="top" mt="xs" data-testid="sector-trend-table">
            <Table.Caption>{t('monitoring.trend.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('monitoring.trend.month')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.chart.besturen')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.trend.passed')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.trend.medianReadiness')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.trend.medianImplemented')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.trend.risksHigh')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.trend.continuityApproved')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((p) => (
                <Table.Tr key={p.month}>
                  <Table.Th scope="row" fw="normal">
                    {formatMonth(p.month, 'long')}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(p.besturen)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.readinessPassed)}</Table.Td>
                  <Table.Td ta="right">{formatPct(p.medianReadiness)}</Table.Td>
                  <Table.Td ta="right">{formatPct(p.medianImplementedShare)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.risksHigh)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.continuityApproved)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}

/** One bestuur per month (from the snapshots): its readiness score and implemented share. */
export function BestuurTrendChart({ points }: { points: BestuurTrendPoint[] }) {
  const { t } = useTranslation();
  if (points.length === 0) return <Text size="sm">{t('monitoring.trend.noSnapshots')}</Text>;
  const months = points.map((p) => p.month);
  const first = points[0];
  const last = points.at(-1);
  return (
    <LineChart
      testId="bestuur-trend"
      months={months}
      max={100}
      unit="%"
      series={[
        {
          key: 'readiness',
          label: t('monitoring.trend.readinessScore'),
          colour: colours.readiness,
          marker: 'circle',
          values: points.map((p) => p.readinessScore),
        },
        {
          key: 'implemented',
          label: t('monitoring.trend.implementedShare'),
          colour: colours.implemented,
          marker: 'square',
          dash: '6 4',
          values: points.map((p) => p.implementedShare),
        },
      ]}
      title={t('monitoring.trend.bestuurSvgTitle')}
      summary={changeSentence(
        t,
        'monitoring.trend.bestuurSummary',
        months,
        first?.readinessScore ?? null,
        last?.readinessScore ?? null,
      )}
      table={
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={4} captionSide="top" mt="xs" data-testid="bestuur-trend-table">
            <Table.Caption>{t('monitoring.trend.bestuurTableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('monitoring.trend.month')}</Table.Th>
                <Table.Th scope="col">{t('monitoring.table.readiness')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.trend.readinessScore')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.trend.implementedShare')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.table.risksHigh')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.table.overdue')}
                </Table.Th>
                <Table.Th scope="col">{t('monitoring.table.continuity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((p) => (
                <Table.Tr key={p.month}>
                  <Table.Th scope="row" fw="normal">
                    {formatMonth(p.month, 'long')}
                  </Table.Th>
                  <Table.Td>
                    {p.readinessPassed ? t('monitoring.readiness.passed') : t('monitoring.readiness.notPassed')}
                  </Table.Td>
                  <Table.Td ta="right">{formatPct(p.readinessScore)}</Table.Td>
                  <Table.Td ta="right">{formatPct(p.implementedShare)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.risksHigh)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.measuresOverdue)}</Table.Td>
                  <Table.Td>{t(`monitoring.continuity.${p.continuity}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
