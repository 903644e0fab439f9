import type { IpdcConcept } from '@baken/contracts';
import { Button, Group, Loader, Select, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIpdcConcepts, useProcessProducts, useSetProcessProducts } from './api';
import { conceptName, themeLabels, typeLabel } from './format';

interface Props {
  bestuurId: string;
  processId: string;
  canEdit: boolean;
}

/** The IPDC products of a process, with a picker that offers the matching concepts first. */
export function ProcessProducts({ bestuurId, processId, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const products = useProcessProducts(bestuurId, processId);
  const save = useSetProcessProducts(bestuurId, processId);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const found = useIpdcConcepts({ page: 1, pageSize: 20, q }, canEdit && q.length >= 2);

  const linked = products.data?.items ?? [];
  const linkedIds = new Set(linked.map((c) => c.id));
  const option = (c: IpdcConcept) => ({ value: c.id, label: conceptName(c, lang) });
  const suggestions = (products.data?.suggestions ?? []).filter((c) => !linkedIds.has(c.id));
  const results = q.length >= 2 ? (found.data?.items ?? []).filter((c) => !linkedIds.has(c.id)) : [];
  const data = [
    ...(results.length ? [{ group: t('products.process.results'), items: results.map(option) }] : []),
    ...(suggestions.length && q.length < 2
      ? [{ group: t('products.process.suggestions'), items: suggestions.map(option) }]
      : []),
  ];
  const codes = products.data?.ipdc;

  const setLinks = (ids: string[]) => save.mutate(ids);

  return (
    <section aria-labelledby="process-products-title">
      <Title order={2} id="process-products-title" mb="xs">
        {t('products.process.title')}
      </Title>
      {codes && codes.themes.length > 0 && (
        <Text size="sm" mb="sm">
          {t('products.process.codes', {
            themes: themeLabels(t, codes.themes),
            types: codes.types.map((x) => typeLabel(t, x)).join(', ') || '–',
          })}
        </Text>
      )}
      <ErrorAlert error={products.error ?? save.error} />
      {products.isPending && <Loader aria-label={t('common.loading')} />}
      {products.isSuccess && linked.length === 0 && <Text mb="sm">{t('products.process.none')}</Text>}
      {linked.length > 0 && (
        <Table mb="sm">
          <Table.Caption>{t('products.process.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('products.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('products.columns.type')}</Table.Th>
              {canEdit && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {linked.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{conceptName(c, lang)}</Table.Td>
                <Table.Td>{typeLabel(t, c.productType)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      loading={save.isPending}
                      aria-label={t('products.process.unlinkNamed', { name: conceptName(c, lang) })}
                      onClick={() => setLinks(linked.filter((x) => x.id !== c.id).map((x) => x.id))}
                    >
                      {t('products.process.unlink')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && products.isSuccess && (
        <Group align="flex-end">
          <Select
            label={t('products.process.add')}
            placeholder={t('products.process.addPlaceholder')}
            description={suggestions.length ? t('products.process.addHelp') : t('products.process.addHelpSearch')}
            data={data}
            value={null}
            searchable
            searchValue={text}
            onSearchChange={setText}
            filter={({ options }) => options}
            nothingFoundMessage={q.length >= 2 && !found.isFetching ? t('products.process.nothingFound') : undefined}
            onChange={(id) => {
              if (!id) return;
              setText('');
              setLinks([...linked.map((c) => c.id), id]);
            }}
            disabled={save.isPending}
            w={460}
          />
        </Group>
      )}
    </section>
  );
}
