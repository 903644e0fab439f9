import { Accordion, Badge, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inLang, type Lang } from '../catalog/format';
import {
  categoryDomId,
  type Draft,
  draftOf,
  groupRows,
  isAnswered,
  isHalf,
  naBlockedBy,
  rowDomId,
  sameDraft,
} from './model';
import { ScoreSelect } from './scale';
import type { Row } from './types';

interface Props {
  rows: Row[];
  drafts: Map<string, Draft>;
  canEdit: boolean;
  onlyUnanswered: boolean;
  open: string[];
  onOpenChange: (open: string[]) => void;
  onChange: (id: string, draft: Draft) => void;
}

/** The requirements of the level grouped by function and category, each with its two scores or n.v.t. */
export function RequirementsEditor({ rows, drafts, canEdit, onlyUnanswered, open, onOpenChange, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const current = (r: Row) => drafts.get(r.id) ?? draftOf(r);
  // Rows being edited stay in view while the filter is on, so a filled-in row does not vanish.
  const shown = onlyUnanswered ? rows.filter((r) => !isAnswered(draftOf(r)) || drafts.has(r.id)) : rows;
  const groups = groupRows(shown);
  return (
    <Stack gap="lg">
      {groups.map((f) => (
        <section key={f.id} aria-labelledby={`cyfun-fn-${f.id}`}>
          <Title order={2} size="h3" id={`cyfun-fn-${f.id}`} mb="xs">
            {t(`cyfun.functions.${f.id}`, { defaultValue: f.id })}
          </Title>
          <Accordion multiple value={open} onChange={onOpenChange} variant="separated">
            {f.categories.map((c) => {
              const all = rows.filter((r) => r.category === c.id);
              const answered = all.filter((r) => isAnswered(current(r))).length;
              const changed = all.filter((r) => drafts.has(r.id)).length;
              return (
                <Accordion.Item key={c.id} value={c.id} id={categoryDomId(c.id)}>
                  <Accordion.Control>
                    <Group gap="sm">
                      <Text fw={600}>
                        {c.id}
                        {all[0] ? ` · ${all[0].categoryTitle[i18n.language === 'en' ? 'en' : 'nl']}` : ''}
                      </Text>
                      <Text size="sm">{t('cyfun.editor.categoryProgress', { answered, total: all.length })}</Text>
                      {changed > 0 && (
                        <Badge color="orange.9" variant="light" style={{ textTransform: 'none' }}>
                          {t('cyfun.editor.changedCount', { count: changed })}
                        </Badge>
                      )}
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <RowsTable category={c.id} rows={c.rows} drafts={drafts} canEdit={canEdit} onChange={onChange} />
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        </section>
      ))}
    </Stack>
  );
}

function RowsTable({
  category,
  rows,
  drafts,
  canEdit,
  onChange,
}: {
  category: string;
  rows: Row[];
  drafts: Map<string, Draft>;
  canEdit: boolean;
  onChange: (id: string, draft: Draft) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" captionSide="top">
        <Table.Caption>{t('cyfun.editor.caption', { category })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cyfun.editor.id')}</Table.Th>
            <Table.Th scope="col">{t('cyfun.editor.requirement')}</Table.Th>
            <Table.Th scope="col">{t('cyfun.editor.documentation')}</Table.Th>
            <Table.Th scope="col">{t('cyfun.editor.implementation')}</Table.Th>
            <Table.Th scope="col">{t('cyfun.editor.na')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <RequirementRow key={r.id} row={r} draft={drafts.get(r.id)} canEdit={canEdit} onChange={onChange} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RequirementRow({
  row,
  draft,
  canEdit,
  onChange,
}: {
  row: Row;
  draft: Draft | undefined;
  canEdit: boolean;
  onChange: (id: string, draft: Draft) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const d = draft ?? draftOf(row);
  const changed = draft !== undefined && !sameDraft(draft, draftOf(row));
  const blocked = naBlockedBy(row);
  const set = (patch: Partial<Draft>) => onChange(row.id, { ...d, ...patch });
  const whyId = `${rowDomId(row.id)}-na-why`;
  return (
    <Table.Tr id={rowDomId(row.id)} bg={changed ? 'yellow.0' : undefined} tabIndex={-1}>
      <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
        <Text fw={600} size="sm">
          {row.id}
        </Text>
        {changed && (
          <Text size="xs" c="orange.9" fw={600}>
            {t('cyfun.editor.unsaved')}
          </Text>
        )}
      </Table.Td>
      <Table.Th scope="row" fw={400} style={{ verticalAlign: 'top' }}>
        <Stack gap={4} align="flex-start">
          <Text size="sm">{inLang(row.title, lang)}</Text>
          <Group gap={4}>
            {row.keyMeasure && (
              <Badge variant="outline" color="blue.9" radius="sm" style={{ textTransform: 'none' }}>
                {t('cyfun.editor.keyMeasure')}
              </Badge>
            )}
            {row.managementAspect && (
              <Badge variant="outline" color="grape.9" radius="sm" style={{ textTransform: 'none' }}>
                {t('cyfun.editor.managementAspect')}
              </Badge>
            )}
            {row.source === 'measures' && !changed && (
              <Badge variant="light" color="teal.9" radius="sm" style={{ textTransform: 'none' }}>
                {t('cyfun.editor.fromMeasures')}
              </Badge>
            )}
          </Group>
          {isHalf(d) && (
            <Text size="xs" c="red.9" role="status">
              {t('cyfun.editor.half')}
            </Text>
          )}
        </Stack>
      </Table.Th>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <ScoreSelect
          label={t('cyfun.editor.documentationOf', { id: row.id })}
          value={d.notApplicable ? null : d.documentation}
          disabled={!canEdit || d.notApplicable}
          onChange={(v) => set({ documentation: v })}
        />
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <ScoreSelect
          label={t('cyfun.editor.implementationOf', { id: row.id })}
          value={d.notApplicable ? null : d.implementation}
          disabled={!canEdit || d.notApplicable}
          onChange={(v) => set({ implementation: v })}
        />
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }} maw={200}>
        <Checkbox
          label={t('cyfun.editor.naShort')}
          aria-label={t('cyfun.editor.naOf', { id: row.id })}
          checked={d.notApplicable}
          disabled={!canEdit || (blocked !== null && !d.notApplicable)}
          aria-describedby={blocked ? whyId : undefined}
          onChange={(e) =>
            set(
              e.currentTarget.checked
                ? { notApplicable: true, documentation: null, implementation: null }
                : { notApplicable: false },
            )
          }
        />
        {blocked && (
          <Text id={whyId} size="xs" mt={4}>
            {t(`cyfun.editor.naBlocked.${blocked}`)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
