import { Button, Collapse, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../dashboard/format';
import { formatFigure } from './format';

const axisText = { fill: 'var(--mantine-color-text)' };
const grid = { stroke: 'var(--mantine-color-gray-3)' };

/** Grid lines at round numbers, at most five of them. */
function scale(max: number) {
  const step = Math.max(1, Math.ceil(max / 4));
  const top = Math.max(step, Math.ceil(max / step) * step);
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, k) => k * step) };
}

/** A chart with its sentence, and its numbers in a table on request (the text alternative). */
function ChartFigure({
  summary,
  table,
  children,
  testId,
}: {
  summary: string;
  table: ReactNode;
  children: (ids: { title: string; desc: string }) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const [open, { toggle }] = useDisclosure(false);
  const id = useId();
  return (
    <div data-testid={testId}>
      <figure style={{ margin: 0 }}>
        {children({ title: `${id}-title`, desc: `${id}-desc` })}
        <figcaption>
          <Text size="sm" id={`${id}-desc`} data-testid={`${testId}-summary`}>
            {summary}
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={toggle}
            aria-expanded={open}
            aria-controls={`${id}-table`}
          >
            {open ? t('monitoring.chart.hideTable') : t('monitoring.chart.showTable')}
          </Button>
        </figcaption>
      </figure>
      <Collapse in={open} id={`${id}-table`}>
        {table}
      </Collapse>
    </div>
  );
}

const H = 190;
const TOP = 18;
const BOTTOM = 34;
const LEFT = 34;

/** Besturen per band of 10 points (0–10, 10–20 … 90–100), as bars. */
export function Histogram({
  bins,
  title,
  caption,
  summary,
  testId,
}: {
  bins: { from: number; to: number; count: number }[];
  title: string;
  caption: string;
  summary: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const STEP = 38;
  const BAR = 30;
  const { top, ticks } = scale(Math.max(0, ...bins.map((b) => b.count)));
  const y = (v: number) => TOP + (H - TOP - BOTTOM) * (1 - v / top);
  const width = LEFT + bins.length * STEP + 8;
  const label = (b: { from: number; to: number }) => t('monitoring.chart.band', { from: b.from, to: b.to });
  return (
    <ChartFigure
      testId={testId}
      summary={summary}
      table={
        <Table verticalSpacing={4} captionSide="top" mt="xs" maw={360}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('monitoring.chart.bandHeader')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('monitoring.chart.besturen')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bins.map((b) => (
              <Table.Tr key={b.from}>
                <Table.Th scope="row" fw="normal">
                  {label(b)}
                </Table.Th>
                <Table.Td ta="right">{b.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      {(ids) => (
        <svg
          viewBox={`0 0 ${width} ${H}`}
          width="100%"
          style={{ maxWidth: width }}
          role="img"
          aria-labelledby={ids.title}
          aria-describedby={ids.desc}
        >
          <title id={ids.title}>{title}</title>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={LEFT} x2={width} y1={y(v)} y2={y(v)} style={grid} />
              <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" fontSize="11" style={axisText}>
                {v}
              </text>
            </g>
          ))}
          {bins.map((b, i) => {
            const x = LEFT + 6 + i * STEP;
            return (
              <g key={b.from}>
                <rect
                  x={x}
                  y={y(b.count)}
                  width={BAR}
                  height={y(0) - y(b.count)}
                  style={{ fill: 'var(--mantine-color-blue-8)' }}
                >
                  <title>{`${label(b)}: ${b.count}`}</title>
                </rect>
                {b.count > 0 && (
                  <text
                    x={x + BAR / 2}
                    y={y(b.count) - 4}
                    textAnchor="middle"
                    fontSize="11"
                    fontWeight="700"
                    style={axisText}
                  >
                    {b.count}
                  </text>
                )}
                <text x={x + BAR / 2} y={H - 18} textAnchor="middle" fontSize="10" style={axisText}>
                  {b.from}
                </text>
              </g>
            );
          })}
          <text x={width - 4} y={H - 4} textAnchor="end" fontSize="10" style={axisText}>
            {t('monitoring.chart.axisPct')}
          </text>
        </svg>
      )}
    </ChartFigure>
  );
}

export interface Series {
  key: string;
  label: string;
  colour: string;
  /** Drawn dashed, so the lines differ by more than colour. */
  dash?: string;
  /** The marker's shape. */
  marker: 'circle' | 'square' | 'triangle';
  values: (number | null)[];
}

function Marker({ shape, x, y, colour }: { shape: Series['marker']; x: number; y: number; colour: string }) {
  if (shape === 'square') return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} style={{ fill: colour }} />;
  if (shape === 'triangle')
    return <polygon points={`${x},${y - 4.5} ${x + 4.5},${y + 3.5} ${x - 4.5},${y + 3.5}`} style={{ fill: colour }} />;
  return <circle cx={x} cy={y} r={3.5} style={{ fill: colour }} />;
}

/**
 * Lines per month (SVG by hand). Each line has its own dash and marker besides its colour and a
 * legend; the numbers are in the table.
 */
export function LineChart({
  months,
  series,
  max,
  title,
  summary,
  table,
  testId,
  unit = '',
}: {
  months: string[];
  series: Series[];
  /** The top of the axis (100 for percentages); the data's maximum when left out. */
  max?: number;
  title: string;
  summary: string;
  table: ReactNode;
  testId: string;
  unit?: string;
}) {
  const STEP = Math.max(36, Math.min(64, 640 / Math.max(1, months.length)));
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { top, ticks } =
    max !== undefined
      ? { top: max, ticks: [0, 25, 50, 75, 100].map((v) => (v * max) / 100) }
      : scale(Math.max(0, ...all));
  const y = (v: number) => TOP + (H - TOP - BOTTOM) * (1 - v / top);
  const width = Math.max(480, LEFT + 20 + Math.max(0, months.length - 1) * STEP + 20);
  const x = (i: number) => LEFT + 20 + i * STEP;
  const every = Math.ceil(months.length / 12);
  return (
    <>
      <Group gap="lg" mb="xs" aria-hidden="true">
        {series.map((s) => (
          <Group key={s.key} gap={6}>
            <svg width="28" height="12" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="6"
                y2="6"
                strokeWidth="2"
                strokeDasharray={s.dash}
                style={{ stroke: s.colour }}
              />
              <Marker shape={s.marker} x={14} y={6} colour={s.colour} />
            </svg>
            <Text size="sm">{s.label}</Text>
          </Group>
        ))}
      </Group>
      <ChartFigure testId={testId} summary={summary} table={table}>
        {(ids) => (
          <svg
            viewBox={`0 0 ${width} ${H}`}
            width="100%"
            style={{ maxWidth: width }}
            role="img"
            aria-labelledby={ids.title}
            aria-describedby={ids.desc}
          >
            <title id={ids.title}>{title}</title>
            {ticks.map((v) => (
              <g key={v}>
                <line x1={LEFT} x2={width} y1={y(v)} y2={y(v)} style={grid} />
                <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" fontSize="11" style={axisText}>
                  {`${formatFigure(v, 0)}${unit}`}
                </text>
              </g>
            ))}
            {months.map((m, i) =>
              i % every === 0 ? (
                <text key={m} x={x(i)} y={H - 18} textAnchor="middle" fontSize="10" style={axisText}>
                  {formatMonth(m, 'short')}
                </text>
              ) : null,
            )}
            {months.length > 0 && (
              <text x={x(0)} y={H - 4} textAnchor="middle" fontSize="10" style={axisText}>
                {months[0]?.slice(0, 4)}
              </text>
            )}
            {series.map((s) => {
              const pts = s.values
                .map((v, i) => (v === null ? null : ([x(i), y(v)] as const)))
                .filter((p): p is readonly [number, number] => p !== null);
              return (
                <g key={s.key}>
                  <polyline
                    points={pts.map(([a, b]) => `${a},${b}`).join(' ')}
                    fill="none"
                    strokeWidth="2"
                    strokeDasharray={s.dash}
                    style={{ stroke: s.colour }}
                  />
                  {s.values.map((v, i) =>
                    v === null ? null : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: one point per month
                      <g key={i}>
                        <Marker shape={s.marker} x={x(i)} y={y(v)} colour={s.colour} />
                        <title>{`${s.label}, ${formatMonth(months[i] ?? '', 'long')}: ${formatFigure(v)}${unit}`}</title>
                      </g>
                    ),
                  )}
                </g>
              );
            })}
          </svg>
        )}
      </ChartFigure>
    </>
  );
}
