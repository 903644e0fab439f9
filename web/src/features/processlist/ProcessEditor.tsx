import {
  type Draft,
  type DraftMeta,
  type IpdcProductType,
  type IpdcTheme,
  ipdcProductTypes,
  ipdcThemes,
  TemplateProcess,
} from '@baken/contracts';
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
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
import { useSaveProcess } from './api';
import { AssetFields } from './AssetFields';
import { textOf } from './format';
import { IssuesAlert } from './IssuesAlert';
import { check, type PathErrors } from './issues';
import { RisksFields } from './RisksFields';

interface Props {
  draft: Draft;
  /** The process to edit; null to add one; undefined when closed. */
  processId: string | null | undefined;
  onReload: () => Promise<Draft | null>;
  onClose: () => void;
}

const blankText = { nl: '', en: '' };
const blank = (domain: string): TemplateProcess => ({
  id: '',
  domain,
  name: { ...blankText },
  description: { ...blankText },
  ipdc: { themes: [], types: [] },
  applications: [],
  assets: [],
  risks: [{ ...blankText }],
});

/** Adds a process to the draft or edits one: texts, IPDC codes, application kinds, assets and risks. */
export function ProcessEditor({ draft, processId, onReload, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const existing = processId ? draft.snapshot.processes.find((p) => p.id === processId) : undefined;
  const title = existing
    ? t('processlist.form.editProcess', { name: textOf(existing.name, i18n.language === 'en' ? 'en' : 'nl') })
    : t('processlist.form.newProcess');
  return (
    <Modal opened={processId !== undefined} onClose={onClose} title={title} size="80rem">
      {processId !== undefined && <ProcessForm draft={draft} initial={existing} onReload={onReload} onDone={onClose} />}
    </Modal>
  );
}

function ProcessForm({
  draft,
  initial,
  onReload,
  onDone,
}: {
  draft: Draft;
  initial?: TemplateProcess;
  onReload: () => Promise<Draft | null>;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const save = useSaveProcess();
  const [base, setBase] = useState({ version: draft.version, process: initial });
  const [p, setP] = useState<TemplateProcess>(() =>
    structuredClone(initial ?? blank(draft.snapshot.processDomains[0]?.id ?? '')),
  );
  const [errors, setErrors] = useState<PathErrors>({});
  const fixedAssets = new Set((base.process?.assets ?? []).map((a) => a.id));
  const set = (patch: Partial<TemplateProcess>) => setP((x) => ({ ...x, ...patch }));
  const text = (key: 'name' | 'description', l: 'nl' | 'en', value: string) =>
    setP((x) => ({ ...x, [key]: { ...x[key], [l]: value } }));

  const reload = async () => {
    const fresh = await onReload();
    const current = fresh?.snapshot.processes.find((x) => x.id === p.id);
    if (fresh) setBase({ version: fresh.version, process: current ?? base.process });
    if (current) setP(structuredClone(current));
    save.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // No IPDC codes on a process that had none: left out, so the difference stays empty.
    const ipdc = p.ipdc?.themes.length || p.ipdc?.types.length || base.process?.ipdc ? p.ipdc : undefined;
    const checked = check<TemplateProcess>(TemplateProcess, { ...p, ipdc });
    setErrors(checked.errors);
    if (!checked.data) return;
    const process = checked.data;
    save.mutate(
      { draftVersion: base.version, process },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('processlist.form.processSaved', { name: process.name.nl }),
          });
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
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <TextInput
            label={t('processlist.fields.id')}
            description={t('processlist.form.idHint')}
            value={p.id}
            readOnly={base.process !== undefined}
            onChange={(e) => set({ id: e.currentTarget.value })}
            error={err('id')}
            required
          />
          <Select
            label={t('processlist.fields.domain')}
            data={draft.snapshot.processDomains.map((d) => ({ value: d.id, label: textOf(d.name, lang) }))}
            value={p.domain || null}
            onChange={(v) => set({ domain: v ?? '' })}
            error={err('domain')}
            allowDeselect={false}
            searchable
            required
          />
          <TextInput
            label={t('processlist.form.nameNl')}
            value={p.name.nl}
            onChange={(e) => text('name', 'nl', e.currentTarget.value)}
            error={err('name.nl')}
            required
          />
          <TextInput
            label={t('processlist.form.nameEn')}
            value={p.name.en}
            onChange={(e) => text('name', 'en', e.currentTarget.value)}
            error={err('name.en')}
            required
          />
          <Textarea
            label={t('processlist.form.descriptionNl')}
            value={p.description.nl}
            onChange={(e) => text('description', 'nl', e.currentTarget.value)}
            error={err('description.nl')}
            autosize
            minRows={3}
            required
          />
          <Textarea
            label={t('processlist.form.descriptionEn')}
            value={p.description.en}
            onChange={(e) => text('description', 'en', e.currentTarget.value)}
            error={err('description.en')}
            autosize
            minRows={3}
            required
          />
          <MultiSelect
            label={t('processlist.fields.ipdcThemes')}
            data={ipdcThemes.map((x) => ({ value: x, label: t(`processlist.ipdcThemes.${x}`) }))}
            value={p.ipdc?.themes ?? []}
            onChange={(v) => set({ ipdc: { types: p.ipdc?.types ?? [], themes: v as IpdcTheme[] } })}
          />
          <MultiSelect
            label={t('processlist.fields.ipdcTypes')}
            data={ipdcProductTypes.map((x) => ({ value: x, label: t(`processlist.ipdcTypes.${x}`) }))}
            value={p.ipdc?.types ?? []}
            onChange={(v) => set({ ipdc: { themes: p.ipdc?.themes ?? [], types: v as IpdcProductType[] } })}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('processlist.fields.applications')}
          data={draft.snapshot.applicationKinds.map((k) => ({ value: k.id, label: textOf(k.name, lang) }))}
          value={p.applications}
          onChange={(v) => set({ applications: v })}
          error={err('applications')}
          searchable
        />
        <Title order={3} size="h4">
          {t('processlist.fields.assets')}
        </Title>
        {err('assets') && (
          <Alert role="alert" color="red">
            {err('assets')}
          </Alert>
        )}
        {p.assets.map((a, i) => (
          <AssetFields
            // biome-ignore lint/suspicious/noArrayIndexKey: a new asset has no id yet; the position is its identity while editing
            key={i}
            asset={a}
            index={i}
            idFixed={fixedAssets.has(a.id)}
            errors={errors}
            onChange={(next) => set({ assets: p.assets.map((x, j) => (j === i ? next : x)) })}
            onRemove={() => set({ assets: p.assets.filter((_, j) => j !== i) })}
          />
        ))}
        <Group>
          <Button variant="default" onClick={() => set({ assets: [...p.assets, newAsset(p.id)] })}>
            {t('processlist.form.addAsset')}
          </Button>
        </Group>
        <RisksFields risks={p.risks} errors={errors} onChange={(risks) => set({ risks })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('processlist.form.saveProcess')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const newAsset = (processId: string) => ({
  id: processId ? `${processId}.` : '',
  name: { nl: '', en: '' },
  class: { c: 2, i: 2, a: 2 },
  reason: { nl: '', en: '' },
  personalData: false,
  sensitiveData: false,
  kszData: false,
});
