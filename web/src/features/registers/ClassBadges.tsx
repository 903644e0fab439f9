import type { Classification } from '@baken/contracts';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const DIMENSIONS = ['c', 'i', 'a'] as const;
// Light backgrounds with dark text keep the contrast; the text ("V3") carries the class, the colour only helps.
const BACKGROUND = ['', 'green.1', 'lime.2', 'yellow.3', 'orange.3', 'red.3'];

/** V, I and B of an application (the highest of its assets); a note without linked assets. */
export function ClassBadges({ value }: { value: Classification | null }) {
  const { t } = useTranslation();
  if (!value) return <Text size="sm">{t('registers.applications.noClass')}</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      {DIMENSIONS.map((d) => (
        <Badge
          key={d}
          variant="filled"
          color={BACKGROUND[value[d]]}
          c="dark.9"
          radius="sm"
          title={t('registers.applications.classTitle', {
            dimension: t(`catalog.dimensionNames.${d}`),
            level: value[d],
          })}
        >
          {t(`catalog.dimensions.${d}`)}
          {value[d]}
        </Badge>
      ))}
    </Group>
  );
}
