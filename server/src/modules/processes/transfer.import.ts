import {
  type BestuurAsset,
  type ImportChange,
  type ImportField,
  type ImportIssueCode,
  type ImportRowError,
  type Lang,
  importIssueMessages,
} from '@baken/contracts';
import { type Cell, type ColumnKey, type ReadSheet, type SheetRow, columns } from './transfer.workbook.js';

/** What an asset becomes: the fields an import (or the bulk table) may change. */
export interface AssetState {
  c: number;
  i: number;
  a: number;
  reason: string | null;
  personalData: boolean;
  sensitiveData: boolean;
  kszData: boolean;
}

export interface PlannedUpdate {
  asset: BestuurAsset;
  /** The version the workbook was made from; the update holds only if it is still current. */
  version: number;
  next: AssetState;
}

export interface ImportPlan {
  changes: ImportChange[];
  errors: ImportRowError[];
  updates: PlannedUpdate[];
  unchanged: number;
}

export const stateOf = (a: BestuurAsset): AssetState => ({
  c: a.class.c,
  i: a.class.i,
  a: a.class.a,
  reason: a.reason,
  personalData: a.personalData,
  sensitiveData: a.sensitiveData,
  kszData: a.kszData,
});

export const differsFromDefault = (asset: BestuurAsset, next: Pick<AssetState, 'c' | 'i' | 'a'>) =>
  asset.defaultClass !== null &&
  (next.c !== asset.defaultClass.c || next.i !== asset.defaultClass.i || next.a !== asset.defaultClass.a);

const fields: ImportField[] = ['c', 'i', 'a', 'reason', 'personalData', 'sensitiveData', 'kszData'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YES = new Set(['ja', 'yes', 'j', 'y', 'true', 'waar', 'x', '1']);
const NO = new Set(['nee', 'no', 'n', 'false', 'onwaar', '0']);

type Parsed<T> = { ok: true; value: T } | { ok: false; code: ImportIssueCode };

function classOf(cell: Cell | undefined): Parsed<number> {
  if (cell === null || cell === undefined) return { ok: false, code: 'class_missing' };
  const n =
    typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim().replace(',', '.')) : Number.NaN;
  if (!Number.isFinite(n)) return { ok: false, code: 'class_not_a_number' };
  if (!Number.isInteger(n) || n < 1 || n > 5) return { ok: false, code: 'class_out_of_range' };
  return { ok: true, value: n };
}

function flagOf(cell: Cell | undefined): Parsed<boolean> {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  const s = String(cell ?? '')
    .trim()
    .toLowerCase();
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return { ok: false, code: 'flag_invalid' };
}

function versionOf(cell: Cell | undefined): number | undefined {
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim()) : Number.NaN;
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/**
 * Compares every row of an uploaded process list with the bestuur's assets: what would change,
 * and what is wrong, per row. `assets` holds only the bestuur's own assets, so a key of another
 * bestuur is as unknown as a key that never existed.
 */
export function planImport(sheet: ReadSheet, assets: Map<string, BestuurAsset>, lang: Lang): ImportPlan {
  const plan: ImportPlan = { changes: [], errors: [], updates: [], unchanged: 0 };
  const seen = new Set<string>();
  const header = (key: ColumnKey) => sheet.headers[key] ?? columns.find((c) => c.key === key)?.[lang] ?? key;

  for (const { row, cells } of sheet.rows) {
    const errors: ImportRowError[] = [];
    const fail = (column: ColumnKey | null, code: ImportIssueCode) =>
      errors.push({ row, column: column ? header(column) : null, code, message: importIssueMessages[code][lang] });

    const key = typeof cells.key === 'string' ? cells.key.trim().toLowerCase() : '';
    if (!key) {
      fail('key', 'asset_key_missing');
      plan.errors.push(...errors);
      continue;
    }
    const asset = UUID.test(key) ? assets.get(key) : undefined;
    if (!asset) fail('key', 'asset_unknown');
    else if (seen.has(key)) fail('key', 'asset_duplicate');
    seen.add(key);
    if (!asset) {
      plan.errors.push(...errors);
      continue;
    }

    const current = stateOf(asset);
    const next = readRow(cells, current, sheet, fail);
    if (next === undefined) {
      plan.errors.push(...errors);
      continue;
    }
    if (next.reason === null && differsFromDefault(asset, next)) fail('reason', 'reason_required');
    const changed = fields.filter((f) => current[f] !== next[f]);
    const version = versionOf(cells.version);
    if (changed.length > 0 && version === undefined) fail('version', 'version_invalid');
    else if (changed.length > 0 && version !== asset.version) fail('version', 'changed_since_export');
    if (errors.length > 0) {
      plan.errors.push(...errors);
      continue;
    }
    if (changed.length === 0) {
      plan.unchanged++;
      continue;
    }
    plan.updates.push({ asset, version: asset.version, next });
    for (const field of changed) {
      plan.changes.push({
        row,
        assetId: asset.id,
        assetName: asset.name,
        field,
        before: current[field],
        after: next[field],
      });
    }
  }
  return plan;
}

/** The row's values for the importable columns; a column the workbook lacks keeps the current value. */
function readRow(
  cells: SheetRow['cells'],
  current: AssetState,
  sheet: ReadSheet,
  fail: (column: ColumnKey | null, code: ImportIssueCode) => void,
): AssetState | undefined {
  const next = { ...current };
  let ok = true;
  for (const d of ['c', 'i', 'a'] as const) {
    const parsed = classOf(cells[d]);
    if (parsed.ok) next[d] = parsed.value;
    else {
      fail(d, parsed.code);
      ok = false;
    }
  }
  for (const f of ['personalData', 'sensitiveData', 'kszData'] as const) {
    if (!sheet.headers[f]) continue;
    const parsed = flagOf(cells[f]);
    if (parsed.ok) next[f] = parsed.value;
    else {
      fail(f, parsed.code);
      ok = false;
    }
  }
  if (sheet.headers.reason) {
    const reason = cells.reason === null || cells.reason === undefined ? '' : String(cells.reason).trim();
    if (reason.length > 2000) {
      fail('reason', 'reason_too_long');
      ok = false;
    }
    next.reason = reason || null;
  }
  return ok ? next : undefined;
}
