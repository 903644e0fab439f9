import type { AuditEvent } from '@baken/contracts';
import { Alert, Button, Group, Loader } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../api/client';
import type { Page } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TablePagination } from '../../components/TablePagination';
import { AuditFilters, type Option } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { type AuditSearch, auditFilters } from './search';

const PAGE_SIZE = 50;
const KNOWN_OBJECT_TYPES = ['bestuur', 'membership', 'user', 'api_token'];

interface Props {
  /** e.g. `/besturen/<id>/audit-events` or `/platform/audit-events` */
  endpoint: string;
  search: AuditSearch;
  onSearch: (next: AuditSearch) => void;
  canExport: boolean;
  caption: string;
  /** Known actors (e.g. the members of the bestuur) for the actor filter. */
  actors?: Option[];
}

/** Filterable, paginated audit trail with before/after details and an Excel export. */
export function AuditTrail({ endpoint, search, onSearch, canExport, caption, actors = [] }: Props) {
  const { t } = useTranslation();
  const page = search.page ?? 1;
  const filters = auditFilters(search);
  const events = useQuery({
    queryKey: ['audit', endpoint, search],
    queryFn: () => api<Page<AuditEvent>>(endpoint, { query: { ...filters, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

  const items = events.data?.items ?? [];
  const actorOptions = mergeOptions(
    actors,
    items.filter((e) => e.actorId).map((e) => ({ value: e.actorId as string, label: e.actorName ?? e.actorId ?? '' })),
  );
  const objectTypes = Array.from(new Set([...KNOWN_OBJECT_TYPES, ...items.map((e) => e.objectType)]));
  const focused = search.objectType && search.objectId ? items.find((e) => e.objectId === search.objectId) : undefined;

  return (
    <>
      <Group justify="flex-end" mb="sm">
        {canExport && (
          <Button component="a" href={downloadUrl(`${endpoint}/export`, filters)} variant="outline">
            {t('audit.export')}
          </Button>
        )}
      </Group>
      <AuditFilters search={search} objectTypes={objectTypes} actors={actorOptions} onChange={onSearch} />
      {search.objectId && (
        <Alert color="blue" mb="md" title={t('audit.objectHistory')}>
          <Group justify="space-between">
            <span>{t('audit.objectHistoryText', { name: focused?.objectLabel ?? search.objectId })}</span>
            <Button
              size="xs"
              variant="white"
              onClick={() => onSearch({ ...search, objectType: undefined, objectId: undefined, page: undefined })}
            >
              {t('audit.showAll')}
            </Button>
          </Group>
        </Alert>
      )}
      <ErrorAlert error={events.error} />
      {events.isPending && <Loader aria-label={t('common.loading')} />}
      {events.data && items.length === 0 && (
        <Alert color="blue">
          {Object.keys(filters).some((k) => filters[k as keyof typeof filters])
            ? t('audit.noResults')
            : t('audit.empty')}
        </Alert>
      )}
      {items.length > 0 && (
        <>
          <AuditTable
            events={items}
            caption={caption}
            onObject={(e) => onSearch({ ...search, objectType: e.objectType, objectId: e.objectId, page: undefined })}
            onActor={(e) => onSearch({ ...search, actorId: e.actorId ?? undefined, page: undefined })}
          />
          <TablePagination
            page={page}
            pageSize={PAGE_SIZE}
            total={events.data?.total ?? 0}
            onChange={(p) => onSearch({ ...search, page: p > 1 ? p : undefined })}
          />
        </>
      )}
    </>
  );
}

function mergeOptions(...lists: Option[][]): Option[] {
  const seen = new Map<string, Option>();
  for (const list of lists) for (const o of list) if (!seen.has(o.value)) seen.set(o.value, o);
  return Array.from(seen.values());
}
