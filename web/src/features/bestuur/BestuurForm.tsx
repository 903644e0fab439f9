import { type Bestuur, BestuurCreate, bestuurKinds, kindsWithNisCode, provinces } from '@baken/contracts';
import { Button, Group, NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrors, validate } from '../../lib/forms';

export interface BestuurFormValues extends BestuurCreate {
  active?: boolean;
}

interface Props {
  initial: Bestuur | null;
  readOnly?: boolean;
  withActive?: boolean;
  submitting?: boolean;
  serverErrors?: FieldErrors;
  submitLabel: string;
  onSubmit: (values: BestuurFormValues) => void;
  onCancel?: () => void;
}

/** Bestuur fields, validated client-side with the contract schema (KBO checksum, NIS 5 digits). */
export function BestuurForm({
  initial,
  readOnly,
  withActive,
  submitting,
  serverErrors,
  submitLabel,
  onSubmit,
  onCancel,
}: Props) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<string>(initial?.kind ?? 'gemeente');
  const [name, setName] = useState(initial?.name ?? '');
  const [nisCode, setNisCode] = useState(initial?.nisCode ?? '');
  const [kboNumber, setKboNumber] = useState(initial?.kboNumber ?? '');
  const [population, setPopulation] = useState<number | string>(initial?.population ?? '');
  const [province, setProvince] = useState<string | null>(initial?.province ?? null);
  const [active, setActive] = useState(initial?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown = { ...serverErrors, ...errors };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(BestuurCreate, {
      kind,
      name,
      nisCode: nisCode.trim() || null,
      kboNumber: kboNumber.trim() || null,
      population: population === '' ? null : Number(population),
      province,
    });
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSubmit(withActive ? { ...result.data, active } : result.data);
  };

  const variant = readOnly ? 'filled' : 'default';
  const needsNis = (kindsWithNisCode as readonly string[]).includes(kind);
  return (
    <form onSubmit={submit} noValidate>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('bestuur.kind')}
          data={bestuurKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
          required
          readOnly={readOnly}
          variant={variant}
          error={shown.kind}
        />
        <TextInput
          label={t('bestuur.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          readOnly={readOnly}
          variant={variant}
          error={shown.name}
        />
        <TextInput
          label={t('bestuur.nisCode')}
          description={needsNis ? t('bestuur.nisHint') : undefined}
          value={nisCode}
          onChange={(e) => setNisCode(e.currentTarget.value)}
          inputMode="numeric"
          maxLength={5}
          readOnly={readOnly}
          variant={variant}
          error={shown.nisCode}
        />
        <TextInput
          label={t('bestuur.kboNumber')}
          description={t('bestuur.kboHint')}
          value={kboNumber}
          onChange={(e) => setKboNumber(e.currentTarget.value)}
          readOnly={readOnly}
          variant={variant}
          error={shown.kboNumber}
        />
        <NumberInput
          label={t('bestuur.population')}
          value={population}
          onChange={setPopulation}
          min={0}
          max={10_000_000}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          thousandSeparator={i18n.language === 'en' ? ',' : '.'}
          decimalSeparator={i18n.language === 'en' ? '.' : ','}
          readOnly={readOnly}
          variant={variant}
          error={shown.population}
        />
        <Select
          label={t('bestuur.province')}
          data={provinces.map((p) => ({ value: p, label: t(`provinces.${p}`) }))}
          value={province}
          onChange={setProvince}
          clearable={!readOnly}
          readOnly={readOnly}
          variant={variant}
          error={shown.province}
        />
      </SimpleGrid>
      {withActive && (
        <Switch
          mt="md"
          label={t('bestuur.active')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          disabled={readOnly}
        />
      )}
      {!readOnly && (
        <Group justify="flex-end" mt="lg">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Group>
      )}
    </form>
  );
}
