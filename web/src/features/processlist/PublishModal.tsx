import type { Draft } from '@baken/contracts';
import { Button, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/ConflictAlert';
import { useDiff, usePublish } from './api';
import { IssuesAlert } from './IssuesAlert';

/** Publishing the draft as the next version, with release notes; shows what will change first. */
interface Props {
  draft: Draft;
  opened: boolean;
  onReload: () => Promise<unknown>;
  onClose: () => void;
}

export function PublishModal({ draft, opened, onReload, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('processlist.publish.title')} size="lg">
      {opened && <PublishForm draft={draft} onReload={onReload} onDone={onClose} />}
    </Modal>
  );
}

function PublishForm({ draft, onReload, onDone }: Omit<Props, 'opened' | 'onClose'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const diff = useDiff(draft.basedOn, null);
  const publish = usePublish();
  const [nl, setNl] = useState('');
  const [en, setEn] = useState('');
  const [missing, setMissing] = useState(false);
  const s = diff.data?.summary;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!nl.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    // The draft is gone once published, and this form with it: the follow-up does not depend on it.
    publish
      .mutateAsync({ draftVersion: draft.version, releaseNotes: { nl: nl.trim(), en: en.trim() || undefined } })
      .then((v) => {
        notifications.show({ color: 'green', message: t('processlist.publish.done', { number: v.number }) });
        onDone();
        void navigate({ to: '/regio/proceslijst', search: { versie: v.number } });
      })
      .catch(() => undefined);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {/* Someone else saved the draft meanwhile: read it again and publish what is there now. */}
        <ConflictAlert error={publish.error} onReload={() => void onReload().then(() => publish.reset())} />
        <IssuesAlert local={{}} error={publish.error} />
        <Text>{t('processlist.publish.intro', { number: draft.basedOn + 1 })}</Text>
        {diff.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        {s && (
          <Text fw={600}>
            {t('processlist.publish.summary', {
              processes: t('processlist.counts.processes', {
                count: s.processes.added + s.processes.changed + s.processes.removed,
              }),
              assets: t('processlist.counts.assets', { count: s.assets.added + s.assets.changed + s.assets.removed }),
              classifications: t('processlist.counts.classChanges', { count: s.classifications }),
              measures: t('processlist.counts.measures', {
                count: s.measures.added + s.measures.changed + s.measures.removed,
              }),
            })}
          </Text>
        )}
        <Textarea
          label={t('processlist.publish.notesNl')}
          value={nl}
          onChange={(e) => setNl(e.currentTarget.value)}
          error={missing ? t('validation.required') : undefined}
          autosize
          minRows={3}
          required
        />
        <Textarea
          label={t('processlist.publish.notesEn')}
          description={t('processlist.publish.enHint')}
          value={en}
          onChange={(e) => setEn(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={publish.isPending}>
            {t('processlist.publish.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
