import {
  type ClassificationRow,
  IMPORT_MAX_ROWS,
  type ImportFileProblem,
  type Lang,
  importFileProblems,
} from '@baken/contracts';
import type { Workbook, Worksheet } from 'exceljs';
import { AppError } from '../../platform/errors.js';
import { type Cell, cellValue, loadExcel } from '../../platform/xlsx.js';

/** The columns of the process list workbook, in order; `importable` ones are read back. */
export const columns = [
  { key: 'domain', nl: 'Domein', en: 'Domain', width: 26 },
  { key: 'process', nl: 'Proces', en: 'Process', width: 40 },
  { key: 'applicable', nl: 'Van toepassing', en: 'Applicable', width: 14 },
  { key: 'key', nl: 'Sleutel', en: 'Key', width: 10, required: true },
  { key: 'asset', nl: 'Informatie-asset', en: 'Information asset', width: 44 },
  { key: 'c', nl: 'V', en: 'C', width: 5, importable: true, required: true },
  { key: 'i', nl: 'I', en: 'I', width: 5, importable: true, required: true },
  { key: 'a', nl: 'B', en: 'A', width: 5, importable: true, required: true },
  { key: 'defaultC', nl: 'Standaard V', en: 'Default C', width: 12 },
  { key: 'defaultI', nl: 'Standaard I', en: 'Default I', width: 12 },
  { key: 'defaultA', nl: 'Standaard B', en: 'Default A', width: 12 },
  { key: 'reason', nl: 'Reden', en: 'Reason', width: 50, importable: true },
  { key: 'personalData', nl: 'Persoonsgegevens', en: 'Personal data', width: 18, importable: true },
  { key: 'sensitiveData', nl: 'Gevoelige gegevens', en: 'Sensitive data', width: 18, importable: true },
  { key: 'kszData', nl: 'KSZ-gegevens', en: 'KSZ data', width: 14, importable: true },
  { key: 'version', nl: 'Versie', en: 'Version', width: 9, required: true },
  { key: 'defaultReason', nl: 'Reden standaardklasse', en: 'Reason for the default', width: 50 },
] as const;
export type ColumnKey = (typeof columns)[number]['key'];

const sheetNames = { nl: 'Proceslijst', en: 'Process list' } as const;
const explanationNames = { nl: 'Uitleg', en: 'Explanation' } as const;
const yesNo = { nl: ['ja', 'nee'], en: ['yes', 'no'] } as const;

const explanation: Record<Lang, string[][]> = {
  nl: [
    ['Klasse', 'Betekenis (schade als de informatie uitlekt, fout is of niet beschikbaar is)'],
    ['1', 'Publiek of verwaarloosbaar: niemand ondervindt er merkbare schade van.'],
    ['2', 'Intern of beperkt: wat hinder voor de werking, snel te herstellen.'],
    ['3', 'Vertrouwelijk voor een beperkte groep of aanzienlijk: merkbare schade voor burgers of het bestuur.'],
    ['4', 'Geheim of ernstig: zware schade, bijvoorbeeld aan de rechten of de veiligheid van mensen.'],
    ['5', 'Hoogst gevoelig of zeer ernstig: bedreigt het voortbestaan van het bestuur of de levens van mensen.'],
    [],
    ['V', 'Vertrouwelijkheid: wie de informatie mag zien.'],
    ['I', 'Integriteit: hoe zeker de informatie juist en volledig moet zijn.'],
    ['B', 'Beschikbaarheid: hoe snel de informatie er weer moet zijn.'],
    [],
    ['Een proces krijgt per dimensie de hoogste klasse van zijn informatie-assets.'],
    ['Wijkt een klasse af van de standaardklasse, geef dan een reden.'],
    [
      'Bij het inlezen worden alleen V, I, B, Reden en de drie kolommen met gegevens (ja/nee) gelezen; andere kolommen worden genegeerd.',
    ],
    ['Laat de kolommen Sleutel en Versie ongemoeid: zo vindt Baken de informatie-asset terug.'],
  ],
  en: [
    ['Class', 'Meaning (harm if the information leaks, is wrong or is unavailable)'],
    ['1', 'Public or negligible: nobody suffers noticeable harm.'],
    ['2', 'Internal or limited: some hindrance to the work, quickly put right.'],
    ['3', 'Confidential to a limited group or significant: noticeable harm to citizens or the organisation.'],
    ['4', 'Secret or serious: heavy harm, for example to the rights or safety of people.'],
    ['5', "Most sensitive or very serious: threatens the organisation's survival or people's lives."],
    [],
    ['C', 'Confidentiality: who may see the information.'],
    ['I', 'Integrity: how surely the information must be correct and complete.'],
    ['A', 'Availability: how soon the information must be back.'],
    [],
    ['A process takes, per dimension, the highest class of its information assets.'],
    ['When a class differs from the default class, give a reason.'],
    ['An import reads only C, I, A, Reason and the three data columns (yes/no); other columns are ignored.'],
    ['Leave the Key and Version columns as they are: they let Baken find the information asset.'],
  ],
};

/** The process list as an xlsx workbook, one row per information asset. */
export async function writeWorkbook(
  rows: ClassificationRow[],
  domainName: (id: string) => string,
  lang: Lang,
): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baken';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetNames[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c[lang], key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  const [yes, no] = yesNo[lang];
  const flag = (v: boolean) => (v ? yes : no);
  for (const r of rows) {
    const a = r.asset;
    ws.addRow({
      domain: domainName(r.domain),
      process: r.processName[lang],
      applicable: flag(r.applicable),
      key: a.id,
      asset: a.name[lang],
      c: a.class.c,
      i: a.class.i,
      a: a.class.a,
      defaultC: a.defaultClass?.c ?? '',
      defaultI: a.defaultClass?.i ?? '',
      defaultA: a.defaultClass?.a ?? '',
      reason: a.reason ?? '',
      personalData: flag(a.personalData),
      sensitiveData: flag(a.sensitiveData),
      kszData: flag(a.kszData),
      version: a.version,
      defaultReason: a.defaultReason?.[lang] ?? '',
    });
  }
  validateCells(ws, rows.length, lang);
  ws.getColumn('key').font = { color: { argb: 'FF808080' }, size: 8 };
  ws.autoFilter = { from: 'A1', to: { row: 1, column: columns.length } };

  const help = wb.addWorksheet(explanationNames[lang]);
  help.columns = [{ width: 10 }, { width: 100 }];
  for (const line of explanation[lang]) help.addRow(line);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Spreadsheet programs refuse a class outside 1–5 and a flag other than yes/no while typing. */
function validateCells(ws: Worksheet, count: number, lang: Lang) {
  const classRule = {
    type: 'whole' as const,
    operator: 'between' as const,
    formulae: [1, 5],
    allowBlank: false,
    showErrorMessage: true,
    errorTitle: lang === 'nl' ? 'Klasse' : 'Class',
    error: lang === 'nl' ? 'Een klasse is een geheel getal van 1 tot 5.' : 'A class is a whole number from 1 to 5.',
  };
  const flagRule = {
    type: 'list' as const,
    allowBlank: false,
    formulae: [`"${yesNo[lang].join(',')}"`],
    showErrorMessage: true,
  };
  for (let row = 2; row <= count + 1; row++) {
    for (const key of ['c', 'i', 'a'] as const) ws.getRow(row).getCell(key).dataValidation = classRule;
    for (const key of ['personalData', 'sensitiveData', 'kszData'] as const) {
      ws.getRow(row).getCell(key).dataValidation = flagRule;
    }
  }
}

const fileError = (problem: ImportFileProblem, lang: Lang, params: Record<string, string> = {}) =>
  new AppError('IMPORT_FILE_INVALID', {
    problem,
    reason: importFileProblems[problem][lang].replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? ''),
  });

const MAX_UNZIPPED = 100 * 1024 * 1024;
const MAX_ENTRIES = 2000;

/**
 * An xlsx file is a zip archive. Before anything unpacks it, read its central directory: a
 * small file that unpacks to gigabytes (or is not a zip at all) stops here.
 */
export function checkZip(buf: Buffer, lang: Lang) {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw fileError('not_xlsx', lang);
  let end = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (buf.readUInt32LE(p) === 0x06054b50) {
      end = p;
      break;
    }
  }
  if (end < 0) throw fileError('not_xlsx', lang);
  const entries = buf.readUInt16LE(end + 10);
  if (entries > MAX_ENTRIES) throw fileError('too_large', lang);
  let p = buf.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw fileError('not_xlsx', lang);
    const size = buf.readUInt32LE(p + 24);
    // 0xffffffff announces a zip64 size: far beyond anything a process list needs.
    if (size === 0xffffffff) throw fileError('too_large', lang);
    total += size;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (total > MAX_UNZIPPED) throw fileError('too_large', lang);
}

export type { Cell } from '../../platform/xlsx.js';

export interface SheetRow {
  /** The row number in the sheet (the header is 1). */
  row: number;
  cells: Partial<Record<ColumnKey, Cell>>;
}

export interface ReadSheet {
  rows: SheetRow[];
  /** The header text of each column found, as the workbook has it. */
  headers: Partial<Record<ColumnKey, string>>;
  ignoredColumns: string[];
}

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const byHeader = new Map<string, ColumnKey>(
  columns.flatMap((c) => [[normal(c.nl), c.key] as const, [normal(c.en), c.key] as const]),
);

function findSheet(wb: Workbook): Worksheet | undefined {
  const names = new Set(Object.values(sheetNames).map(normal));
  return wb.worksheets.find((ws) => names.has(normal(ws.name)));
}

/** Reads the process list sheet of an uploaded workbook, Dutch or English headers. */
export async function readWorkbook(body: unknown, lang: Lang): Promise<ReadSheet> {
  // A request with another content type (JSON, a form) arrives parsed, not as bytes.
  if (!Buffer.isBuffer(body)) throw fileError('not_xlsx', lang);
  const buf = body;
  checkZip(buf, lang);
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as never);
  } catch {
    throw fileError('not_xlsx', lang);
  }
  const ws = findSheet(wb);
  if (!ws) throw fileError('no_sheet', lang);
  // Rows with values only: a sheet formatted far down (a whole column coloured) is no longer.
  if (ws.actualRowCount > IMPORT_MAX_ROWS + 1) throw fileError('too_many_rows', lang, { max: String(IMPORT_MAX_ROWS) });

  const headers: Partial<Record<ColumnKey, string>> = {};
  const positions = new Map<number, ColumnKey>();
  const ignoredColumns: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    const text = String(cellValue(cell.value) ?? '').trim();
    if (!text) return;
    const key = byHeader.get(normal(text));
    const column = columns.find((c) => c.key === key);
    if (key && !headers[key]) {
      headers[key] = text;
      positions.set(col, key);
      // Key and version find the asset back; they are read, never changed.
      if (!(column && ('importable' in column || 'required' in column))) ignoredColumns.push(text);
    } else {
      ignoredColumns.push(text);
    }
  });
  const missing = columns.filter((c) => 'required' in c && !headers[c.key]).map((c) => c[lang]);
  if (missing.length) throw fileError('missing_columns', lang, { columns: missing.join(', ') });

  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: SheetRow['cells'] = {};
    for (const [col, key] of positions) {
      const value = cellValue(row.getCell(col).value);
      cells[key] = typeof value === 'string' && value.trim() === '' ? null : value;
    }
    if (Object.values(cells).some((v) => v !== null)) rows.push({ row: number, cells });
  });
  return { rows, headers, ignoredColumns };
}
