import type { MeasureStatus } from '@baken/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colours: Record<MeasureStatus, string> = {
  'niet-gestart': 'gray.8',
  gepland: 'blue.9',
  'in-uitvoering': 'yellow.9',
  geimplementeerd: 'green.9',
  'niet-van-toepassing': 'violet.9',
};

/** A measure's status in words; the colour only repeats them. */
export function StatusBadge({ status }: { status: MeasureStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color={colours[status]}
      styles={{ root: { textTransform: 'none', maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}
    >
      {t(`measures.status.${status}`)}
    </Badge>
  );
}
