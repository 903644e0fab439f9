import {
  type ProcessingAgreementStatus,
  type Supplier,
  type SupplierCertification,
  SupplierCreate,
  SupplierUpdate,
  processingAgreementStatuses,
  supplierCertifications,
} from '@baken/contracts';
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, serverFieldErrors } from '../../lib/forms';
import { useSaveSupplier } from './api';
import { validateRegister } from './validate';

interface Props {
  bestuurId: string;
  /** null: closed; 'new': a new supplier; otherwise the supplier to change. */
  target: Supplier | 'new' | null;
  onClose: () => void;
}

export function SupplierModal({ bestuurId, target, onClose }: Props) {
  const { t } = useTranslation();
  const title =
    target === 'new'
      ? t('registers.suppliers.create')
      : target
        ? t('registers.suppliers.editTitle', { name: target.name })
        : '';
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target && (
        <SupplierForm
          key={target === 'new' ? 'new' : target.id}
          bestuurId={bestuurId}
          supplier={target === 'new' ? null : target}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

interface Values {
  name: string;
  kboNumber: string;
  contactEmail: string;
  contactPhone: string;
  contractReference: string;
  contractStart: string | null;
  contractEnd: string | null;
  processingAgreement: ProcessingAgreementStatus;
  processingAgreementDate: string | null;
  certifications: SupplierCertification[];
  notes: string;
}

const valuesOf = (s: Supplier | null): Values => ({
  name: s?.name ?? '',
  kboNumber: s?.kboNumber ?? '',
  contactEmail: s?.contactEmail ?? '',
  contactPhone: s?.contactPhone ?? '',
  contractReference: s?.contractReference ?? '',
  contractStart: s?.contractStart ?? null,
  contractEnd: s?.contractEnd ?? null,
  processingAgreement: s?.processingAgreement ?? 'ontbreekt',
  processingAgreementDate: s?.processingAgreementDate ?? null,
  certifications: s?.certifications ?? [],
  notes: s?.notes ?? '',
});

/** What the API takes: empty text becomes null. */
const bodyOf = (v: Values) => ({
  ...v,
  name: v.name,
  kboNumber: v.kboNumber.trim() || null,
  contactEmail: v.contactEmail.trim() || null,
  contactPhone: v.contactPhone.trim() || null,
  contractReference: v.contractReference.trim() || null,
  processingAgreementDate: v.processingAgreement === 'aanwezig' ? v.processingAgreementDate : null,
  notes: v.notes.trim() || null,
});

function SupplierForm({
  bestuurId,
  supplier,
  onDone,
}: {
  bestuurId: string;
  supplier: Supplier | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSupplier(bestuurId);
  const [base, setBase] = useState(supplier);
  const [values, setValues] = useState<Values>(valuesOf(supplier));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const text = (key: 'name' | 'kboNumber' | 'contactEmail' | 'contactPhone' | 'contractReference' | 'notes') => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value),
    error: errors[key],
  });

  const reload = (current: Supplier) => {
    setBase(current);
    setValues(valuesOf(current));
    setErrors({});
    save.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = bodyOf(values);
    const checked = base
      ? validateRegister(SupplierUpdate, { ...body, version: base.version })
      : validateRegister(SupplierCreate, body);
    const local: FieldErrors = { ...(checked.errors ?? {}) };
    if (body.contractStart && body.contractEnd && body.contractEnd < body.contractStart) {
      local.contractEnd ??= t('registers.validation.contract_end_before_start');
    }
    if (Object.keys(local).length > 0 || !checked.data) {
      setErrors(local);
      return;
    }
    setErrors({});
    save.mutate(
      { id: base?.id, body: checked.data },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('registers.suppliers.saved', { name: saved.name }) });
          onDone();
        },
        onError: (err) => {
          const fields = serverFieldErrors(err);
          if (err instanceof ApiError && err.code === 'SUPPLIER_EXISTS') fields.name = err.message;
          setErrors(fields);
        },
      },
    );
  };

  const fieldError = Object.keys(errors).length > 0;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ConflictAlert<Supplier> error={save.error} onReload={reload} />
        {!isConflict(save.error) && !fieldError && <ErrorAlert error={save.error} />}
        <TextInput label={t('registers.suppliers.name')} required {...text('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('registers.suppliers.kbo')}
            description={t('registers.suppliers.kboHint')}
            {...text('kboNumber')}
          />
          <TextInput label={t('registers.suppliers.contractReference')} {...text('contractReference')} />
          <TextInput label={t('registers.suppliers.contactEmail')} type="email" {...text('contactEmail')} />
          <TextInput label={t('registers.suppliers.contactPhone')} type="tel" {...text('contactPhone')} />
          <DateInput
            label={t('registers.suppliers.contractStart')}
            clearable
            valueFormat="DD/MM/YYYY"
            value={values.contractStart}
            onChange={set('contractStart')}
            error={errors.contractStart}
          />
          <DateInput
            label={t('registers.suppliers.contractEnd')}
            clearable
            valueFormat="DD/MM/YYYY"
            value={values.contractEnd}
            onChange={set('contractEnd')}
            error={errors.contractEnd}
          />
          <Select
            label={t('registers.suppliers.processingAgreement')}
            description={t('registers.suppliers.processingAgreementHint')}
            data={processingAgreementStatuses.map((s) => ({ value: s, label: t(`registers.agreement.${s}`) }))}
            value={values.processingAgreement}
            onChange={(v) => v && set('processingAgreement')(v as ProcessingAgreementStatus)}
            allowDeselect={false}
            error={errors.processingAgreement}
          />
          {values.processingAgreement === 'aanwezig' && (
            <DateInput
              label={t('registers.suppliers.processingAgreementDate')}
              clearable
              valueFormat="DD/MM/YYYY"
              value={values.processingAgreementDate}
              onChange={set('processingAgreementDate')}
              error={errors.processingAgreementDate}
            />
          )}
        </SimpleGrid>
        <Checkbox.Group
          label={t('registers.suppliers.certifications')}
          value={values.certifications}
          onChange={(v) => set('certifications')(v as SupplierCertification[])}
          error={errors.certifications}
        >
          <Group mt="xs">
            {supplierCertifications.map((c) => (
              <Checkbox key={c} value={c} label={t(`registers.certifications.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={t('registers.suppliers.notes')} autosize minRows={2} {...text('notes')} />
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
