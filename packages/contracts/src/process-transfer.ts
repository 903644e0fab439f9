import { z } from 'zod';
import { LocalText } from './catalog.js';
import { Id, Version } from './common.js';
import { BestuurAsset, ClassLevel } from './processes.js';

/** Classifying many assets at once: all or nothing. */
export const BULK_CLASSIFY_MAX = 1000;

export const BulkClassifyItem = z.object({
  id: Id,
  version: Version,
  c: ClassLevel,
  i: ClassLevel,
  a: ClassLevel,
  /** Required when a class differs from the default. */
  reason: z.string().trim().min(1).max(2000).optional(),
});
export type BulkClassifyItem = z.infer<typeof BulkClassifyItem>;

export const BulkClassifyRequest = z.object({ items: z.array(BulkClassifyItem).min(1).max(BULK_CLASSIFY_MAX) });
export type BulkClassifyRequest = z.infer<typeof BulkClassifyRequest>;

/** The assets that changed (as they are now) and how many items changed nothing. */
export const BulkClassifyResult = z.object({
  items: z.array(BestuurAsset),
  unchanged: z.number().int().min(0),
});
export type BulkClassifyResult = z.infer<typeof BulkClassifyResult>;

/** One information asset with its process: a line of the classification table and of the export. */
export const ClassificationRow = z.object({
  processId: Id,
  processName: LocalText,
  domain: z.string(),
  applicable: z.boolean(),
  asset: BestuurAsset,
});
export type ClassificationRow = z.infer<typeof ClassificationRow>;

export const ClassificationSheet = z.object({
  domains: z.array(z.object({ id: z.string(), name: LocalText })),
  rows: z.array(ClassificationRow),
});
export type ClassificationSheet = z.infer<typeof ClassificationSheet>;

export const ExportQuery = z.object({ lang: z.enum(['nl', 'en']).optional() });

/** What an import may change; every other column of the workbook is ignored. */
export const ImportField = z.enum(['c', 'i', 'a', 'reason', 'personalData', 'sensitiveData', 'kszData']);
export type ImportField = z.infer<typeof ImportField>;

const CellValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const ImportChange = z.object({
  /** The row in the workbook, as the spreadsheet numbers it (the header is row 1). */
  row: z.number().int().min(2),
  assetId: Id,
  assetName: LocalText,
  field: ImportField,
  before: CellValue,
  after: CellValue,
});
export type ImportChange = z.infer<typeof ImportChange>;

/** Why a row of an imported workbook cannot be applied; messages below. */
export const importIssueCodes = [
  'asset_key_missing',
  'asset_unknown',
  'asset_duplicate',
  'class_missing',
  'class_not_a_number',
  'class_out_of_range',
  'reason_required',
  'reason_too_long',
  'flag_invalid',
  'version_invalid',
  'changed_since_export',
] as const;
export const ImportIssueCode = z.enum(importIssueCodes);
export type ImportIssueCode = z.infer<typeof ImportIssueCode>;

export const ImportRowError = z.object({
  row: z.number().int().min(2),
  /** The column header as the workbook has it; null when the row as a whole is wrong. */
  column: z.string().nullable(),
  code: ImportIssueCode,
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportPreview = z.object({
  changes: z.array(ImportChange),
  errors: z.array(ImportRowError),
  /** Rows that change nothing. */
  unchanged: z.number().int().min(0),
  /** Columns the workbook has that an import never changes (process, names, defaults, ...). */
  ignoredColumns: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportApplyResult = z.object({
  changes: z.array(ImportChange),
  /** How many assets changed. */
  assets: z.number().int().min(0),
  unchanged: z.number().int().min(0),
});
export type ImportApplyResult = z.infer<typeof ImportApplyResult>;

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

export const importIssueMessages = {
  asset_key_missing: {
    nl: 'Deze rij heeft geen sleutel. Nieuwe rijen kunnen niet worden ingelezen; voeg informatie-assets toe in Baken.',
    en: 'This row has no key. New rows cannot be imported; add information assets in Baken.',
  },
  asset_unknown: {
    nl: 'Onbekende sleutel: deze informatie-asset staat niet in de proceslijst van dit bestuur.',
    en: 'Unknown key: this information asset is not in the process list of this organisation.',
  },
  asset_duplicate: {
    nl: 'Deze informatie-asset staat meer dan eens in het bestand.',
    en: 'This information asset appears more than once in the file.',
  },
  class_missing: { nl: 'De klasse ontbreekt.', en: 'The class is missing.' },
  class_not_a_number: {
    nl: 'Een klasse is een getal van 1 tot 5.',
    en: 'A class is a number from 1 to 5.',
  },
  class_out_of_range: {
    nl: 'Een klasse is een geheel getal van 1 tot 5.',
    en: 'A class is a whole number from 1 to 5.',
  },
  reason_required: {
    nl: 'Geef een reden wanneer de classificatie afwijkt van de standaardklasse.',
    en: 'Give a reason when the classification differs from the default class.',
  },
  reason_too_long: {
    nl: 'De reden is langer dan 2000 tekens.',
    en: 'The reason is longer than 2000 characters.',
  },
  flag_invalid: { nl: 'Vul ja of nee in.', en: 'Fill in yes or no.' },
  version_invalid: {
    nl: 'De versie ontbreekt of is geen getal; gebruik een nieuwe export.',
    en: 'The version is missing or not a number; use a new export.',
  },
  changed_since_export: {
    nl: 'Deze informatie-asset is gewijzigd sinds de export. Exporteer opnieuw en breng uw wijziging daar aan.',
    en: 'This information asset changed since the export. Export again and make your change there.',
  },
} as const satisfies Record<ImportIssueCode, { nl: string; en: string }>;

/** Why a file is not a process list at all (details.problem of IMPORT_FILE_INVALID). */
export const importFileProblems = {
  not_xlsx: {
    nl: 'Het bestand is geen Excel-werkmap (xlsx).',
    en: 'The file is not an Excel workbook (xlsx).',
  },
  too_large: {
    nl: 'De werkmap is te groot om in te lezen.',
    en: 'The workbook is too large to import.',
  },
  no_sheet: {
    nl: 'De werkmap heeft geen blad "Proceslijst".',
    en: 'The workbook has no sheet "Process list".',
  },
  missing_columns: {
    nl: 'De kolommen {{columns}} ontbreken in de eerste rij.',
    en: 'The columns {{columns}} are missing from the first row.',
  },
  too_many_rows: {
    nl: 'De werkmap heeft meer dan {{max}} rijen.',
    en: 'The workbook has more than {{max}} rows.',
  },
} as const satisfies Record<string, { nl: string; en: string }>;
export type ImportFileProblem = keyof typeof importFileProblems;
