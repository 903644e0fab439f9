import { Anchor, Button, FileButton, Group, Loader, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { diagramDownloadUrl, useDeleteDiagram, useDiagramInfo, useDiagramXml, useUploadDiagram } from './api';
import { formatBytes } from './format';

const BpmnViewer = lazy(() => import('./BpmnViewer'));

interface Props {
  bestuurId: string;
  processId: string;
  processName: string;
  canEdit: boolean;
}

/** The BPMN diagram of a process: shown as a diagram, downloaded, attached, replaced or removed. */
export function ProcessDiagram({ bestuurId, processId, processName, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const info = useDiagramInfo(bestuurId, processId);
  const diagram = info.data ?? null;
  const xml = useDiagramXml(bestuurId, processId, diagram?.version);
  const upload = useUploadDiagram(bestuurId, processId);
  const remove = useDeleteDiagram(bestuurId, processId);
  const [confirming, setConfirming] = useState(false);
  const resetFile = useRef<() => void>(null);

  const choose = (file: File | null) => {
    resetFile.current?.();
    if (!file) return;
    upload.mutate(
      { file, version: diagram?.version },
      { onSuccess: () => notifications.show({ color: 'green', message: t('products.diagram.saved') }) },
    );
  };
  const conflict = upload.error instanceof ApiError && upload.error.code === 'VERSION_CONFLICT';

  return (
    <section aria-labelledby="process-diagram-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} id="process-diagram-title">
          {t('products.diagram.title')}
        </Title>
        {canEdit && (
          <FileButton onChange={choose} accept=".bpmn,.xml,application/xml,text/xml" resetRef={resetFile}>
            {(props) => (
              <Button {...props} loading={upload.isPending} variant={diagram ? 'default' : 'filled'}>
                {diagram ? t('products.diagram.replace') : t('products.diagram.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {canEdit && (
        <Text size="sm" mb="sm">
          {t('products.diagram.help')}
        </Text>
      )}
      <ErrorAlert error={upload.error} title={conflict ? t('products.diagram.conflict') : undefined} />
      <ErrorAlert error={info.error ?? xml.error} />
      {info.isPending && <Loader aria-label={t('common.loading')} />}
      {info.isSuccess && !diagram && <Text>{t('products.diagram.none')}</Text>}
      {diagram && (
        <>
          <Group justify="space-between" mb="sm">
            <Text size="sm">
              {t('products.diagram.meta', {
                file: diagram.fileName,
                size: formatBytes(diagram.size, lang),
                who: diagram.uploadedBy?.name ?? t('products.diagram.unknownUser'),
                when: formatDateTime(diagram.uploadedAt),
              })}
            </Text>
            <Group gap="sm">
              <Anchor href={diagramDownloadUrl(bestuurId, processId)} download={diagram.fileName} size="sm">
                {t('products.diagram.download')}
              </Anchor>
              {canEdit && (
                <Button variant="subtle" color="red" size="compact-sm" onClick={() => setConfirming(true)}>
                  {t('products.diagram.delete')}
                </Button>
              )}
            </Group>
          </Group>
          {xml.isPending && <Loader aria-label={t('common.loading')} />}
          {xml.data && (
            <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
              <BpmnViewer xml={xml.data} label={t('products.diagram.figure', { name: processName })} />
            </Suspense>
          )}
        </>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('products.diagram.deleteTitle')}
        message={t('products.diagram.deleteText', { file: diagram?.fileName ?? '' })}
        confirmLabel={t('products.diagram.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          diagram &&
          remove.mutate(diagram.version, {
            onSuccess: () => {
              setConfirming(false);
              notifications.show({ color: 'green', message: t('products.diagram.deleted') });
            },
          })
        }
        onClose={() => setConfirming(false)}
      />
    </section>
  );
}
