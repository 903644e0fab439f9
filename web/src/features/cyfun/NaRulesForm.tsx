import { Button, Group, NumberInput, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore } from './format';
import type { Level, NaRule } from './types';

interface Props {
  level: Level;
  rule: NaRule;
  canEdit: boolean;
  /** Unsaved scores: the rules are saved on their own, so not while scores wait. */
  blocked: boolean;
  saving: boolean;
  onSave: (rule: NaRule) => void;
}

/**
 * How many requirements may be not applicable and the score each counts as. Fixed by the
 * method at Essential; for Basic and Important only a secondary source gives it, so the
 * bestuur may set it per assessment.
 */
export function NaRulesForm({ level, rule, canEdit, blocked, saving, onSave }: Props) {
  const { t } = useTranslation();
  const [max, setMax] = useState<number | string>(rule.max);
  const [score, setScore] = useState<number | string>(rule.score);
  const valid =
    typeof max === 'number' &&
    Number.isInteger(max) &&
    max >= 0 &&
    max <= 50 &&
    typeof score === 'number' &&
    score >= 1 &&
    score <= 5;
  const changed = max !== rule.max || score !== rule.score;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('cyfun.naRules.title')}
      </Title>
      {level === 'essential' || !canEdit ? (
        <Text size="sm">
          {t(level === 'essential' ? 'cyfun.naRules.fixed' : 'cyfun.naRules.current', {
            max: rule.max,
            score: formatScore(rule.score),
          })}
        </Text>
      ) : (
        <>
          <Text size="sm" mb="sm">
            {t('cyfun.naRules.configurable')}
          </Text>
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={t('cyfun.naRules.max')}
              value={max}
              onChange={setMax}
              min={0}
              max={50}
              allowDecimal={false}
              w={180}
              error={typeof max === 'number' && (max < 0 || max > 50) ? t('cyfun.naRules.maxError') : undefined}
            />
            <NumberInput
              label={t('cyfun.naRules.score')}
              value={score}
              onChange={setScore}
              min={1}
              max={5}
              step={0.5}
              decimalScale={2}
              w={180}
              error={typeof score === 'number' && (score < 1 || score > 5) ? t('cyfun.naRules.scoreError') : undefined}
            />
            <Button
              variant="light"
              disabled={!valid || !changed || blocked}
              loading={saving}
              onClick={() => typeof max === 'number' && typeof score === 'number' && onSave({ max, score })}
            >
              {t('cyfun.naRules.save')}
            </Button>
          </Group>
          {blocked && changed && (
            <Text size="sm" mt="xs">
              {t('cyfun.naRules.saveScoresFirst')}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
