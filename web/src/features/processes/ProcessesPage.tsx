import type { AdoptResult, BestuurProcess } from '@baken/contracts';
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { TablePagination } from '../../components/TablePagination';
import { useBestuurId } from '../bestuur/useBestuurId';
import { inLang } from '../catalog/format';
import { AdoptedAlert, AdoptEmptyState, AdoptMoreModal } from './AdoptPanel';
import { useProcesses } from './api';
import { domainName, domainOrder, PROCESS_DOMAINS, usePublishedDomains } from './domains';
import { ProcessFilters } from './ProcessFilters';
import { ProcessFormModal } from './ProcessFormModal';
import { ProcessesTable } from './ProcessesTable';
import { filterProcesses } from './search';
import { useProcessSearch } from './useProcessSearch';

const PAGE_SIZE = 50;

/** The bestuur's process list: adopting the generic list, searching and filtering it. */
export function ProcessesPage() {
  const { t, i18n } = useTranslation();
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const processes = useProcesses(bestuurId);
  const filters = useProcessSearch();
  const [adopted, setAdopted] = useState<AdoptResult | null>(null);
  const [adoptOpen, setAdoptOpen] = useState(false);
  const [newOpen, setNewOpen] = useState(false);
  const published = usePublishedDomains(canEdit);

  const items = processes.data;
  const sorted = useMemo(() => sortProcesses(items ?? [], i18n.language), [items, i18n.language]);
  const shown = filterProcesses(sorted, filters.search);
  const page = Math.min(filters.page, Math.max(1, Math.ceil(shown.length / PAGE_SIZE)));
  // A domain counts as adopted once a process of the generic list in it is there.
  const adoptedDomains = new Set((items ?? []).filter((p) => p.templateId !== null).map((p) => p.domain));
  const adoptable = published?.map((d) => d.id) ?? [...PROCESS_DOMAINS];
  const notAdopted = adoptable.filter((d) => !adoptedDomains.has(d));
  const label = (id: string) => domainName(t, id, published);
  const usedDomains = [...new Set((items ?? []).map((p) => p.domain))].sort((a, b) => domainOrder(a) - domainOrder(b));
  const onAdopted = (result: AdoptResult) => {
    setAdopted(result);
    setAdoptOpen(false);
  };

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('processes.title')}</PageTitle>
        {canEdit && items && (
          <Group>
            {items.length > 0 && notAdopted.length > 0 && (
              <Button variant="default" onClick={() => setAdoptOpen(true)}>
                {t('processes.adopt.more')}
              </Button>
            )}
            <Button onClick={() => setNewOpen(true)}>{t('processes.form.open')}</Button>
          </Group>
        )}
      </Group>
      <AdoptedAlert result={adopted} onClose={() => setAdopted(null)} />
      <ErrorAlert error={processes.error} />
      {processes.isPending && <Loader aria-label={t('common.loading')} />}
      {items && items.length === 0 && (
        <AdoptEmptyState
          bestuurId={bestuurId}
          domains={adoptable}
          label={label}
          canEdit={canEdit}
          onAdopted={onAdopted}
        />
      )}
      {items && items.length > 0 && (
        <>
          <Text mb="md">{canEdit ? t('processes.intro') : t('processes.introReadOnly')}</Text>
          <ProcessFilters
            search={filters.search}
            domains={usedDomains}
            label={label}
            inputProps={filters.inputProps}
            onChange={filters.set}
            onClear={filters.clear}
          />
          {shown.length === 0 ? (
            <Alert color="blue" mb="md">
              {t('processes.noResults')}
            </Alert>
          ) : (
            <>
              <ProcessesTable
                bestuurId={bestuurId}
                processes={shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
                label={label}
              />
              <TablePagination page={page} pageSize={PAGE_SIZE} total={shown.length} onChange={filters.setPage} />
              <Text size="sm" mt="sm">
                {t('processes.legend')}
              </Text>
            </>
          )}
        </>
      )}
      <AdoptMoreModal
        bestuurId={bestuurId}
        domains={notAdopted}
        label={label}
        opened={adoptOpen}
        onClose={() => setAdoptOpen(false)}
        onAdopted={onAdopted}
      />
      <ProcessFormModal
        bestuurId={bestuurId}
        domains={adoptable}
        label={label}
        opened={newOpen}
        onClose={() => setNewOpen(false)}
      />
    </>
  );
}

/** By domain in the generic list's order, then by name. */
function sortProcesses(items: BestuurProcess[], language: string): BestuurProcess[] {
  const lang = language === 'en' ? 'en' : 'nl';
  const collator = new Intl.Collator(lang === 'en' ? 'en-GB' : 'nl-BE');
  return [...items].sort(
    (a, b) =>
      domainOrder(a.domain) - domainOrder(b.domain) ||
      a.domain.localeCompare(b.domain) ||
      collator.compare(inLang(a.name, lang), inLang(b.name, lang)),
  );
}
