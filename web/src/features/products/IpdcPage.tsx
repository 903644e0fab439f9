import { type IpdcProductType, type IpdcTheme, ipdcProductTypes, ipdcThemes } from '@baken/contracts';
import { Alert, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { TablePagination } from '../../components/TablePagination';
import { useUrlSearch } from '../../components/useUrlSearch';
import { useIpdcConcepts } from './api';
import { ConceptsTable } from './ConceptsTable';
import { IpdcImport } from './IpdcImport';

const PAGE_SIZE = 25;

/** The regional IPDC page: the coach imports the concepts; everyone signed in can browse them. */
export function IpdcPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const canImport = hasPermission(session, 'region.content.manage');
  const search = useUrlSearch();
  const { page, setPage } = search;
  const [type, setType] = useState<IpdcProductType | null>(null);
  const [theme, setTheme] = useState<IpdcTheme | null>(null);
  const concepts = useIpdcConcepts({
    page,
    pageSize: PAGE_SIZE,
    q: search.q,
    type: type ?? undefined,
    theme: theme ?? undefined,
  });

  return (
    <Stack gap="xl">
      <div>
        <PageTitle>{t('products.ipdc.title')}</PageTitle>
        <Text>{t('products.ipdc.intro')}</Text>
      </div>
      {canImport && <IpdcImport />}
      <section aria-labelledby="ipdc-browse-title">
        <Title order={2} id="ipdc-browse-title" mb="sm">
          {t('products.ipdc.browse')}
        </Title>
        <Group mb="md" align="flex-end">
          <TextInput label={t('products.ipdc.search')} {...search.inputProps} w={280} />
          <Select
            label={t('products.columns.type')}
            placeholder={t('common.all')}
            data={ipdcProductTypes.map((v) => ({ value: v, label: t(`products.types.${v}`) }))}
            value={type}
            onChange={(v) => {
              setType(v as IpdcProductType | null);
              setPage(1);
            }}
            clearable
            w={260}
          />
          <Select
            label={t('products.ipdc.theme')}
            placeholder={t('common.all')}
            data={ipdcThemes.map((v) => ({ value: v, label: t(`products.themes.${v}`) }))}
            value={theme}
            onChange={(v) => {
              setTheme(v as IpdcTheme | null);
              setPage(1);
            }}
            clearable
            w={300}
          />
        </Group>
        <ErrorAlert error={concepts.error} />
        {concepts.isPending && <Loader aria-label={t('common.loading')} />}
        {concepts.data && concepts.data.items.length === 0 && (
          <Alert color="blue">
            {search.q || type || theme ? t('products.ipdc.noResults') : t('products.ipdc.empty')}
          </Alert>
        )}
        {concepts.data && concepts.data.items.length > 0 && (
          <>
            <ConceptsTable concepts={concepts.data.items} caption={t('products.ipdc.caption')} />
            <TablePagination page={page} pageSize={PAGE_SIZE} total={concepts.data.total} onChange={setPage} />
          </>
        )}
      </section>
    </Stack>
  );
}
