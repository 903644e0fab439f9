import { Alert, Loader, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuditTable } from '../audit/AuditTable';
import { useMeasureHistory } from './api';

/** The measure's audit trail: who changed its tracking, when, and what before and after. */
export function HistorySection({ bestuurId, code }: { bestuurId: string; code: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const history = useMeasureHistory(bestuurId, code, true);
  const items = history.data?.items ?? [];
  const toAudit = (search: Record<string, string>) =>
    void navigate({ to: '/b/$bestuurId/audittrail', params: { bestuurId }, search });

  return (
    <section aria-labelledby="measure-history">
      <Title order={2} size="h4" id="measure-history" mb="xs">
        {t('measures.history.title')}
      </Title>
      <ErrorAlert error={history.error} />
      {history.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {history.data && items.length === 0 && <Alert color="blue">{t('measures.history.none')}</Alert>}
      {items.length > 0 && (
        <AuditTable
          events={items}
          caption={t('measures.history.caption', { code })}
          onObject={(e) => toAudit({ objectType: e.objectType, objectId: e.objectId })}
          onActor={(e) => toAudit({ actorId: e.actorId ?? '' })}
        />
      )}
      {history.data && history.data.total > items.length && (
        <Text size="sm">{t('measures.history.more', { count: history.data.total - items.length })}</Text>
      )}
      <AnchorLink
        to="/b/$bestuurId/audittrail"
        params={{ bestuurId }}
        search={{ objectType: 'measure', objectId: code }}
        size="sm"
      >
        {t('measures.history.all')}
      </AnchorLink>
    </section>
  );
}
