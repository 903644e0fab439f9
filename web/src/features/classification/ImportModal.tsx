import type { ImportChange, ImportPreview, ImportRowError } from '@baken/contracts';
import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useImport } from './api';

interface Props {
  bestuurId: string;
  /** The chosen workbook; null closes the dialog. */
  file: File | null;
  onClose: () => void;
}

/** Previews an uploaded workbook (changes and errors per row) and applies it only without errors. */
export function ImportModal({ bestuurId, file, onClose }: Props) {
  const { t } = useTranslation();
  const { preview, apply } = useImport(bestuurId);
  const { mutate: runPreview, reset: resetPreview } = preview;
  const { reset: resetApply } = apply;

  useEffect(() => {
    resetApply();
    if (file) runPreview(file);
    else resetPreview();
  }, [file, runPreview, resetPreview, resetApply]);

  // Applying re-checks the file; its errors (say, a colleague changed an asset meanwhile) replace the preview.
  const applyErrors =
    apply.error instanceof ApiError && apply.error.code === 'IMPORT_HAS_ERRORS'
      ? (apply.error.details as { errors: ImportRowError[] }).errors
      : undefined;
  const result: ImportPreview | undefined = preview.data && {
    ...preview.data,
    errors: applyErrors ?? preview.data.errors,
  };
  const canApply = Boolean(result && result.errors.length === 0 && result.changes.length > 0);

  const onApply = () => {
    if (!file) return;
    apply.mutate(file, {
      onSuccess: (r) => {
        notifications.show({ color: 'green', message: t('classification.import.applied', { count: r.assets }) });
        onClose();
      },
    });
  };

  return (
    <Modal opened={file !== null} onClose={onClose} title={t('classification.import.title')} size="xl">
      <Stack>
        {file && <Text size="sm">{t('classification.import.file', { name: file.name })}</Text>}
        {preview.isPending && <Loader aria-label={t('common.loading')} />}
        <ImportFileError error={preview.error} />
        {apply.error && !applyErrors && <ErrorAlert error={apply.error} />}
        {result && (
          <>
            <Text size="sm">
              {t('classification.import.summary', {
                changes: result.changes.length,
                errors: result.errors.length,
                unchanged: result.unchanged,
              })}
            </Text>
            {result.ignoredColumns.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('classification.import.ignored', { columns: result.ignoredColumns.join(', ') })}
              </Text>
            )}
            {result.errors.length > 0 && <ErrorsTable errors={result.errors} />}
            {result.changes.length > 0 && <ChangesTable changes={result.changes} />}
            {result.errors.length === 0 && result.changes.length === 0 && (
              <Alert color="blue">{t('classification.import.nothing')}</Alert>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onApply} disabled={!canApply} loading={apply.isPending}>
            {t('classification.import.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ImportFileError({ error }: { error: unknown }) {
  if (!(error instanceof ApiError)) return <ErrorAlert error={error} />;
  const reason = (error.details as { reason?: string } | null)?.reason;
  return (
    <Alert color="red" role="alert" title={error.message}>
      {reason}
    </Alert>
  );
}

function ErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="import-errors">
      <Title order={3} size="h5" id="import-errors" c="red.9">
        {t('classification.import.errorsTitle', { count: errors.length })}
      </Title>
      <Table.ScrollContainer minWidth={500} mah={260}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('classification.import.row')}</Table.Th>
              <Table.Th scope="col">{t('classification.import.column')}</Table.Th>
              <Table.Th scope="col">{t('classification.import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e) => (
              <Table.Tr key={`${e.row}-${e.column}-${e.code}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.column ?? ''}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

function ChangesTable({ changes }: { changes: ImportChange[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const show = (v: ImportChange['before']) =>
    v === null || v === ''
      ? '—'
      : typeof v === 'boolean'
        ? t(v ? 'classification.yes' : 'classification.no')
        : String(v);
  return (
    <section aria-labelledby="import-changes">
      <Title order={3} size="h5" id="import-changes">
        {t('classification.import.changesTitle', { count: changes.length })}
      </Title>
      <Table.ScrollContainer minWidth={600} mah={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('classification.import.row')}</Table.Th>
              <Table.Th scope="col">{t('classification.asset')}</Table.Th>
              <Table.Th scope="col">{t('classification.import.field')}</Table.Th>
              <Table.Th scope="col">{t('classification.import.before')}</Table.Th>
              <Table.Th scope="col">{t('classification.import.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c) => (
              <Table.Tr key={`${c.assetId}-${c.field}`}>
                <Table.Td>{c.row}</Table.Td>
                <Table.Td>{c.assetName[lang]}</Table.Td>
                <Table.Td>{t(`classification.fields.${c.field}`)}</Table.Td>
                <Table.Td>{show(c.before)}</Table.Td>
                <Table.Td>{show(c.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
