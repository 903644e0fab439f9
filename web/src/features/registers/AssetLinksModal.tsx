import type { Application } from '@baken/contracts';
import { Alert, Button, Group, Loader, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { inLang, type Lang } from '../catalog/format';
import { useLinkAssets, useProcessAssets } from './api';
import { ClassBadges } from './ClassBadges';

interface Props {
  bestuurId: string;
  application: Application | null;
  onClose: () => void;
}

/** Chooses the information assets an application holds, grouped by process; shows the class that follows. */
export function AssetLinksModal({ bestuurId, application, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={application !== null}
      onClose={onClose}
      title={application ? t('registers.links.title', { name: application.name }) : ''}
      size="xl"
    >
      {application && (
        <LinksForm key={application.id} bestuurId={bestuurId} application={application} onDone={onClose} />
      )}
    </Modal>
  );
}

function LinksForm({
  bestuurId,
  application,
  onDone,
}: {
  bestuurId: string;
  application: Application;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const processes = useProcessAssets(bestuurId, true);
  const link = useLinkAssets(bestuurId);
  const [base, setBase] = useState(application);
  const [selected, setSelected] = useState<string[]>(application.assets.map((a) => a.id));

  const classes = useMemo(() => {
    const map = new Map<string, { c: number; i: number; a: number }>();
    for (const p of processes.data ?? []) for (const a of p.assets) map.set(a.id, a.class);
    return map;
  }, [processes.data]);
  const data = useMemo(
    () =>
      (processes.data ?? [])
        .filter((p) => p.assets.length > 0)
        .map((p) => ({
          group: inLang(p.name, lang),
          items: p.assets.map((a) => ({ value: a.id, label: inLang(a.name, lang) })),
        })),
    [processes.data, lang],
  );
  const chosen = selected.map((id) => classes.get(id)).filter((c) => c !== undefined);
  const preview = chosen.length
    ? {
        c: Math.max(...chosen.map((c) => c.c)),
        i: Math.max(...chosen.map((c) => c.i)),
        a: Math.max(...chosen.map((c) => c.a)),
      }
    : null;

  const reload = (current: Application) => {
    setBase(current);
    setSelected(current.assets.map((a) => a.id));
    link.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    link.mutate(
      { id: base.id, body: { version: base.version, assetIds: selected } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('registers.links.saved', { name: saved.name }) });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('registers.links.intro')}</Text>
        <ConflictAlert<Application> error={link.error} onReload={reload} />
        {!isConflict(link.error) && <ErrorAlert error={link.error} />}
        <ErrorAlert error={processes.error} />
        {processes.isPending && <Loader aria-label={t('common.loading')} />}
        {processes.data && data.length === 0 && <Alert color="blue">{t('registers.links.noAssets')}</Alert>}
        {data.length > 0 && (
          <MultiSelect
            label={t('registers.links.assets')}
            description={t('registers.links.assetsHint')}
            data={data}
            value={selected}
            onChange={setSelected}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={320}
            nothingFoundMessage={t('registers.noResults')}
          />
        )}
        <Group gap="sm">
          <Text size="sm" fw={500}>
            {t('registers.links.resultingClass')}
          </Text>
          <ClassBadges value={preview} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={link.isPending} disabled={!processes.data}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
