import type { BestuurAsset } from '@baken/contracts';
import { Alert, Button, FileButton, Group, Loader, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { hasPermission, useRequiredSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/links';
import { PageTitle } from '../../components/PageTitle';
import { TablePagination } from '../../components/TablePagination';
import { useBestuurId } from '../bestuur/useBestuurId';
import { ClassificationTable } from './ClassificationTable';
import { ImportModal } from './ImportModal';
import { XLSX, exportUrl, useBulkClassify, useClassificationSheet } from './api';
import { type Draft, filterRows, isChanged, needsReason, toItem } from './drafts';

// Hundreds of rows with four inputs each are slow to render and to read: a page at a time, the changes kept across pages.
const PAGE_SIZE = 50;

/** Classify many information assets in one table; export and import the process list as a workbook. */
export function ClassificationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const bestuurId = useBestuurId();
  const session = useRequiredSession();
  const editable = hasPermission(session, 'isms.edit', bestuurId);
  const sheet = useClassificationSheet(bestuurId);
  const save = useBulkClassify(bestuurId);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [domain, setDomain] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [showMissing, setShowMissing] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  // Lets the same file be chosen again after the dialog closed.
  const resetFile = useRef<() => void>(null);

  const rows = sheet.data?.rows ?? [];
  const byId = useMemo(() => new Map(rows.map((r) => [r.asset.id, r.asset])), [rows]);
  const matching = useMemo(() => filterRows(rows, domain, q), [rows, domain, q]);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const shown = matching.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);
  const changed = [...drafts].flatMap(([id, d]) => {
    const asset = byId.get(id);
    return asset && isChanged(asset, d) ? [{ asset, draft: d }] : [];
  });
  const missing = changed.filter(({ asset, draft }) => needsReason(asset, draft)).length;

  const stale = useMemo(() => {
    const current = save.error instanceof ApiError ? (save.error.current as BestuurAsset[] | undefined) : undefined;
    return new Map((Array.isArray(current) ? current : []).map((a) => [a.id, a]));
  }, [save.error]);
  const rowErrors = useMemo(() => {
    const errors = new Map<string, string>();
    if (!(save.error instanceof ApiError) || !save.variables) return errors;
    for (const issue of save.error.issues) {
      const item = save.variables[Number(issue.path[1])];
      if (item) errors.set(item.id, issue.message);
    }
    return errors;
  }, [save.error, save.variables]);

  const onChange = useCallback((id: string, draft: Draft) => {
    setDrafts((prev) => new Map(prev).set(id, draft));
  }, []);

  const onSave = () => {
    setShowMissing(true);
    if (missing > 0 || changed.length === 0) return;
    save.mutate(
      changed.map(({ asset, draft }) => toItem(asset, draft)),
      {
        onSuccess: (result) => {
          setDrafts(new Map());
          setShowMissing(false);
          notifications.show({ color: 'green', message: t('classification.saved', { count: result.items.length }) });
        },
      },
    );
  };

  // After a 409: fetch the current list; drafts of the rows others changed are dropped, the rest kept.
  const onReload = async () => {
    const staleIds = new Set(stale.keys());
    await sheet.refetch();
    setDrafts((prev) => new Map([...prev].filter(([id]) => !staleIds.has(id))));
    save.reset();
  };

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('classification.title')}</PageTitle>
        <Group>
          <Button component="a" href={exportUrl(bestuurId)} variant="outline" download>
            {t('classification.export')}
          </Button>
          {editable && (
            <FileButton onChange={setFile} resetRef={resetFile} accept={`${XLSX},.xlsx`}>
              {(props) => (
                <Button variant="outline" {...props}>
                  {t('classification.import.open')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
      </Group>
      <Text size="sm" mb="md" maw={800}>
        {t('classification.intro')}
      </Text>
      <Group mb="md" align="flex-end">
        <Select
          label={t('classification.domain')}
          placeholder={t('common.all')}
          data={(sheet.data?.domains ?? []).map((d) => ({ value: d.id, label: d.name[lang] }))}
          value={domain}
          onChange={(v) => {
            setDomain(v);
            setPage(1);
          }}
          clearable
          w={280}
        />
        <TextInput
          label={t('classification.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
      </Group>
      <ErrorAlert error={sheet.error} />
      {sheet.isPending && <Loader aria-label={t('common.loading')} />}
      {stale.size > 0 && (
        <Alert color="orange" role="alert" title={t('classification.conflictTitle')} mb="md">
          <Text size="sm" mb="xs">
            {t('classification.conflict', { names: [...stale.values()].map((a) => a.name[lang]).join(', ') })}
          </Text>
          <Button size="xs" onClick={onReload}>
            {t('classification.reload')}
          </Button>
        </Alert>
      )}
      {save.error && stale.size === 0 && <ErrorAlert error={save.error} />}
      {sheet.data && rows.length === 0 && (
        <Alert color="blue" mb="md">
          {t('classification.empty')}{' '}
          <AnchorLink to="/b/$bestuurId/processen" params={{ bestuurId }}>
            {t('classification.toProcesses')}
          </AnchorLink>
        </Alert>
      )}
      {editable && rows.length > 0 && (
        <Group mb="sm" justify="space-between" aria-live="polite">
          <Text size="sm">
            {t('classification.pending', { count: changed.length })}
            {showMissing && missing > 0 && (
              <Text span c="red.8" size="sm" ml="xs">
                {t('classification.missingReasons', { count: missing })}
              </Text>
            )}
          </Text>
          <Group>
            <Button
              variant="default"
              disabled={drafts.size === 0}
              onClick={() => {
                setDrafts(new Map());
                setShowMissing(false);
                save.reset();
              }}
            >
              {t('classification.undo')}
            </Button>
            <Button onClick={onSave} loading={save.isPending} disabled={changed.length === 0}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      )}
      {rows.length > 0 && matching.length === 0 && <Alert color="blue">{t('classification.noResults')}</Alert>}
      {shown.length > 0 && (
        <ClassificationTable
          rows={shown}
          drafts={drafts}
          stale={new Set(stale.keys())}
          rowErrors={rowErrors}
          showMissing={showMissing}
          editable={editable}
          onChange={onChange}
        />
      )}
      {matching.length > 0 && (
        <TablePagination page={Math.min(page, pages)} pageSize={PAGE_SIZE} total={matching.length} onChange={setPage} />
      )}
      <ImportModal
        bestuurId={bestuurId}
        file={file}
        onClose={() => {
          setFile(null);
          resetFile.current?.();
        }}
      />
    </>
  );
}
