import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Level, levels } from './search';

/** The CyFun level to measure against: Basic (the regional target), Important or Essential. */
export function LevelSwitch({ value, onChange, help }: { value: Level; onChange: (l: Level) => void; help?: string }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text id={labelId} size="sm" fw={500}>
        {t('compliance.level')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value}
        onChange={(v) => onChange(levels.find((l) => l === v) ?? 'basic')}
        data={levels.map((l) => ({ value: l, label: t(`compliance.levels.${l}`) }))}
      />
      {help && <Text size="xs">{help}</Text>}
    </Stack>
  );
}
