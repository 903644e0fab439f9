import { type Draft, type DraftMeta, TemplateMeasure } from '@baken/contracts';
import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/ConflictAlert';
import { useSecurityDomains } from '../catalog/api';
import { useSaveMeasure } from './api';
import { textOf } from './format';
import { IssuesAlert } from './IssuesAlert';
import { check, type PathErrors } from './issues';
import { MappingsFields } from './MappingsFields';

interface Props {
  draft: Draft;
  /** The measure to edit; null to add one; undefined when closed. */
  code: string | null | undefined;
  onReload: () => Promise<Draft | null>;
  onClose: () => void;
}

type Rule = { c?: number | null; i?: number | null; a?: number | null };
const DIMENSIONS = ['c', 'i', 'a'] as const;
const CONDITIONS = ['personalData', 'ksz', 'nis2'] as const;

const blank = (): TemplateMeasure => ({
  code: '',
  domain: '',
  type: 'organisational',
  title: { nl: '', en: '' },
  guidance: { nl: '', en: '' },
  applies: 'always',
  conditions: {},
  mappings: [],
});

/** Adds a measure to the draft or edits one: texts, domain, type, class rule, conditions and mappings. */
export function MeasureEditor({ draft, code, onReload, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const existing = code ? draft.snapshot.measures.find((m) => m.code === code) : undefined;
  const title = existing
    ? t('processlist.form.editMeasure', {
        name: `${existing.code} · ${textOf(existing.title, i18n.language === 'en' ? 'en' : 'nl')}`,
      })
    : t('processlist.form.newMeasure');
  return (
    <Modal opened={code !== undefined} onClose={onClose} title={title} size="70rem">
      {code !== undefined && <MeasureForm draft={draft} initial={existing} onReload={onReload} onDone={onClose} />}
    </Modal>
  );
}

function MeasureForm({
  draft,
  initial,
  onReload,
  onDone,
}: {
  draft: Draft;
  initial?: TemplateMeasure;
  onReload: () => Promise<Draft | null>;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const domains = useSecurityDomains();
  const save = useSaveMeasure();
  const [base, setBase] = useState({ version: draft.version, measure: initial });
  const [m, setM] = useState<TemplateMeasure>(() => structuredClone(initial ?? blank()));
  const [errors, setErrors] = useState<PathErrors>({});
  const set = (patch: Partial<TemplateMeasure>) => setM((x) => ({ ...x, ...patch }));
  const text = (key: 'title' | 'guidance', l: 'nl' | 'en', value: string) =>
    setM((x) => ({ ...x, [key]: { ...x[key], [l]: value } }));
  const rule: Rule = m.applies === 'always' ? {} : m.applies;

  const reload = async () => {
    const fresh = await onReload();
    const current = fresh?.snapshot.measures.find((x) => x.code === m.code);
    if (fresh) setBase({ version: fresh.version, measure: current ?? base.measure });
    if (current) setM(structuredClone(current));
    save.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Only what is set is sent, so an untouched rule or condition does not show as a change.
    const applies =
      m.applies === 'always'
        ? m.applies
        : Object.fromEntries(DIMENSIONS.filter((d) => rule[d] != null).map((d) => [d, rule[d]]));
    const on = Object.fromEntries(CONDITIONS.filter((c) => m.conditions?.[c]).map((c) => [c, true]));
    const conditions = Object.keys(on).length > 0 || base.measure?.conditions ? on : undefined;
    const checked = check<TemplateMeasure>(TemplateMeasure, { ...m, applies, conditions });
    setErrors(checked.errors);
    if (!checked.data) return;
    const measure = checked.data;
    save.mutate(
      { draftVersion: base.version, measure },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('processlist.form.measureSaved', { code: measure.code }) });
          onDone();
        },
      },
    );
  };

  const err = (path: string) => errors[path];
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ConflictAlert<DraftMeta> error={save.error} onReload={() => void reload()} />
        <IssuesAlert local={errors} error={save.error} />
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <TextInput
            label={t('catalog.code')}
            description={t('processlist.form.codeHint')}
            value={m.code}
            readOnly={base.measure !== undefined}
            onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() })}
            error={err('code')}
            required
          />
          <Select
            label={t('processlist.fields.securityDomain')}
            data={(domains.data ?? []).map((d) => ({ value: d.id, label: textOf(d.name, lang) }))}
            value={m.domain || null}
            onChange={(v) => set({ domain: v ?? '' })}
            error={err('domain')}
            allowDeselect={false}
            searchable
            required
          />
          <Select
            label={t('processlist.fields.type')}
            data={(['organisational', 'technical'] as const).map((x) => ({ value: x, label: t(`catalog.types.${x}`) }))}
            value={m.type}
            onChange={(v) => v && set({ type: v as TemplateMeasure['type'] })}
            allowDeselect={false}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <TextInput
            label={t('processlist.form.titleNl')}
            value={m.title.nl}
            onChange={(e) => text('title', 'nl', e.currentTarget.value)}
            error={err('title.nl')}
            required
          />
          <TextInput
            label={t('processlist.form.titleEn')}
            value={m.title.en}
            onChange={(e) => text('title', 'en', e.currentTarget.value)}
            error={err('title.en')}
            required
          />
          <Textarea
            label={t('processlist.form.guidanceNl')}
            value={m.guidance.nl}
            onChange={(e) => text('guidance', 'nl', e.currentTarget.value)}
            error={err('guidance.nl')}
            autosize
            minRows={3}
            required
          />
          <Textarea
            label={t('processlist.form.guidanceEn')}
            value={m.guidance.en}
            onChange={(e) => text('guidance', 'en', e.currentTarget.value)}
            error={err('guidance.en')}
            autosize
            minRows={3}
            required
          />
        </SimpleGrid>
        <Radio.Group
          label={t('catalog.applies')}
          value={m.applies === 'always' ? 'always' : 'classes'}
          onChange={(v) => set({ applies: v === 'always' ? 'always' : { c: 3 } })}
          error={err('applies')}
        >
          <Group mt="xs">
            <Radio value="always" label={t('processlist.form.always')} />
            <Radio value="classes" label={t('processlist.form.fromClass')} />
          </Group>
        </Radio.Group>
        {m.applies !== 'always' && (
          <Group gap="md">
            {DIMENSIONS.map((d) => (
              <NativeSelect
                key={d}
                label={t('processlist.form.ruleFrom', { dimension: t(`processes.dimensionLabels.${d}`) })}
                data={[
                  { value: '', label: t('processlist.form.ruleNone') },
                  ...['1', '2', '3', '4', '5'].map((x) => ({ value: x, label: `${t(`catalog.dimensions.${d}`)}${x}` })),
                ]}
                value={rule[d] == null ? '' : String(rule[d])}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  set({ applies: { ...rule, [d]: v === '' ? null : Number(v) } as TemplateMeasure['applies'] });
                }}
                w={240}
              />
            ))}
          </Group>
        )}
        <Title order={3} size="h4">
          {t('processlist.fields.conditions')}
        </Title>
        <Group gap="lg">
          {CONDITIONS.map((c) => (
            <Checkbox
              key={c}
              label={t(`catalog.conditionNames.${c}`)}
              checked={m.conditions?.[c] ?? false}
              onChange={(e) => set({ conditions: { ...m.conditions, [c]: e.currentTarget.checked } })}
            />
          ))}
        </Group>
        <MappingsFields mappings={m.mappings} errors={errors} onChange={(mappings) => set({ mappings })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('processlist.form.saveMeasure')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
