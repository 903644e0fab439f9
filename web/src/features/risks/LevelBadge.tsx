import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { inLang, type Lang } from '../catalog/format';
import { textOn } from './colour';

interface Level {
  name: { nl: string; en: string };
  colour: string;
}

/** A risk level in words on its colour. */
export function LevelBadge({ level }: { level: Level | null }) {
  const { i18n } = useTranslation();
  if (!level) return <>—</>;
  return (
    <Badge
      radius="sm"
      variant="filled"
      style={{ backgroundColor: level.colour, color: textOn(level.colour), textTransform: 'none', flexShrink: 0 }}
    >
      {inLang(level.name, i18n.language as Lang)}
    </Badge>
  );
}
