import type { Supplier } from '@baken/contracts';
import { Alert, Badge, Button, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { RowActions } from '../../components/RowActions';
import { formatDate } from '../../lib/format';
import { useBestuurId } from '../bestuur/useBestuurId';
import { matches, useDeleteSupplier, useSuppliers } from './api';
import { SupplierModal } from './SupplierModal';

const AGREEMENT_COLOR = { aanwezig: 'teal.9', ontbreekt: 'red.9', 'niet-nodig': 'gray.7' } as const;

/** The register of suppliers: who provides the bestuur's applications, under which contract. */
export function SuppliersPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const suppliers = useSuppliers(bestuurId);
  const remove = useDeleteSupplier(bestuurId);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Supplier | null>(null);

  const shown = (suppliers.data ?? []).filter((s) => matches(q, s.name, s.kboNumber, s.contractReference));

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('registers.suppliers.title')}</PageTitle>
        {canEdit && <Button onClick={() => setEditing('new')}>{t('registers.suppliers.create')}</Button>}
      </Group>
      <Text mb="md" maw={760}>
        {t('registers.suppliers.intro')}
      </Text>
      <TextInput
        type="search"
        label={t('registers.suppliers.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={320}
        mb="md"
      />
      <ErrorAlert error={suppliers.error} />
      {suppliers.isPending && <Loader aria-label={t('common.loading')} />}
      {suppliers.data && shown.length === 0 && (
        <Alert color="blue" mb="md">
          {suppliers.data.length === 0 ? t('registers.suppliers.empty') : t('registers.noResults')}
        </Alert>
      )}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
            <Table.Caption>{t('registers.suppliers.caption', { count: shown.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('registers.suppliers.name')}</Table.Th>
                <Table.Th scope="col">{t('registers.suppliers.kbo')}</Table.Th>
                <Table.Th scope="col">{t('registers.suppliers.contract')}</Table.Th>
                <Table.Th scope="col">{t('registers.suppliers.processingAgreement')}</Table.Th>
                <Table.Th scope="col">{t('registers.suppliers.certifications')}</Table.Th>
                <Table.Th scope="col">{t('registers.suppliers.applications')}</Table.Th>
                {canEdit && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={500}>
                    {s.name}
                  </Table.Th>
                  <Table.Td>{s.kboNumber ? formatKbo(s.kboNumber) : '—'}</Table.Td>
                  <Table.Td>
                    {s.contractReference ?? ''}
                    {(s.contractStart || s.contractEnd) && (
                      <Text size="sm">
                        {t('registers.suppliers.period', {
                          from: formatDate(s.contractStart) || '…',
                          to: formatDate(s.contractEnd) || '…',
                        })}
                      </Text>
                    )}
                    {!s.contractReference && !s.contractStart && !s.contractEnd && '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge w="max-content" color={AGREEMENT_COLOR[s.processingAgreement]}>
                      {t(`registers.agreement.${s.processingAgreement}`)}
                    </Badge>
                    {s.processingAgreementDate && <Text size="sm">{formatDate(s.processingAgreementDate)}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {s.certifications.length === 0
                      ? '—'
                      : s.certifications.map((c) => t(`registers.certifications.${c}`)).join(', ')}
                  </Table.Td>
                  <Table.Td>{s.applicationCount}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <RowActions
                        label={t('registers.actionsFor', { name: s.name })}
                        items={[
                          { label: t('registers.edit'), onClick: () => setEditing(s) },
                          {
                            label: t('registers.delete'),
                            danger: true,
                            onClick: () => {
                              remove.reset();
                              setDeleting(s);
                            },
                          },
                        ]}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SupplierModal bestuurId={bestuurId} target={editing} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('registers.suppliers.deleteTitle')}
        message={t('registers.suppliers.deleteMessage', { name: deleting?.name ?? '' })}
        confirmLabel={t('registers.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('registers.deleted', { name: deleting.name }) });
              setDeleting(null);
            },
          })
        }
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

/** 0207451227 as people write it: 0207.451.227. */
const formatKbo = (kbo: string) => `${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`;
