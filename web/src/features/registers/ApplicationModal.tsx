import {
  type Application,
  ApplicationCreate,
  ApplicationUpdate,
  type DataLocation,
  type Hosting,
  dataLocations,
  hostings,
} from '@baken/contracts';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, serverFieldErrors } from '../../lib/forms';
import { inLang, type Lang } from '../catalog/format';
import { useApplicationKinds, useSaveApplication, useSuppliers } from './api';
import { validateRegister } from './validate';

/** A new application, optionally proposed from an application kind; or an existing one to change. */
export type ApplicationTarget = { kind: 'new'; name?: string; applicationKind?: string } | Application;

interface Props {
  bestuurId: string;
  target: ApplicationTarget | null;
  onClose: () => void;
}

const isNew = (t: ApplicationTarget): t is { kind: 'new'; name?: string; applicationKind?: string } => !('id' in t);

export function ApplicationModal({ bestuurId, target, onClose }: Props) {
  const { t } = useTranslation();
  const title = !target
    ? ''
    : isNew(target)
      ? t('registers.applications.create')
      : t('registers.applications.editTitle', { name: target.name });
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target && (
        <ApplicationForm
          key={isNew(target) ? `new-${target.applicationKind ?? ''}` : target.id}
          bestuurId={bestuurId}
          target={target}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

interface Values {
  name: string;
  description: string;
  kind: string | null;
  supplierId: string | null;
  hosting: Hosting | null;
  acmIdm: boolean;
  dataLocation: DataLocation;
}

const valuesOf = (a: ApplicationTarget): Values =>
  isNew(a)
    ? {
        name: a.name ?? '',
        description: '',
        kind: a.applicationKind ?? null,
        supplierId: null,
        hosting: null,
        acmIdm: false,
        dataLocation: 'onbekend',
      }
    : {
        name: a.name,
        description: a.description ?? '',
        kind: a.kind,
        supplierId: a.supplier?.id ?? null,
        hosting: a.hosting,
        acmIdm: a.acmIdm,
        dataLocation: a.dataLocation,
      };

function ApplicationForm({
  bestuurId,
  target,
  onDone,
}: {
  bestuurId: string;
  target: ApplicationTarget;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const save = useSaveApplication(bestuurId);
  const kinds = useApplicationKinds();
  const suppliers = useSuppliers(bestuurId);
  const [base, setBase] = useState<Application | null>(isNew(target) ? null : target);
  const [values, setValues] = useState<Values>(valuesOf(target));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const reload = (current: Application) => {
    setBase(current);
    setValues(valuesOf(current));
    setErrors({});
    save.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...values, description: values.description.trim() || null };
    const checked = base
      ? validateRegister(ApplicationUpdate, { ...body, version: base.version })
      : validateRegister(ApplicationCreate, body);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    save.mutate(
      { id: base?.id, body: checked.data },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('registers.applications.saved', { name: saved.name }) });
          onDone();
        },
        onError: (err) => {
          const fields = serverFieldErrors(err);
          if (err instanceof ApiError && err.code === 'APPLICATION_EXISTS') fields.name = err.message;
          setErrors(fields);
        },
      },
    );
  };

  const fieldError = Object.keys(errors).length > 0;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ConflictAlert<Application> error={save.error} onReload={reload} />
        {!isConflict(save.error) && !fieldError && <ErrorAlert error={save.error} />}
        <TextInput
          label={t('registers.applications.name')}
          required
          value={values.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={errors.name}
        />
        <Textarea
          label={t('registers.applications.description')}
          autosize
          minRows={2}
          value={values.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          error={errors.description}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('registers.applications.kind')}
            description={t('registers.applications.kindHint')}
            data={(kinds.data ?? []).map((k) => ({ value: k.id, label: inLang(k.name, lang) }))}
            value={values.kind}
            onChange={set('kind')}
            searchable
            clearable
            nothingFoundMessage={t('registers.noResults')}
            error={errors.kind}
          />
          <Select
            label={t('registers.applications.supplier')}
            data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={values.supplierId}
            onChange={set('supplierId')}
            searchable
            clearable
            nothingFoundMessage={t('registers.applications.noSuppliers')}
            error={errors.supplierId}
          />
          <Select
            label={t('registers.applications.hosting')}
            required
            data={hostings.map((h) => ({ value: h, label: t(`registers.hosting.${h}`) }))}
            value={values.hosting}
            onChange={(v) => set('hosting')(v as Hosting | null)}
            error={errors.hosting}
          />
          <Select
            label={t('registers.applications.dataLocation')}
            data={dataLocations.map((d) => ({ value: d, label: t(`registers.dataLocation.${d}`) }))}
            value={values.dataLocation}
            onChange={(v) => v && set('dataLocation')(v as DataLocation)}
            allowDeselect={false}
            error={errors.dataLocation}
          />
        </SimpleGrid>
        <Switch
          label={t('registers.applications.acmIdm')}
          description={t('registers.applications.acmIdmHint')}
          checked={values.acmIdm}
          onChange={(e) => set('acmIdm')(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
