import { Anchor, Badge, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import type { Overview } from './api';
import { formatFigure, formatPct } from './format';
import { monitoringBase } from './RegionParts';
import { firstDir, type OverviewSortKey } from './search';

type Item = Overview['items'][number];

interface Props {
  items: Item[];
  sort: OverviewSortKey;
  dir: 'asc' | 'desc';
  onSort: (key: OverviewSortKey, dir: 'asc' | 'desc') => void;
}

/** A column header that sorts: a button inside the header cell, and aria-sort on the cell. */
function SortTh({
  column,
  label,
  sort,
  dir,
  onSort,
  right,
}: {
  column: OverviewSortKey;
  label: string;
  right?: boolean;
} & Pick<Props, 'sort' | 'dir' | 'onSort'>) {
  const { t } = useTranslation();
  const active = sort === column;
  const next = active ? (dir === 'asc' ? 'desc' : 'asc') : firstDir(column);
  return (
    <Table.Th
      scope="col"
      ta={right ? 'right' : undefined}
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton
        onClick={() => onSort(column, next)}
        fw={700}
        fz="sm"
        style={{ textDecoration: 'underline dotted' }}
      >
        {label}
        <span aria-hidden="true">{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        <VisuallyHidden>
          {active
            ? t(dir === 'asc' ? 'monitoring.table.sortedAsc' : 'monitoring.table.sortedDesc')
            : t('monitoring.table.sortable')}
        </VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

const Row = memo(function Row({ b }: { b: Item }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        <Anchor component={Link} to={`${monitoringBase}/besturen/${b.bestuurId}`}>
          {b.name}
        </Anchor>
      </Table.Th>
      <Table.Td>{t(`kinds.${b.kind}`)}</Table.Td>
      <Table.Td>{b.province ? t(`provinces.${b.province}`) : '—'}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`monitoring.sizeShort.${b.sizeClass}`)}</Table.Td>
      <Table.Td>
        <Badge color={b.readinessPassed ? 'teal.9' : 'gray.7'} w="max-content">
          {b.readinessPassed ? t('monitoring.readiness.passed') : t('monitoring.readiness.notPassed')}
        </Badge>{' '}
        <Text span size="sm">
          {formatPct(b.readinessScore)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{formatPct(b.implementedShare)}</Table.Td>
      <Table.Td ta="right">{formatNumber(b.risksHigh)}</Table.Td>
      <Table.Td ta="right">{formatNumber(b.measuresOverdue)}</Table.Td>
      <Table.Td>{t(`monitoring.continuity.${b.continuity}`)}</Table.Td>
      <Table.Td>{b.lastActivity ? formatDate(b.lastActivity) : t('monitoring.table.never')}</Table.Td>
      <Table.Td ta="right" fw={700}>
        {formatFigure(b.vulnerability)}
      </Table.Td>
    </Table.Tr>
  );
});

/** Every bestuur with its indicators; the name opens the bestuur's monitoring page. */
export function IndicatorsTable({ items, sort, dir, onSort }: Props) {
  const { t } = useTranslation();
  const th = { sort, dir, onSort };
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover verticalSpacing={6} captionSide="top" data-testid="monitoring-table">
        <Table.Caption>{t('monitoring.table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortTh column="name" label={t('monitoring.table.name')} {...th} />
            <Table.Th scope="col">{t('monitoring.table.kind')}</Table.Th>
            <Table.Th scope="col">{t('monitoring.table.province')}</Table.Th>
            <Table.Th scope="col">{t('monitoring.table.size')}</Table.Th>
            <SortTh column="readinessScore" label={t('monitoring.table.readiness')} {...th} />
            <SortTh column="implementedShare" label={t('monitoring.table.implemented')} right {...th} />
            <SortTh column="risksHigh" label={t('monitoring.table.risksHigh')} right {...th} />
            <Table.Th scope="col" ta="right">
              {t('monitoring.table.overdue')}
            </Table.Th>
            <SortTh column="continuity" label={t('monitoring.table.continuity')} {...th} />
            <SortTh column="lastActivity" label={t('monitoring.table.lastActivity')} {...th} />
            <SortTh column="vulnerability" label={t('monitoring.table.vulnerability')} right {...th} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Row key={b.bestuurId} b={b} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
