import type { BestuurAsset, BulkClassifyItem, ClassificationRow } from '@baken/contracts';

export const DIMS = ['c', 'i', 'a'] as const;
export type Dim = (typeof DIMS)[number];

/** What the table lets a person change about an asset. */
export interface Draft {
  c: number;
  i: number;
  a: number;
  reason: string;
}

export const draftOf = (a: BestuurAsset): Draft => ({
  c: a.class.c,
  i: a.class.i,
  a: a.class.a,
  reason: a.reason ?? '',
});

export const isChanged = (a: BestuurAsset, d: Draft) =>
  DIMS.some((k) => d[k] !== a.class[k]) || d.reason.trim() !== (a.reason ?? '');

/** A class that leaves the generic list's default needs a reason (the server checks the same). */
export const offDefault = (a: BestuurAsset, d: Draft) =>
  a.defaultClass !== null && DIMS.some((k) => d[k] !== a.defaultClass?.[k]);

export const needsReason = (a: BestuurAsset, d: Draft) => offDefault(a, d) && d.reason.trim() === '';

export const toItem = (a: BestuurAsset, d: Draft): BulkClassifyItem => ({
  id: a.id,
  version: a.version,
  c: d.c,
  i: d.i,
  a: d.a,
  reason: d.reason.trim() || undefined,
});

/** Rows that match a domain and a search text (process or asset name, in either language). */
export function filterRows(rows: ClassificationRow[], domain: string | null, q: string): ClassificationRow[] {
  const needle = q.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!domain || r.domain === domain) &&
      (!needle ||
        [r.processName.nl, r.processName.en, r.asset.name.nl, r.asset.name.en].some((s) =>
          s.toLowerCase().includes(needle),
        )),
  );
}
