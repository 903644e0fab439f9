import type { Classification } from '@baken/contracts';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const DIMENSIONS = ['c', 'i', 'a'] as const;
export type Dim = (typeof DIMENSIONS)[number];
export { DIMENSIONS };

// Light backgrounds with dark text keep the contrast; the text ("V3") carries the class, the colour only helps.
const BACKGROUND = ['', 'green.1', 'lime.2', 'yellow.3', 'orange.3', 'red.3'];

/** One class as a badge: "V3", coloured from green (1) to red (5). */
export function ClassBadge({ dim, level }: { dim: Dim; level: number }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="filled"
      color={BACKGROUND[level]}
      c="dark.9"
      radius="sm"
      style={{ flexShrink: 0, overflow: 'visible' }}
      title={t('processes.classTitle', { dimension: t(`catalog.dimensionNames.${dim}`), level })}
    >
      {t(`catalog.dimensions.${dim}`)}
      {level}
    </Badge>
  );
}

/** V, I and B of a process or asset; a dash without a class (a process without assets). */
export function ClassBadges({ value }: { value: Classification | null }) {
  const { t } = useTranslation();
  if (!value) return <Text size="sm">{t('processes.noClass')}</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      {DIMENSIONS.map((d) => (
        <ClassBadge key={d} dim={d} level={value[d]} />
      ))}
    </Group>
  );
}

export const maxClass = (c: Classification | null) => (c ? Math.max(c.c, c.i, c.a) : 0);
