import type { PlanSections } from '@baken/contracts';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConflictDialog, type ConflictRow } from '../../components/ConflictDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type Plan, useRefresh, useSavePlan } from './api';
import { isConflict, noValidate } from './values';

/** Issues of a VALIDATION_FAILED answer keyed by their whole path ("crisisTeam.0.phone"). */
export type PathErrors = Record<string, string>;
function pathErrors(error: unknown): PathErrors {
  if (!(error instanceof ApiError)) return {};
  const out: PathErrors = {};
  for (const i of error.issues) out[i.path.join('.')] ??= i.message;
  return out;
}

interface Props<V> {
  /** The anchor of the section, as the checks link to it and the coach's review names it. */
  id: string;
  title: string;
  intro?: string;
  plan: Plan;
  bestuurId: string;
  canEdit: boolean;
  /** This section's part of the plan's hand-written sections. */
  pick: (s: PlanSections) => V;
  /** What to send (the section's fields only; the rest of the plan is untouched). */
  body: (v: V) => Partial<PlanSections>;
  /** The section's fields as text, to compare with a colleague's version after a 409. */
  rows: (v: V) => { label: string; text: string }[];
  children: (value: V, set: (v: V) => void, errors: PathErrors) => ReactNode;
}

/** One hand-written section of the plan, saved on its own against the plan's version. */
export function PlanSectionCard<V>(p: Props<V>) {
  const { t } = useTranslation();
  const save = useSavePlan(p.bestuurId);
  const refresh = useRefresh(p.bestuurId);
  const [value, setValue] = useState<V>(() => p.pick(p.plan.sections));
  const dirty = useRef(false);
  const setDirty = (d: boolean) => {
    dirty.current = d;
  };
  // A newer plan (after any save, or a colleague's change seen on refetch) refreshes the section
  // unless the user is editing it: then their save meets the 409 and the conflict dialog.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pick is stable per section
  useEffect(() => {
    if (!dirty.current) setValue(p.pick(p.plan.sections));
  }, [p.plan]);
  const errors = pathErrors(save.error);
  const headingId = `plan-${p.id}-title`;
  const send = (version: number) =>
    save.mutate(
      { version, ...p.body(value) },
      {
        onSuccess: () => {
          setDirty(false);
          notifications.show({ color: 'green', message: t('continuity.plan.sectionSaved', { section: p.title }) });
        },
      },
    );
  const compare = (cur: Plan): ConflictRow[] => {
    const theirs = p.rows(p.pick(cur.sections));
    return p.rows(value).map((r, i) => ({ label: r.label, mine: r.text, current: theirs[i]?.text ?? '' }));
  };

  return (
    <Card withBorder component="section" aria-labelledby={headingId} id={p.id} style={{ scrollMarginTop: 80 }}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {p.title}
      </Title>
      {p.intro && (
        <Text size="sm" mb="sm">
          {p.intro}
        </Text>
      )}
      <Stack
        component="form"
        {...noValidate}
        onSubmit={(e) => {
          e.preventDefault();
          send(p.plan.version);
        }}
        gap="sm"
      >
        <fieldset disabled={!p.canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="sm">
            {p.children(
              value,
              (v) => {
                setDirty(true);
                setValue(v);
              },
              errors,
            )}
          </Stack>
        </fieldset>
        <ConflictDialog<Plan>
          error={save.error}
          compare={compare}
          onReload={(cur) => {
            setDirty(false);
            setValue(p.pick(cur.sections));
            save.reset();
            void refresh();
          }}
          onKeepMine={(cur) => send(cur.version)}
          saving={save.isPending}
        />
        {!isConflict(save.error) && <ErrorAlert error={save.error} />}
        {p.canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('continuity.plan.saveSection', { section: p.title })}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
