import { Alert, Button, Group, Loader, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { useDiscardDraft, useDraft, useStartDraft } from './api';
import { DraftMeasures } from './DraftMeasures';
import { DraftProcesses } from './DraftProcesses';
import { PublishModal } from './PublishModal';

/** The coach's draft of the next version: edit processes and measures, review the changes, publish or discard. */
export function DraftPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const isCoach = hasPermission(session, 'region.content.manage');
  const draft = useDraft(isCoach);
  const start = useStartDraft();
  const discard = useDiscardDraft();
  const [publishOpen, setPublishOpen] = useState(false);
  const [discardOpen, setDiscardOpen] = useState(false);
  const reload = async () => (await draft.refetch()).data ?? null;

  if (!isCoach)
    return (
      <>
        <PageTitle>{t('processlist.draft.title')}</PageTitle>
        <Alert color="orange">{t('processlist.draft.coachOnly')}</Alert>
      </>
    );
  const d = draft.data;
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('processlist.draft.title')}</PageTitle>
        {d && (
          <Group>
            <ButtonLink variant="default" to="/regio/proceslijst/verschil" search={{ van: d.basedOn, naar: 'concept' }}>
              {t('processlist.draft.review')}
            </ButtonLink>
            <Button variant="default" c="red.9" onClick={() => setDiscardOpen(true)}>
              {t('processlist.draft.discard')}
            </Button>
            <Button onClick={() => setPublishOpen(true)}>{t('processlist.draft.publish')}</Button>
          </Group>
        )}
      </Group>
      <Text mb="md">
        <AnchorLink to="/regio/proceslijst">{t('processlist.diff.back')}</AnchorLink>
      </Text>
      <ErrorAlert error={draft.error} />
      {draft.isPending && <Loader aria-label={t('common.loading')} />}
      {draft.data === null && (
        <Alert color="blue" title={t('processlist.draft.noneTitle')}>
          <Text mb="sm">{t('processlist.draft.none')}</Text>
          <ErrorAlert error={start.error} />
          <Button loading={start.isPending} onClick={() => start.mutate()}>
            {t('processlist.draft.start')}
          </Button>
        </Alert>
      )}
      {d && (
        <>
          <Text mb="md">
            {t('processlist.draft.meta', {
              basedOn: d.basedOn,
              when: formatDateTime(d.updatedAt),
              who: d.updatedBy ?? t('processlist.versions.source.content'),
            })}
          </Text>
          <Tabs defaultValue="processes" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="processes">
                {t('processlist.tabs.processes', { count: d.snapshot.processes.length })}
              </Tabs.Tab>
              <Tabs.Tab value="measures">
                {t('processlist.tabs.measures', { count: d.snapshot.measures.length })}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="processes">
              <DraftProcesses draft={d} onReload={reload} />
            </Tabs.Panel>
            <Tabs.Panel value="measures">
              <DraftMeasures draft={d} onReload={reload} />
            </Tabs.Panel>
          </Tabs>
          <PublishModal draft={d} opened={publishOpen} onReload={reload} onClose={() => setPublishOpen(false)} />
          <ConfirmModal
            opened={discardOpen}
            title={t('processlist.draft.discardTitle')}
            message={t('processlist.draft.discardMessage', { basedOn: d.basedOn })}
            confirmLabel={t('processlist.draft.discardConfirm')}
            danger
            loading={discard.isPending}
            error={discard.error}
            onClose={() => {
              setDiscardOpen(false);
              discard.reset();
            }}
            onConfirm={() =>
              // The page drops this dialog once the draft is gone: the follow-up does not depend on it.
              discard
                .mutateAsync({ draftVersion: d.version })
                .then(() => {
                  setDiscardOpen(false);
                  notifications.show({ color: 'green', message: t('processlist.draft.discarded') });
                })
                .catch(() => void draft.refetch())
            }
          />
        </>
      )}
    </>
  );
}
