import { NewRisk, type Risk, type RiskMatrix, RiskUpdate, treatments } from '@baken/contracts';
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { isConflict } from '../../components/ConflictAlert';
import { type ConflictRow, ConflictDialog } from '../../components/ConflictDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, serverFieldErrors, validate } from '../../lib/forms';
import { formatDate, formatDateTime, today } from '../../lib/format';
import { inLang, type Lang } from '../catalog/format';
import { useMembers } from '../members/api';
import { type RiskBody, useRiskProcesses, useSaveRisk, useThreats } from './api';
import { LevelBadge } from './LevelBadge';
import { LinksFields } from './LinksFields';
import type { RiskTarget } from './RiskModal';
import { bodyOf, levelOf, type Quality, type RiskValues, type Treatment, valuesOf } from './values';

const QUALITIES: Quality[] = ['c', 'i', 'a'];

interface Props {
  bestuurId: string;
  matrix: RiskMatrix;
  target: RiskTarget;
  onDone: () => void;
}

export function RiskForm({ bestuurId, matrix, target, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const session = useRequiredSession();
  const canAccept = hasPermission(session, 'risks.accept', bestuurId);
  const save = useSaveRisk(bestuurId);
  const threats = useThreats();
  const [base, setBase] = useState<Risk | null>('id' in target ? target : null);
  const [values, setValues] = useState<RiskValues>(valuesOf(target));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set =
    <K extends keyof RiskValues>(key: K) =>
    (value: RiskValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const threat = threats.data?.find((x) => x.id === values.threatId) ?? null;
  const chooseThreat = (id: string | null) => {
    const chosen = threats.data?.find((x) => x.id === id);
    setValues((v) => ({ ...v, threatId: id, qualities: chosen ? chosen.affects : v.qualities }));
  };

  const steps = (labels: RiskMatrix['likelihood']) =>
    labels.map((l, i) => ({ value: String(i + 1), label: `${i + 1}. ${inLang(l, lang)}` }));
  const stepSelect = (key: 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact', required = false) => (
    <Select
      label={t(`risks.form.${key}`)}
      required={required}
      data={steps(key === 'likelihood' || key === 'residualLikelihood' ? matrix.likelihood : matrix.impact)}
      value={values[key] ? String(values[key]) : null}
      onChange={(v) => set(key)(v ? Number(v) : null)}
      clearable={!required}
      error={errors[key]}
    />
  );
  const inherent = levelOf(matrix, values.likelihood, values.impact);
  const residual = levelOf(matrix, values.residualLikelihood, values.residualImpact);

  const reload = (current: Risk) => {
    setBase(current);
    setValues(valuesOf(current));
    setErrors({});
    save.reset();
  };

  const send = (id: string | undefined, body: RiskBody) =>
    save.mutate(
      { id, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('risks.form.saved', { title: saved.title }) });
          onDone();
        },
        onError: (err) => setErrors(serverFieldErrors(err)),
      },
    );

  // Keep mine: the form as it is, on top of the version someone else saved.
  const keepMine = (current: Risk) => {
    setBase(current);
    const checked = validate(RiskUpdate, bodyOf(values, current, canAccept));
    if (checked.data) send(current.id, checked.data);
  };
  const compare = useRiskCompare(bestuurId, matrix, values);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = bodyOf(values, base, canAccept);
    const checked = base ? validate(RiskUpdate, body) : validate(NewRisk, body);
    if (checked.errors) {
      if (checked.errors.qualities) checked.errors.qualities = t('risks.form.qualitiesRequired');
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    send(base?.id, checked.data);
  };

  const fieldError = Object.keys(errors).length > 0;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ConflictDialog<Risk>
          error={save.error}
          compare={compare}
          onReload={reload}
          onKeepMine={keepMine}
          saving={save.isPending}
        />
        {!isConflict(save.error) && !fieldError && <ErrorAlert error={save.error} />}
        {fieldError && !isConflict(save.error) && (
          <Text c="red.8" size="sm" role="alert">
            {t('risks.form.fixErrors')}
          </Text>
        )}
        <TextInput
          label={t('risks.form.title')}
          required
          value={values.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={errors.title}
        />
        <Textarea
          label={t('risks.form.description')}
          autosize
          minRows={2}
          value={values.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          error={errors.description}
        />
        <Select
          label={t('risks.form.threat')}
          description={threat ? inLang(threat.description, lang) : t('risks.form.threatHint')}
          data={groupedThreats(threats.data ?? [], lang, (c) => t(`risks.categories.${c}`, { defaultValue: c }))}
          value={values.threatId}
          onChange={chooseThreat}
          searchable
          clearable
          nothingFoundMessage={t('risks.noResults')}
          error={errors.threatId}
        />
        <Checkbox.Group
          label={t('risks.form.qualities')}
          required
          value={values.qualities}
          onChange={(v) => set('qualities')(QUALITIES.filter((q) => v.includes(q)))}
          error={errors.qualities}
        >
          <Group mt={4}>
            {QUALITIES.map((q) => (
              <Checkbox key={q} value={q} label={t(`risks.qualities.${q}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {stepSelect('likelihood', true)}
          {stepSelect('impact', true)}
          <div>
            <Text size="sm" fw={500} mb={6} id="risk-inherent-level">
              {t('risks.form.inherentLevel')}
            </Text>
            <output aria-labelledby="risk-inherent-level">
              {inherent ? <LevelBadge level={inherent} /> : t('risks.form.chooseBoth')}
            </output>
          </div>
        </SimpleGrid>
        <Select
          label={t('risks.form.treatment')}
          data={treatments.map((x) => ({ value: x, label: t(`risks.treatments.${x}`) }))}
          value={values.treatment}
          onChange={(v) => set('treatment')(v as Treatment | null)}
          clearable
          error={errors.treatment}
        />
        {values.treatment === 'aanvaarden' && (
          <Acceptance
            risk={base}
            canAccept={canAccept}
            value={values.acceptUntil}
            onChange={set('acceptUntil')}
            error={errors.acceptUntil}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {stepSelect('residualLikelihood')}
          {stepSelect('residualImpact')}
          <div>
            <Text size="sm" fw={500} mb={6} id="risk-residual-level">
              {t('risks.form.residualLevel')}
            </Text>
            <output aria-labelledby="risk-residual-level">
              {residual ? <LevelBadge level={residual} /> : t('risks.form.chooseBoth')}
            </output>
          </div>
        </SimpleGrid>
        <LinksFields bestuurId={bestuurId} values={values} setValues={setValues} threat={threat} errors={errors} />
        <TextInput
          type="date"
          label={t('risks.form.reviewDate')}
          value={values.reviewDate}
          onChange={(e) => set('reviewDate')(e.currentTarget.value)}
          error={errors.reviewDate}
          w={220}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The risk's fields as the form has them beside the version someone else saved, in words. */
function useRiskCompare(bestuurId: string, matrix: RiskMatrix, v: RiskValues) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const session = useRequiredSession();
  const threats = useThreats();
  const processes = useRiskProcesses(bestuurId, true);
  const members = useMembers(
    bestuurId,
    { page: 1, pageSize: 200, active: 'true' },
    hasPermission(session, 'members.view', bestuurId),
  );
  const step = (labels: RiskMatrix['likelihood'], n: number | null) =>
    n && labels[n - 1] ? `${n}. ${inLang(labels[n - 1], lang)}` : '';
  const threat = (id: string | null) => {
    const x = threats.data?.find((y) => y.id === id);
    return x ? inLang(x.name, lang) : (id ?? '');
  };
  const process = (id: string | null) => processes.data?.find((p) => p.id === id);
  const asset = (id: string | null) => processes.data?.flatMap((p) => p.assets).find((a) => a.id === id);
  const owner = (id: string | null) => members.data?.items.find((m) => m.userId === id)?.displayName ?? id ?? '';
  const qualities = (q: Quality[]) => q.map((x) => t(`risks.qualities.${x}`)).join(', ');
  const treatment = (x: Treatment | null) => (x ? t(`risks.treatments.${x}`) : '');
  return (c: Risk): ConflictRow[] => {
    const mineProcess = process(v.processId);
    const mineAsset = asset(v.assetId);
    return [
      { label: t('risks.form.title'), mine: v.title.trim(), current: c.title },
      { label: t('risks.form.description'), mine: v.description.trim(), current: c.description ?? '' },
      {
        label: t('risks.form.threat'),
        mine: threat(v.threatId),
        current: c.threatName ? inLang(c.threatName, lang) : '',
      },
      { label: t('risks.form.qualities'), mine: qualities(v.qualities), current: qualities(c.qualities) },
      {
        label: t('risks.form.likelihood'),
        mine: step(matrix.likelihood, v.likelihood),
        current: step(matrix.likelihood, c.likelihood),
      },
      { label: t('risks.form.impact'), mine: step(matrix.impact, v.impact), current: step(matrix.impact, c.impact) },
      { label: t('risks.form.treatment'), mine: treatment(v.treatment), current: treatment(c.treatment) },
      {
        label: t('risks.form.residualLikelihood'),
        mine: step(matrix.likelihood, v.residualLikelihood),
        current: step(matrix.likelihood, c.residualLikelihood),
      },
      {
        label: t('risks.form.residualImpact'),
        mine: step(matrix.impact, v.residualImpact),
        current: step(matrix.impact, c.residualImpact),
      },
      {
        label: t('risks.form.process'),
        mine: mineProcess ? inLang(mineProcess.name, lang) : (v.processId ?? ''),
        current: c.processName ? inLang(c.processName, lang) : '',
      },
      {
        label: t('risks.form.asset'),
        mine: mineAsset ? inLang(mineAsset.name, lang) : (v.assetId ?? ''),
        current: c.assetName ? inLang(c.assetName, lang) : '',
      },
      {
        label: t('risks.form.measures'),
        mine: [...v.measureCodes].sort().join(', '),
        current: c.measures
          .map((m) => m.code)
          .sort()
          .join(', '),
      },
      { label: t('risks.form.owner'), mine: owner(v.ownerId), current: c.ownerName ?? '' },
      { label: t('risks.form.reviewDate'), mine: formatDate(v.reviewDate), current: formatDate(c.reviewDate) },
    ];
  };
}

function groupedThreats(
  items: { id: string; category: string; name: { nl: string; en: string } }[],
  lang: Lang,
  category: (c: string) => string,
) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const x of items) {
    const list = groups.get(x.category) ?? [];
    list.push({ value: x.id, label: inLang(x.name, lang) });
    groups.set(x.category, list);
  }
  return [...groups].map(([c, list]) => ({ group: category(c), items: list }));
}

/** The formal acceptance: who accepted and until when; a date field for who may accept risks. */
function Acceptance({
  risk,
  canAccept,
  value,
  onChange,
  error,
}: {
  risk: Risk | null;
  canAccept: boolean;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const current = risk?.acceptance;
  return (
    <Stack gap={4}>
      {current && (
        <Text size="sm">
          {t('risks.acceptance.by', {
            by: current.by ?? t('risks.acceptance.unknown'),
            at: formatDateTime(current.at),
            until: formatDate(current.until),
          })}
        </Text>
      )}
      {canAccept ? (
        <TextInput
          type="date"
          label={t('risks.form.acceptUntil')}
          description={t('risks.form.acceptUntilHint')}
          min={today()}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          w={260}
        />
      ) : (
        !current && (
          <Text size="sm" c="dimmed">
            {t('risks.acceptance.notAllowed')}
          </Text>
        )
      )}
    </Stack>
  );
}
