import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScoreSelect } from './scale';

/** Gives every requirement without an answer the same two scores, as unsaved changes to review. */
export function FillUnanswered({ unanswered, onFill }: { unanswered: number; onFill: (d: number, i: number) => void }) {
  const { t } = useTranslation();
  const [documentation, setDocumentation] = useState<number | null>(null);
  const [implementation, setImplementation] = useState<number | null>(null);
  return (
    <Group gap="sm" align="center">
      <Text size="sm">{t('cyfun.fill.label', { count: unanswered })}</Text>
      <ScoreSelect label={t('cyfun.fill.documentation')} value={documentation} onChange={setDocumentation} />
      <ScoreSelect label={t('cyfun.fill.implementation')} value={implementation} onChange={setImplementation} />
      <Button
        size="xs"
        variant="light"
        disabled={documentation === null || implementation === null || unanswered === 0}
        onClick={() => documentation !== null && implementation !== null && onFill(documentation, implementation)}
      >
        {t('cyfun.fill.action')}
      </Button>
    </Group>
  );
}
