import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorAlert } from './ErrorAlert';

/** A problem in one row of an imported workbook. */
export interface WorkbookRowError {
  row: number;
  column: string | null;
  message: string;
}

/** One cell an import would change, ready to show. */
export interface WorkbookChange {
  key: string;
  row: number;
  subject: string;
  field: string;
  before: string;
  after: string;
}

interface Props<P, A> {
  /** The translation namespace with title, file, errorsTitle, changesTitle, row, column, problem, field, before, after, nothing, apply. */
  ns: string;
  /** The header of the column that names what a row is about (an asset, a measure). */
  subject: string;
  /** The chosen workbook; null closes the dialog. */
  file: File | null;
  onClose: () => void;
  preview: UseMutationResult<P, Error, File>;
  apply: UseMutationResult<A, Error, File>;
  errorsOf: (p: P) => WorkbookRowError[];
  changesOf: (p: P) => WorkbookChange[];
  /** The line above the tables; `errors` may be the apply's, which replace the preview's. */
  summary: (p: P, errors: WorkbookRowError[]) => ReactNode;
  onApplied: (a: A) => void;
}

/**
 * Previews an uploaded workbook (the cells it changes and the errors per row) and applies it only
 * without errors, all or nothing. The server checks the file again when applying; its errors then
 * replace the preview's.
 */
export function WorkbookImportModal<P, A>(props: Props<P, A>) {
  const { ns, subject, file, onClose, preview, apply, errorsOf, changesOf, summary, onApplied } = props;
  const { t } = useTranslation();
  const { mutate: runPreview, reset: resetPreview } = preview;
  const { reset: resetApply } = apply;

  useEffect(() => {
    resetApply();
    if (file) runPreview(file);
    else resetPreview();
  }, [file, runPreview, resetPreview, resetApply]);

  const applyErrors =
    apply.error instanceof ApiError && apply.error.code === 'IMPORT_HAS_ERRORS'
      ? (apply.error.details as { errors: WorkbookRowError[] }).errors
      : undefined;
  const result = preview.data;
  const errors = result ? (applyErrors ?? errorsOf(result)) : [];
  const changes = result ? changesOf(result) : [];
  const canApply = Boolean(result && errors.length === 0 && changes.length > 0);

  const onApply = () => {
    if (file) apply.mutate(file, { onSuccess: onApplied });
  };

  return (
    <Modal
      opened={file !== null}
      onClose={onClose}
      title={t(`${ns}.title`)}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        {file && <Text size="sm">{t(`${ns}.file`, { name: file.name })}</Text>}
        {preview.isPending && <Loader aria-label={t('common.loading')} />}
        <FileError error={preview.error} />
        {apply.error && !applyErrors && <ErrorAlert error={apply.error} />}
        {result && (
          <>
            {summary(result, errors)}
            {errors.length > 0 && <ErrorsTable ns={ns} errors={errors} />}
            {changes.length > 0 && <ChangesTable ns={ns} subject={subject} changes={changes} />}
            {errors.length === 0 && changes.length === 0 && <Alert color="blue">{t(`${ns}.nothing`)}</Alert>}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onApply} disabled={!canApply} loading={apply.isPending}>
            {t(`${ns}.apply`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function FileError({ error }: { error: unknown }) {
  if (!(error instanceof ApiError)) return <ErrorAlert error={error} />;
  const reason = (error.details as { reason?: string } | null)?.reason;
  return (
    <Alert color="red" role="alert" title={error.message}>
      {reason}
    </Alert>
  );
}

function ErrorsTable({ ns, errors }: { ns: string; errors: WorkbookRowError[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id} c="red.9">
        {t(`${ns}.errorsTitle`, { count: errors.length })}
      </Title>
      <Table.ScrollContainer minWidth={500} mah={260}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(`${ns}.row`)}</Table.Th>
              <Table.Th scope="col">{t(`${ns}.column`)}</Table.Th>
              <Table.Th scope="col">{t(`${ns}.problem`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row can have the same problem twice
              <Table.Tr key={`${e.row}-${e.column}-${i}`}>
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

function ChangesTable({ ns, subject, changes }: { ns: string; subject: string; changes: WorkbookChange[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {t(`${ns}.changesTitle`, { count: changes.length })}
      </Title>
      <Table.ScrollContainer minWidth={600} mah={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(`${ns}.row`)}</Table.Th>
              <Table.Th scope="col">{subject}</Table.Th>
              <Table.Th scope="col">{t(`${ns}.field`)}</Table.Th>
              <Table.Th scope="col">{t(`${ns}.before`)}</Table.Th>
              <Table.Th scope="col">{t(`${ns}.after`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>{c.row}</Table.Td>
                <Table.Td>{c.subject}</Table.Td>
                <Table.Td>{c.field}</Table.Td>
                <Table.Td>{c.before}</Table.Td>
                <Table.Td>{c.after}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
