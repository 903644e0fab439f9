import type { Application } from '@baken/contracts';
import { Accordion, Alert, Button, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { RowActions } from '../../components/RowActions';
import { useBestuurId } from '../bestuur/useBestuurId';
import { inLang, type Lang } from '../catalog/format';
import { matches, useApplications, useDeleteApplication } from './api';
import { ApplicationModal, type ApplicationTarget } from './ApplicationModal';
import { AssetLinksModal } from './AssetLinksModal';
import { ClassBadges } from './ClassBadges';
import { Proposals } from './Proposals';

/** The register of applications: hosting, sign-in, data location, and the class of the assets they hold. */
export function ApplicationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const applications = useApplications(bestuurId);
  const remove = useDeleteApplication(bestuurId);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<ApplicationTarget | null>(null);
  const [linking, setLinking] = useState<Application | null>(null);
  const [deleting, setDeleting] = useState<Application | null>(null);

  const shown = (applications.data ?? []).filter((a) =>
    matches(q, a.name, a.description, a.supplier?.name, a.kindName ? inLang(a.kindName, lang) : null),
  );

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('registers.applications.title')}</PageTitle>
        {canEdit && <Button onClick={() => setEditing({ kind: 'new' })}>{t('registers.applications.create')}</Button>}
      </Group>
      <Text mb="md" maw={760}>
        {t('registers.applications.intro')}
      </Text>
      <TextInput
        type="search"
        label={t('registers.applications.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={320}
        mb="md"
      />
      <ErrorAlert error={applications.error} />
      {applications.isPending && <Loader aria-label={t('common.loading')} />}
      {applications.data && shown.length === 0 && (
        <Alert color="blue" mb="md">
          {applications.data.length === 0 ? t('registers.applications.empty') : t('registers.noResults')}
        </Alert>
      )}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover verticalSpacing="sm" captionSide="top">
            <Table.Caption>{t('registers.applications.caption', { count: shown.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('registers.applications.name')}</Table.Th>
                <Table.Th scope="col">{t('registers.applications.supplier')}</Table.Th>
                <Table.Th scope="col">{t('registers.applications.hosting')}</Table.Th>
                <Table.Th scope="col">{t('registers.applications.acmIdmShort')}</Table.Th>
                <Table.Th scope="col">{t('registers.applications.dataLocation')}</Table.Th>
                <Table.Th scope="col">{t('registers.applications.class')}</Table.Th>
                <Table.Th scope="col">{t('registers.applications.serves')}</Table.Th>
                {canEdit && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={500}>
                    {a.name}
                    {a.kindName && (
                      <Text size="sm" fw={400}>
                        {inLang(a.kindName, lang)}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{a.supplier?.name ?? '—'}</Table.Td>
                  <Table.Td>{t(`registers.hosting.${a.hosting}`)}</Table.Td>
                  <Table.Td>{a.acmIdm ? t('registers.yes') : t('registers.no')}</Table.Td>
                  <Table.Td>{t(`registers.dataLocation.${a.dataLocation}`)}</Table.Td>
                  <Table.Td>
                    <ClassBadges value={a.class} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('registers.applications.assetsAndProcesses', {
                        assets: a.assets.length,
                        processes: a.processes.length,
                      })}
                    </Text>
                    {a.processes.length > 0 && (
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {a.processes.map((p) => inLang(p.name, lang)).join(', ')}
                      </Text>
                    )}
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <RowActions
                        label={t('registers.actionsFor', { name: a.name })}
                        items={[
                          { label: t('registers.edit'), onClick: () => setEditing(a) },
                          { label: t('registers.links.action'), onClick: () => setLinking(a) },
                          {
                            label: t('registers.delete'),
                            danger: true,
                            onClick: () => {
                              remove.reset();
                              setDeleting(a);
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
      {canEdit && (
        <Accordion mt="lg" variant="separated">
          <Accordion.Item value="proposals">
            <Accordion.Control>{t('registers.proposals.title')}</Accordion.Control>
            <Accordion.Panel>
              <Proposals
                bestuurId={bestuurId}
                onRegister={(p) => setEditing({ kind: 'new', name: inLang(p.name, lang), applicationKind: p.kind })}
              />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
      <ApplicationModal bestuurId={bestuurId} target={editing} onClose={() => setEditing(null)} />
      <AssetLinksModal bestuurId={bestuurId} application={linking} onClose={() => setLinking(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('registers.applications.deleteTitle')}
        message={t('registers.applications.deleteMessage', { name: deleting?.name ?? '' })}
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
