import { type BestuurProcess, NewOwnProcess } from '@baken/contracts';
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, serverFieldErrors, validate } from '../../lib/forms';
import { useCreateProcess, useUpdateProcess } from './api';
import { domainName, PROCESS_DOMAINS } from './domains';

interface Props {
  bestuurId: string;
  opened: boolean;
  /** The own process to edit; none to add one. */
  process?: BestuurProcess;
  /** The domains to choose from (the published list's); Baken's own list by default. */
  domains?: string[];
  label?: (id: string) => string;
  onClose: () => void;
}

/** Adds a process of the bestuur's own, or edits one's name, description and domain. */
export function ProcessFormModal({ bestuurId, opened, process, domains, label, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={process ? t('processes.form.editTitle') : t('processes.form.newTitle')}
      size="lg"
    >
      {opened && (
        <ProcessForm
          bestuurId={bestuurId}
          process={process}
          domains={domains ?? [...PROCESS_DOMAINS]}
          label={label ?? ((id) => domainName(t, id))}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

const values = (p?: BestuurProcess) => ({
  domain: p?.domain ?? '',
  nameNl: p?.name.nl ?? '',
  nameEn: p && p.name.en !== p.name.nl ? p.name.en : '',
  descriptionNl: p?.description?.nl ?? '',
  descriptionEn: p?.description && p.description.en !== p.description.nl ? p.description.en : '',
});

interface FormProps {
  bestuurId: string;
  process?: BestuurProcess;
  domains: string[];
  label: (id: string) => string;
  onDone: () => void;
}

function ProcessForm({ bestuurId, process, domains, label, onDone }: FormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProcess(bestuurId);
  const update = useUpdateProcess(bestuurId);
  const mutation = process ? update : create;
  const [base, setBase] = useState(process);
  const [form, setForm] = useState(values(process));
  const [errors, setErrors] = useState<FieldErrors>({});
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });

  const reload = (current: BestuurProcess) => {
    setBase(current);
    setForm(values(current));
    update.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      domain: form.domain,
      name: { nl: form.nameNl, en: form.nameEn.trim() || undefined },
      description: form.descriptionNl.trim()
        ? { nl: form.descriptionNl, en: form.descriptionEn.trim() || undefined }
        : undefined,
    };
    const checked = validate(NewOwnProcess, body);
    setErrors(checked.errors ?? {});
    if (!checked.data) return;
    const saved = (p: BestuurProcess) => {
      notifications.show({ color: 'green', message: t(process ? 'processes.form.saved' : 'processes.form.created') });
      onDone();
      if (!process) void navigate({ to: '/b/$bestuurId/processen/$processId', params: { bestuurId, processId: p.id } });
    };
    if (base) {
      // An emptied description is sent as empty text, so it is cleared rather than left as it was.
      const description = checked.data.description ?? { nl: '' };
      update.mutate(
        { processId: base.id, body: { ...checked.data, description, version: base.version } },
        { onSuccess: saved },
      );
    } else create.mutate(checked.data, { onSuccess: saved });
  };

  const server = serverFieldErrors(mutation.error);
  const error = (k: string) => errors[k] ?? server[k];
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ConflictAlert<BestuurProcess> error={update.error} onReload={reload} />
        {!isConflict(mutation.error) && Object.keys(server).length === 0 && <ErrorAlert error={mutation.error} />}
        <Select
          label={t('processes.domain')}
          data={[...new Set([...domains, ...(base ? [base.domain] : [])])].map((d) => ({ value: d, label: label(d) }))}
          value={form.domain || null}
          onChange={(v) => setForm((f) => ({ ...f, domain: v ?? '' }))}
          required
          searchable
          error={error('domain')}
        />
        <TextInput label={t('processes.form.nameNl')} required {...field('nameNl')} error={error('name')} />
        <TextInput label={t('processes.form.nameEn')} description={t('processes.form.enHint')} {...field('nameEn')} />
        <Textarea
          label={t('processes.form.descriptionNl')}
          autosize
          minRows={3}
          {...field('descriptionNl')}
          error={error('description')}
        />
        <Textarea label={t('processes.form.descriptionEn')} autosize minRows={2} {...field('descriptionEn')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {process ? t('common.save') : t('processes.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
