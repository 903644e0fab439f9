import type { Bestuur } from '@baken/contracts';
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateBestuur, useUpdateBestuur } from '../../api/besturen';
import { ApiError } from '../../api/client';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { serverFieldErrors } from '../../lib/forms';
import { BestuurForm, type BestuurFormValues } from '../bestuur/BestuurForm';

interface Props {
  /** `'new'` to create; a bestuur to edit; null when closed. */
  target: Bestuur | 'new' | null;
  onClose: () => void;
  /** Called after a new bestuur has been created and the dialog has closed (after `onClose`). */
  onCreated?: (b: Bestuur) => void;
}

export function BestuurModal({ target, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  // Handed on once the dialog has gone, so that a dialog opened next keeps the focus.
  const created = useRef<Bestuur | null>(null);
  const title = target === 'new' ? t('region.create') : target ? t('region.editTitle', { name: target.name }) : '';
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      onExitTransitionEnd={() => {
        const b = created.current;
        created.current = null;
        if (b) onCreated?.(b);
      }}
      title={title}
      size="xl"
    >
      {target && (
        <BestuurEditor
          key={target === 'new' ? 'new' : target.id}
          target={target}
          onDone={onClose}
          onCreated={(b) => {
            created.current = b;
            onClose();
          }}
        />
      )}
    </Modal>
  );
}

function BestuurEditor({
  target,
  onDone,
  onCreated,
}: {
  target: Bestuur | 'new';
  onDone: () => void;
  onCreated: (b: Bestuur) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateBestuur();
  const update = useUpdateBestuur();
  const [base, setBase] = useState(target === 'new' ? null : target);
  const [formKey, setFormKey] = useState(0);
  const mutation = base ? update : create;
  const fields = serverFieldErrors(mutation.error);
  // Uniqueness errors belong to one field.
  if (mutation.error instanceof ApiError) {
    if (mutation.error.code === 'NIS_CODE_TAKEN') fields.nisCode = mutation.error.message;
    if (mutation.error.code === 'KBO_TAKEN') fields.kboNumber = mutation.error.message;
  }

  const submit = (values: BestuurFormValues) => {
    const saved = (b: Bestuur) => notifications.show({ color: 'green', message: t('region.saved', { name: b.name }) });
    if (base)
      update.mutate(
        { id: base.id, body: { ...values, version: base.version } },
        {
          onSuccess: (b) => {
            saved(b);
            onDone();
          },
        },
      );
    else
      create.mutate(values, {
        onSuccess: (b) => {
          saved(b);
          onCreated(b);
        },
      });
  };

  return (
    <>
      <ConflictAlert<Bestuur>
        error={update.error}
        onReload={(current) => {
          setBase(current);
          setFormKey((k) => k + 1);
          update.reset();
        }}
      />
      {!isConflict(mutation.error) && Object.keys(fields).length === 0 && <ErrorAlert error={mutation.error} />}
      <BestuurForm
        key={formKey}
        initial={base}
        submitting={mutation.isPending}
        serverErrors={fields}
        submitLabel={base ? t('common.save') : t('region.createSubmit')}
        onSubmit={submit}
        onCancel={onDone}
      />
    </>
  );
}
