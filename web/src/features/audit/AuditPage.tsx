import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { useMembers } from '../members/api';
import { AuditTrail } from './AuditTrail';
import type { AuditSearch } from './search';

export function AuditPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const search = useSearch({ strict: false }) as AuditSearch;
  const navigate = useNavigate();
  const members = useMembers(bestuurId, { page: 1, pageSize: 200 }, hasPermission(session, 'members.view', bestuurId));
  const actors = (members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.displayName }));

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <AuditTrail
        endpoint={`/besturen/${bestuurId}/audit-events`}
        search={search}
        onSearch={(next) => void navigate({ to: '.', search: next })}
        canExport={hasPermission(session, 'audit.export', bestuurId)}
        caption={t('audit.caption')}
        actors={actors}
      />
    </>
  );
}
