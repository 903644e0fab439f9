import { EVIDENCE_MAX_BYTES, type Evidence, evidenceTypes } from '@baken/contracts';
import { Anchor, Button, FileInput, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, serverFieldErrors } from '../../lib/forms';
import { formatDateTime, formatNumber } from '../../lib/format';
import { evidenceUrl, useAddEvidenceLink, useDeleteEvidence, useUploadEvidence } from './api';

interface Props {
  bestuurId: string;
  code: string;
  evidence: Evidence[];
  canAdd: boolean;
  canDelete: boolean;
}

const MAX_MB = EVIDENCE_MAX_BYTES / 1024 / 1024;
const ACCEPT = [
  ...evidenceTypes,
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.txt',
  '.csv',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
].join(',');

const size = (bytes: number | null) =>
  bytes === null
    ? ''
    : bytes < 1024 * 1024
      ? `${formatNumber(Math.ceil(bytes / 1024))} kB`
      : `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;

/** Evidence of a measure: files (checked for size and kind) and links; download, and remove for who may edit. */
export function EvidenceSection({ bestuurId, code, evidence, canAdd, canDelete }: Props) {
  const { t } = useTranslation();
  const remove = useDeleteEvidence(bestuurId, code);
  const [removing, setRemoving] = useState<Evidence | null>(null);

  return (
    <section aria-labelledby="measure-evidence">
      <Title order={2} size="h4" id="measure-evidence" mb="xs">
        {t('measures.evidence.title', { count: evidence.length })}
      </Title>
      {evidence.length === 0 ? (
        <Text size="sm" mb="sm">
          {t('measures.evidence.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} mb="sm">
          <Table captionSide="top" verticalSpacing="xs">
            <Table.Caption>{t('measures.evidence.caption', { code })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('measures.evidence.name')}</Table.Th>
                <Table.Th scope="col">{t('measures.evidence.kind')}</Table.Th>
                <Table.Th scope="col">{t('measures.evidence.added')}</Table.Th>
                <Table.Th scope="col">{t('measures.evidence.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {evidence.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Th scope="row" fw={500}>
                    {e.kind === 'file' ? (
                      <Anchor href={evidenceUrl(bestuurId, code, e.id)} download={e.fileName ?? undefined}>
                        {e.title}
                      </Anchor>
                    ) : (
                      <Anchor href={e.url ?? undefined} target="_blank" rel="noopener noreferrer">
                        {e.title}
                        <Text span size="xs">
                          {' '}
                          {t('measures.evidence.newWindow')}
                        </Text>
                      </Anchor>
                    )}
                  </Table.Th>
                  <Table.Td>
                    {e.kind === 'file'
                      ? t('measures.evidence.fileKind', { name: e.fileName, size: size(e.size) })
                      : t('measures.evidence.linkKind')}
                  </Table.Td>
                  <Table.Td>
                    {t('measures.evidence.addedBy', {
                      by: e.uploadedBy ?? t('measures.unknownPerson'),
                      at: formatDateTime(e.uploadedAt),
                    })}
                  </Table.Td>
                  <Table.Td>
                    {canDelete && (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="red.9"
                        onClick={() => setRemoving(e)}
                        aria-label={t('measures.evidence.removeLabel', { title: e.title })}
                      >
                        {t('measures.evidence.remove')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canAdd && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <UploadForm bestuurId={bestuurId} code={code} />
          <LinkForm bestuurId={bestuurId} code={code} />
        </SimpleGrid>
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('measures.evidence.removeTitle')}
        message={t('measures.evidence.removeText', { title: removing?.title ?? '' })}
        confirmLabel={t('measures.evidence.remove')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      />
    </section>
  );
}

function UploadForm({ bestuurId, code }: { bestuurId: string; code: string }) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(bestuurId, code);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError(t('measures.evidence.chooseFile'));
    if (file.size > EVIDENCE_MAX_BYTES) return setError(t('measures.evidence.tooLarge', { max: MAX_MB }));
    if (file.type && !(evidenceTypes as readonly string[]).includes(file.type))
      return setError(t('measures.evidence.wrongType'));
    setError(undefined);
    upload.mutate(
      { file, title: title.trim() },
      {
        onSuccess: () => {
          setFile(null);
          setTitle('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('measures.evidence.uploadTitle')}
        </Title>
        <ErrorAlert error={upload.error} />
        <FileInput
          label={t('measures.evidence.file')}
          description={t('measures.evidence.limits', { max: MAX_MB })}
          accept={ACCEPT}
          value={file}
          onChange={(f) => {
            setFile(f);
            setError(undefined);
            upload.reset();
          }}
          clearable
          error={error}
        />
        <TextInput
          label={t('measures.evidence.fileTitle')}
          description={t('measures.evidence.fileTitleHint')}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={upload.isPending}>
            {t('measures.evidence.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LinkForm({ bestuurId, code }: { bestuurId: string; code: string }) {
  const { t } = useTranslation();
  const add = useAddEvidenceLink(bestuurId, code);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: FieldErrors = {};
    if (!title.trim()) next.title = t('measures.evidence.titleRequired');
    if (!/^https?:\/\/\S+$/i.test(url.trim())) next.url = t('measures.evidence.urlInvalid');
    setErrors(next);
    if (Object.keys(next).length) return;
    add.mutate(
      { title: title.trim(), url: url.trim() },
      {
        onSuccess: () => {
          setTitle('');
          setUrl('');
        },
        onError: (err) => setErrors(serverFieldErrors(err)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('measures.evidence.linkTitle')}
        </Title>
        {Object.keys(errors).length === 0 && <ErrorAlert error={add.error} />}
        <TextInput
          label={t('measures.evidence.linkName')}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        <TextInput
          type="url"
          label={t('measures.evidence.url')}
          description={t('measures.evidence.urlHint')}
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={errors.url}
        />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={add.isPending}>
            {t('measures.evidence.addLink')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
