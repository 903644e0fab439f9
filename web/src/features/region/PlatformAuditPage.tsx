import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { Alert } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { AuditTrail } from '../audit/AuditTrail';
import type { AuditSearch } from '../audit/search';

export function PlatformAuditPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const search = useSearch({ strict: false }) as AuditSearch;
  const navigate = useNavigate();
  const allowed = hasPermission(session, 'platform.audit.view');

  return (
    <>
      <PageTitle>{t('platformAudit.title')}</PageTitle>
      {allowed ? (
        <AuditTrail
          endpoint="/platform/audit-events"
          search={search}
          onSearch={(next) => void navigate({ to: '.', search: next })}
          canExport
          caption={t('platformAudit.caption')}
        />
      ) : (
        <Alert color="red" role="alert">
          {t('errors.forbidden')}
        </Alert>
      )}
    </>
  );
}
