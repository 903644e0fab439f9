import type { BestuurProcess } from '@baken/contracts';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { serverFieldErrors } from '../../lib/forms';
import { useUpdateProcess } from './api';

interface Props {
  bestuurId: string;
  process: BestuurProcess;
  opened: boolean;
  onClose: () => void;
}

/** Marks a process not applicable (with the reason), or applicable again. */
export function ApplicabilityModal({ bestuurId, process, opened, onClose }: Props) {
  const { t } = useTranslation();
  const title = process.applicable ? t('processes.applicability.markTitle') : t('processes.applicability.restoreTitle');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      {opened && <ApplicabilityForm bestuurId={bestuurId} process={process} onDone={onClose} />}
    </Modal>
  );
}

function ApplicabilityForm({
  bestuurId,
  process,
  onDone,
}: {
  bestuurId: string;
  process: BestuurProcess;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateProcess(bestuurId);
  const [base, setBase] = useState(process);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const marking = base.applicable;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (marking && !reason.trim()) {
      setError(t('processes.applicability.reasonRequired'));
      return;
    }
    const body = marking
      ? { version: base.version, applicable: false, notApplicableReason: reason.trim() }
      : { version: base.version, applicable: true };
    update.mutate(
      { processId: base.id, body },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: marking ? t('processes.applicability.marked') : t('processes.applicability.restored'),
          });
          onDone();
        },
      },
    );
  };

  const server = serverFieldErrors(update.error);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ConflictAlert<BestuurProcess>
          error={update.error}
          onReload={(current) => {
            setBase(current);
            update.reset();
          }}
        />
        {!isConflict(update.error) && Object.keys(server).length === 0 && <ErrorAlert error={update.error} />}
        {marking ? (
          <>
            <Text size="sm">{t('processes.applicability.markText')}</Text>
            <Textarea
              label={t('processes.applicability.reason')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(undefined);
              }}
              error={error ?? server.notApplicableReason}
            />
          </>
        ) : (
          <Text size="sm">{t('processes.applicability.restoreText')}</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {marking ? t('processes.applicability.mark') : t('processes.applicability.restore')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
