import type { Member } from '@baken/contracts';
import { bestuurRoles } from '@baken/contracts';
import { Alert, Button, Group, Loader, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ActiveToggleModal } from '../../components/ActiveToggleModal';
import { useActiveToggle } from '../../components/useActiveToggle';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { TablePagination } from '../../components/TablePagination';
import { useUrlSearch } from '../../components/useUrlSearch';
import { useBestuurId } from '../bestuur/useBestuurId';
import { useMembers, useUpdateMember } from './api';
import { EditMemberModal } from './EditMemberModal';
import { InviteModal } from './InviteModal';
import { MembersTable } from './MembersTable';

const PAGE_SIZE = 25;

export function MembersPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const search = useUrlSearch();
  const { page, setPage } = search;
  const [role, setRole] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [inviteOpen, setInviteOpen] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const canManage = hasPermission(session, 'members.manage', bestuurId);
  const update = useUpdateMember(bestuurId);

  const filter = {
    page,
    pageSize: PAGE_SIZE,
    q: search.q,
    role: role ?? undefined,
    active: (active ?? undefined) as 'true' | 'false' | undefined,
  };
  const members = useMembers(bestuurId, filter);
  const filtered = Boolean(search.q || role || active);
  const onlySelf = !filtered && members.data?.total === 1;

  const {
    toggling,
    setToggling,
    confirm: confirmToggle,
  } = useActiveToggle<Member>((m, callbacks) =>
    update.mutate({ memberId: m.id, body: { version: m.version, active: !m.active } }, callbacks),
  );

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('members.title')}</PageTitle>
        {canManage && <Button onClick={() => setInviteOpen(true)}>{t('members.invite.open')}</Button>}
      </Group>
      <Group mb="md" align="flex-end">
        <TextInput label={t('members.search')} {...search.inputProps} w={280} />
        <Select
          label={t('members.filterRole')}
          placeholder={t('common.all')}
          data={bestuurRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
          clearable
          w={240}
        />
        <Select
          label={t('members.filterStatus')}
          placeholder={t('common.all')}
          data={[
            { value: 'true', label: t('common.active') },
            { value: 'false', label: t('common.inactive') },
          ]}
          value={active}
          onChange={(v) => {
            setActive(v);
            setPage(1);
          }}
          clearable
          w={180}
        />
      </Group>
      <ErrorAlert error={members.error} />
      {members.isPending && <Loader aria-label={t('common.loading')} />}
      {onlySelf && (
        <Alert color="blue" mb="md" title={t('members.emptyTitle')}>
          {canManage ? t('members.emptyManage') : t('members.emptyView')}
        </Alert>
      )}
      {members.data && members.data.items.length === 0 && (
        <Alert color="blue" mb="md">
          {t('members.noResults')}
        </Alert>
      )}
      {members.data && members.data.items.length > 0 && (
        <>
          <MembersTable
            members={members.data.items}
            selfUserId={session.user.id}
            canManage={canManage}
            onEdit={setEditing}
            onToggleActive={(m) => {
              update.reset();
              setToggling(m);
            }}
          />
          <TablePagination page={page} pageSize={PAGE_SIZE} total={members.data.total} onChange={setPage} />
        </>
      )}
      <InviteModal bestuurId={bestuurId} opened={inviteOpen} onClose={() => setInviteOpen(false)} />
      <EditMemberModal bestuurId={bestuurId} member={editing} onClose={() => setEditing(null)} />
      <ActiveToggleModal
        target={toggling}
        name={toggling?.displayName}
        prefix="members"
        loading={update.isPending}
        error={update.error}
        onConfirm={confirmToggle}
        onClose={() => setToggling(null)}
      />
    </>
  );
}
