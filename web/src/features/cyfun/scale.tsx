import { maturityScale } from '@baken/contracts';
import { Button, Collapse, List, NativeSelect, Paper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { scores } from './model';

type Score = (typeof scores)[number];

function useScaleName() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (s: Score) => maturityScale[s][lang];
}

/** A 1–5 maturity score with the scale's names; empty while not answered. */
export function ScoreSelect({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: number | null;
  disabled?: boolean;
  onChange: (v: number | null) => void;
}) {
  const { t } = useTranslation();
  const scale = useScaleName();
  return (
    <NativeSelect
      aria-label={label}
      size="xs"
      w={160}
      disabled={disabled}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
      data={[
        { value: '', label: t('cyfun.editor.noScore') },
        ...scores.map((s) => ({ value: String(s), label: `${s} – ${scale(s).name}` })),
      ]}
    />
  );
}

/** The maturity scale with the definition of every score, behind a button. */
export function ScaleHelp() {
  const { t } = useTranslation();
  const scale = useScaleName();
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  return (
    <div>
      <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={opened} aria-controls={panelId}>
        {opened ? t('cyfun.scale.hide') : t('cyfun.scale.show')}
      </Button>
      <Collapse in={opened} id={panelId}>
        <Paper withBorder p="md" mt="xs" maw={760}>
          <Text size="sm" mb="xs">
            {t('cyfun.scale.intro')}
          </Text>
          <List size="sm" spacing={4}>
            {scores.map((s) => (
              <List.Item key={s}>
                <Text span fw={600} size="sm">
                  {s} – {scale(s).name}:
                </Text>{' '}
                {scale(s).text}
              </List.Item>
            ))}
          </List>
        </Paper>
      </Collapse>
    </div>
  );
}
