import { type BestuurRole, MemberInvite } from '@baken/contracts';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InviteeFields } from '../../components/InviteeFields';
import { today } from '../../lib/format';
import { type FieldErrors, inviteFieldErrors, validate } from '../../lib/forms';
import { useInviteMember } from './api';
import { RoleSelect } from './RoleSelect';

export function InviteModal({
  bestuurId,
  opened,
  onClose,
}: {
  bestuurId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('members.invite.title')} size="lg">
      {opened && <InviteForm bestuurId={bestuurId} onDone={onClose} />}
    </Modal>
  );
}

function InviteForm({ bestuurId, onDone }: { bestuurId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteMember(bestuurId);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<BestuurRole>('medewerker');
  const [endsAt, setEndsAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(MemberInvite, { email, displayName, role, endsAt });
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    invite.mutate(result.data, {
      onSuccess: (member) => {
        notifications.show({ color: 'green', message: t('members.invite.sent', { email: member.email }) });
        onDone();
      },
      onError: (err) => setErrors(inviteFieldErrors(err)),
    });
  };

  const fieldError = Object.keys(errors).length > 0;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!fieldError && <ErrorAlert error={invite.error} />}
        <InviteeFields
          email={email}
          displayName={displayName}
          onEmailChange={setEmail}
          onDisplayNameChange={setDisplayName}
          errors={errors}
        />
        <RoleSelect value={role} onChange={setRole} error={errors.role} />
        <DateInput
          label={t('members.endsAt')}
          description={role === 'auditor' ? t('members.endsAtAuditor') : t('members.endsAtHint')}
          required={role === 'auditor'}
          clearable
          minDate={today()}
          valueFormat="DD/MM/YYYY"
          value={endsAt}
          onChange={setEndsAt}
          error={errors.endsAt}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending}>
            {t('members.invite.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
