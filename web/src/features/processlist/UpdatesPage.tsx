import type { ProcessUpdateItem } from '@baken/contracts';
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../lib/format';
import { useBestuurId } from '../bestuur/useBestuurId';
import { type ApplyBody, useApplyUpdates, useProcessUpdates, useSnapshot, useVersions } from './api';
import { textOf } from './format';
import { useNames } from './names';
import { UpdateItem } from './UpdateItem';

/** A bestuur's pending updates of the generic list: what changes against its own copy, taken over per process or all at once. */
export function UpdatesPage() {
  const { t } = useTranslation();
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const canEdit = hasPermission(session, 'isms.edit', bestuurId);
  const updates = useProcessUpdates(bestuurId);
  const apply = useApplyUpdates(bestuurId);
  const snapshot = useSnapshot(updates.data?.latest ?? null);
  const names = useNames(snapshot.data);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<{ processes: number; assets: number } | null>(null);
  const data = updates.data;
  const items = data?.items ?? [];
  const from = lowestFrom(items);
  const stale = apply.error instanceof ApiError && apply.error.code === 'VERSION_CONFLICT';

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const run = (body: ApplyBody) => {
    setResult(null);
    apply.mutate(body, {
      onSuccess: (r) => {
        setResult(r);
        setSelected(new Set());
      },
    });
  };
  const reload = () => {
    apply.reset();
    setSelected(new Set());
    void updates.refetch();
  };
  const chosen = items.filter((i) => selected.has(i.templateId)).map((i) => i.templateId);

  return (
    <>
      <PageTitle>{t('processlist.updates.title')}</PageTitle>
      <ErrorAlert error={updates.error} />
      {result && (
        <Alert
          color="green"
          role="status"
          mb="md"
          withCloseButton
          onClose={() => setResult(null)}
          closeButtonLabel={t('common.close')}
        >
          {t('processlist.updates.applied', {
            processes: t('processlist.counts.processes', { count: result.processes }),
            assets: t('processlist.counts.assets', { count: result.assets }),
          })}
        </Alert>
      )}
      {stale && (
        <Alert color="orange" role="alert" title={t('conflict.title')} mb="md">
          <Text size="sm" mb="sm">
            {t('processlist.updates.stale')}
          </Text>
          <Button size="xs" onClick={reload}>
            {t('processlist.updates.reload')}
          </Button>
        </Alert>
      )}
      {!stale && <ErrorAlert error={apply.error} />}
      {updates.isPending && <Loader aria-label={t('common.loading')} />}
      {data && items.length === 0 && (
        <Alert color="green">{t('processlist.updates.upToDate', { latest: data.latest })}</Alert>
      )}
      {data && items.length > 0 && (
        <>
          <Text mb="sm" fw={600}>
            {from === null
              ? t('processlist.updates.availableOnly', { latest: data.latest })
              : t('processlist.updates.available', { from, latest: data.latest })}
          </Text>
          <ReleaseNotes after={from ?? data.latest - 1} />
          <Text mb="md">{t(canEdit ? 'processlist.updates.intro' : 'processlist.updates.introReadOnly')}</Text>
          {canEdit && (
            <Group mb="md">
              <Button
                disabled={chosen.length === 0}
                loading={apply.isPending && apply.variables && 'templateIds' in apply.variables}
                onClick={() => run({ toVersion: data.latest, templateIds: chosen })}
              >
                {t('processlist.updates.applySelected', { count: chosen.length })}
              </Button>
              <Button
                variant="default"
                loading={apply.isPending && apply.variables && 'all' in apply.variables}
                onClick={() => run({ toVersion: data.latest, all: true })}
              >
                {t('processlist.updates.applyAll')}
              </Button>
            </Group>
          )}
          <Stack gap="sm">
            {items.map((item) => (
              <UpdateItem
                key={item.templateId}
                item={item}
                names={names}
                bestuurId={bestuurId}
                selectable={canEdit}
                selected={selected.has(item.templateId)}
                onToggle={(on) => toggle(item.templateId, on)}
              />
            ))}
          </Stack>
        </>
      )}
    </>
  );
}

/** The oldest version the bestuur's copy still follows (new processes have none). */
function lowestFrom(items: ProcessUpdateItem[]): number | null {
  const froms = items.map((i) => i.fromVersion).filter((v): v is number => v !== null);
  return froms.length ? Math.min(...froms) : null;
}

/** The release notes of the versions the bestuur has not taken over yet, newest first, with a link to the whole difference. */
function ReleaseNotes({ after }: { after: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const versions = useVersions();
  const newer = (versions.data ?? []).filter((v) => v.number > after);
  if (newer.length === 0) return null;
  return (
    <section aria-labelledby="release-notes">
      <Title order={2} size="h4" id="release-notes" mb="xs">
        {t('processlist.updates.notes')}
      </Title>
      <ul style={{ marginTop: 0, paddingInlineStart: '1.25rem' }}>
        {newer.map((v) => (
          <li key={v.number}>
            <Text span fw={600}>
              {t('processlist.updates.noteOf', { number: v.number, date: formatDate(v.publishedAt) })}
            </Text>{' '}
            <Text span style={{ whiteSpace: 'pre-line' }}>
              {textOf(v.releaseNotes, lang)}
            </Text>
          </li>
        ))}
      </ul>
      <Text mb="md">
        <AnchorLink to="/regio/proceslijst/verschil" search={{ van: after, naar: newer[0].number }}>
          {t('processlist.updates.wholeDiff', { from: after, to: newer[0].number })}
        </AnchorLink>
      </Text>
    </section>
  );
}
