import type { BestuurProcess } from '@baken/contracts';
import { Alert, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { ProcessDiagram } from '../products/ProcessDiagram';
import { ProcessProducts } from '../products/ProcessProducts';
import { inLang, type Lang } from '../catalog/format';
import { ApplicabilityModal } from './ApplicabilityModal';
import { AssetEditor } from './AssetEditor';
import { AssetFormModal } from './AssetFormModal';
import { useDeleteProcess, useProcesses } from './api';
import { ClassBadges } from './ClassBadges';
import { domainName } from './domains';
import { ProcessFormModal } from './ProcessFormModal';

/** One process: its details and applicability, and the editor of its information assets. */
export function ProcessDetailPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const { processId } = useParams({ strict: false }) as { processId: string };
  const processes = useProcesses(bestuurId);

  if (processes.isPending) return <Loader aria-label={t('common.loading')} />;
  if (processes.error) return <ErrorAlert error={processes.error} />;
  const process = processes.data.find((p) => p.id === processId);
  if (!process) return <NotFoundPage />;
  return <ProcessDetail bestuurId={bestuurId} process={process} />;
}

type Dialog = 'applicability' | 'edit' | 'delete' | 'asset' | null;

function ProcessDetail({ bestuurId, process: p }: { bestuurId: string; process: BestuurProcess }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const navigate = useNavigate();
  const remove = useDeleteProcess(bestuurId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const own = p.templateId === null;
  const close = () => setDialog(null);

  const deleteProcess = () =>
    remove.mutate(
      { processId: p.id, version: p.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('processes.detail.deleted') });
          void navigate({ to: '/b/$bestuurId/processen', params: { bestuurId } });
        },
      },
    );

  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/b/$bestuurId/processen" params={{ bestuurId }} size="sm">
          {t('processes.detail.back')}
        </AnchorLink>
        <PageTitle>{inLang(p.name, lang)}</PageTitle>
        <Group gap="sm">
          <Badge color="blue.9" size="lg">
            {domainName(t, p.domain)}
          </Badge>
          <Badge variant="outline" color="gray.8" size="lg">
            {own ? t('processes.own') : t('processes.template')}
          </Badge>
          {!p.applicable && (
            <Badge color="gray.8" size="lg">
              {t('processes.notApplicable')}
            </Badge>
          )}
        </Group>
        {p.description && (
          <Text mt="sm" maw={860}>
            {inLang(p.description, lang)}
          </Text>
        )}
        <Group mt="sm" gap="xs">
          <Text size="sm">{t('processes.detail.processClass')}</Text>
          <ClassBadges value={p.class} />
        </Group>
      </div>
      {!p.applicable && (
        <Alert color="gray" title={t('processes.detail.notApplicableTitle')}>
          {p.notApplicableReason}
        </Alert>
      )}
      {canEdit ? (
        <Group>
          <Button variant="default" onClick={() => setDialog('applicability')}>
            {p.applicable ? t('processes.applicability.mark') : t('processes.applicability.restore')}
          </Button>
          {own && (
            <>
              <Button variant="default" onClick={() => setDialog('edit')}>
                {t('processes.detail.edit')}
              </Button>
              <Button variant="outline" color="red.9" onClick={() => setDialog('delete')}>
                {t('processes.detail.delete')}
              </Button>
            </>
          )}
        </Group>
      ) : (
        <Alert color="blue">{t('processes.detail.readOnly')}</Alert>
      )}

      <section aria-labelledby="assets-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="assets-title">
            {t('processes.detail.assets', { count: p.assets.length })}
          </Title>
          {canEdit && <Button onClick={() => setDialog('asset')}>{t('processes.newAsset.open')}</Button>}
        </Group>
        {canEdit && (
          <Text size="sm" mb="md">
            {t('processes.detail.assetsHelp')}
          </Text>
        )}
        {p.assets.length === 0 && <Alert color="blue">{t('processes.detail.noAssets')}</Alert>}
        <Stack gap="md">
          {p.assets.map((a) => (
            <AssetEditor key={a.id} bestuurId={bestuurId} asset={a} canEdit={canEdit} />
          ))}
        </Stack>
      </section>

      {/* Place for what other modules show about this process: its applications, IPDC products and BPMN diagram. */}
      <Stack gap="lg" data-process-extensions={p.id}>
        <ProcessProducts bestuurId={bestuurId} processId={p.id} canEdit={canEdit} />
        <ProcessDiagram bestuurId={bestuurId} processId={p.id} processName={inLang(p.name, lang)} canEdit={canEdit} />
      </Stack>

      <ApplicabilityModal bestuurId={bestuurId} process={p} opened={dialog === 'applicability'} onClose={close} />
      <ProcessFormModal bestuurId={bestuurId} process={p} opened={dialog === 'edit'} onClose={close} />
      <AssetFormModal bestuurId={bestuurId} processId={p.id} opened={dialog === 'asset'} onClose={close} />
      <ConfirmModal
        opened={dialog === 'delete'}
        title={t('processes.detail.deleteTitle', { name: inLang(p.name, lang) })}
        message={t('processes.detail.deleteText')}
        confirmLabel={t('processes.detail.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={deleteProcess}
        onClose={close}
      />
    </Stack>
  );
}
