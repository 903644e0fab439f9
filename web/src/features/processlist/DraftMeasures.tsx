import type { Draft, MeasureApplies } from '@baken/contracts';
import { Alert, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { RowActions } from '../../components/RowActions';
import { classRule } from '../catalog/format';
import { useDeleteMeasure } from './api';
import { matches } from './filter';
import { securityDomainName, textOf } from './format';
import { MeasureEditor } from './MeasureEditor';
import { useNames } from './names';

interface Props {
  draft: Draft;
  onReload: () => Promise<Draft | null>;
}

/** The draft's measures: search, filter on security domain, add, edit and delete. */
export function DraftMeasures({ draft, onReload }: Props) {
  const { t } = useTranslation();
  const names = useNames(draft.snapshot);
  const [q, setQ] = useState('');
  const [domain, setDomain] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = useDeleteMeasure();
  const used = [...new Set(draft.snapshot.measures.map((m) => m.domain))];
  const shown = draft.snapshot.measures.filter(
    (m) => (!domain || m.domain === domain) && matches(q, [m.code, m.title]),
  );

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md">
        <Group align="flex-end">
          <TextInput
            type="search"
            label={t('processlist.browse.searchMeasures')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={300}
          />
          <Select
            label={t('processlist.fields.securityDomain')}
            placeholder={t('common.all')}
            data={used.map((id) => ({ value: id, label: securityDomainName(names, id) }))}
            value={domain}
            onChange={setDomain}
            clearable
            searchable
            w={300}
          />
        </Group>
        <Button onClick={() => setEditing(null)}>{t('processlist.form.addMeasure')}</Button>
      </Group>
      {shown.length === 0 ? (
        <Alert color="blue">{t('processlist.browse.noResults')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('processlist.browse.measuresCaption', { count: shown.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('catalog.code')}</Table.Th>
                <Table.Th scope="col">{t('catalog.measureTitle')}</Table.Th>
                <Table.Th scope="col">{t('catalog.applies')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((m) => (
                <Table.Tr key={m.code}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.code}</Table.Td>
                  <Table.Th scope="row" fw={500}>
                    {textOf(m.title, names.lang)}
                    <Text size="xs">
                      {securityDomainName(names, m.domain)} · {t(`catalog.types.${m.type}`)}
                    </Text>
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {classRule(m.applies as MeasureApplies, t, names.lang)}
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      label={t('processlist.form.actionsLabel', { name: m.code })}
                      items={[
                        { label: t('processlist.form.edit'), onClick: () => setEditing(m.code) },
                        { label: t('processlist.form.delete'), onClick: () => setDeleting(m.code), danger: true },
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MeasureEditor draft={draft} code={editing} onReload={onReload} onClose={() => setEditing(undefined)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('processlist.form.deleteMeasureTitle')}
        message={t('processlist.form.deleteMeasureMessage', { code: deleting ?? '' })}
        confirmLabel={t('processlist.form.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { draftVersion: draft.version, code: deleting },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: t('processlist.form.measureDeleted', { code: deleting }),
                });
                setDeleting(null);
              },
              onError: () => void onReload(),
            },
          )
        }
      />
    </>
  );
}
