import { measureStatuses } from '@baken/contracts';
import { Alert, Button, Checkbox, FileButton, Group, Loader, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { TablePagination } from '../../components/TablePagination';
import { useFilterSearch } from '../../components/useFilterSearch';
import { useBestuurId } from '../bestuur/useBestuurId';
import { useFrameworks, useSecurityDomains } from '../catalog/api';
import { inLang, type Lang } from '../catalog/format';
import { useMembers } from '../members/api';
import { useProcesses, useRequiredMeasures } from '../processes/api';
import { exportUrl, useMeasureRegister } from './api';
import { BulkEditModal } from './BulkEditModal';
import { MeasureDrawer } from './MeasureDrawer';
import { RegisterImportModal } from './RegisterImportModal';
import { RegisterTable } from './RegisterTable';
import { filterMeasures, type MeasureSearch } from './search';

const PAGE_SIZE = 50;

/**
 * The measure register: every measure the bestuur needs (and every one it still tracks) with its
 * status, owner, dates and maturity; filters in the URL, bulk changes, the workbook round trip.
 */
export function MeasureRegisterPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const filters = useFilterSearch<MeasureSearch>();
  const search = filters.search;
  const [open, setOpen] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const [importFile, setImportFile] = useState<File | null>(null);

  const register = useMeasureRegister(bestuurId);
  const required = useRequiredMeasures(bestuurId);
  const processes = useProcesses(bestuurId);
  const domains = useSecurityDomains();
  const frameworks = useFrameworks();
  const members = useMembers(
    bestuurId,
    { page: 1, pageSize: 200, active: 'true' },
    hasPermission(session, 'members.view', bestuurId),
  );
  const owners = (members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.displayName }));
  const ownerFilter = [{ value: 'none', label: t('measures.noOwner') }, ...owners];
  for (const m of register.data ?? [])
    if (m.ownerId && !ownerFilter.some((o) => o.value === m.ownerId))
      ownerFilter.push({ value: m.ownerId, label: m.ownerName ?? m.ownerId });

  const domainName = (id: string) => {
    const d = domains.data?.find((x) => x.id === id);
    return d ? inLang(d.name, lang) : id;
  };

  const all = register.data ?? [];
  const items = filterMeasures(all, search);
  const page = Math.min(filters.page, Math.max(1, Math.ceil(items.length / PAGE_SIZE)));
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const overdueCount = all.filter((m) => m.overdue).length;
  const chosen = all.filter((m) => selected.has(m.code));
  const select = (codes: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const c of codes)
        if (on) next.add(c);
        else next.delete(c);
      return next;
    });
  const filtered = Boolean(search.q || search.status || search.owner || search.overdue);
  const noProcesses = processes.data?.length === 0;
  const baselineOnly = required.data?.every((m) => m.reasons.every((r) => r.kind === 'baseline'));

  return (
    <>
      <PageTitle>{register.data ? t('measures.titleCount', { count: all.length }) : t('measures.title')}</PageTitle>
      <Text mb="md">{t('measures.intro')}</Text>
      {(noProcesses || (processes.data && baselineOnly)) && (
        <Alert color="blue" mb="md" title={t('processes.measures.emptyTitle')}>
          <Text size="sm" mb="sm">
            {noProcesses ? t('processes.measures.emptyText') : t('processes.measures.baselineOnlyText')}
          </Text>
          <ButtonLink to="/b/$bestuurId/processen" params={{ bestuurId }} size="xs" variant="light">
            {t('processes.measures.toProcesses')}
          </ButtonLink>
        </Alert>
      )}
      <Group mb="md" gap="sm">
        <Button component="a" href={exportUrl(bestuurId)} variant="outline">
          {t('measures.export')}
        </Button>
        {canEdit && (
          <FileButton
            onChange={setImportFile}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          >
            {(props) => (
              <Button variant="outline" {...props}>
                {t('measures.import.open')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <Group mb="md" align="flex-end">
        <TextInput label={t('processes.measures.search')} {...filters.inputProps} w={260} />
        <Select
          label={t('measures.fields.status')}
          placeholder={t('common.all')}
          data={measureStatuses.map((s) => ({ value: s, label: t(`measures.status.${s}`) }))}
          value={search.status ?? null}
          onChange={(v) => filters.set({ status: (v ?? undefined) as MeasureSearch['status'] })}
          clearable
          w={200}
        />
        <Select
          label={t('measures.fields.owner')}
          placeholder={t('common.all')}
          data={ownerFilter}
          value={search.owner ?? null}
          onChange={(v) => filters.set({ owner: v ?? undefined })}
          clearable
          searchable
          w={220}
        />
        <Checkbox
          label={t('measures.onlyOverdue', { count: overdueCount })}
          checked={search.overdue === true}
          onChange={(e) => filters.set({ overdue: e.currentTarget.checked ? true : undefined })}
          mb={8}
        />
        {filtered && (
          <Button variant="subtle" onClick={filters.clear} mb={2}>
            {t('measures.clearFilters')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={register.error} />
      {register.isPending && <Loader aria-label={t('common.loading')} />}
      {register.data && (
        <Text size="sm" mb="sm" role="status">
          {t('measures.resultCount', { count: items.length })}
        </Text>
      )}
      {canEdit && selected.size > 0 && (
        <Alert color="blue" mb="sm" p="xs">
          <Group justify="space-between">
            <Text size="sm">{t('measures.bulk.selected', { count: selected.size })}</Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => setBulkOpen(true)}>
                {t('measures.bulk.open')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setSelected(new Set())}>
                {t('measures.bulk.clear')}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      {register.data && items.length === 0 && (
        <Alert color="blue" mb="md">
          {t('measures.noResults')}
        </Alert>
      )}
      {shown.length > 0 && (
        <>
          <RegisterTable measures={shown} selectable={canEdit} selected={selected} onSelect={select} onOpen={setOpen} />
          <TablePagination page={page} pageSize={PAGE_SIZE} total={items.length} onChange={filters.setPage} />
        </>
      )}
      <MeasureDrawer
        bestuurId={bestuurId}
        code={open}
        owners={owners}
        frameworks={frameworks.data ?? []}
        processes={processes.data ?? []}
        domainName={domainName}
        onClose={() => setOpen(null)}
      />
      <BulkEditModal
        bestuurId={bestuurId}
        opened={bulkOpen}
        measures={chosen}
        owners={owners}
        canApprove={hasPermission(session, 'risks.accept', bestuurId)}
        onRefresh={() => void register.refetch()}
        onDone={() => setSelected(new Set())}
        onClose={() => setBulkOpen(false)}
      />
      <RegisterImportModal bestuurId={bestuurId} file={importFile} onClose={() => setImportFile(null)} />
    </>
  );
}
