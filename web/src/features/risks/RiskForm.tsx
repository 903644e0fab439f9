import { NewRisk, type Risk, type RiskMatrix, RiskUpdate, treatments } from '@baken/contracts';
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, serverFieldErrors, validate } from '../../lib/forms';
import { formatDate, formatDateTime, today } from '../../lib/format';
import { inLang, type Lang } from '../catalog/format';
import { useSaveRisk, useThreats } from './api';
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
    save.mutate(
      { id: base?.id, body: checked.data },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('risks.form.saved', { title: saved.title }) });
          onDone();
        },
        onError: (err) => setErrors(serverFieldErrors(err)),
      },
    );
  };

  const fieldError = Object.keys(errors).length > 0;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ConflictAlert<Risk> error={save.error} onReload={reload} />
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
