import type { IpdcImportError, IpdcImportResult } from '@baken/contracts';
import { Alert, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useImportIpdc } from './api';

/** Import a CSV of IPDC concepts: first a preview of what it changes, then the import itself. */
export function IpdcImport() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<IpdcImportResult | null>(null);
  const run = useImportIpdc();
  const rowErrors =
    run.error instanceof ApiError && run.error.code === 'IPDC_IMPORT_INVALID'
      ? (run.error.details as { errors: IpdcImportError[]; errorCount: number })
      : null;

  const start = (dryRun: boolean) => {
    if (!file) return;
    setResult(null);
    run.mutate({ file, dryRun }, { onSuccess: setResult });
  };

  return (
    <section aria-labelledby="ipdc-import-title">
      <Title order={2} id="ipdc-import-title" mb="xs">
        {t('products.import.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('products.import.help')}
      </Text>
      <Stack gap="sm" maw={720}>
        <FileInput
          label={t('products.import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
            run.reset();
          }}
        />
        <Group>
          <Button
            variant="default"
            disabled={!file}
            loading={run.isPending && run.variables?.dryRun}
            onClick={() => start(true)}
          >
            {t('products.import.preview')}
          </Button>
          <Button
            disabled={!file || !result?.dryRun}
            loading={run.isPending && run.variables?.dryRun === false}
            onClick={() => start(false)}
          >
            {t('products.import.run')}
          </Button>
        </Group>
        {result && (
          <Alert
            color={result.dryRun ? 'blue' : 'green'}
            role="status"
            title={t(result.dryRun ? 'products.import.previewTitle' : 'products.import.doneTitle')}
          >
            <Text>{t('products.import.counts', result)}</Text>
            {result.ignoredColumns.length > 0 && (
              <Text size="sm">{t('products.import.ignored', { columns: result.ignoredColumns.join(', ') })}</Text>
            )}
            {result.dryRun && <Text size="sm">{t('products.import.previewHint')}</Text>}
          </Alert>
        )}
        <ErrorAlert error={run.error} />
        {rowErrors && (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Caption>{t('products.import.errorsCaption', { count: rowErrors.errorCount })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('products.import.row')}</Table.Th>
                  <Table.Th scope="col">{t('products.import.column')}</Table.Th>
                  <Table.Th scope="col">{t('products.import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rowErrors.errors.map((e) => (
                  <Table.Tr key={`${e.row}-${e.column}-${e.code}`}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.column ?? ''}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </section>
  );
}
