import { measureStatuses, type MeasureStatus, type TrackedMeasure } from '@baken/contracts';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, serverFieldErrors } from '../../lib/forms';
import { type BulkChanges, useBulkUpdate } from './api';
import type { OwnerOption } from './TrackingForm';

const NONE = '__none__';

interface Props {
  bestuurId: string;
  opened: boolean;
  /** The selected measures, with the version the user saw. */
  measures: TrackedMeasure[];
  owners: OwnerOption[];
  canApprove: boolean;
  onRefresh: () => void;
  onDone: () => void;
  onClose: () => void;
}

/** The same status, owner or dates for the selected measures: all or nothing. */
export function BulkEditModal({ bestuurId, opened, measures, owners, canApprove, onRefresh, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const bulk = useBulkUpdate(bestuurId);
  const [status, setStatus] = useState<MeasureStatus | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [naReason, setNaReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const close = () => {
    setStatus(null);
    setOwner(null);
    setDueDate('');
    setReviewDate('');
    setNaReason('');
    setErrors({});
    bulk.reset();
    onClose();
  };

  const changes: BulkChanges = {
    ...(status ? { status } : {}),
    ...(owner ? { ownerId: owner === NONE ? null : owner } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(reviewDate ? { reviewDate } : {}),
    ...(status === 'niet-van-toepassing' ? { naReason: naReason.trim() } : {}),
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(changes).length === 0) return setErrors({ _: t('measures.bulk.nothing') });
    if (status === 'niet-van-toepassing' && !naReason.trim())
      return setErrors({ naReason: t('measures.form.naReasonRequired') });
    setErrors({});
    bulk.mutate(
      { items: measures.map((m) => ({ code: m.code, version: m.version })), changes },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: t('measures.bulk.saved', { count: r.updated }) });
          onDone();
          close();
        },
        onError: (err) => setErrors(serverFieldErrors(err)),
      },
    );
  };

  const stale =
    bulk.error instanceof ApiError && bulk.error.code === 'VERSION_CONFLICT'
      ? ((bulk.error.current ?? []) as { code: string }[]).map((s) => s.code)
      : null;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('measures.bulk.title', { count: measures.length })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('measures.bulk.intro', { codes: measures.map((m) => m.code).join(', ') })}</Text>
          {stale && (
            <Alert color="orange" role="alert" title={t('conflictDialog.title')}>
              <Text size="sm" mb="xs">
                {t('measures.bulk.stale', { count: stale.length, codes: stale.join(', ') })}
              </Text>
              <Button
                size="xs"
                variant="white"
                onClick={() => {
                  bulk.reset();
                  onRefresh();
                }}
              >
                {t('measures.bulk.refresh')}
              </Button>
            </Alert>
          )}
          {errors._ && (
            <Text c="red.9" size="sm" role="alert">
              {errors._}
            </Text>
          )}
          {!stale && !Object.keys(errors).length && <ErrorAlert error={bulk.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('measures.fields.status')}
              placeholder={t('measures.bulk.unchanged')}
              data={measureStatuses.map((s) => ({
                value: s,
                label: t(`measures.status.${s}`),
                disabled: s === 'niet-van-toepassing' && !canApprove,
              }))}
              value={status}
              onChange={(v) => setStatus(v as MeasureStatus | null)}
              clearable
              error={errors.status}
            />
            <Select
              label={t('measures.fields.owner')}
              placeholder={t('measures.bulk.unchanged')}
              data={[{ value: NONE, label: t('measures.bulk.noOwner') }, ...owners]}
              value={owner}
              onChange={setOwner}
              searchable
              clearable
              error={errors.ownerId}
            />
          </SimpleGrid>
          {status === 'niet-van-toepassing' && (
            <Textarea
              label={t('measures.fields.naReason')}
              description={t('measures.form.naReasonHint')}
              required
              autosize
              minRows={2}
              value={naReason}
              onChange={(e) => setNaReason(e.currentTarget.value)}
              error={errors.naReason}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('measures.fields.dueDate')}
              description={t('measures.bulk.emptyUnchanged')}
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={errors.dueDate}
            />
            <TextInput
              type="date"
              label={t('measures.fields.reviewDate')}
              description={t('measures.bulk.emptyUnchanged')}
              value={reviewDate}
              onChange={(e) => setReviewDate(e.currentTarget.value)}
              error={errors.reviewDate}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={bulk.isPending}>
              {t('measures.bulk.apply', { count: measures.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
