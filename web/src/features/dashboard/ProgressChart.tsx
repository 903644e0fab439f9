import type { Dashboard } from '@baken/contracts';
import { Button, Collapse, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { formatMonth } from './format';

const H = 200;
const TOP = 20;
const BOTTOM = 28;
const LEFT = 32;
const STEP = 44;
const BAR = 28;

/** Grid lines at whole numbers, at most five of them. */
function scale(max: number) {
  const step = Math.max(1, Math.ceil(max / 4));
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: top / step + 1 }, (_, k) => k * step);
  return { top, ticks };
}

/**
 * Implemented required measures at the end of each month, as bars (SVG by hand, as the CyFun
 * charts), with a sentence that says the same and the numbers in a table on request.
 */
export function ProgressChart({ progress }: { progress: Dashboard['progress'] }) {
  const { t } = useTranslation();
  const [table, { toggle }] = useDisclosure(false);
  const tableId = useId();
  const summaryId = useId();
  const { top, ticks } = scale(Math.max(0, ...progress.map((p) => p.implemented)));
  const y = (v: number) => TOP + (H - TOP - BOTTOM) * (1 - v / top);
  const width = LEFT + progress.length * STEP + 8;
  const first = progress[0];
  const last = progress.at(-1);
  return (
    <section aria-labelledby="dashboard-progress">
      <Title order={2} size="h3" id="dashboard-progress" mb="xs">
        {t('dashboard.progress.title')}
      </Title>
      <figure style={{ margin: 0 }}>
        <svg
          viewBox={`0 0 ${width} ${H}`}
          width="100%"
          style={{ maxWidth: width }}
          role="img"
          aria-labelledby={`${summaryId}-title`}
          aria-describedby={summaryId}
          data-testid="progress-chart"
        >
          <title id={`${summaryId}-title`}>{t('dashboard.progress.svgTitle')}</title>
          {ticks.map((v) => (
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
          {progress.map((p, i) => {
            const x = LEFT + 8 + i * STEP;
            return (
              <g key={p.month}>
                <rect
                  x={x}
                  y={y(p.implemented)}
                  width={BAR}
                  height={y(0) - y(p.implemented)}
                  style={{ fill: 'var(--mantine-color-teal-8)' }}
                >
                  <title>{`${formatMonth(p.month, 'long')}: ${formatNumber(p.implemented)}`}</title>
                </rect>
                {p.implemented > 0 && (
                  <text
                    x={x + BAR / 2}
                    y={y(p.implemented) - 4}
                    textAnchor="middle"
                    fontSize="11"
                    fontWeight="700"
                    style={{ fill: 'var(--mantine-color-text)' }}
                  >
                    {p.implemented}
                  </text>
                )}
                <text
                  x={x + BAR / 2}
                  y={H - 8}
                  textAnchor="middle"
                  fontSize="11"
                  style={{ fill: 'var(--mantine-color-text)' }}
                >
                  {formatMonth(p.month, 'short')}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption>
          {first && last && (
            <Text size="sm" id={summaryId} data-testid="progress-summary">
              {t('dashboard.progress.summary', {
                from: formatMonth(first.month, 'long'),
                first: first.implemented,
                to: formatMonth(last.month, 'long'),
                last: last.implemented,
              })}
            </Text>
          )}
          <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={table} aria-controls={tableId}>
            {table ? t('dashboard.progress.hideTable') : t('dashboard.progress.showTable')}
          </Button>
        </figcaption>
      </figure>
      <Collapse in={table} id={tableId}>
        <Table verticalSpacing={4} captionSide="top" mt="xs" maw={420} data-testid="progress-table">
          <Table.Caption>{t('dashboard.progress.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.progress.month')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.progress.implemented')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {progress.map((p) => (
              <Table.Tr key={p.month}>
                <Table.Th scope="row" fw="normal">
                  {formatMonth(p.month, 'long')}
                </Table.Th>
                <Table.Td>{formatNumber(p.implemented)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Collapse>
    </section>
  );
}
