import { type Bestuur, bestuurKinds } from '@baken/contracts';
import { Alert, Button, Group, Loader, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBesturen, useUpdateBestuur } from '../../api/besturen';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ActiveToggleModal } from '../../components/ActiveToggleModal';
import { useActiveToggle } from '../../components/useActiveToggle';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { TablePagination } from '../../components/TablePagination';
import { useUrlSearch } from '../../components/useUrlSearch';
import { AdministratorInviteModal, type AdministratorInviteTarget } from './AdministratorInviteModal';
import { BestuurModal } from './BestuurModal';
import { BesturenTable } from './BesturenTable';

const PAGE_SIZE = 50;

export function RegionPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const search = useUrlSearch();
  const { page, setPage } = search;
  const [kind, setKind] = useState<string | null>(null);
  const [editing, setEditing] = useState<Bestuur | 'new' | null>(null);
  const [inviting, setInviting] = useState<AdministratorInviteTarget | null>(null);
  const canManage = hasPermission(session, 'platform.besturen.manage');
  const update = useUpdateBestuur();

  const besturen = useBesturen({ page, pageSize: PAGE_SIZE, q: search.q, kind: kind ?? undefined });

  const {
    toggling,
    setToggling,
    confirm: confirmToggle,
  } = useActiveToggle<Bestuur>((b, callbacks) =>
    update.mutate({ id: b.id, body: { version: b.version, active: !b.active } }, callbacks),
  );

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('region.title')}</PageTitle>
        {canManage && <Button onClick={() => setEditing('new')}>{t('region.create')}</Button>}
      </Group>
      <Group mb="md" align="flex-end">
        <TextInput label={t('region.search')} {...search.inputProps} w={280} />
        <Select
          label={t('bestuur.kind')}
          placeholder={t('common.all')}
          data={bestuurKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          clearable
          w={260}
        />
      </Group>
      <ErrorAlert error={besturen.error} />
      {besturen.isPending && <Loader aria-label={t('common.loading')} />}
      {besturen.data && besturen.data.items.length === 0 && (
        <Alert color="blue">
          {search.q || kind ? t('region.noResults') : canManage ? t('region.emptyManage') : t('region.empty')}
        </Alert>
      )}
      {besturen.data && besturen.data.items.length > 0 && (
        <>
          <BesturenTable
            besturen={besturen.data.items}
            canManage={canManage}
            onEdit={setEditing}
            onToggleActive={(b) => {
              update.reset();
              setToggling(b);
            }}
            onInviteAdministrator={(b) => setInviting({ bestuur: b })}
          />
          <TablePagination page={page} pageSize={PAGE_SIZE} total={besturen.data.total} onChange={setPage} />
        </>
      )}
      <BestuurModal
        target={editing}
        onClose={() => setEditing(null)}
        onCreated={(b) => {
          // A new bestuur has no member yet: nobody can use it until it has a beheerder.
          setInviting({ bestuur: b, isNew: true });
        }}
      />
      {canManage && <AdministratorInviteModal target={inviting} onClose={() => setInviting(null)} />}
      <ActiveToggleModal
        target={toggling}
        name={toggling?.name}
        prefix="region"
        loading={update.isPending}
        error={update.error}
        onConfirm={confirmToggle}
        onClose={() => setToggling(null)}
      />
    </>
  );
}
