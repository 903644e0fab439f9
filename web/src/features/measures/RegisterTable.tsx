import type { TrackedMeasure } from '@baken/contracts';
import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, today } from '../../lib/format';
import { inLang, type Lang } from '../catalog/format';
import { maturityName } from './MaturityField';
import { StatusBadge } from './StatusBadge';
import { passed } from './values';

interface Props {
  measures: TrackedMeasure[];
  selectable: boolean;
  selected: Set<string>;
  onSelect: (codes: string[], on: boolean) => void;
  onOpen: (code: string) => void;
}

/** The measure register: status, owner, dates and maturity per measure; passed dates in words and colour. */
export function RegisterTable({ measures, selectable, selected, onSelect, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const now = today();
  const all = measures.length > 0 && measures.every((m) => selected.has(m.code));
  const some = measures.some((m) => selected.has(m.code));
  const maturity = (n: number | null) =>
    n === null ? (
      <Text span size="sm" c="dimmed">
        {t('measures.maturity.notScored')}
      </Text>
    ) : (
      <span title={maturityName(n, lang)}>
        {n} <Text span size="xs">{`(${maturityName(n, lang)})`}</Text>
      </span>
    );
  const date = (value: string | null, late: boolean) =>
    !value ? (
      '—'
    ) : late ? (
      <Text span size="sm" fw={700} c="red.9">
        {formatDate(value)} · {t('measures.passed')}
      </Text>
    ) : (
      formatDate(value)
    );

  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
        <Table.Caption>{t('measures.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label={t('measures.bulk.selectAll')}
                  checked={all}
                  indeterminate={some && !all}
                  onChange={(e) =>
                    onSelect(
                      measures.map((m) => m.code),
                      e.currentTarget.checked,
                    )
                  }
                />
              </Table.Th>
            )}
            <Table.Th scope="col">{t('measures.fields.code')}</Table.Th>
            <Table.Th scope="col">{t('measures.fields.title')}</Table.Th>
            <Table.Th scope="col">{t('measures.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('measures.fields.owner')}</Table.Th>
            <Table.Th scope="col">{t('measures.fields.dueDate')}</Table.Th>
            <Table.Th scope="col">{t('measures.fields.reviewDate')}</Table.Th>
            <Table.Th scope="col">{t('measures.fields.documentationShort')}</Table.Th>
            <Table.Th scope="col">{t('measures.fields.implementationShort')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measures.map((m) => {
            const late = passed(m, now);
            return (
              <Table.Tr key={m.code} bg={m.overdue ? 'red.0' : undefined}>
                {selectable && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('measures.bulk.select', { code: m.code })}
                      checked={selected.has(m.code)}
                      onChange={(e) => onSelect([m.code], e.currentTarget.checked)}
                    />
                  </Table.Td>
                )}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor
                    component="button"
                    type="button"
                    fw={600}
                    onClick={() => onOpen(m.code)}
                    aria-label={t('processes.measures.open', { code: m.code })}
                  >
                    {m.code}
                  </Anchor>
                </Table.Td>
                <Table.Th scope="row" fw={500}>
                  {inLang(m.title, lang)}
                  {!m.required && (
                    <Badge ml="xs" variant="outline" color="gray.8" size="sm">
                      {t('measures.notRequired')}
                    </Badge>
                  )}
                  {(m.commentCount > 0 || m.evidenceCount > 0) && (
                    <Text size="xs" c="dimmed">
                      {t('measures.counts', { comments: m.commentCount, evidence: m.evidenceCount })}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StatusBadge status={m.status} />
                  {m.overdue && (
                    <Text size="xs" fw={700} c="red.9" mt={4}>
                      {t('measures.overdue')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {m.ownerName ?? (
                    <Text span size="sm" c="dimmed">
                      {t('measures.noOwner')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(m.dueDate, late.due)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(m.reviewDate, late.review)}</Table.Td>
                <Table.Td>{maturity(m.documentation)}</Table.Td>
                <Table.Td>{maturity(m.implementation)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
