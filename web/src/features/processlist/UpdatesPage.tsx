import type { ProcessUpdateItem } from '@baken/contracts';
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useBestuurId } from '../bestuur/useBestuurId';
import { type ApplyBody, useApplyUpdates, useProcessUpdates, useSnapshot } from './api';
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
          {t('processlist.updates.applied', { processes: result.processes, assets: result.assets })}
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
