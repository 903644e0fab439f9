import { Alert, Group, Loader, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { TablePagination } from '../../components/TablePagination';
import { useUrlSearch } from '../../components/useUrlSearch';
import { useBestuurId } from '../bestuur/useBestuurId';
import { useFrameworks, useMeasures, useSecurityDomains } from '../catalog/api';
import { inLang, type Lang } from '../catalog/format';
import { useProcesses, useRequiredMeasures } from './api';
import { RequiredMeasureDrawer } from './RequiredMeasureDrawer';
import { RequiredMeasuresTable } from './RequiredMeasuresTable';

const PAGE_SIZE = 50;

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The minimum measures the bestuur needs, each with why: the baseline, or which assets and classes. */
export function RequiredMeasuresPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const bestuurId = useBestuurId();
  const search = useUrlSearch();
  const [domain, setDomain] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const required = useRequiredMeasures(bestuurId);
  const processes = useProcesses(bestuurId);
  // The catalogue gives each measure's security domain (139 measures fit in one page).
  const catalog = useMeasures({ page: 1, pageSize: 200 });
  const domains = useSecurityDomains();
  const frameworks = useFrameworks();

  const domainName = (id: string) => {
    const d = domains.data?.find((x) => x.id === id);
    return d ? inLang(d.name, lang) : id;
  };
  const domainIdOf = new Map((catalog.data?.items ?? []).map((m) => [m.code, m.domain]));
  const domainOf = (code: string) => {
    const id = domainIdOf.get(code);
    return id ? domainName(id) : '';
  };

  const q = search.q ? normalise(search.q) : '';
  const items = (required.data ?? []).filter(
    (m) =>
      (!domain || domainIdOf.get(m.code) === domain) &&
      (!q || normalise(`${m.code} ${m.title.nl} ${m.title.en}`).includes(q)),
  );
  const page = Math.min(search.page, Math.max(1, Math.ceil(items.length / PAGE_SIZE)));
  const usedDomains = [
    ...new Set((required.data ?? []).map((m) => domainIdOf.get(m.code)).filter((d) => d !== undefined)),
  ];
  const baselineOnly = required.data?.every((m) => m.reasons.every((r) => r.kind === 'baseline'));
  const noProcesses = processes.data?.length === 0;

  return (
    <>
      <PageTitle>
        {required.data
          ? t('processes.measures.titleCount', { count: required.data.length })
          : t('processes.measures.title')}
      </PageTitle>
      <Text mb="md">{t('processes.measures.intro')}</Text>
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
      <Group mb="md" align="flex-end">
        <TextInput label={t('processes.measures.search')} {...search.inputProps} w={280} />
        <Select
          label={t('processes.measures.securityDomain')}
          placeholder={t('common.all')}
          data={(domains.data ?? [])
            .filter((d) => usedDomains.includes(d.id))
            .map((d) => ({ value: d.id, label: inLang(d.name, lang) }))}
          value={domain}
          onChange={(v) => {
            setDomain(v);
            search.setPage(1);
          }}
          clearable
          searchable
          w={300}
        />
      </Group>
      <ErrorAlert error={required.error ?? catalog.error ?? processes.error} />
      {required.isPending && <Loader aria-label={t('common.loading')} />}
      {required.data && items.length === 0 && (
        <Alert color="blue" mb="md">
          {t('processes.measures.noResults')}
        </Alert>
      )}
      {items.length > 0 && (
        <>
          <RequiredMeasuresTable
            measures={items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
            domainOf={domainOf}
            onOpen={setOpen}
          />
          <TablePagination page={page} pageSize={PAGE_SIZE} total={items.length} onChange={search.setPage} />
          <Text size="sm" mt="sm">
            {t('processes.measures.legend')}
          </Text>
        </>
      )}
      <RequiredMeasureDrawer
        bestuurId={bestuurId}
        code={open}
        frameworks={frameworks.data ?? []}
        processes={processes.data ?? []}
        domainName={domainName}
        onClose={() => setOpen(null)}
      />
    </>
  );
}
