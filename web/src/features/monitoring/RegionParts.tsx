import { bestuurKinds, sizeClasses } from '@baken/contracts';
import { Anchor, Button, Group, Select } from '@mantine/core';
import { Link, useLocation, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { provinces, type RegionFilter } from './search';

export const monitoringBase = '/regio/monitoring';
const pages = [
  { path: monitoringBase, key: 'overview' },
  { path: `${monitoringBase}/kwetsbaar`, key: 'vulnerable' },
  { path: `${monitoringBase}/maatregelen`, key: 'measures' },
  { path: `${monitoringBase}/trend`, key: 'trend' },
] as const;

/** The four regional monitoring pages; the filter travels along. */
export function MonitoringTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const search = useSearch({ strict: false }) as RegionFilter;
  const filter = { kind: search.kind, province: search.province, size: search.size };
  return (
    <nav aria-label={t('monitoring.tabs.label')}>
      <Group gap="lg" mb="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {pages.map((p) => {
          const current = pathname.replace(/\/$/, '') === p.path;
          return (
            <li key={p.key}>
              <Anchor
                component={Link}
                to={p.path}
                search={filter as never}
                aria-current={current ? 'page' : undefined}
                fw={current ? 700 : 400}
                underline={current ? 'always' : 'hover'}
              >
                {t(`monitoring.tabs.${p.key}`)}
              </Anchor>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}

/** Kind, province and size class, in the URL; a change goes back to the first page. */
export function FilterBar() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as RegionFilter;
  const set = (patch: Partial<RegionFilter>) =>
    void navigate({
      to: '.',
      search: (prev: Record<string, unknown>) => ({ ...prev, ...patch, page: undefined }),
    });
  const any = Boolean(search.kind || search.province || search.size);
  return (
    <Group mb="md" align="flex-end" role="group" aria-label={t('monitoring.filter.label')}>
      <Select
        label={t('monitoring.filter.kind')}
        placeholder={t('common.all')}
        data={bestuurKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        value={search.kind ?? null}
        onChange={(v) => set({ kind: (v ?? undefined) as RegionFilter['kind'] })}
        clearable
        w={250}
      />
      <Select
        label={t('monitoring.filter.province')}
        placeholder={t('common.all')}
        data={provinces.map((p) => ({ value: p, label: t(`provinces.${p}`) }))}
        value={search.province ?? null}
        onChange={(v) => set({ province: v ?? undefined })}
        clearable
        w={200}
      />
      <Select
        label={t('monitoring.filter.size')}
        placeholder={t('common.all')}
        data={sizeClasses.map((s) => ({ value: s.id, label: t(`monitoring.size.${s.id}`) }))}
        value={search.size ?? null}
        onChange={(v) => set({ size: (v ?? undefined) as RegionFilter['size'] })}
        clearable
        w={220}
      />
      {any && (
        <Button variant="subtle" onClick={() => set({ kind: undefined, province: undefined, size: undefined })}>
          {t('monitoring.filter.clear')}
        </Button>
      )}
    </Group>
  );
}
