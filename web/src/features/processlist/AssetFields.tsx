import type { TemplateAsset } from '@baken/contracts';
import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PathErrors } from './issues';

const DIMENSIONS = ['c', 'i', 'a'] as const;
const FLAGS = ['personalData', 'sensitiveData', 'kszData'] as const;
const LEVELS = ['1', '2', '3', '4', '5'];

interface Props {
  asset: TemplateAsset;
  index: number;
  /** An asset that exists in the draft keeps its id: a new id would be another asset. */
  idFixed: boolean;
  errors: PathErrors;
  onChange: (asset: TemplateAsset) => void;
  onRemove: () => void;
}

/** One information asset of a process in the draft: id, names, default classes with the reason, flags. */
export function AssetFields({ asset, index, idFixed, errors, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const err = (path: string) => errors[`assets.${index}.${path}`];
  const legend = asset.name.nl.trim() || t('processlist.form.assetN', { n: index + 1 });
  const text = (key: 'name' | 'reason', lang: 'nl' | 'en', value: string) =>
    onChange({ ...asset, [key]: { ...asset[key], [lang]: value } });
  return (
    <Fieldset legend={legend}>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <TextInput
          label={t('processlist.fields.id')}
          value={asset.id}
          readOnly={idFixed}
          onChange={(e) => onChange({ ...asset, id: e.currentTarget.value })}
          error={err('id')}
          required
        />
        <TextInput
          label={t('processlist.form.nameNl')}
          value={asset.name.nl}
          onChange={(e) => text('name', 'nl', e.currentTarget.value)}
          error={err('name.nl')}
          required
        />
        <TextInput
          label={t('processlist.form.nameEn')}
          value={asset.name.en}
          onChange={(e) => text('name', 'en', e.currentTarget.value)}
          error={err('name.en')}
          required
        />
      </SimpleGrid>
      <Group mt="sm" gap="md">
        {DIMENSIONS.map((d) => (
          <NativeSelect
            key={d}
            label={t(`processes.dimensionLabels.${d}`)}
            data={LEVELS}
            value={String(asset.class[d])}
            onChange={(e) => onChange({ ...asset, class: { ...asset.class, [d]: Number(e.currentTarget.value) } })}
            error={err(`class.${d}`)}
            w={190}
          />
        ))}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="sm">
        <Textarea
          label={t('processlist.form.reasonNl')}
          value={asset.reason.nl}
          onChange={(e) => text('reason', 'nl', e.currentTarget.value)}
          error={err('reason.nl')}
          autosize
          minRows={2}
          required
        />
        <Textarea
          label={t('processlist.form.reasonEn')}
          value={asset.reason.en}
          onChange={(e) => text('reason', 'en', e.currentTarget.value)}
          error={err('reason.en')}
          autosize
          minRows={2}
          required
        />
      </SimpleGrid>
      <Group mt="sm" justify="space-between">
        <Group gap="lg">
          {FLAGS.map((f) => (
            <Checkbox
              key={f}
              label={t(`processes.flags.${f}`)}
              checked={asset[f]}
              onChange={(e) => onChange({ ...asset, [f]: e.currentTarget.checked })}
            />
          ))}
        </Group>
        <Button variant="default" c="red.9" size="xs" onClick={onRemove}>
          {t('processlist.form.removeAsset', { name: legend })}
        </Button>
      </Group>
    </Fieldset>
  );
}
