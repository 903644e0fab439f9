import type { Lang } from '@baken/contracts';
import { AppError } from '../../platform/errors.js';
import { type Cell, cellValue, loadExcel } from '../../platform/xlsx.js';
import { checkZip } from '../processes/transfer.workbook.js';
import { type CyfunLevel, type CyfunNode, scoreCyfun } from './scoring.js';

/** The columns of the official self-assessment tool, in our words, Dutch and English. */
const columns = [
  { key: 'id', nl: 'ID', en: 'ID', width: 12 },
  { key: 'title', nl: 'Titel', en: 'Title', width: 50 },
  { key: 'level', nl: 'Niveau', en: 'Level', width: 12 },
  { key: 'key', nl: 'Sleutelmaatregel', en: 'Key measure', width: 16 },
  { key: 'documentation', nl: 'Documentatie', en: 'Documentation', width: 14 },
  { key: 'implementation', nl: 'Implementatie', en: 'Implementation', width: 14 },
  { key: 'na', nl: 'Niet van toepassing', en: 'Not applicable', width: 18 },
  { key: 'subCategory', nl: 'Subcategorie', en: 'Sub-category', width: 14 },
  { key: 'subDocumentation', nl: 'Subcategorie documentatie', en: 'Sub-category documentation', width: 16 },
  { key: 'subImplementation', nl: 'Subcategorie implementatie', en: 'Sub-category implementation', width: 16 },
  { key: 'category', nl: 'Categorie', en: 'Category', width: 12 },
  { key: 'catDocumentation', nl: 'Categorie documentatie', en: 'Category documentation', width: 16 },
  { key: 'catImplementation', nl: 'Categorie implementatie', en: 'Category implementation', width: 16 },
  { key: 'catMaturity', nl: 'Categorie maturiteit', en: 'Category maturity', width: 16 },
] as const;
const sheetNames = { nl: 'Zelfevaluatie', en: 'Self-assessment' } as const;
const levelNames = {
  nl: { basic: 'Basis', important: 'Belangrijk', essential: 'Essentieel' },
  en: { basic: 'Basic', important: 'Important', essential: 'Essential' },
} as const;
const yes = { nl: 'ja', en: 'yes' } as const;
const round = (n: number) => Math.round(n * 100) / 100;

export interface Row {
  id: string;
  title: { nl: string; en: string };
  category: string;
  subCategory: string;
  keyMeasure: boolean;
  documentation: number | null;
  implementation: number | null;
  notApplicable: boolean;
}

/** A self-assessment as an xlsx workbook with the columns of the official tool, and its result. */
export async function writeAssessment(
  a: { title: string; edition: string; level: CyfunLevel; rows: Row[]; nodes: CyfunNode[]; naRules: never },
  bestuurName: string,
  lang: Lang,
): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baken';
  wb.created = new Date();
  const lowest = new Map(
    a.nodes.map((n) => [n.id, (['basic', 'important', 'essential'] as const).find((l) => n.levels?.includes(l))]),
  );
  const complete = a.rows.every((r) => r.notApplicable || (r.documentation !== null && r.implementation !== null));
  const score = complete
    ? scoreCyfun(
        a.nodes,
        a.level,
        a.rows.map((r) =>
          r.notApplicable
            ? { id: r.id, na: true as const }
            : { id: r.id, documentation: r.documentation as number, implementation: r.implementation as number },
        ),
        a.naRules,
      )
    : null;

  const ws = wb.addWorksheet(sheetNames[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c[lang], key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of a.rows) {
    const sub = score?.subCategories[r.subCategory];
    const cat = score?.categories[r.category];
    ws.addRow({
      id: r.id,
      title: r.title[lang],
      level: levelNames[lang][lowest.get(r.id) ?? a.level],
      key: r.keyMeasure ? yes[lang] : '',
      documentation: r.documentation ?? '',
      implementation: r.implementation ?? '',
      na: r.notApplicable ? yes[lang] : '',
      subCategory: r.subCategory,
      subDocumentation: sub ? round(sub.documentation) : '',
      subImplementation: sub ? round(sub.implementation) : '',
      category: r.category,
      catDocumentation: cat ? round(cat.documentation) : '',
      catImplementation: cat ? round(cat.implementation) : '',
      catMaturity: cat ? round(cat.maturity) : '',
    });
  }
  const scoreRule = {
    type: 'whole' as const,
    operator: 'between' as const,
    allowBlank: true,
    formulae: [1, 5],
    showErrorMessage: true,
    error: lang === 'nl' ? 'Een score van 1 tot 5.' : 'A score from 1 to 5.',
  };
  for (let row = 2; row <= a.rows.length + 1; row++)
    for (const key of ['documentation', 'implementation']) ws.getRow(row).getCell(key).dataValidation = scoreRule;

  const result = wb.addWorksheet(lang === 'nl' ? 'Resultaat' : 'Result');
  result.columns = [{ width: 36 }, { width: 60 }];
  const t = (nl: string, en: string) => (lang === 'nl' ? nl : en);
  result.addRow([t('Bestuur', 'Organisation'), bestuurName]);
  result.addRow([t('Zelfevaluatie', 'Self-assessment'), a.title]);
  result.addRow([t('Editie', 'Edition'), a.edition]);
  result.addRow([t('Niveau', 'Level'), levelNames[lang][a.level]]);
  result.addRow([t('Datum', 'Date'), new Date().toISOString().slice(0, 10)]);
  result.addRow([]);
  if (!score) result.addRow([t('Nog niet volledig ingevuld', 'Not yet complete')]);
  else {
    result.addRow([t('Totale maturiteit', 'Total maturity'), round(score.total)]);
    result.addRow([t('Geslaagd', 'Passed'), score.passed ? yes[lang] : t('nee', 'no')]);
    for (const f of score.failures)
      result.addRow([
        t('Niet gehaald', 'Not met'),
        `${f.criterion}${'id' in f ? ` ${f.id}` : ''}${'value' in f ? `: ${round(f.value)} < ${f.threshold}` : ''}`,
      ]);
  }
  result.getColumn(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const normal = (s: string) => s.trim().toLowerCase();
const headerKey = new Map<string, string>(
  columns.flatMap((c) => [
    [normal(c.nl), c.key],
    [normal(c.en), c.key],
  ]),
);
const truthy = new Set(['ja', 'yes', 'x', 'true', '1', 'n.v.t.', 'nvt', 'n/a', 'na']);

export interface ImportRowError {
  row: number;
  column: string;
  message: { nl: string; en: string };
}

/** Reads the scores of a self-assessment sheet (ours, or one with the same columns). */
export async function readAssessment(body: unknown, lang: Lang, inLevel: Set<string>) {
  if (!Buffer.isBuffer(body)) throw new AppError('IMPORT_FILE_INVALID', { problem: 'not_xlsx' });
  checkZip(body, lang);
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as never);
  } catch {
    throw new AppError('IMPORT_FILE_INVALID', { problem: 'not_xlsx' });
  }
  const ws =
    wb.worksheets.find((w) => [sheetNames.nl, sheetNames.en].map(normal).includes(normal(w.name))) ?? wb.worksheets[0];
  if (!ws) throw new AppError('IMPORT_FILE_INVALID', { problem: 'no_sheet' });
  const positions = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = headerKey.get(normal(String(cellValue(cell.value) ?? '')));
    if (key && !positions.has(key)) positions.set(key, col);
  });
  if (!positions.has('id') || !positions.has('documentation') || !positions.has('implementation'))
    throw new AppError('IMPORT_FILE_INVALID', { problem: 'missing_columns' });

  const answers: (
    | { id: string; documentation: number; implementation: number }
    | { id: string; notApplicable: true }
  )[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Set<string>();
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const get = (key: string) => {
      const col = positions.get(key);
      return col ? cellValue(row.getCell(col).value) : null;
    };
    const id = String(get('id') ?? '').trim();
    if (!id) return;
    const err = (column: string, nl: string, en: string) => errors.push({ row: number, column, message: { nl, en } });
    if (!inLevel.has(id)) return err('id', `${id} hoort niet bij dit niveau.`, `${id} is not part of this level.`);
    if (seen.has(id)) return err('id', `${id} staat twee keer in het blad.`, `${id} appears twice in the sheet.`);
    seen.add(id);
    const na = get('na');
    if (na !== null && truthy.has(normal(String(na)))) {
      answers.push({ id, notApplicable: true });
      return;
    }
    const d = get('documentation');
    const i = get('implementation');
    if (d === null && i === null) return;
    const score = (v: Cell) => (typeof v === 'number' ? v : Number(String(v ?? '').trim()));
    const ok = (v: number) => Number.isInteger(v) && v >= 1 && v <= 5;
    if (!ok(score(d)))
      err(
        'documentation',
        'Documentatie moet een geheel getal van 1 tot 5 zijn.',
        'Documentation must be a whole number from 1 to 5.',
      );
    if (!ok(score(i)))
      err(
        'implementation',
        'Implementatie moet een geheel getal van 1 tot 5 zijn.',
        'Implementation must be a whole number from 1 to 5.',
      );
    if (ok(score(d)) && ok(score(i))) answers.push({ id, documentation: score(d), implementation: score(i) });
  });
  return { answers, errors };
}
