import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { WorkbookImportModal } from '../../components/WorkbookImportModal';
import { formatDate } from '../../lib/format';
import { type ImportResult, useRegisterImport } from './api';
import { maturityName } from './MaturityField';

interface Props {
  bestuurId: string;
  file: File | null;
  onClose: () => void;
}

type Change = ImportResult['changes'][number];

/** An edited register workbook: the cells it changes and the errors per row, then applied all or nothing. */
export function RegisterImportModal({ bestuurId, file, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const { preview, apply } = useRegisterImport(bestuurId);
  const show = (field: Change['field'], v: Change['before']) => {
    if (v === null || v === '') return '—';
    if (field === 'status') return t(`measures.status.${v}`, { defaultValue: String(v) });
    if (field === 'documentation' || field === 'implementation') return `${v}. ${maturityName(Number(v), lang)}`;
    if (field === 'dueDate' || field === 'reviewDate') return formatDate(String(v));
    return String(v);
  };
  const measures = (p: ImportResult) => new Set(p.changes.map((c) => c.code)).size;
  return (
    <WorkbookImportModal<ImportResult, ImportResult>
      ns="measures.import"
      subject={t('measures.fields.code')}
      file={file}
      onClose={onClose}
      preview={preview}
      apply={apply}
      errorsOf={(p) => p.errors}
      changesOf={(p) =>
        p.changes.map((c) => ({
          key: `${c.code}-${c.field}`,
          row: c.row,
          subject: c.code,
          field: t(`measures.fields.${c.field}`),
          before: show(c.field, c.before),
          after: show(c.field, c.after),
        }))
      }
      summary={(p, errors) => (
        <Text size="sm">
          {t('measures.import.summary', {
            changes: p.changes.length,
            measures: measures(p),
            errors: errors.length,
          })}
        </Text>
      )}
      onApplied={(r) => {
        notifications.show({ color: 'green', message: t('measures.import.applied', { count: measures(r) }) });
        onClose();
      }}
    />
  );
}
