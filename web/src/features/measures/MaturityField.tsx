import { maturityScale } from '@baken/contracts';
import { Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const LEVELS = [1, 2, 3, 4, 5] as const;

export const maturityName = (n: number | null, lang: 'nl' | 'en') =>
  n === null ? '' : maturityScale[n as (typeof LEVELS)[number]][lang].name;

interface Props {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
  disabled?: boolean;
  error?: string;
}

/** A maturity score 1–5 with each level's definition of the CyFun scale beside the choice. */
export function MaturityField({ label, value, onChange, disabled, error }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <Radio.Group
      label={label}
      value={value === null ? '' : String(value)}
      onChange={(v) => onChange(v === '' ? null : Number(v))}
      error={error}
    >
      <Stack gap={6} mt={6}>
        <Radio value="" disabled={disabled} label={t('measures.maturity.none')} />
        {LEVELS.map((n) => (
          <Radio
            key={n}
            value={String(n)}
            disabled={disabled}
            label={
              <Text span size="sm" fw={600}>
                {n}. {maturityScale[n][lang].name}
              </Text>
            }
            description={maturityScale[n][lang].text}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
