import type { Lang, MeasureStatus, TrackedMeasure } from '@baken/contracts';
import { measureStatuses } from '@baken/contracts';
import { AppError } from '../../platform/errors.js';
import { cellValue, loadExcel } from '../../platform/xlsx.js';
import { checkZip } from '../processes/transfer.workbook.js';

/** The measure register workbook: what a security officer edits offline and brings back. */
export const registerColumns = [
  { key: 'code', nl: 'Code', en: 'Code', width: 10 },
  { key: 'title', nl: 'Maatregel', en: 'Measure', width: 50 },
  { key: 'required', nl: 'Vereist', en: 'Required', width: 10 },
  { key: 'status', nl: 'Status', en: 'Status', width: 20, importable: true },
  { key: 'owner', nl: 'Eigenaar (e-mail)', en: 'Owner (e-mail)', width: 30, importable: true },
  { key: 'dueDate', nl: 'Streefdatum', en: 'Due date', width: 14, importable: true },
  { key: 'documentation', nl: 'Documentatie', en: 'Documentation', width: 14, importable: true },
  { key: 'implementation', nl: 'Implementatie', en: 'Implementation', width: 14, importable: true },
  { key: 'naReason', nl: 'Reden niet van toepassing', en: 'Reason not applicable', width: 40, importable: true },
  { key: 'reviewDate', nl: 'Reviewdatum', en: 'Review date', width: 14, importable: true },
  { key: 'version', nl: 'Versie', en: 'Version', width: 9 },
] as const;
type Key = (typeof registerColumns)[number]['key'];
const sheetNames = { nl: 'Maatregelen', en: 'Measures' } as const;
const statusWords: Record<Lang, Record<MeasureStatus, string>> = {
  nl: {
    'niet-gestart': 'niet gestart',
    gepland: 'gepland',
    'in-uitvoering': 'in uitvoering',
    geimplementeerd: 'geïmplementeerd',
    'niet-van-toepassing': 'niet van toepassing',
  },
  en: {
    'niet-gestart': 'not started',
    gepland: 'planned',
    'in-uitvoering': 'in progress',
    geimplementeerd: 'implemented',
    'niet-van-toepassing': 'not applicable',
  },
};

export async function writeRegister(items: (TrackedMeasure & { ownerEmail: string | null })[], lang: Lang) {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baken';
  const ws = wb.addWorksheet(sheetNames[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = registerColumns.map((c) => ({ header: c[lang], key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  const list = `"${measureStatuses.map((s) => statusWords[lang][s]).join(',')}"`;
  for (const m of items) {
    const row = ws.addRow({
      code: m.code,
      title: m.title[lang],
      required: m.required ? (lang === 'nl' ? 'ja' : 'yes') : lang === 'nl' ? 'nee' : 'no',
      status: statusWords[lang][m.status],
      owner: m.ownerEmail ?? '',
      dueDate: m.dueDate ?? '',
      documentation: m.documentation ?? '',
      implementation: m.implementation ?? '',
      naReason: m.naReason ?? '',
      reviewDate: m.reviewDate ?? '',
      version: m.version,
    });
    row.getCell('status').dataValidation = { type: 'list', allowBlank: false, formulae: [list] };
    for (const k of ['documentation', 'implementation'])
      row.getCell(k).dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [1, 5] };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const normal = (s: string) => s.trim().toLowerCase();
const byHeader = new Map<string, Key>(
  registerColumns.flatMap((c) => [[normal(c.nl), c.key] as const, [normal(c.en), c.key] as const]),
);
const byStatusWord = new Map<string, MeasureStatus>(
  (['nl', 'en'] as const).flatMap((l) =>
    measureStatuses.flatMap((s) => [[normal(statusWords[l][s]), s] as const, [s, s] as const]),
  ),
);

/** A cell as trimmed text; an empty one is null, a date is its day. */
function text(value: unknown): string | null {
  const v = cellValue(value);
  if (v === null) return null;
  const s = String(v).trim();
  if (s === '') return null;
  return /^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s;
}

export interface RegisterRow {
  row: number;
  code: string;
  version: number | null;
  status?: MeasureStatus;
  owner: string | null;
  /** undefined: the cell is wrong (see errors) and changes nothing. */
  dueDate: string | null | undefined;
  documentation: number | null | undefined;
  implementation: number | null | undefined;
  naReason: string | null;
  reviewDate: string | null | undefined;
  errors: { column: string; message: string }[];
}

const isoDate = (s: string | null) => (s === null || /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

/** Reads the register sheet; every cell checked, problems kept per row and column. */
export async function readRegister(body: unknown, lang: Lang): Promise<RegisterRow[]> {
  if (!Buffer.isBuffer(body)) throw new AppError('IMPORT_FILE_INVALID', { problem: 'not_xlsx' });
  checkZip(body, lang);
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as never);
  } catch {
    throw new AppError('IMPORT_FILE_INVALID', { problem: 'not_xlsx' });
  }
  const ws = wb.worksheets.find((w) => [sheetNames.nl, sheetNames.en].map(normal).includes(normal(w.name)));
  if (!ws) throw new AppError('IMPORT_FILE_INVALID', { problem: 'no_sheet' });
  const col = new Map<Key, number>();
  ws.getRow(1).eachCell((cell, n) => {
    const key = byHeader.get(normal(text(cell.value) ?? ''));
    if (key && !col.has(key)) col.set(key, n);
  });
  if (!col.has('code') || !col.has('version'))
    throw new AppError('IMPORT_FILE_INVALID', { problem: 'missing_columns' });
  const t = (nl: string, en: string) => (lang === 'nl' ? nl : en);
  const rows: RegisterRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const get = (k: Key) => (col.has(k) ? text(row.getCell(col.get(k) as number).value) : null);
    const code = get('code');
    if (!code) return;
    const errors: RegisterRow['errors'] = [];
    const score = (k: 'documentation' | 'implementation') => {
      const v = get(k);
      if (v === null) return null;
      const n = Number(v);
      if (Number.isInteger(n) && n >= 1 && n <= 5) return n;
      errors.push({ column: k, message: t('Een geheel getal van 1 tot 5.', 'A whole number from 1 to 5.') });
      return undefined;
    };
    const date = (k: 'dueDate' | 'reviewDate') => {
      const v = isoDate(get(k));
      if (v === undefined)
        errors.push({ column: k, message: t('Een datum als 2027-03-31.', 'A date like 2027-03-31.') });
      return v ?? null;
    };
    const statusText = get('status');
    const status = statusText === null ? undefined : byStatusWord.get(normal(statusText));
    if (statusText !== null && !status)
      errors.push({ column: 'status', message: t('Onbekende status.', 'Unknown status.') });
    const version = Number(get('version'));
    rows.push({
      row: number,
      code,
      version: Number.isInteger(version) && version >= 0 ? version : null,
      status,
      owner: get('owner'),
      dueDate: date('dueDate'),
      documentation: score('documentation'),
      implementation: score('implementation'),
      naReason: get('naReason'),
      reviewDate: date('reviewDate'),
      errors,
    });
  });
  return rows;
}
