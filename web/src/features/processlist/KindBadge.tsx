import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR = { added: 'green.9', changed: 'blue.9', removed: 'red.9' } as const;

/** "Nieuw", "Gewijzigd" or "Verwijderd". */
export function KindBadge({ kind }: { kind: 'added' | 'changed' | 'removed' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[kind]} variant="filled">
      {t(`processlist.kinds.${kind}`)}
    </Badge>
  );
}
