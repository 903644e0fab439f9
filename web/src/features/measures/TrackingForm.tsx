import { measureStatuses, type TrackedMeasure } from '@baken/contracts';
import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConflictRow, ConflictDialog } from '../../components/ConflictDialog';
import { isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, serverFieldErrors } from '../../lib/forms';
import { formatDate, formatDateTime } from '../../lib/format';
import { useUpdateMeasure } from './api';
import { MaturityField, maturityName } from './MaturityField';
import { bodyOf, type TrackingValues, valuesOf } from './values';

export interface OwnerOption {
  value: string;
  label: string;
}

interface Props {
  bestuurId: string;
  measure: TrackedMeasure;
  owners: OwnerOption[];
  canApprove: boolean;
}

/** Status, owner, dates and maturity of one measure; "niet van toepassing" with its reason and approval. */
export function TrackingForm({ bestuurId, measure, owners, canApprove }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const save = useUpdateMeasure(bestuurId);
  const [base, setBase] = useState<TrackedMeasure>(measure);
  const [values, setValues] = useState<TrackingValues>(() => valuesOf(measure));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set =
    <K extends keyof TrackingValues>(key: K) =>
    (value: TrackingValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      setErrors((e) => ({ ...e, [key]: undefined }) as FieldErrors);
    };
  const dirty = JSON.stringify(values) !== JSON.stringify(valuesOf(base));
  const na = values.status === 'niet-van-toepassing';
  // Approving "not applicable" anew is for who may accept risks; an approved one can stay as it is.
  const approving = na && (base.status !== 'niet-van-toepassing' || values.naReason.trim() !== (base.naReason ?? ''));

  const ownerOptions = [...owners];
  for (const id of [values.ownerId, base.ownerId])
    if (id && !ownerOptions.some((o) => o.value === id))
      ownerOptions.push({ value: id, label: id === base.ownerId ? (base.ownerName ?? id) : id });

  const load = (current: TrackedMeasure) => {
    setBase(current);
    setValues(valuesOf(current));
    setErrors({});
    save.reset();
  };

  const send = (version: number) =>
    save.mutate(
      { code: measure.code, body: bodyOf(values, version) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('measures.form.saved', { code: saved.code }) });
          load(saved);
        },
        onError: (err) => setErrors(serverFieldErrors(err)),
      },
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (na && !values.naReason.trim()) {
      setErrors({ naReason: t('measures.form.naReasonRequired') });
      return;
    }
    if (approving && !canApprove) {
      setErrors({ status: t('measures.form.naNotAllowed') });
      return;
    }
    send(base.version);
  };

  const ownerName = (id: string | null) => (id ? (ownerOptions.find((o) => o.value === id)?.label ?? id) : '');
  const statusText = (s: TrackedMeasure['status']) => t(`measures.status.${s}`);
  const maturity = (n: number | null) => (n === null ? t('measures.maturity.none') : `${n}. ${maturityName(n, lang)}`);
  const compare = (c: TrackedMeasure): ConflictRow[] => [
    { label: t('measures.fields.status'), mine: statusText(values.status), current: statusText(c.status) },
    {
      label: t('measures.fields.naReason'),
      mine: na ? values.naReason.trim() : '',
      current: c.status === 'niet-van-toepassing' ? (c.naReason ?? '') : '',
    },
    { label: t('measures.fields.owner'), mine: ownerName(values.ownerId), current: c.ownerName ?? '' },
    { label: t('measures.fields.dueDate'), mine: formatDate(values.dueDate), current: formatDate(c.dueDate) },
    { label: t('measures.fields.reviewDate'), mine: formatDate(values.reviewDate), current: formatDate(c.reviewDate) },
    {
      label: t('measures.fields.documentation'),
      mine: maturity(values.documentation),
      current: maturity(c.documentation),
    },
    {
      label: t('measures.fields.implementation'),
      mine: maturity(values.implementation),
      current: maturity(c.implementation),
    },
  ];

  const fieldError = Object.values(errors).some(Boolean);
  return (
    <form onSubmit={submit} noValidate aria-label={t('measures.form.label', { code: measure.code })}>
      <Stack>
        <ConflictDialog<TrackedMeasure>
          error={save.error}
          compare={compare}
          onReload={load}
          onKeepMine={(current) => {
            setBase(current);
            send(current.version);
          }}
          saving={save.isPending}
        />
        {!isConflict(save.error) && !fieldError && <ErrorAlert error={save.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('measures.fields.status')}
            data={measureStatuses.map((s) => ({
              value: s,
              label: statusText(s),
              disabled: s === 'niet-van-toepassing' && !canApprove && base.status !== s,
            }))}
            value={values.status}
            onChange={(v) => v && set('status')(v as TrackedMeasure['status'])}
            allowDeselect={false}
            description={canApprove ? undefined : t('measures.form.naOnlyApprover')}
            error={errors.status}
          />
          <Select
            label={t('measures.fields.owner')}
            placeholder={t('measures.noOwner')}
            data={ownerOptions}
            value={values.ownerId}
            onChange={set('ownerId')}
            searchable
            clearable
            nothingFoundMessage={t('measures.noMembers')}
            error={errors.ownerId}
          />
        </SimpleGrid>
        {na && (
          <Stack gap={4}>
            <Textarea
              label={t('measures.fields.naReason')}
              description={t('measures.form.naReasonHint')}
              required
              autosize
              minRows={2}
              value={values.naReason}
              onChange={(e) => set('naReason')(e.currentTarget.value)}
              readOnly={!canApprove}
              error={errors.naReason}
            />
            {base.status === 'niet-van-toepassing' && base.naApprovedAt && (
              <Text size="sm">
                {t('measures.form.approvedBy', {
                  by: base.naApprovedBy ?? t('measures.unknownPerson'),
                  at: formatDateTime(base.naApprovedAt),
                })}
              </Text>
            )}
            {approving && canApprove && <Text size="sm">{t('measures.form.youApprove')}</Text>}
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('measures.fields.dueDate')}
            value={values.dueDate}
            onChange={(e) => set('dueDate')(e.currentTarget.value)}
            error={errors.dueDate}
          />
          <TextInput
            type="date"
            label={t('measures.fields.reviewDate')}
            value={values.reviewDate}
            onChange={(e) => set('reviewDate')(e.currentTarget.value)}
            error={errors.reviewDate}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MaturityField
            label={t('measures.fields.documentation')}
            value={values.documentation}
            onChange={set('documentation')}
            error={errors.documentation}
          />
          <MaturityField
            label={t('measures.fields.implementation')}
            value={values.implementation}
            onChange={set('implementation')}
            error={errors.implementation}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" disabled={!dirty} onClick={() => load(base)}>
            {t('measures.form.undo')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!dirty && !isConflict(save.error)}>
            {t('measures.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
