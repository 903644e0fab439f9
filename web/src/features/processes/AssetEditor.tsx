import type { AssetClassificationUpdate, BestuurAsset, Classification } from '@baken/contracts';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type ConflictRow, ConflictDialog } from '../../components/ConflictDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { serverFieldErrors } from '../../lib/forms';
import { inLang, type Lang } from '../catalog/format';
import { useDeleteAsset, useUpdateAsset } from './api';
import { ClassBadges, DIMENSIONS, type Dim } from './ClassBadges';

const FLAGS = ['personalData', 'sensitiveData', 'kszData'] as const;
type Flag = (typeof FLAGS)[number];

interface Draft extends Classification {
  reason: string;
  name: string;
  personalData: boolean;
  sensitiveData: boolean;
  kszData: boolean;
}

const draftOf = (a: BestuurAsset): Draft => ({
  ...a.class,
  reason: a.reason ?? '',
  name: a.name.nl,
  personalData: a.personalData,
  sensitiveData: a.sensitiveData,
  kszData: a.kszData,
});

const differs = (d: Classification, def: Classification | null) =>
  def !== null && DIMENSIONS.some((k) => d[k] !== def[k]);

/** One information asset: its classes beside the generic list's default, the reason, the flags. */
export function AssetEditor({
  bestuurId,
  asset,
  canEdit,
}: {
  bestuurId: string;
  asset: BestuurAsset;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const titleId = useId();
  const name = inLang(asset.name, lang);
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id={titleId}>
          {name}
        </Title>
        <Badge variant="outline" color="gray.8">
          {asset.templateId === null ? t('processes.ownAsset') : t('processes.template')}
        </Badge>
      </Group>
      {asset.defaultReason && asset.defaultClass && (
        <Text size="sm" mb="sm">
          {t('processes.asset.defaultReason', {
            classes: DIMENSIONS.map((d) => `${t(`catalog.dimensions.${d}`)}${asset.defaultClass?.[d]}`).join(' '),
            reason: inLang(asset.defaultReason, lang),
          })}
        </Text>
      )}
      {canEdit ? (
        <AssetForm key={asset.version} bestuurId={bestuurId} asset={asset} name={name} />
      ) : (
        <AssetView asset={asset} />
      )}
    </Paper>
  );
}

function AssetView({ asset }: { asset: BestuurAsset }) {
  const { t } = useTranslation();
  const flags = FLAGS.filter((f) => asset[f]);
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <ClassBadges value={asset.class} />
        {differs(asset.class, asset.defaultClass) && <Text size="sm">{t('processes.asset.differs')}</Text>}
      </Group>
      {asset.reason && <Text size="sm">{t('processes.asset.reasonShown', { reason: asset.reason })}</Text>}
      <Text size="sm">
        {flags.length === 0
          ? t('processes.asset.noFlags')
          : t('processes.asset.flagsShown', { flags: flags.map((f) => t(`processes.flags.${f}`)).join(', ') })}
      </Text>
    </Stack>
  );
}

function AssetForm({ bestuurId, asset, name }: { bestuurId: string; asset: BestuurAsset; name: string }) {
  const { t } = useTranslation();
  const update = useUpdateAsset(bestuurId);
  const remove = useDeleteAsset(bestuurId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(asset));
  const [base, setBase] = useState(asset);
  const [reasonError, setReasonError] = useState<string>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const own = asset.templateId === null;
  const needsReason = differs(draft, base.defaultClass);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(base));

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (key === 'reason') setReasonError(undefined);
  };

  const save = (version: number) => {
    const body: AssetClassificationUpdate = {
      version,
      c: draft.c,
      i: draft.i,
      a: draft.a,
      reason: needsReason ? draft.reason.trim() : undefined,
      personalData: draft.personalData,
      sensitiveData: draft.sensitiveData,
      kszData: draft.kszData,
      name: own && draft.name !== base.name.nl ? { nl: draft.name.trim() } : undefined,
    };
    update.mutate(
      { assetId: base.id, body },
      { onSuccess: () => notifications.show({ color: 'green', message: t('processes.asset.saved', { name }) }) },
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (needsReason && !draft.reason.trim()) {
      setReasonError(t('processes.asset.reasonRequired'));
      return;
    }
    save(base.version);
  };

  const conflict = update.error instanceof ApiError && update.error.code === 'VERSION_CONFLICT' ? update.error : null;
  const compare = (c: BestuurAsset): ConflictRow[] => {
    const theirs = draftOf(c);
    const yesNo = (v: boolean) => t(v ? 'classification.yes' : 'classification.no');
    return [
      ...(own ? [{ label: t('processes.asset.name'), mine: draft.name.trim(), current: theirs.name }] : []),
      ...DIMENSIONS.map((d) => ({
        label: t(`processes.dimensionLabels.${d}`),
        mine: String(draft[d]),
        current: String(theirs[d]),
      })),
      { label: t('processes.asset.reason'), mine: needsReason ? draft.reason.trim() : '', current: theirs.reason },
      ...FLAGS.map((f) => ({ label: t(`processes.flags.${f}`), mine: yesNo(draft[f]), current: yesNo(theirs[f]) })),
    ];
  };
  const server = serverFieldErrors(update.error);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ConflictDialog<BestuurAsset>
          error={update.error}
          compare={compare}
          onReload={(current) => {
            setBase(current);
            setDraft(draftOf(current));
            update.reset();
          }}
          onKeepMine={(current) => save(current.version)}
          saving={update.isPending}
        />
        {!conflict && Object.keys(server).length === 0 && <ErrorAlert error={update.error} />}
        {own && (
          <TextInput
            label={t('processes.asset.name')}
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            required
            error={server.name}
            maw={480}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" maw={720}>
          {DIMENSIONS.map((d) => (
            <ClassSelect
              key={d}
              dim={d}
              value={draft[d]}
              defaultLevel={base.defaultClass?.[d]}
              onChange={(v) => set(d, v)}
            />
          ))}
        </SimpleGrid>
        {needsReason && (
          <Textarea
            label={t('processes.asset.reason')}
            description={t('processes.asset.reasonHint')}
            required
            autosize
            minRows={2}
            maw={720}
            value={draft.reason}
            onChange={(e) => set('reason', e.currentTarget.value)}
            error={reasonError ?? server.reason}
          />
        )}
        <Checkbox.Group
          label={t('processes.asset.flags')}
          value={FLAGS.filter((f) => draft[f])}
          onChange={(v) => {
            for (const f of FLAGS) set(f as Flag, v.includes(f));
          }}
        >
          <Group mt="xs">
            {FLAGS.map((f) => (
              <Checkbox key={f} value={f} label={t(`processes.flags.${f}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!dirty}>
            {t('processes.asset.save')}
          </Button>
          {dirty && (
            <Button variant="subtle" onClick={() => setDraft(draftOf(base))}>
              {t('processes.asset.undo')}
            </Button>
          )}
          {own && (
            <Button variant="outline" color="red.9" onClick={() => setConfirmDelete(true)}>
              {t('processes.asset.delete')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirmDelete}
        title={t('processes.asset.deleteTitle', { name })}
        message={t('processes.asset.deleteText')}
        confirmLabel={t('processes.asset.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate({ assetId: base.id, version: base.version }, { onSuccess: () => setConfirmDelete(false) })
        }
        onClose={() => setConfirmDelete(false)}
      />
    </form>
  );
}

function ClassSelect({
  dim,
  value,
  defaultLevel,
  onChange,
}: {
  dim: Dim;
  value: number;
  defaultLevel: number | undefined;
  onChange: (v: number) => void;
}) {
  const { t } = useTranslation();
  const description =
    defaultLevel === undefined
      ? undefined
      : t(defaultLevel === value ? 'processes.asset.isDefault' : 'processes.asset.notDefault', { level: defaultLevel });
  return (
    <NativeSelect
      label={t(`processes.dimensionLabels.${dim}`)}
      description={description}
      data={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('processes.asset.level', { level: n }) }))}
      value={String(value)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      styles={defaultLevel !== undefined && defaultLevel !== value ? { input: { fontWeight: 700 } } : undefined}
    />
  );
}
