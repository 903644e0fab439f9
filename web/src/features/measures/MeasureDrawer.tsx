import type { BestuurProcess, FrameworkSummary } from '@baken/contracts';
import { Badge, Divider, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, today } from '../../lib/format';
import { inLang, type Lang } from '../catalog/format';
import { RequiredMeasureWhy } from '../processes/RequiredMeasureWhy';
import { useMeasureDetail } from './api';
import { CommentsSection } from './CommentsSection';
import { EvidenceSection } from './EvidenceSection';
import { HistorySection } from './HistorySection';
import { maturityName } from './MaturityField';
import { StatusBadge } from './StatusBadge';
import { type OwnerOption, TrackingForm } from './TrackingForm';
import { passed } from './values';

interface Props {
  bestuurId: string;
  code: string | null;
  owners: OwnerOption[];
  frameworks: FrameworkSummary[];
  processes: BestuurProcess[];
  domainName: (id: string) => string;
  onClose: () => void;
}

/** One measure: its tracking, why it is required, comments, evidence and history. */
export function MeasureDrawer({ bestuurId, code, owners, frameworks, processes, domainName, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const session = useRequiredSession();
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(session, p, bestuurId);
  const detail = useMeasureDetail(bestuurId, code);
  // While another measure's detail loads, show nothing of the previous one.
  const m = detail.data?.code === code ? detail.data : undefined;

  return (
    <Drawer
      opened={code !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={m ? `${m.code} · ${inLang(m.title, lang)}` : (code ?? '')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <ErrorAlert error={detail.error} />
      {!m && !detail.error && code !== null && <Loader aria-label={t('common.loading')} />}
      {m && code !== null && (
        <Stack gap="lg">
          <Group gap="xs">
            <StatusBadge status={m.status} />
            {!m.required && (
              <Badge variant="outline" color="gray.8">
                {t('measures.notRequired')}
              </Badge>
            )}
            {m.overdue && <OverdueText m={m} />}
          </Group>
          <section aria-labelledby="measure-tracking">
            <Title order={2} size="h4" id="measure-tracking" mb="xs">
              {t('measures.trackingTitle')}
            </Title>
            {can('isms.edit') ? (
              <TrackingForm
                key={m.code}
                bestuurId={bestuurId}
                measure={m}
                owners={owners}
                canApprove={can('risks.accept')}
              />
            ) : (
              <TrackingView m={m} />
            )}
          </section>
          <Divider />
          {m.required ? (
            <RequiredMeasureWhy
              bestuurId={bestuurId}
              code={m.code}
              frameworks={frameworks}
              processes={processes}
              domainName={domainName}
            />
          ) : (
            <Text size="sm">{t('measures.notRequiredText')}</Text>
          )}
          <Divider />
          <CommentsSection
            bestuurId={bestuurId}
            code={m.code}
            comments={m.comments}
            canComment={can('isms.contribute')}
          />
          <Divider />
          <EvidenceSection
            bestuurId={bestuurId}
            code={m.code}
            evidence={m.evidence}
            canAdd={can('isms.contribute')}
            canDelete={can('isms.edit')}
          />
          {can('audit.view') && (
            <>
              <Divider />
              <HistorySection bestuurId={bestuurId} code={m.code} />
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function OverdueText({ m }: { m: Parameters<typeof passed>[0] }) {
  const { t } = useTranslation();
  const p = passed(m, today());
  return (
    <Badge color="red.9" variant="light">
      {p.review ? t('measures.overdueReview') : p.due ? t('measures.overdueDue') : t('measures.overdue')}
    </Badge>
  );
}

/** The tracking as text, for who may not change it. */
function TrackingView({ m }: { m: NonNullable<ReturnType<typeof useMeasureDetail>['data']> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const maturity = (n: number | null) => (n === null ? t('measures.maturity.none') : `${n}. ${maturityName(n, lang)}`);
  const rows: [string, string][] = [
    [t('measures.fields.owner'), m.ownerName ?? t('measures.noOwner')],
    [t('measures.fields.dueDate'), formatDate(m.dueDate) || '—'],
    [t('measures.fields.reviewDate'), formatDate(m.reviewDate) || '—'],
    [t('measures.fields.documentation'), maturity(m.documentation)],
    [t('measures.fields.implementation'), maturity(m.implementation)],
  ];
  if (m.status === 'niet-van-toepassing')
    rows.push([
      t('measures.fields.naReason'),
      `${m.naReason ?? ''} (${t('measures.form.approvedBy', { by: m.naApprovedBy ?? t('measures.unknownPerson'), at: formatDateTime(m.naApprovedAt) })})`,
    ]);
  return (
    <dl style={{ margin: 0 }}>
      {rows.map(([k, v]) => (
        <Group key={k} gap="xs" wrap="nowrap" align="flex-start">
          <Text component="dt" fw={600} size="sm" w={200}>
            {k}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {v}
          </Text>
        </Group>
      ))}
    </dl>
  );
}
