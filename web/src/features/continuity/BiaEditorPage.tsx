import { type ImpactArea, timePointHours } from '@baken/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConflictDialog, type ConflictRow } from '../../components/ConflictDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { serverFieldErrors } from '../../lib/forms';
import { useBestuurId } from '../bestuur/useBestuurId';
import { inLang, type Lang } from '../catalog/format';
import { useApplications, useSuppliers } from '../registers/api';
import { type Bia, type Framework, useBia, useBiaList, useFramework, useSaveBia } from './api';
import { ContinuityNav } from './ContinuityNav';
import { ImpactGrid } from './ImpactGrid';
import { hoursLabel, isConflict, isCritical, mtpdOf, setRating, timePointLabel, noValidate } from './values';

interface Form {
  impacts: Record<string, number[]>;
  rtoHours: number | null;
  rpoHours: number | null;
  minimumServiceLevel: string;
  peakPeriods: string;
  keyRoles: string[];
  locations: string[];
  applicationIds: string[];
  supplierIds: string[];
  processIds: string[];
  notes: string;
  version: number;
}

const formOf = (b: Bia): Form => ({
  impacts: b.impacts as Record<string, number[]>,
  rtoHours: b.rtoHours,
  rpoHours: b.rpoHours,
  minimumServiceLevel: b.minimumServiceLevel ?? '',
  peakPeriods: b.peakPeriods ?? '',
  keyRoles: b.keyRoles,
  locations: b.locations,
  applicationIds: b.dependencies.applications.map((a) => a.id),
  supplierIds: b.dependencies.suppliers.map((s) => s.id),
  processIds: b.dependencies.processes.map((p) => p.id),
  notes: b.notes ?? '',
  version: b.version,
});

const toNumber = (v: string | number) => (v === '' || v === null ? null : Number(v));

/** One process's BIA: impacts over time, the MTPD that follows, RTO within it, RPO and dependencies. */
export function BiaEditorPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const bestuurId = useBestuurId();
  const { processId } = useParams({ strict: false }) as { processId: string };
  const bia = useBia(bestuurId, processId);
  const framework = useFramework(bestuurId);

  return (
    <>
      <PageTitle>
        {bia.data
          ? t('continuity.bia.editorTitle', { name: inLang(bia.data.processName, lang) })
          : t('continuity.bia.title')}
      </PageTitle>
      <ContinuityNav bestuurId={bestuurId} />
      <AnchorLink to={`/b/${bestuurId}/continuiteit/bia`} size="sm" mb="md" display="inline-block">
        {t('continuity.bia.back')}
      </AnchorLink>
      <ErrorAlert error={bia.error ?? framework.error} />
      {(bia.isPending || framework.isPending) && <Loader aria-label={t('common.loading')} />}
      {bia.data && framework.data && (
        <BiaForm key={bia.data.processId} bestuurId={bestuurId} bia={bia.data} framework={framework.data} />
      )}
    </>
  );
}

function BiaForm({ bestuurId, bia, framework }: { bestuurId: string; bia: Bia; framework: Framework }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const canEdit = hasPermission(useRequiredSession(), 'isms.edit', bestuurId);
  const [form, setForm] = useState<Form>(() => formOf(bia));
  const save = useSaveBia(bestuurId, bia.processId);
  const applications = useApplications(bestuurId);
  const suppliers = useSuppliers(bestuurId);
  const processes = useBiaList(bestuurId);
  // A newer BIA (after a save, or a colleague's change seen on refetch) replaces the form unless the
  // user is editing: then their save meets the 409 and the conflict dialog.
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) setForm(formOf(bia));
  }, [bia]);

  const { unacceptableLevel, criticalThreshold } = framework.settings;
  const mtpd = mtpdOf(form.impacts, unacceptableLevel);
  const critical = isCritical(mtpd, criticalThreshold);
  const mtpdHours = mtpd ? timePointHours[mtpd] : null;
  const errors = serverFieldErrors(save.error);
  const set = (patch: Partial<Form>) => {
    dirty.current = true;
    setForm((f) => ({ ...f, ...patch }));
  };

  const send = (version: number) =>
    save.mutate(
      {
        version,
        impacts: form.impacts as Record<ImpactArea, number[]>,
        rtoHours: form.rtoHours,
        rpoHours: form.rpoHours,
        minimumServiceLevel: form.minimumServiceLevel.trim() || null,
        peakPeriods: form.peakPeriods.trim() || null,
        keyRoles: form.keyRoles,
        locations: form.locations,
        applicationIds: form.applicationIds,
        supplierIds: form.supplierIds,
        processIds: form.processIds,
        notes: form.notes.trim() || null,
      },
      {
        onSuccess: () => {
          dirty.current = false;
          notifications.show({ color: 'green', message: t('continuity.bia.savedMessage') });
        },
      },
    );

  const text = (v: string | null | undefined) => v ?? '';
  const compare = (cur: Bia): ConflictRow[] => [
    ...framework.impactAreas.map((a) => ({
      label: inLang(a.name, lang),
      mine: (form.impacts[a.id] ?? []).join(' · '),
      current: ((cur.impacts as Record<string, number[]>)[a.id] ?? []).join(' · '),
    })),
    { label: t('continuity.bia.rto'), mine: hoursLabel(form.rtoHours, t), current: hoursLabel(cur.rtoHours, t) },
    { label: t('continuity.bia.rpo'), mine: hoursLabel(form.rpoHours, t), current: hoursLabel(cur.rpoHours, t) },
    {
      label: t('continuity.bia.minimumServiceLevel'),
      mine: form.minimumServiceLevel,
      current: text(cur.minimumServiceLevel),
    },
    { label: t('continuity.bia.peakPeriods'), mine: form.peakPeriods, current: text(cur.peakPeriods) },
    { label: t('continuity.bia.keyRoles'), mine: form.keyRoles.join(', '), current: cur.keyRoles.join(', ') },
    { label: t('continuity.bia.locations'), mine: form.locations.join(', '), current: cur.locations.join(', ') },
    { label: t('continuity.bia.notes'), mine: form.notes, current: text(cur.notes) },
  ];

  return (
    <Stack
      component="form"
      {...noValidate}
      onSubmit={(e) => {
        e.preventDefault();
        send(form.version);
      }}
    >
      {!bia.saved && (
        <Alert color="blue">
          {bia.availabilityClass
            ? t('continuity.bia.proposalFrom', { cls: bia.availabilityClass })
            : t('continuity.bia.proposalNone')}
        </Alert>
      )}
      <Card withBorder component="section" aria-labelledby="bia-result">
        <Title order={2} size="h3" id="bia-result" mb="xs">
          {t('continuity.bia.result')}
        </Title>
        <Group gap="lg" aria-live="polite">
          <Text>
            <strong>{t('continuity.bia.mtpd')}:</strong> {timePointLabel(mtpd, t)}
          </Text>
          <Badge color={critical ? 'red' : 'gray'} variant="light" size="lg">
            {critical ? t('continuity.bia.criticalYes') : t('continuity.bia.criticalNo')}
          </Badge>
        </Group>
        <Text size="sm" mt="xs">
          {t('continuity.bia.mtpdExplain', {
            level: t('continuity.levelLabel', {
              n: unacceptableLevel,
              name: t(`continuity.levels.${unacceptableLevel}`),
            }),
            threshold: t(`continuity.timePoints.${criticalThreshold}`),
          })}
        </Text>
      </Card>
      <section aria-labelledby="bia-impacts">
        <Title order={2} size="h3" id="bia-impacts" mb="xs">
          {t('continuity.bia.impacts')}
        </Title>
        <Text size="sm" mb="xs">
          {t('continuity.bia.impactsHelp')}
        </Text>
        <ImpactGrid
          framework={framework}
          impacts={form.impacts}
          mtpd={mtpd}
          unacceptableLevel={unacceptableLevel}
          disabled={!canEdit}
          onChange={(area, i, v) =>
            set({ impacts: { ...form.impacts, [area]: setRating(form.impacts[area] ?? [0, 0, 0, 0, 0, 0], i, v) } })
          }
        />
        {errors.impacts && (
          <Text c="red.9" size="sm" role="alert">
            {errors.impacts}
          </Text>
        )}
      </section>
      <section aria-labelledby="bia-recovery">
        <Title order={2} size="h3" id="bia-recovery" mb="xs">
          {t('continuity.bia.recovery')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('continuity.bia.rtoLabel')}
            description={
              mtpdHours
                ? t('continuity.bia.rtoHelp', { mtpd: hoursLabel(mtpdHours, t), hours: mtpdHours })
                : t('continuity.bia.rtoHelpNone')
            }
            min={1}
            max={8760}
            allowDecimal={false}
            value={form.rtoHours ?? ''}
            onChange={(v) => set({ rtoHours: toNumber(v) })}
            error={errors.rtoHours}
            disabled={!canEdit}
          />
          <NumberInput
            label={t('continuity.bia.rpoLabel')}
            description={t('continuity.bia.rpoHelp')}
            min={0}
            max={8760}
            allowDecimal={false}
            value={form.rpoHours ?? ''}
            onChange={(v) => set({ rpoHours: toNumber(v) })}
            error={errors.rpoHours}
            disabled={!canEdit}
          />
          <Textarea
            label={t('continuity.bia.minimumServiceLevel')}
            description={t('continuity.bia.minimumServiceHelp')}
            autosize
            minRows={2}
            maxLength={2000}
            value={form.minimumServiceLevel}
            onChange={(e) => set({ minimumServiceLevel: e.currentTarget.value })}
            error={errors.minimumServiceLevel}
            disabled={!canEdit}
          />
          <Textarea
            label={t('continuity.bia.peakPeriods')}
            description={t('continuity.bia.peakHelp')}
            autosize
            minRows={2}
            maxLength={1000}
            value={form.peakPeriods}
            onChange={(e) => set({ peakPeriods: e.currentTarget.value })}
            error={errors.peakPeriods}
            disabled={!canEdit}
          />
        </SimpleGrid>
      </section>
      <section aria-labelledby="bia-deps">
        <Title order={2} size="h3" id="bia-deps" mb="xs">
          {t('continuity.bia.dependencies')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('continuity.bia.applications')}
            description={t('continuity.bia.applicationsHelp')}
            data={(applications.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={form.applicationIds}
            onChange={(v) => set({ applicationIds: v })}
            searchable
            error={errors.applicationIds}
            disabled={!canEdit}
          />
          <MultiSelect
            label={t('continuity.bia.suppliers')}
            data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={form.supplierIds}
            onChange={(v) => set({ supplierIds: v })}
            searchable
            error={errors.supplierIds}
            disabled={!canEdit}
          />
          <MultiSelect
            label={t('continuity.bia.otherProcesses')}
            data={(processes.data?.items ?? [])
              .filter((p) => p.processId !== bia.processId)
              .map((p) => ({ value: p.processId, label: inLang(p.processName, lang) }))}
            value={form.processIds}
            onChange={(v) => set({ processIds: v })}
            searchable
            error={errors.processIds}
            disabled={!canEdit}
          />
          <TagsInput
            label={t('continuity.bia.keyRoles')}
            description={t('continuity.bia.tagsHelp')}
            value={form.keyRoles}
            onChange={(v) => set({ keyRoles: v })}
            error={errors.keyRoles}
            disabled={!canEdit}
          />
          <TagsInput
            label={t('continuity.bia.locations')}
            description={t('continuity.bia.tagsHelp')}
            value={form.locations}
            onChange={(v) => set({ locations: v })}
            error={errors.locations}
            disabled={!canEdit}
          />
          <Textarea
            label={t('continuity.bia.notes')}
            autosize
            minRows={2}
            maxLength={4000}
            value={form.notes}
            onChange={(e) => set({ notes: e.currentTarget.value })}
            disabled={!canEdit}
          />
        </SimpleGrid>
      </section>
      <ConflictDialog<Bia>
        error={save.error}
        compare={compare}
        onReload={(cur) => {
          setForm(formOf(cur));
          dirty.current = false;
          save.reset();
        }}
        onKeepMine={(cur) => send(cur.version)}
        saving={save.isPending}
      />
      {!isConflict(save.error) && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
      {Object.keys(errors).length > 0 && (
        <Alert color="red" role="alert">
          {t('continuity.bia.fixErrors', { errors: Object.values(errors).join(' ') })}
        </Alert>
      )}
      {canEdit && (
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('continuity.bia.save')}
          </Button>
          {bia.updatedAt && (
            <Text size="sm">
              {t('continuity.bia.lastSaved', {
                by: bia.updatedBy ?? '—',
                date: new Date(bia.updatedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-BE'),
              })}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
