import { Button, Fieldset, Group, SimpleGrid, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PathErrors } from './issues';

type Text = { nl: string; en: string };

/** The typical risks of a process, each in Dutch and English; at least one. */
export function RisksFields({
  risks,
  errors,
  onChange,
}: {
  risks: Text[];
  errors: PathErrors;
  onChange: (risks: Text[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, lang: 'nl' | 'en', value: string) =>
    onChange(risks.map((r, j) => (j === i ? { ...r, [lang]: value } : r)));
  return (
    <>
      <Title order={3} size="h4">
        {t('processlist.fields.risks')}
      </Title>
      {risks.map((r, i) => {
        const legend = t('processlist.form.riskN', { n: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: risks have no id; the position is their identity
          <Fieldset key={i} legend={legend}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <Textarea
                label={t('processlist.form.riskNl')}
                value={r.nl}
                onChange={(e) => set(i, 'nl', e.currentTarget.value)}
                error={errors[`risks.${i}.nl`]}
                autosize
                minRows={2}
                required
              />
              <Textarea
                label={t('processlist.form.riskEn')}
                value={r.en}
                onChange={(e) => set(i, 'en', e.currentTarget.value)}
                error={errors[`risks.${i}.en`]}
                autosize
                minRows={2}
                required
              />
            </SimpleGrid>
            {risks.length > 1 && (
              <Group justify="flex-end" mt="xs">
                <Button variant="default" c="red.9" size="xs" onClick={() => onChange(risks.filter((_, j) => j !== i))}>
                  {t('processlist.form.removeRisk', { n: i + 1 })}
                </Button>
              </Group>
            )}
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="default" onClick={() => onChange([...risks, { nl: '', en: '' }])}>
          {t('processlist.form.addRisk')}
        </Button>
      </Group>
    </>
  );
}
