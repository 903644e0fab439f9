import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { Overview } from './api';
import { continuityOrder, formatPct } from './format';

/** The sector in figures: each a term and its value, with what it means underneath. */
export function Totals({ totals }: { totals: Overview['totals'] }) {
  const { t } = useTranslation();
  const items: { key: string; value: string; help?: string }[] = [
    { key: 'besturen', value: formatNumber(totals.besturen) },
    {
      key: 'readinessPassed',
      value: t('monitoring.totals.ofBesturen', {
        count: totals.readinessPassed,
        n: formatNumber(totals.readinessPassed),
        total: formatNumber(totals.besturen),
      }),
    },
    { key: 'medianReadiness', value: formatPct(totals.medianReadiness) },
    { key: 'medianImplementedShare', value: formatPct(totals.medianImplementedShare) },
    { key: 'risksHigh', value: formatNumber(totals.risksHigh) },
    { key: 'measuresOverdue', value: formatNumber(totals.measuresOverdue) },
    { key: 'inactive', value: formatNumber(totals.inactive) },
  ];
  return (
    <section aria-labelledby="monitoring-totals">
      <Text component="h2" fw={700} size="lg" id="monitoring-totals" mb="xs">
        {t('monitoring.totals.title')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0} data-testid="monitoring-totals">
        {items.map((i) => (
          <Paper key={i.key} withBorder p="sm" data-testid={`total-${i.key}`}>
            <Text component="dt" size="sm">
              {t(`monitoring.totals.${i.key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} size="xl">
              {i.value}
            </Text>
            <Text component="dd" m={0} size="xs" c="gray.7">
              {t(`monitoring.totals.${i.key}Help`)}
            </Text>
          </Paper>
        ))}
        <Paper withBorder p="sm" data-testid="total-continuity">
          <Text component="dt" size="sm">
            {t('monitoring.totals.continuity')}
          </Text>
          <dd style={{ margin: 0 }}>
            <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
              {continuityOrder.map((s) => (
                <li key={s}>
                  <Text size="sm" span>
                    {t(`monitoring.continuity.${s}`)}: <b>{formatNumber(totals.continuity[s] ?? 0)}</b>
                  </Text>
                </li>
              ))}
            </ul>
          </dd>
        </Paper>
      </SimpleGrid>
    </section>
  );
}
