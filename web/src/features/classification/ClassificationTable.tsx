import type { ClassificationRow } from '@baken/contracts';
import { Badge, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMS, type Dim, type Draft, draftOf, isChanged, needsReason } from './drafts';

const LEVELS = ['1', '2', '3', '4', '5'];

interface Props {
  rows: ClassificationRow[];
  drafts: Map<string, Draft>;
  /** Rows someone else changed meanwhile (after a 409). */
  stale: Set<string>;
  /** Rows the server refused, with its message. */
  rowErrors: Map<string, string>;
  /** After a save attempt, a missing reason shows as an error. */
  showMissing: boolean;
  editable: boolean;
  onChange: (assetId: string, draft: Draft) => void;
}

/** One row per asset: the class per dimension as a compact select, the reason, the default. */
export function ClassificationTable({ rows, drafts, stale, rowErrors, showMissing, editable, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={4} captionSide="top" stickyHeader>
        <Table.Caption>{t('classification.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('classification.process')}</Table.Th>
            <Table.Th scope="col">{t('classification.asset')}</Table.Th>
            {DIMS.map((d) => (
              <Table.Th key={d} scope="col">
                <abbr title={t(`classification.dimensionNames.${d}`)}>{t(`classification.dimensions.${d}`)}</abbr>
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('classification.default')}</Table.Th>
            <Table.Th scope="col">{t('classification.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Row
              key={row.asset.id}
              row={row}
              draft={drafts.get(row.asset.id)}
              stale={stale.has(row.asset.id)}
              error={rowErrors.get(row.asset.id)}
              showMissing={showMissing}
              editable={editable}
              onChange={onChange}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface RowProps {
  row: ClassificationRow;
  draft: Draft | undefined;
  stale: boolean;
  error: string | undefined;
  showMissing: boolean;
  editable: boolean;
  onChange: (assetId: string, draft: Draft) => void;
}

// Hundreds of rows with four inputs each: a row renders again only when its own values change.
const Row = memo(function Row({ row, draft, stale, error, showMissing, editable, onChange }: RowProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const { asset } = row;
  const value = draft ?? draftOf(asset);
  const changed = isChanged(asset, value);
  const missing = needsReason(asset, value);
  const name = asset.name[lang];
  const set = (patch: Partial<Draft>) => onChange(asset.id, { ...value, ...patch });
  const reasonError = error ?? (missing && (showMissing || changed) ? t('classification.reasonRequired') : undefined);
  const background = stale ? 'var(--mantine-color-orange-0)' : changed ? 'var(--mantine-color-yellow-0)' : undefined;

  return (
    <Table.Tr style={{ background }} data-changed={changed || undefined}>
      <Table.Td>
        <Text size="sm">{row.processName[lang]}</Text>
        {!row.applicable && (
          <Text size="xs" c="dimmed">
            {t('classification.notApplicable')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{name}</Text>
        {changed && (
          <Badge size="xs" color="yellow.3" c="dark.9" variant="filled">
            {t('classification.changed')}
          </Badge>
        )}
        {stale && (
          <Badge size="xs" color="orange.3" c="dark.9" variant="filled" ml={4}>
            {t('classification.stale')}
          </Badge>
        )}
      </Table.Td>
      {DIMS.map((d: Dim) => (
        <Table.Td key={d}>
          <NativeSelect
            size="xs"
            w={56}
            data={LEVELS}
            value={String(value[d])}
            disabled={!editable}
            aria-label={t('classification.classOf', {
              dimension: t(`classification.dimensionNames.${d}`),
              asset: name,
              process: row.processName[lang],
            })}
            onChange={(e) => set({ [d]: Number(e.currentTarget.value) })}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {asset.defaultClass
            ? DIMS.map((d) => `${t(`classification.dimensions.${d}`)}${asset.defaultClass?.[d]}`).join(' ')
            : t('classification.noDefault')}
        </Text>
        {asset.defaultReason && (
          <Text size="xs" c="dimmed" maw={220} lineClamp={2} title={asset.defaultReason[lang]}>
            {asset.defaultReason[lang]}
          </Text>
        )}
      </Table.Td>
      <Table.Td miw={260}>
        <TextInput
          size="xs"
          value={value.reason}
          disabled={!editable}
          required={missing}
          maxLength={2000}
          aria-label={t('classification.reasonFor', { asset: name, process: row.processName[lang] })}
          error={reasonError}
          onChange={(e) => set({ reason: e.currentTarget.value })}
        />
      </Table.Td>
    </Table.Tr>
  );
});
