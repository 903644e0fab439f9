import { Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { serverFieldErrors } from '../../lib/forms';

const MIN_LENGTH = 12;

export function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const change = useMutation({
    mutationFn: () => api('/me/password', { method: 'POST', body: { currentPassword: current, newPassword: next } }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
      notifications.show({ color: 'green', message: t('password.changed') });
    },
    onError: (e) => {
      const fields: Record<string, string | undefined> = serverFieldErrors(e);
      if (e instanceof ApiError && e.code === 'PASSWORD_INCORRECT') fields.currentPassword = e.message;
      setErrors(fields);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      currentPassword: current ? undefined : t('validation.required'),
      newPassword: next.length < MIN_LENGTH ? t('validation.tooShort', { min: MIN_LENGTH }) : undefined,
      repeat: next !== repeat ? t('reset.mismatch') : undefined,
    };
    setErrors(found);
    if (!Object.values(found).some(Boolean)) change.mutate();
  };

  const fieldError = Object.values(errors).some(Boolean);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-password">
      <Title order={2} size="h3" id="profile-password" mb="md">
        {t('password.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          {!fieldError && <ErrorAlert error={change.error} />}
          <PasswordInput
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
          />
          <PasswordInput
            label={t('fields.newPassword')}
            description={t('reset.hint', { min: MIN_LENGTH })}
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.newPassword}
          />
          <PasswordInput
            label={t('fields.repeatPassword')}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={errors.repeat}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
