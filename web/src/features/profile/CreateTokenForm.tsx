import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { serverFieldErrors } from '../../lib/forms';
import { type ApiTokenCreated, useCreateToken } from './tokensApi';

const EXPIRY_OPTIONS = ['30', '90', '180', '365', 'never'];

/** Creates a token for one of the user's besturen (those where the role allows it). */
export function CreateTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (t: ApiTokenCreated) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const besturen = session.memberships.filter((m) => m.permissions.includes('apiTokens.create'));
  const create = useCreateToken();
  const [bestuurId, setBestuurId] = useState<string | null>(besturen[0]?.bestuurId ?? null);
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      bestuurId: bestuurId ? undefined : t('validation.required'),
      name: name.trim() ? undefined : t('validation.required'),
    };
    setErrors(found);
    if (found.bestuurId || found.name || !bestuurId) return;
    create.mutate(
      { bestuurId, name: name.trim(), expiresInDays: expiry === 'never' ? null : Number(expiry) },
      { onSuccess: onCreated, onError: (err) => setErrors(serverFieldErrors(err)) },
    );
  };

  const serverFields = Object.values(errors).some(Boolean);
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={480}>
        {!serverFields && <ErrorAlert error={create.error} />}
        <Select
          label={t('tokens.bestuur')}
          data={besturen.map((m) => ({ value: m.bestuurId, label: m.bestuurName }))}
          value={bestuurId}
          onChange={setBestuurId}
          allowDeselect={false}
          required
          error={errors.bestuurId}
        />
        <TextInput
          label={t('tokens.name')}
          description={t('tokens.nameHint')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Select
          label={t('tokens.expiry')}
          data={EXPIRY_OPTIONS.map((v) => ({
            value: v,
            label: v === 'never' ? t('tokens.never') : t('tokens.days', { count: Number(v) }),
          }))}
          value={expiry}
          onChange={(v) => v && setExpiry(v)}
          allowDeselect={false}
          error={errors.expiresInDays}
        />
        <Group>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('tokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
