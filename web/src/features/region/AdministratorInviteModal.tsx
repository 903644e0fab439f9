import { AdministratorInvite, type Bestuur } from '@baken/contracts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInviteAdministrator } from '../../api/besturen';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InviteeFields } from '../../components/InviteeFields';
import { type FieldErrors, inviteFieldErrors, validate } from '../../lib/forms';

export interface AdministratorInviteTarget {
  bestuur: Bestuur;
  /** Just created: explain that it needs a beheerder before anyone can use it. */
  isNew?: boolean;
}

/** The platform admin invites a beheerder for a bestuur (role fixed to beheerder). */
export function AdministratorInviteModal({
  target,
  onClose,
}: {
  target: AdministratorInviteTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? t('region.inviteAdmin.title', { name: target.bestuur.name }) : ''}
      size="lg"
    >
      {target && <AdministratorInviteForm key={target.bestuur.id} target={target} onDone={onClose} />}
    </Modal>
  );
}

function AdministratorInviteForm({ target, onDone }: { target: AdministratorInviteTarget; onDone: () => void }) {
  const { t } = useTranslation();
  const { bestuur, isNew } = target;
  const invite = useInviteAdministrator(bestuur.id);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(AdministratorInvite, { email, displayName });
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    invite.mutate(result.data, {
      onSuccess: (member) => {
        notifications.show({
          color: 'green',
          message: t('region.inviteAdmin.sent', { email: member.email, name: bestuur.name }),
        });
        onDone();
      },
      onError: (err) => setErrors(inviteFieldErrors(err)),
    });
  };

  // A server error that belongs to a field is shown there; anything else in the alert.
  const fieldError = Boolean(errors.email || errors.displayName);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {isNew && <Text fw={500}>{t('region.inviteAdmin.newIntro', { name: bestuur.name })}</Text>}
        <Text size="sm">{t('region.inviteAdmin.intro')}</Text>
        {!fieldError && <ErrorAlert error={invite.error} />}
        <InviteeFields
          email={email}
          displayName={displayName}
          onEmailChange={setEmail}
          onDisplayNameChange={setDisplayName}
          errors={errors}
          autoComplete="off"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {isNew ? t('region.inviteAdmin.later') : t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending}>
            {t('region.inviteAdmin.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
