import type { ImportApplyResult, ImportChange, ImportPreview } from '@baken/contracts';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { WorkbookImportModal } from '../../components/WorkbookImportModal';
import { useImport } from './api';

interface Props {
  bestuurId: string;
  /** The chosen workbook; null closes the dialog. */
  file: File | null;
  onClose: () => void;
}

/** Previews an uploaded process list workbook (changes and errors per row) and applies it only without errors. */
export function ImportModal({ bestuurId, file, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const { preview, apply } = useImport(bestuurId);
  const show = (v: ImportChange['before']) =>
    v === null || v === ''
      ? '—'
      : typeof v === 'boolean'
        ? t(v ? 'classification.yes' : 'classification.no')
        : String(v);
  return (
    <WorkbookImportModal<ImportPreview, ImportApplyResult>
      ns="classification.import"
      subject={t('classification.asset')}
      file={file}
      onClose={onClose}
      preview={preview}
      apply={apply}
      errorsOf={(p) => p.errors}
      changesOf={(p) =>
        p.changes.map((c) => ({
          key: `${c.assetId}-${c.field}`,
          row: c.row,
          subject: c.assetName[lang],
          field: t(`classification.fields.${c.field}`),
          before: show(c.before),
          after: show(c.after),
        }))
      }
      summary={(p, errors) => (
        <>
          <Text size="sm">
            {t('classification.import.summary', {
              changes: p.changes.length,
              errors: errors.length,
              unchanged: p.unchanged,
            })}
          </Text>
          {p.ignoredColumns.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('classification.import.ignored', { columns: p.ignoredColumns.join(', ') })}
            </Text>
          )}
        </>
      )}
      onApplied={(r) => {
        notifications.show({ color: 'green', message: t('classification.import.applied', { count: r.assets }) });
        onClose();
      }}
    />
  );
}
