import { Button, Collapse, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore } from './format';
import { chartThreshold, functionOf } from './model';
import type { Assessment } from './types';

const series = [
  { key: 'documentation', color: 'var(--mantine-color-blue-7)' },
  { key: 'implementation', color: 'var(--mantine-color-teal-8)' },
  { key: 'maturity', color: 'var(--mantine-color-grape-8)' },
] as const;
type Dims = Assessment['result']['categories'][string];

const H = 220;
const TOP = 16;
const BOTTOM = 28;
const LEFT = 32;
const BAR = 14;
const GROUP = BAR * 3 + 22;
const y = (v: number) => TOP + (H - TOP - BOTTOM) * (1 - v / 5);

/** One bar chart per function: per category its documentation, implementation and maturity, with the threshold. */
export function CategoryCharts({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const byFunction = new Map<string, [string, Dims][]>();
  for (const [id, d] of Object.entries(assessment.result.categories)) {
    const f = functionOf(id);
    byFunction.set(f, [...(byFunction.get(f) ?? []), [id, d]]);
  }
  const threshold = chartThreshold(assessment.level);
  return (
    <>
      <Group gap="lg" mb="sm" aria-hidden="true">
        {series.map((s) => (
          <Group key={s.key} gap={6}>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" style={{ fill: s.color }} />
            </svg>
            <Text size="sm">{t(`cyfun.chart.${s.key}`)}</Text>
          </Group>
        ))}
        <Group gap={6}>
          <svg width="24" height="14" aria-hidden="true">
            <line
              x1="0"
              x2="24"
              y1="7"
              y2="7"
              strokeWidth="2"
              strokeDasharray="4 3"
              style={{ stroke: 'var(--mantine-color-red-9)' }}
            />
          </svg>
          <Text size="sm">{t('cyfun.chart.threshold', { value: formatScore(threshold) })}</Text>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {[...byFunction].map(([f, cats]) => (
          <FunctionChart key={f} fn={f} categories={cats} threshold={threshold} />
        ))}
      </SimpleGrid>
    </>
  );
}

function FunctionChart({ fn, categories, threshold }: { fn: string; categories: [string, Dims][]; threshold: number }) {
  const { t } = useTranslation();
  const [table, { toggle }] = useDisclosure(false);
  const tableId = useId();
  const width = LEFT + categories.length * GROUP + 12;
  const name = t(`cyfun.functions.${fn}`, { defaultValue: fn });
  return (
    <figure style={{ margin: 0 }}>
      <Title order={3} size="h4" mb={4}>
        {name}
      </Title>
      <svg
        viewBox={`0 0 ${width} ${H}`}
        width="100%"
        style={{ maxWidth: Math.max(width, 320) }}
        role="img"
        aria-describedby={tableId}
      >
        <title>{t('cyfun.chart.svgTitle', { name, threshold: formatScore(threshold) })}</title>
        {[0, 1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={width} y1={y(v)} y2={y(v)} style={{ stroke: 'var(--mantine-color-gray-3)' }} />
            <text
              x={LEFT - 6}
              y={y(v) + 4}
              textAnchor="end"
              fontSize="11"
              style={{ fill: 'var(--mantine-color-text)' }}
            >
              {v}
            </text>
          </g>
        ))}
        {categories.map(([id, d], i) => {
          const x0 = LEFT + 10 + i * GROUP;
          return (
            <g key={id}>
              {series.map((s, j) => (
                <rect
                  key={s.key}
                  x={x0 + j * BAR}
                  y={y(d[s.key])}
                  width={BAR - 2}
                  height={y(0) - y(d[s.key])}
                  style={{ fill: s.color }}
                >
                  <title>{`${id} · ${t(`cyfun.chart.${s.key}`)}: ${formatScore(d[s.key])}`}</title>
                </rect>
              ))}
              <text
                x={x0 + (BAR * 3) / 2}
                y={H - 8}
                textAnchor="middle"
                fontSize="11"
                style={{ fill: 'var(--mantine-color-text)' }}
              >
                {id}
              </text>
            </g>
          );
        })}
        <line
          x1={LEFT}
          x2={width}
          y1={y(threshold)}
          y2={y(threshold)}
          strokeWidth="2"
          strokeDasharray="6 4"
          style={{ stroke: 'var(--mantine-color-red-9)' }}
        />
      </svg>
      <figcaption>
        <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={table} aria-controls={tableId}>
          {table ? t('cyfun.chart.hideTable') : t('cyfun.chart.showTable')}
        </Button>
      </figcaption>
      <Collapse in={table} id={tableId}>
        <Table verticalSpacing={4} captionSide="top" mt="xs">
          <Table.Caption>{t('cyfun.chart.tableCaption', { name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cyfun.chart.category')}</Table.Th>
              {series.map((s) => (
                <Table.Th key={s.key} scope="col">
                  {t(`cyfun.chart.${s.key}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {categories.map(([id, d]) => (
              <Table.Tr key={id}>
                <Table.Th scope="row">{id}</Table.Th>
                {series.map((s) => (
                  <Table.Td key={s.key}>{formatScore(d[s.key])}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Collapse>
    </figure>
  );
}
