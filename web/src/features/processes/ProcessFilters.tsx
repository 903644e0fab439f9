import { Button, Group, Select, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessSearch } from './search';

interface Props {
  search: ProcessSearch;
  domains: string[];
  label: (id: string) => string;
  inputProps: { type: string; value: string; onChange: (e: ChangeEvent<HTMLInputElement>) => void };
  onChange: (patch: Partial<ProcessSearch>) => void;
  onClear: () => void;
}

export function ProcessFilters({ search, domains, label, inputProps, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const any = Boolean(search.q || search.domain || search.minClass || search.origin || search.status);
  return (
    <Group mb="md" align="flex-end" gap="sm">
      <TextInput label={t('processes.search')} {...inputProps} w={280} />
      <Select
        label={t('processes.domain')}
        placeholder={t('common.all')}
        data={domains.map((d) => ({ value: d, label: label(d) }))}
        value={search.domain ?? null}
        onChange={(v) => onChange({ domain: v ?? undefined })}
        clearable
        searchable
        w={260}
      />
      <Select
        label={t('processes.minClass')}
        placeholder={t('common.all')}
        data={[2, 3, 4, 5].map((n) => ({ value: String(n), label: t('processes.minClassOption', { level: n }) }))}
        value={search.minClass ? String(search.minClass) : null}
        onChange={(v) => onChange({ minClass: v ? Number(v) : undefined })}
        clearable
        w={200}
      />
      <Select
        label={t('processes.origin')}
        placeholder={t('common.all')}
        data={[
          { value: 'template', label: t('processes.template') },
          { value: 'own', label: t('processes.own') },
        ]}
        value={search.origin ?? null}
        onChange={(v) => onChange({ origin: (v ?? undefined) as ProcessSearch['origin'] })}
        clearable
        w={180}
      />
      <Select
        label={t('processes.status')}
        placeholder={t('common.all')}
        data={[
          { value: 'applicable', label: t('processes.applicable') },
          { value: 'notApplicable', label: t('processes.notApplicable') },
        ]}
        value={search.status ?? null}
        onChange={(v) => onChange({ status: (v ?? undefined) as ProcessSearch['status'] })}
        clearable
        w={200}
      />
      {any && (
        <Button variant="subtle" onClick={onClear}>
          {t('processes.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
