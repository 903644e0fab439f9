import type { Me } from '@baken/contracts';
import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMe } from '../../api/me';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import i18n, { rememberLanguage } from '../../i18n';
import { serverFieldErrors } from '../../lib/forms';

/** Display name and language (stored in the profile, so it follows the user). */
export function ProfileDetails({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [base, setBase] = useState(me);
  const [displayName, setDisplayName] = useState(me.displayName);
  const [language, setLanguage] = useState<'nl' | 'en'>(me.language);
  const [error, setError] = useState<string>();

  const reload = (current: Me) => {
    setBase(current);
    setDisplayName(current.displayName);
    setLanguage(current.language);
    update.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!displayName.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(undefined);
    update.mutate(
      { version: base.version, displayName: displayName.trim(), language },
      {
        onSuccess: (saved) => {
          setBase(saved);
          rememberLanguage(saved.language);
          void i18n.changeLanguage(saved.language);
          notifications.show({ color: 'green', message: t('profile.saved') });
        },
      },
    );
  };

  const serverErrors = serverFieldErrors(update.error);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-details">
      <Title order={2} size="h3" id="profile-details" mb="md">
        {t('profile.details')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <TextInput label={t('fields.email')} value={me.email} readOnly />
          <ConflictAlert<Me> error={update.error} onReload={reload} />
          {!isConflict(update.error) && Object.keys(serverErrors).length === 0 && <ErrorAlert error={update.error} />}
          <TextInput
            label={t('fields.displayName')}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={error ?? serverErrors.displayName}
          />
          <Select
            label={t('language.label')}
            data={[
              { value: 'nl', label: t('language.nl') },
              { value: 'en', label: t('language.en') },
            ]}
            value={language}
            onChange={(v) => setLanguage(v === 'en' ? 'en' : 'nl')}
            allowDeselect={false}
          />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
