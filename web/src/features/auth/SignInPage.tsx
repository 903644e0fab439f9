import { type ErrorCode, errorMessages, formatErrorMessage, type SessionInfo } from '@baken/contracts';
import { Alert, Anchor, Button, Divider, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, currentLanguage } from '../../api/client';
import { applySession, homePath, sessionQuery } from '../../api/session';
import { PageTitle } from '../../components/PageTitle';
import { PublicLayout } from '../../components/PublicLayout';

interface Providers {
  local: true;
  oidc: { enabled: boolean; label: string };
}

/** Only same-site paths are followed after sign-in. */
function safeRedirect(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

export function SignInPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { redirect?: string; fout?: string };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const providers = useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => api<Providers>('/auth/providers'),
    staleTime: Number.POSITIVE_INFINITY,
  });

  const login = useMutation({
    mutationFn: () => api<SessionInfo>('/auth/login', { method: 'POST', body: { email, password } }),
    onSuccess: async (session) => {
      applySession(session);
      qc.setQueryData(sessionQuery.queryKey, session);
      await navigate({ to: safeRedirect(search.redirect) ?? homePath(session) });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      email: email.trim() ? undefined : t('validation.required'),
      password: password ? undefined : t('validation.required'),
    };
    setErrors(next);
    if (!next.email && !next.password) login.mutate();
  };
  const loginError =
    login.error instanceof ApiError ? login.error.message : login.error ? t('errors.unexpected') : null;
  const returnTo = safeRedirect(search.redirect) ?? '/';

  return (
    <PublicLayout>
      <PageTitle>{t('signIn.title')}</PageTitle>
      {loginError && (
        <Alert color="red" role="alert" mb="md">
          {loginError}
        </Alert>
      )}
      {search.fout && !loginError && (
        <Alert color="red" role="alert" mb="md">
          {search.fout in errorMessages
            ? formatErrorMessage(search.fout as ErrorCode, currentLanguage())
            : t('signIn.externalError')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={login.isPending}>
            {t('signIn.submit')}
          </Button>
          <Anchor component={Link} to="/wachtwoord-vergeten" size="sm">
            {t('signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
      {providers.data?.oidc.enabled && (
        <>
          <Divider my="lg" label={t('signIn.or')} labelPosition="center" />
          <Button
            component="a"
            href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
            variant="outline"
            fullWidth
          >
            {t('signIn.oidc')}
          </Button>
        </>
      )}
    </PublicLayout>
  );
}
