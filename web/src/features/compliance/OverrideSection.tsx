import { type ComplianceResult, complianceResults, OverrideUpdate, type RequirementCompliance } from '@baken/contracts';
import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { type FieldErrors, serverFieldErrors, validate } from '../../lib/forms';
import { useRemoveOverride, useSetOverride } from './api';
import { ResultBadge } from './ResultBadge';

interface Props {
  bestuurId: string;
  frameworkId: string;
  requirement: RequirementCompliance;
  canEdit: boolean;
  onReload: () => Promise<unknown>;
}

/** Who set the result by hand, when and why; with isms.edit it can be set, changed or removed. */
export function OverrideSection({ bestuurId, frameworkId, requirement: r, canEdit, onReload }: Props) {
  const { t } = useTranslation();
  const save = useSetOverride(bestuurId);
  const remove = useRemoveOverride(bestuurId);
  const [result, setResult] = useState<ComplianceResult | null>(r.override?.result ?? null);
  const [reason, setReason] = useState(r.override?.reason ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const o = r.override;
  const failed = save.error ?? remove.error;
  const target = { frameworkId, requirementId: r.id };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    remove.reset();
    const checked = validate(OverrideUpdate, { version: o?.version ?? 0, result, reason });
    if (!checked.data) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    save.mutate(
      { ...target, body: checked.data },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('compliance.override.saved', { id: r.id }) }),
        onError: (err) => setErrors(serverFieldErrors(err)),
      },
    );
  };

  const removeOverride = () => {
    if (!o) return;
    save.reset();
    remove.mutate(
      { ...target, version: o.version },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t('compliance.override.removed', { id: r.id }) }),
      },
    );
  };

  return (
    <Stack gap="sm">
      {o ? (
        <Alert color="blue" variant="light" title={t('compliance.override.current')}>
          <Group gap="xs" mb={4}>
            <ResultBadge result={o.result} />
          </Group>
          <Text size="sm">{t('compliance.override.reasonShown', { reason: o.reason })}</Text>
          <Text size="sm">
            {t('compliance.override.setBy', {
              name: o.by ?? t('compliance.override.unknownUser'),
              at: formatDateTime(o.at),
            })}
          </Text>
        </Alert>
      ) : (
        <Text size="sm">{t('compliance.override.none')}</Text>
      )}
      {canEdit && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ConflictAlert
              error={failed}
              onReload={() => {
                save.reset();
                remove.reset();
                void onReload();
              }}
            />
            {!isConflict(failed) && <ErrorAlert error={failed} />}
            <Text size="sm">{o ? t('compliance.override.changeHelp') : t('compliance.override.setHelp')}</Text>
            <Select
              label={t('compliance.override.result')}
              placeholder={t('compliance.override.pick')}
              data={complianceResults.map((x) => ({ value: x, label: t(`compliance.results.${x}`) }))}
              value={result}
              onChange={(v) => setResult(complianceResults.find((x) => x === v) ?? null)}
              error={errors.result}
              required
              allowDeselect={false}
            />
            <Textarea
              label={t('compliance.override.reason')}
              description={t('compliance.override.reasonHelp')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              required
              autosize
              minRows={3}
              maxLength={2000}
            />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('compliance.override.save')}
              </Button>
              {o && (
                <Button variant="outline" color="red.9" onClick={removeOverride} loading={remove.isPending}>
                  {t('compliance.override.remove')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
