import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { PublicLayout } from '../../components/PublicLayout';
import { serverFieldErrors } from '../../lib/forms';

const MIN_LENGTH = 12;

/** Sets a new password from an e-mailed link; also used by invitees to set their first one. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = useSearch({ strict: false }) as { token?: string };
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const confirm = useMutation({
    mutationFn: () => api('/auth/password-reset/confirm', { method: 'POST', body: { token, password } }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('reset.done') });
      await navigate({ to: '/aanmelden' });
    },
    onError: (e) => setErrors({ password: serverFieldErrors(e).password }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      password: password.length < MIN_LENGTH ? t('validation.tooShort', { min: MIN_LENGTH }) : undefined,
      repeat: password !== repeat ? t('reset.mismatch') : undefined,
    };
    setErrors(next);
    if (!next.password && !next.repeat) confirm.mutate();
  };

  return (
    <PublicLayout>
      <PageTitle>{t('reset.title')}</PageTitle>
      {!token ? (
        <Alert color="red" role="alert">
          {t('reset.noToken')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('reset.intro', { min: MIN_LENGTH })}</Text>
            <ErrorAlert error={confirm.error} />
            <PasswordInput
              label={t('fields.newPassword')}
              description={t('reset.hint', { min: MIN_LENGTH })}
              autoComplete="new-password"
              required
              value={password}
              error={errors.password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('fields.repeatPassword')}
              autoComplete="new-password"
              required
              value={repeat}
              error={errors.repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
            />
            <Button type="submit" loading={confirm.isPending}>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/wachtwoord-vergeten" size="sm" mt="md" display="inline-block">
        {t('reset.requestNew')}
      </Anchor>
    </PublicLayout>
  );
}
