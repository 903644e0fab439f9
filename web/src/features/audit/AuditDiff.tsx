import { Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

type Obj = Record<string, unknown> | null;

function show(value: unknown, t: TFunction): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Before and after side by side; changed fields are highlighted and marked in text. */
export function AuditDiff({ before, after, label }: { before: Obj; after: Obj; label: string }) {
  const { t, i18n } = useTranslation();
  const keys = Array.from(new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])).sort();
  if (keys.length === 0) return <Text size="sm">{t('audit.noDetails')}</Text>;
  const fieldLabel = (k: string) => (i18n.exists(`auditFields.${k}`) ? t(`auditFields.${k}`) : k);
  return (
    <Table withTableBorder withColumnBorders aria-label={label} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('audit.field')}</Table.Th>
          <Table.Th scope="col">{t('audit.before')}</Table.Th>
          <Table.Th scope="col">{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => {
          const b = before?.[k];
          const a = after?.[k];
          const changed = JSON.stringify(b) !== JSON.stringify(a);
          return (
            <Table.Tr key={k} bg={changed ? 'yellow.1' : undefined} data-changed={changed || undefined}>
              <Table.Th scope="row" fw={changed ? 700 : 500}>
                {fieldLabel(k)}
                {changed && (
                  <Text span size="xs" fw={700}>
                    {' '}
                    ({t('audit.changed')})
                  </Text>
                )}
              </Table.Th>
              <Table.Td style={{ wordBreak: 'break-word' }}>{show(b, t)}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }} fw={changed ? 600 : undefined}>
                {show(a, t)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
