import { Alert, Group, Loader, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { TablePagination } from '../../components/TablePagination';
import { useUrlSearch } from '../../components/useUrlSearch';
import { useFrameworks, useMeasures, useSecurityDomains } from './api';
import { inLang, type Lang } from './format';
import { MeasureDrawer } from './MeasureDrawer';
import { MeasuresTable } from './MeasuresTable';

const PAGE_SIZE = 25;

/** The catalogue: every harmonised measure, searchable, with what it serves. Global, read-only. */
export function CatalogPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const search = useUrlSearch();
  const { page, setPage } = search;
  const [domain, setDomain] = useState<string | null>(null);
  const [framework, setFramework] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const domains = useSecurityDomains();
  const frameworks = useFrameworks();
  const measures = useMeasures({
    page,
    pageSize: PAGE_SIZE,
    q: search.q,
    domain: domain ?? undefined,
    framework: framework ?? undefined,
  });
  const domainName = (id: string) => {
    const d = domains.data?.find((x) => x.id === id);
    return d ? inLang(d.name, lang) : id;
  };

  return (
    <>
      <PageTitle>{t('catalog.title')}</PageTitle>
      <Text mb="md">{t('catalog.intro')}</Text>
      <Group mb="md" align="flex-end">
        <TextInput label={t('catalog.search')} {...search.inputProps} w={280} />
        <Select
          label={t('catalog.filterDomain')}
          placeholder={t('common.all')}
          data={(domains.data ?? []).map((d) => ({ value: d.id, label: inLang(d.name, lang) }))}
          value={domain}
          onChange={(v) => {
            setDomain(v);
            setPage(1);
          }}
          clearable
          searchable
          w={300}
        />
        <Select
          label={t('catalog.filterFramework')}
          placeholder={t('common.all')}
          data={(frameworks.data ?? []).map((f) => ({ value: f.id, label: inLang(f.name, lang) }))}
          value={framework}
          onChange={(v) => {
            setFramework(v);
            setPage(1);
          }}
          clearable
          searchable
          w={340}
        />
      </Group>
      <ErrorAlert error={measures.error ?? domains.error ?? frameworks.error} />
      {measures.isPending && <Loader aria-label={t('common.loading')} />}
      {measures.data && measures.data.items.length === 0 && (
        <Alert color="blue" mb="md">
          {t('catalog.noResults')}
        </Alert>
      )}
      {measures.data && measures.data.items.length > 0 && (
        <>
          <MeasuresTable measures={measures.data.items} domainName={domainName} onOpen={setOpen} />
          <TablePagination page={page} pageSize={PAGE_SIZE} total={measures.data.total} onChange={setPage} />
          <Text size="sm" mt="sm">
            {t('catalog.legend')}
          </Text>
        </>
      )}
      <MeasureDrawer
        code={open}
        frameworks={frameworks.data ?? []}
        domainName={domainName}
        onClose={() => setOpen(null)}
      />
    </>
  );
}
