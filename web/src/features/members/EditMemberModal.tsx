import type { BestuurRole, Member } from '@baken/contracts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { serverFieldErrors } from '../../lib/forms';
import { useUpdateMember } from './api';
import { RoleSelect } from './RoleSelect';

interface Props {
  bestuurId: string;
  member: Member | null;
  onClose: () => void;
}

/** Change a member's role and end date. */
export function EditMemberModal({ bestuurId, member, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={member ? t('members.edit.title', { name: member.displayName }) : ''}
      size="lg"
    >
      {member && <EditForm key={member.id} bestuurId={bestuurId} member={member} onDone={onClose} />}
    </Modal>
  );
}

function EditForm({ bestuurId, member, onDone }: { bestuurId: string; member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateMember(bestuurId);
  const [base, setBase] = useState(member);
  const [role, setRole] = useState<BestuurRole>(member.role);
  const [endsAt, setEndsAt] = useState<string | null>(member.endsAt);
  const [error, setError] = useState<string>();

  const reload = (current: Member) => {
    setBase(current);
    setRole(current.role);
    setEndsAt(current.endsAt);
    update.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (role === 'auditor' && !endsAt) {
      setError(t('validation.auditor_requires_end_date'));
      return;
    }
    setError(undefined);
    update.mutate(
      { memberId: base.id, body: { version: base.version, role, endsAt } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('members.edit.saved') });
          onDone();
        },
      },
    );
  };

  const serverErrors = serverFieldErrors(update.error);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{base.email}</Text>
        <ConflictAlert<Member> error={update.error} onReload={reload} />
        {!isConflict(update.error) && Object.keys(serverErrors).length === 0 && <ErrorAlert error={update.error} />}
        <RoleSelect value={role} onChange={setRole} error={serverErrors.role} />
        <DateInput
          label={t('members.endsAt')}
          description={role === 'auditor' ? t('members.endsAtAuditor') : t('members.endsAtHint')}
          required={role === 'auditor'}
          clearable
          valueFormat="DD/MM/YYYY"
          value={endsAt}
          onChange={setEndsAt}
          error={error ?? serverErrors.endsAt}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
