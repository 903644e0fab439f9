import {
  type IpdcImportErrorCode,
  type IpdcProductType,
  type IpdcTheme,
  ipdcProductTypes,
  ipdcTargetGroups,
  ipdcThemes,
  normaliseConceptId,
} from '@baken/contracts';

/**
 * Reading a CSV of IPDC concepts: pure, no database. The whole file is checked and every
 * problem reported with its row and column, so an import is all or nothing.
 */

export interface ConceptRow {
  id: string;
  nameNl: string;
  nameEn: string | null;
  description: string | null;
  productType: IpdcProductType | null;
  themes: IpdcTheme[];
  targetGroups: string[];
  keywords: string[];
}

export interface CsvProblem {
  row: number;
  column: string | null;
  code: IpdcImportErrorCode;
}

export type CsvResult =
  | { ok: true; rows: ConceptRow[]; ignoredColumns: string[] }
  | { ok: false; problems: CsvProblem[] };

type Field = keyof ConceptRow;

/** Header names as people write them, in Dutch or English, compared without case or punctuation. */
const headerNames: Record<string, Field> = {
  id: 'id',
  conceptid: 'id',
  concept: 'id',
  uri: 'id',
  identifier: 'id',
  naam: 'nameNl',
  naamnl: 'nameNl',
  name: 'nameNl',
  namenl: 'nameNl',
  titel: 'nameNl',
  naamen: 'nameEn',
  nameen: 'nameEn',
  beschrijving: 'description',
  omschrijving: 'description',
  description: 'description',
  type: 'productType',
  producttype: 'productType',
  themas: 'themes',
  thema: 'themes',
  themes: 'themes',
  theme: 'themes',
  doelgroepen: 'targetGroups',
  doelgroep: 'targetGroups',
  targetgroups: 'targetGroups',
  targetgroup: 'targetGroups',
  trefwoorden: 'keywords',
  zoekwoorden: 'keywords',
  keywords: 'keywords',
};
const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

const MAX = { name: 500, description: 10_000, keyword: 200 } as const;

/**
 * RFC 4180 records: quoted fields may hold separators, quotes ("") and line breaks. A record is
 * one spreadsheet row, so record n + 1 is the row people see.
 */
export function parseCsv(text: string, separator: string): { records: string[][]; unclosedAt?: number } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (quoted) return { records, unclosedAt: records.length + 1 };
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return { records };
}

/** `;` when the header row has more semicolons than commas (the Excel default in Belgium). */
function separatorOf(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Codes in a cell are separated by |, ; or , and may be written as full code-list URIs. */
function codesOf(cell: string): string[] {
  return cell
    .split(/[|;,]/)
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => c.slice(c.lastIndexOf('/') + 1));
}

function matchCodes<T extends string>(cell: string, allowed: readonly T[]): { codes: T[]; unknown: boolean } {
  const byLower = new Map(allowed.map((a) => [a.toLowerCase(), a]));
  const codes: T[] = [];
  let unknown = false;
  for (const c of codesOf(cell)) {
    const found = byLower.get(c.toLowerCase());
    if (!found) unknown = true;
    else if (!codes.includes(found)) codes.push(found);
  }
  return { codes, unknown };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function readRow(
  cells: Map<Field, string>,
  row: number,
  column: (f: Field) => string,
  problems: CsvProblem[],
): ConceptRow | null {
  const before = problems.length;
  const add = (field: Field | null, code: IpdcImportErrorCode) =>
    problems.push({ row, column: field ? column(field) : null, code });
  const get = (f: Field) => cells.get(f) ?? '';

  const rawId = get('id').trim();
  const id = rawId ? normaliseConceptId(rawId) : null;
  if (!rawId) add('id', 'id_missing');
  else if (!id) add('id', 'id_invalid');
  const nameNl = get('nameNl').trim();
  if (!nameNl) add('nameNl', 'name_missing');
  for (const [f, max] of [
    ['nameNl', MAX.name],
    ['nameEn', MAX.name],
    ['description', MAX.description],
  ] as const) {
    if (get(f).trim().length > max) add(f, 'too_long');
  }
  const type = matchCodes(get('productType'), ipdcProductTypes);
  if (type.unknown || type.codes.length > 1) add('productType', 'type_unknown');
  const themes = matchCodes(get('themes'), ipdcThemes);
  if (themes.unknown) add('themes', 'theme_unknown');
  const groups = matchCodes(get('targetGroups'), ipdcTargetGroups);
  if (groups.unknown) add('targetGroups', 'target_group_unknown');
  const keywords = [
    ...new Set(
      get('keywords')
        .split(/[|;,]/)
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
  if (keywords.some((k) => k.length > MAX.keyword)) add('keywords', 'too_long');
  if (problems.length > before || !id) return null;
  return {
    id,
    nameNl,
    nameEn: orNull(get('nameEn')),
    description: orNull(get('description')),
    productType: type.codes[0] ?? null,
    themes: themes.codes,
    targetGroups: groups.codes,
    keywords,
  };
}

/** Reads and checks a whole file; rows are numbered as in a spreadsheet (the header is row 1). */
export function readIpdcCsv(input: string): CsvResult {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, problems: [{ row: 1, column: null, code: 'file_empty' }] };
  const { records, unclosedAt } = parseCsv(text, separatorOf(text));
  if (unclosedAt !== undefined)
    return { ok: false, problems: [{ row: unclosedAt, column: null, code: 'quote_unclosed' }] };

  const [header, ...data] = records;
  const problems: CsvProblem[] = [];
  const fieldAt = new Map<number, Field>();
  const columnOf = new Map<Field, string>();
  const ignoredColumns: string[] = [];
  header.forEach((name, i) => {
    const field = headerNames[headerKey(name)];
    if (!field) {
      if (name.trim()) ignoredColumns.push(name.trim());
      return;
    }
    if (columnOf.has(field)) problems.push({ row: 1, column: name.trim(), code: 'column_duplicate' });
    fieldAt.set(i, field);
    columnOf.set(field, name.trim());
  });
  if (!columnOf.has('id')) problems.push({ row: 1, column: 'id', code: 'column_missing' });
  if (!columnOf.has('nameNl')) problems.push({ row: 1, column: 'naam', code: 'column_missing' });
  if (problems.length) return { ok: false, problems };

  const column = (f: Field) => columnOf.get(f) ?? f;
  const rows: ConceptRow[] = [];
  const firstRowOf = new Map<string, number>();
  data.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      problems.push({ row, column: null, code: 'column_count' });
      return;
    }
    const byField = new Map<Field, string>();
    cells.forEach((c, j) => {
      const f = fieldAt.get(j);
      if (f) byField.set(f, c);
    });
    const concept = readRow(byField, row, column, problems);
    if (!concept) return;
    if (firstRowOf.has(concept.id)) problems.push({ row, column: column('id'), code: 'id_duplicate' });
    else {
      firstRowOf.set(concept.id, row);
      rows.push(concept);
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows, ignoredColumns };
}
