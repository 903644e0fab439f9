import type { TemplateMeasure } from '@baken/contracts';
import { Button, Fieldset, Group, Select, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFrameworks } from '../catalog/api';
import type { PathErrors } from './issues';

type Mapping = TemplateMeasure['mappings'][number];
const RELATIONSHIPS = ['equal', 'subset', 'superset', 'intersect'] as const;

/** The framework requirements a measure serves: framework, requirement id and relationship. */
export function MappingsFields({
  mappings,
  errors,
  onChange,
}: {
  mappings: Mapping[];
  errors: PathErrors;
  onChange: (mappings: Mapping[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const frameworks = useFrameworks();
  const set = (i: number, patch: Partial<Mapping>) =>
    onChange(mappings.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <>
      <Title order={3} size="h4">
        {t('processlist.fields.mappings')}
      </Title>
      {mappings.map((m, i) => {
        const legend = t('processlist.form.mappingN', { n: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: mappings have no id; the position is their identity while editing
          <Fieldset key={i} legend={legend}>
            <Group align="flex-end">
              <Select
                label={t('processlist.form.framework')}
                data={(frameworks.data ?? []).map((f) => ({ value: f.id, label: f.name[lang] || f.name.nl }))}
                value={m.framework || null}
                onChange={(v) => set(i, { framework: v ?? '' })}
                error={errors[`mappings.${i}.framework`]}
                allowDeselect={false}
                searchable
                w={320}
                required
              />
              <TextInput
                label={t('processlist.form.requirement')}
                value={m.requirement}
                onChange={(e) => set(i, { requirement: e.currentTarget.value })}
                error={errors[`mappings.${i}.requirement`]}
                w={180}
                required
              />
              <Select
                label={t('processlist.form.relationship')}
                data={RELATIONSHIPS.map((r) => ({ value: r, label: t(`catalog.relationships.${r}`) }))}
                value={m.relationship}
                onChange={(v) => v && set(i, { relationship: v as Mapping['relationship'] })}
                allowDeselect={false}
                w={180}
              />
              <Button variant="default" c="red.9" onClick={() => onChange(mappings.filter((_, j) => j !== i))}>
                {t('processlist.form.removeMapping', { n: i + 1 })}
              </Button>
            </Group>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="default"
          onClick={() => onChange([...mappings, { framework: '', requirement: '', relationship: 'intersect' }])}
        >
          {t('processlist.form.addMapping')}
        </Button>
      </Group>
    </>
  );
}
