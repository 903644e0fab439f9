import type { Draft } from '@baken/contracts';
import { Alert, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { RowActions } from '../../components/RowActions';
import { useDeleteProcess } from './api';
import { matches } from './filter';
import { classesText, textOf } from './format';
import { ProcessEditor } from './ProcessEditor';

interface Props {
  draft: Draft;
  onReload: () => Promise<Draft | null>;
}

/** The draft's processes: search, filter on domain, add, edit and delete. */
export function DraftProcesses({ draft, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [q, setQ] = useState('');
  const [domain, setDomain] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = useDeleteProcess();
  const domains = draft.snapshot.processDomains;
  const domainName = (id: string) => textOf(domains.find((d) => d.id === id)?.name ?? { nl: id }, lang);
  const shown = draft.snapshot.processes.filter(
    (p) => (!domain || p.domain === domain) && matches(q, [p.id, p.name, ...p.assets.map((a) => a.name)]),
  );
  const target = draft.snapshot.processes.find((p) => p.id === deleting);

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md">
        <Group align="flex-end">
          <TextInput
            type="search"
            label={t('processlist.browse.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={300}
          />
          <Select
            label={t('processlist.fields.domain')}
            placeholder={t('common.all')}
            data={domains.map((d) => ({ value: d.id, label: textOf(d.name, lang) }))}
            value={domain}
            onChange={setDomain}
            clearable
            searchable
            w={280}
          />
        </Group>
        <Button onClick={() => setEditing(null)}>{t('processlist.form.addProcess')}</Button>
      </Group>
      {shown.length === 0 ? (
        <Alert color="blue">{t('processlist.browse.noResults')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('processlist.draft.processesCaption', { count: shown.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('processlist.fields.process')}</Table.Th>
                <Table.Th scope="col">{t('processlist.fields.domain')}</Table.Th>
                <Table.Th scope="col">{t('processlist.fields.assets')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((p) => {
                const name = textOf(p.name, lang);
                return (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" fw={500}>
                      {name}
                      <Text size="xs">{p.id}</Text>
                    </Table.Th>
                    <Table.Td>{domainName(p.domain)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {p.assets.map((a) => `${textOf(a.name, lang)} (${classesText(t, a.class)})`).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        label={t('processlist.form.actionsLabel', { name: name })}
                        items={[
                          { label: t('processlist.form.edit'), onClick: () => setEditing(p.id) },
                          { label: t('processlist.form.delete'), onClick: () => setDeleting(p.id), danger: true },
                        ]}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ProcessEditor draft={draft} processId={editing} onReload={onReload} onClose={() => setEditing(undefined)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('processlist.form.deleteProcessTitle')}
        message={t('processlist.form.deleteProcessMessage', { name: target ? textOf(target.name, lang) : '' })}
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
            { draftVersion: draft.version, id: deleting },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('processlist.form.processDeleted') });
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
