import type { AnswerInput, Level, Row } from './types';

export const editions = ['2023-03-01', '2025'] as const;
export const levels = ['basic', 'important', 'essential'] as const;
export const scores = [1, 2, 3, 4, 5] as const;

/** The thresholds of the official method (FRAMEWORKS.md §1), the same as the server's `scoring.ts`. */
export const thresholds: Record<Level, { keyMeasure: number; category: number | null; total: number }> = {
  basic: { keyMeasure: 2.5, category: null, total: 2.5 },
  important: { keyMeasure: 3, category: null, total: 3 },
  essential: { keyMeasure: 3, category: 3, total: 3.5 },
};

/** The line drawn in a category chart: the category threshold, or the total's where categories have none. */
export const chartThreshold = (level: Level) => thresholds[level].category ?? thresholds[level].total;

/** What the editor holds for a requirement before it is saved. */
export interface Draft {
  documentation: number | null;
  implementation: number | null;
  notApplicable: boolean;
}

export const draftOf = (r: Row): Draft => ({
  documentation: r.documentation,
  implementation: r.implementation,
  notApplicable: r.notApplicable,
});

export const sameDraft = (a: Draft, b: Draft) =>
  a.notApplicable === b.notApplicable &&
  (a.notApplicable || (a.documentation === b.documentation && a.implementation === b.implementation));

export const isAnswered = (d: Draft) => d.notApplicable || (d.documentation !== null && d.implementation !== null);
/** One of the two scores without the other: cannot be saved. */
export const isHalf = (d: Draft) => !d.notApplicable && (d.documentation === null) !== (d.implementation === null);

/**
 * Key measures and management aspects can never be not applicable: the method fails the level
 * when they are (the server reports `notApplicableNotAllowed`), so the editor does not offer it.
 */
export const naBlockedBy = (r: Row): 'keyMeasure' | 'managementAspect' | null =>
  r.keyMeasure ? 'keyMeasure' : r.managementAspect ? 'managementAspect' : null;

/** The changes as the PATCH wants them; `null` when a row has only one of its two scores. */
export function answersOf(rows: Row[], drafts: Map<string, Draft>): AnswerInput[] | null {
  const out: AnswerInput[] = [];
  for (const r of rows) {
    const d = drafts.get(r.id);
    if (!d || sameDraft(d, draftOf(r))) continue;
    if (isHalf(d)) return null;
    if (d.notApplicable) out.push({ id: r.id, notApplicable: true });
    else if (d.documentation !== null && d.implementation !== null)
      out.push({ id: r.id, documentation: d.documentation, implementation: d.implementation });
    else out.push({ id: r.id, clear: true });
  }
  return out;
}

/** The function of a category: 'PR' of 'PR.AC'. */
export const functionOf = (category: string) => category.split('.')[0] ?? category;

export interface CategoryGroup {
  id: string;
  rows: Row[];
}
export interface FunctionGroup {
  id: string;
  categories: CategoryGroup[];
}

/** Rows grouped by function and category, in the order of the framework. */
export function groupRows(rows: Row[]): FunctionGroup[] {
  const functions = new Map<string, Map<string, Row[]>>();
  for (const r of rows) {
    const f = functionOf(r.category);
    const cats = functions.get(f) ?? new Map<string, Row[]>();
    cats.set(r.category, [...(cats.get(r.category) ?? []), r]);
    functions.set(f, cats);
  }
  return [...functions].map(([id, cats]) => ({
    id,
    categories: [...cats].map(([c, rs]) => ({ id: c, rows: rs })),
  }));
}

/** The DOM id of a requirement's row, for links from the result. */
export const rowDomId = (id: string) => `cyfun-row-${id}`;
export const categoryDomId = (id: string) => `cyfun-category-${id}`;
