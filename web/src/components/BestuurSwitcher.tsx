import { Select } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useRequiredSession } from '../api/session';

/** Select of the user's besturen; switching opens that bestuur's overview. */
export function BestuurSwitcher({ bestuurId }: { bestuurId?: string }) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const navigate = useNavigate();
  if (session.memberships.length === 0) return null;
  const data = session.memberships.map((m) => ({
    value: m.bestuurId,
    label: m.bestuurName,
  }));
  const current = session.memberships.some((m) => m.bestuurId === bestuurId) ? bestuurId : null;
  return (
    <Select
      aria-label={t('shell.bestuurSwitcher')}
      placeholder={t('shell.chooseBestuur')}
      data={data}
      value={current ?? null}
      onChange={(id) => {
        if (id) void navigate({ to: '/b/$bestuurId', params: { bestuurId: id } });
      }}
      allowDeselect={false}
      searchable={data.length > 8}
      w={{ base: '100%', sm: 260 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
