import type { ApiToken } from '@baken/contracts';
import { Alert, Badge, Button, CopyButton, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequiredSession } from '../../api/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/format';
import { CreateTokenForm } from './CreateTokenForm';
import { type ApiTokenCreated, useRevokeToken, useTokens } from './tokensApi';

function status(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) < new Date()) return 'expired';
  return 'active';
}

export function TokensSection() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const canCreate = session.memberships.some((m) => m.permissions.includes('apiTokens.create'));
  const items = tokens.data?.items ?? [];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-tokens">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id="profile-tokens">
          {t('tokens.title')}
        </Title>
        {canCreate && !creating && (
          <Button
            variant="light"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t('tokens.new')}
          </Button>
        )}
      </Group>
      <Text size="sm" mb="md">
        {t('tokens.intro')}
      </Text>
      {created && (
        <Alert color="orange" title={t('tokens.createdTitle')} mb="md" role="status">
          <Text size="sm" mb="sm">
            {t('tokens.createdWarning')}
          </Text>
          <Group align="flex-end">
            <TextInput
              label={t('tokens.secret')}
              value={created.token}
              readOnly
              style={{ flex: 1 }}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button onClick={copy} color={copied ? 'green.9' : undefined}>
                  {copied ? t('tokens.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Button variant="subtle" mt="sm" onClick={() => setCreated(null)}>
            {t('tokens.dismiss')}
          </Button>
        </Alert>
      )}
      {creating && (
        <Paper withBorder p="md" mb="md">
          <CreateTokenForm
            onCreated={(tok) => {
              setCreated(tok);
              setCreating(false);
            }}
            onCancel={() => setCreating(false)}
          />
        </Paper>
      )}
      {!canCreate && <Text size="sm">{t('tokens.notAllowed')}</Text>}
      <ErrorAlert error={tokens.error} />
      {tokens.data && items.length === 0 && canCreate && <Text size="sm">{t('tokens.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="sm" captionSide="top">
            <Table.Caption>{t('tokens.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                <Table.Th scope="col">{t('tokens.bestuur')}</Table.Th>
                <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
                <Table.Th scope="col">{t('tokens.expiresAt')}</Table.Th>
                <Table.Th scope="col">{t('tokens.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('tokens.status')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((tok) => {
                const st = status(tok);
                return (
                  <Table.Tr key={tok.id}>
                    <Table.Th scope="row" fw={500}>
                      {tok.name}
                    </Table.Th>
                    <Table.Td>{tok.bestuurName}</Table.Td>
                    <Table.Td ff="monospace">{tok.prefix}…</Table.Td>
                    <Table.Td>{tok.expiresAt ? formatDate(tok.expiresAt) : t('tokens.never')}</Table.Td>
                    <Table.Td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t('tokens.neverUsed')}</Table.Td>
                    <Table.Td>
                      <Badge w="max-content" color={st === 'active' ? 'teal.9' : 'gray.7'}>
                        {t(`tokens.statuses.${st}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {st === 'active' && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={t('tokens.revokeNamed', { name: tok.name })}
                          onClick={() => {
                            revoke.reset();
                            setRevoking(tok);
                          }}
                        >
                          {t('tokens.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={t('tokens.revokeTitle')}
        message={t('tokens.revokeMessage', { name: revoking?.name })}
        confirmLabel={t('tokens.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        onClose={() => setRevoking(null)}
      />
    </Paper>
  );
}
