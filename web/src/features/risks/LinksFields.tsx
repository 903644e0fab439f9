import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useRequiredSession } from '../../api/session';
import type { FieldErrors } from '../../lib/forms';
import { inLang, type Lang } from '../catalog/format';
import { useMembers } from '../members/api';
import { type ThreatItem, useMeasureRegister, useRiskProcesses } from './api';
import type { RiskValues } from './values';

interface Props {
  bestuurId: string;
  values: RiskValues;
  setValues: Dispatch<SetStateAction<RiskValues>>;
  threat: ThreatItem | null;
  errors: FieldErrors;
}

/** What a risk is about and who and what handle it: process, asset, measures, owner. */
export function LinksFields({ bestuurId, values, setValues, threat, errors }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const session = useRequiredSession();
  const processes = useRiskProcesses(bestuurId, true);
  const measures = useMeasureRegister(bestuurId, true);
  const members = useMembers(
    bestuurId,
    { page: 1, pageSize: 200, active: 'true' },
    hasPermission(session, 'members.view', bestuurId),
  );

  const process = processes.data?.find((p) => p.id === values.processId);
  const assets = (process ? [process] : (processes.data ?? [])).flatMap((p) =>
    p.assets.map((a) => ({ value: a.id, label: inLang(a.name, lang), processId: p.id })),
  );
  const chooseAsset = (id: string | null) =>
    setValues((v) => ({ ...v, assetId: id, processId: assets.find((a) => a.value === id)?.processId ?? v.processId }));

  const known = new Map((measures.data ?? []).map((m) => [m.code, `${m.code} ${inLang(m.title, lang)}`]));
  const measureOptions = [...known].map(([value, label]) => ({ value, label }));
  for (const code of values.measureCodes) if (!known.has(code)) measureOptions.push({ value: code, label: code });
  const suggested = (threat?.measures ?? []).filter((c) => known.has(c) && !values.measureCodes.includes(c));

  const owners = (members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.displayName }));
  if (values.ownerId && !owners.some((o) => o.value === values.ownerId))
    owners.push({ value: values.ownerId, label: t('risks.form.currentOwner') });

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('risks.form.process')}
          data={(processes.data ?? []).map((p) => ({ value: p.id, label: inLang(p.name, lang) }))}
          value={values.processId}
          onChange={(id) =>
            setValues((v) => ({
              ...v,
              processId: id,
              assetId: processes.data?.find((p) => p.id === id)?.assets.some((a) => a.id === v.assetId)
                ? v.assetId
                : null,
            }))
          }
          searchable
          clearable
          nothingFoundMessage={t('risks.noResults')}
          error={errors.processId}
        />
        <Select
          label={t('risks.form.asset')}
          data={assets.map(({ value, label }) => ({ value, label }))}
          value={values.assetId}
          onChange={chooseAsset}
          searchable
          clearable
          nothingFoundMessage={t('risks.noResults')}
          error={errors.assetId}
        />
      </SimpleGrid>
      <Stack gap={6}>
        <MultiSelect
          label={t('risks.form.measures')}
          description={t('risks.form.measuresHint')}
          data={measureOptions}
          value={values.measureCodes}
          onChange={(codes) => setValues((v) => ({ ...v, measureCodes: codes }))}
          searchable
          clearable
          nothingFoundMessage={t('risks.noResults')}
          error={errors.measureCodes}
        />
        {suggested.length > 0 && (
          <Group gap="xs" aria-label={t('risks.form.suggestedMeasures')} role="group">
            <Text size="sm">{t('risks.form.suggestedMeasures')}</Text>
            {suggested.map((code) => (
              <Button
                key={code}
                size="compact-xs"
                variant="light"
                aria-label={t('risks.form.addMeasure', { name: known.get(code) })}
                onClick={() => setValues((v) => ({ ...v, measureCodes: [...v.measureCodes, code] }))}
              >
                + {code}
              </Button>
            ))}
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setValues((v) => ({ ...v, measureCodes: [...v.measureCodes, ...suggested] }))}
            >
              {t('risks.form.addAllSuggested')}
            </Button>
          </Group>
        )}
      </Stack>
      <Select
        label={t('risks.form.owner')}
        data={owners}
        value={values.ownerId}
        onChange={(id) => setValues((v) => ({ ...v, ownerId: id }))}
        searchable
        clearable
        nothingFoundMessage={t('risks.noResults')}
        error={errors.ownerId}
        w={{ base: '100%', sm: 360 }}
      />
    </>
  );
}
