import { auditActions } from '@baken/contracts';
import { Button, Group, Select } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { AuditSearch } from './search';

export interface Option {
  value: string;
  label: string;
}

interface Props {
  search: AuditSearch;
  objectTypes: string[];
  actors: Option[];
  onChange: (next: AuditSearch) => void;
}

export function AuditFilters({ search, objectTypes, actors, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<AuditSearch>) => onChange({ ...search, ...patch, page: undefined });
  const typeLabel = (type: string) => (i18n.exists(`objectTypes.${type}`) ? t(`objectTypes.${type}`) : type);
  const any = Object.entries(search).some(([k, v]) => k !== 'page' && v !== undefined);

  return (
    <Group align="flex-end" mb="md" gap="sm">
      <Select
        label={t('audit.objectType')}
        placeholder={t('common.all')}
        data={objectTypes.map((o) => ({ value: o, label: typeLabel(o) }))}
        value={search.objectType ?? null}
        onChange={(v) => set({ objectType: v ?? undefined, objectId: undefined })}
        clearable
        w={200}
      />
      <Select
        label={t('audit.action')}
        placeholder={t('common.all')}
        data={auditActions.map((a) => ({ value: a, label: t(`auditActions.${a}`) }))}
        value={search.action ?? null}
        onChange={(v) => set({ action: (v ?? undefined) as AuditSearch['action'] })}
        clearable
        w={180}
      />
      <Select
        label={t('audit.actor')}
        placeholder={t('common.all')}
        data={actors}
        value={search.actorId ?? null}
        onChange={(v) => set({ actorId: v ?? undefined })}
        searchable
        clearable
        w={220}
      />
      <DateInput
        label={t('audit.from')}
        value={search.from ?? null}
        onChange={(v) => set({ from: v ?? undefined })}
        valueFormat="DD/MM/YYYY"
        clearable
        w={160}
      />
      <DateInput
        label={t('audit.to')}
        value={search.to ?? null}
        onChange={(v) => set({ to: v ?? undefined })}
        valueFormat="DD/MM/YYYY"
        clearable
        w={160}
      />
      {any && (
        <Button variant="subtle" onClick={() => onChange({})}>
          {t('audit.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
