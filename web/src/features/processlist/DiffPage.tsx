import { Alert, Group, Loader, Select, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { useDiff, useDraft, useSnapshot, useVersions } from './api';
import { DiffView } from './DiffView';
import { useNames } from './names';
import type { DiffSearch } from './search';

const DRAFT = 'concept';

/** Two versions side by side (or a version and the coach's draft): what was added, changed and removed. */
export function DiffPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const isCoach = hasPermission(session, 'region.content.manage');
  const search = useSearch({ strict: false }) as DiffSearch;
  const navigate = useNavigate();
  const versions = useVersions();
  const draft = useDraft(isCoach);
  const items = versions.data ?? [];
  // Without a choice: the newest version against the one before it.
  const from = search.van ?? items[1]?.number ?? null;
  const to = search.naar ?? items[0]?.number ?? null;
  const toDraft = to === DRAFT;
  const diff = useDiff(from, toDraft ? null : to);
  const snapshot = useSnapshot(from);
  const names = useNames(snapshot.data);

  const go = (van: number | null, naar: number | 'concept' | null) =>
    void navigate({ to: '/regio/proceslijst/verschil', search: { van: van ?? undefined, naar: naar ?? undefined } });
  const options = items.map((v) => ({
    value: String(v.number),
    label: t('processlist.versions.label', { number: v.number }),
  }));
  const toOptions = draft.data ? [...options, { value: DRAFT, label: t('processlist.diff.draft') }] : options;

  return (
    <>
      <PageTitle>{t('processlist.diff.title')}</PageTitle>
      <Text mb="md">
        <AnchorLink to="/regio/proceslijst">{t('processlist.diff.back')}</AnchorLink>
      </Text>
      <ErrorAlert error={versions.error} />
      {versions.isPending && <Loader aria-label={t('common.loading')} />}
      {versions.data && items.length < 2 && !draft.data && (
        <Alert color="blue">{t('processlist.diff.oneVersion')}</Alert>
      )}
      {versions.data && (items.length > 1 || draft.data) && (
        <Group mb="lg" align="flex-end">
          <Select
            label={t('processlist.diff.from')}
            data={options}
            value={from === null ? null : String(from)}
            onChange={(v) => v && go(Number(v), to)}
            allowDeselect={false}
            w={200}
          />
          <Select
            label={t('processlist.diff.to')}
            data={toOptions}
            value={to === null ? null : String(to)}
            onChange={(v) => v && go(from, v === DRAFT ? DRAFT : Number(v))}
            allowDeselect={false}
            w={200}
          />
        </Group>
      )}
      {from !== null && to !== null && from === to && <Alert color="blue">{t('processlist.diff.same')}</Alert>}
      <ErrorAlert error={diff.error} />
      {diff.isFetching && !diff.data && <Loader aria-label={t('common.loading')} />}
      {diff.data && from !== to && (
        <>
          <Text mb="md" fw={600}>
            {toDraft ? t('processlist.diff.headingDraft', { from }) : t('processlist.diff.heading', { from, to })}
          </Text>
          <DiffView diff={diff.data} names={names} />
        </>
      )}
    </>
  );
}
