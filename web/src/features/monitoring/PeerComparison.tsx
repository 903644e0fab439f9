import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { Own } from './api';
import { formatFigure, formatPct } from './format';

type Metric = Own['peers']['metrics'][number];
type T = ReturnType<typeof useTranslation>['t'];

const percentMetric = (m: Metric['metric']) => m === 'readiness' || m === 'implemented';
const show = (m: Metric['metric'], v: number | null) => (percentMetric(m) ? formatPct(v) : formatFigure(v));

/** Where the own value lies against the quartiles, in words; for counts, fewer is better. */
function positionText(t: T, m: Metric): string {
  if (m.own === null) return t('monitoring.peers.noOwn');
  const where = m.own < m.q1 ? 'below' : m.own > m.q3 ? 'above' : m.own === m.median ? 'median' : 'middle';
  return t(`monitoring.peers.position.${where}`, { own: show(m.metric, m.own), median: show(m.metric, m.median) });
}

const W = 520;
const H = 54;
const PAD = 16;

/** A box from the first to the third quartile, a line at the median and a marked own value. */
function PeerBar({ m }: { m: Metric }) {
  const { t } = useTranslation();
  const max = percentMetric(m.metric) ? 100 : Math.max(1, m.q3, m.own ?? 0) * 1.2;
  const x = (v: number) => PAD + ((W - 2 * PAD) * Math.min(v, max)) / max;
  const ownX = m.own === null ? null : x(m.own);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }} aria-hidden="true">
      <line x1={PAD} x2={W - PAD} y1={26} y2={26} style={{ stroke: 'var(--mantine-color-gray-5)' }} />
      <rect
        x={x(m.q1)}
        y={16}
        width={Math.max(2, x(m.q3) - x(m.q1))}
        height={20}
        style={{ fill: 'var(--mantine-color-blue-1)', stroke: 'var(--mantine-color-blue-8)' }}
      />
      <line
        x1={x(m.median)}
        x2={x(m.median)}
        y1={12}
        y2={40}
        strokeWidth={3}
        style={{ stroke: 'var(--mantine-color-blue-9)' }}
      />
      {ownX !== null && (
        <g>
          <polygon
            points={`${ownX},${18} ${ownX + 7},${26} ${ownX},${34} ${ownX - 7},${26}`}
            style={{ fill: 'var(--mantine-color-orange-9)', stroke: 'white', strokeWidth: 1 }}
          />
          <text
            x={ownX}
            y={11}
            textAnchor="middle"
            fontSize="11"
            fontWeight="700"
            style={{ fill: 'var(--mantine-color-text)' }}
          >
            {t('monitoring.peers.you')}
          </text>
        </g>
      )}
      <text x={PAD} y={H - 2} fontSize="10" style={{ fill: 'var(--mantine-color-text)' }}>
        0
      </text>
      <text x={W - PAD} y={H - 2} fontSize="10" textAnchor="end" style={{ fill: 'var(--mantine-color-text)' }}>
        {percentMetric(m.metric) ? '100%' : formatFigure(max, 0)}
      </text>
    </svg>
  );
}

/** The bestuur against its peers: medians and quartiles only, never a single bestuur. */
export function PeerComparison({ peers }: { peers: Own['peers'] }) {
  const { t } = useTranslation();
  const group = t('monitoring.peers.group', {
    kind: t(`kinds.${peers.kind}`),
    size: t(`monitoring.size.${peers.sizeClass}`),
  });
  return (
    <section aria-labelledby="peers-title">
      <Title order={2} size="h3" id="peers-title" mt="xl" mb="xs">
        {t('monitoring.peers.title')}
      </Title>
      <Text size="sm" mb="sm" maw={820}>
        {t('monitoring.peers.intro', { group, minimum: peers.minimumPeers })}
      </Text>
      {peers.metrics.length === 0 ? (
        <Alert color="blue" data-testid="peers-too-few">
          {t('monitoring.peers.tooFew', { group, minimum: peers.minimumPeers })}
        </Alert>
      ) : (
        <>
          <Text size="sm" mb="sm" aria-hidden="true">
            {t('monitoring.peers.legend')}
          </Text>
          <Stack gap="sm" data-testid="peer-bars">
            {peers.metrics.map((m) => (
              <Paper key={m.metric} withBorder p="sm">
                <Title order={3} size="h5">
                  {t(`monitoring.peers.metric.${m.metric}`)}
                </Title>
                <PeerBar m={m} />
                <Text size="sm" data-testid={`peer-${m.metric}`}>
                  {positionText(t, m)}
                </Text>
              </Paper>
            ))}
          </Stack>
          <Table verticalSpacing={4} captionSide="top" maw={820} mt="md" data-testid="peers-table">
            <Table.Caption>{t('monitoring.peers.caption', { group })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('monitoring.peers.metricHeader')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.peers.own')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.peers.q1')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.peers.median')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.peers.q3')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('monitoring.peers.count')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {peers.metrics.map((m) => (
                <Table.Tr key={m.metric}>
                  <Table.Th scope="row" fw="normal">
                    {t(`monitoring.peers.metric.${m.metric}`)}
                  </Table.Th>
                  <Table.Td ta="right">{show(m.metric, m.own)}</Table.Td>
                  <Table.Td ta="right">{show(m.metric, m.q1)}</Table.Td>
                  <Table.Td ta="right">{show(m.metric, m.median)}</Table.Td>
                  <Table.Td ta="right">{show(m.metric, m.q3)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(m.peers)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </section>
  );
}
