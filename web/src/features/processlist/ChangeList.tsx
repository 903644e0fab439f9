import type { FieldChange } from '@baken/contracts';
import { Text } from '@mantine/core';
import { classChange, fieldLabel, LIST_FIELDS, listDelta, type Names, valueText } from './format';

const LONG_TEXT = new Set(['description', 'reason', 'guidance']);
type Kind = 'process' | 'asset' | 'measure';

const isClasses = (v: unknown): v is { c: number; i: number; a: number } =>
  typeof v === 'object' && v !== null && 'c' in v && 'i' in v && 'a' in v;

/** One field change in words: "Klasse: V2 → V3", added and removed list items, or was/becomes for long texts. */
export function ChangeLine({ names, kind, change }: { names: Names; kind: Kind; change: FieldChange }) {
  const { t } = names;
  const label = fieldLabel(t, change.field);
  // An added or removed item has a value on one side only: that value is what matters.
  if (change.before == null || change.after == null) {
    const value = change.after ?? change.before;
    return (
      <li>
        <Text span fw={600}>
          {label}:
        </Text>{' '}
        {valueText(names, kind, change.field, value)}
      </li>
    );
  }
  if (change.field === 'class' && isClasses(change.before) && isClasses(change.after))
    return (
      <li>
        <Text span fw={600}>
          {label}:
        </Text>{' '}
        {classChange(t, change.before, change.after)}
      </li>
    );
  if (LIST_FIELDS.has(change.field)) {
    const { added, removed } = listDelta(names, change);
    return (
      <li>
        <Text span fw={600}>
          {label}:
        </Text>
        <ul>
          {added.map((x) => (
            <li key={`+${x}`}>{t('processlist.diff.itemAdded', { item: x })}</li>
          ))}
          {removed.map((x) => (
            <li key={`-${x}`}>{t('processlist.diff.itemRemoved', { item: x })}</li>
          ))}
        </ul>
      </li>
    );
  }
  const before = valueText(names, kind, change.field, change.before);
  const after = valueText(names, kind, change.field, change.after);
  if (LONG_TEXT.has(change.field))
    return (
      <li>
        <Text span fw={600}>
          {label}:
        </Text>
        <Text size="sm">{t('processlist.diff.was', { value: before })}</Text>
        <Text size="sm">{t('processlist.diff.becomes', { value: after })}</Text>
      </li>
    );
  return (
    <li>
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {before} → {after}
    </li>
  );
}

export function ChangeList({ names, kind, changes }: { names: Names; kind: Kind; changes: FieldChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
      {changes.map((c) => (
        <ChangeLine key={c.field} names={names} kind={kind} change={c} />
      ))}
    </ul>
  );
}
