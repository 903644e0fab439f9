/**
 * The CyberFundamentals self-assessment score, as the official method computes it
 * (FRAMEWORKS.md §1, the same for the 2023-03-01 and 2025 editions):
 * - every requirement of the chosen level has a documentation and an implementation maturity (1–5);
 * - a sub-category's score per dimension is the mean of its requirements, a category's the
 *   mean of its sub-categories; a category's maturity is the mean of its two dimensions;
 * - the total maturity is the mean of the category maturities (every category weighs the same);
 * - a key measure's maturity is the mean of its two scores;
 * - thresholds per level; not-applicable requirements count as a fixed score, within limits.
 * Pure: no database, no I/O.
 */

export const cyfunLevels = ['basic', 'important', 'essential'] as const;
export type CyfunLevel = (typeof cyfunLevels)[number];
const rank = (l: CyfunLevel) => cyfunLevels.indexOf(l);

/** A node of a CyFun framework tree (function → category → sub-category → requirement). */
export interface CyfunNode {
  id: string;
  parent: string | null;
  assessable: boolean;
  levels?: string[];
  keyMeasureAt?: CyfunLevel;
  managementAspectAt?: CyfunLevel;
}

export type Answer = { id: string; documentation: number; implementation: number } | { id: string; na: true };

/** How many requirements may be not applicable at a level, and the score each then counts as. */
export interface NaRule {
  max: number;
  score: number;
}

/**
 * Essential is fixed by the method (at most 5, each a 3). For Basic and Important only a
 * secondary source gives the rule (at most 1 scored 2.5; at most 3 scored 3): configurable.
 */
export const defaultNaRules: Record<CyfunLevel, NaRule> = {
  basic: { max: 1, score: 2.5 },
  important: { max: 3, score: 3 },
  essential: { max: 5, score: 3 },
};

export const thresholds: Record<CyfunLevel, { keyMeasure: number; category: number | null; total: number }> = {
  basic: { keyMeasure: 2.5, category: null, total: 2.5 },
  important: { keyMeasure: 3, category: null, total: 3 },
  essential: { keyMeasure: 3, category: 3, total: 3.5 },
};

export type Failure =
  | { criterion: 'keyMeasure'; id: string; value: number; threshold: number }
  | { criterion: 'category'; id: string; value: number; threshold: number }
  | { criterion: 'total'; value: number; threshold: number }
  | { criterion: 'notApplicableCount'; value: number; threshold: number; ids: string[] }
  | { criterion: 'notApplicableNotAllowed'; id: string; reason: 'keyMeasure' | 'managementAspect' };

export interface Dimensions {
  documentation: number;
  implementation: number;
  maturity: number;
}

export interface CyfunScore {
  level: CyfunLevel;
  total: number;
  categories: Record<string, Dimensions>;
  subCategories: Record<string, { documentation: number; implementation: number }>;
  keyMeasures: Record<string, number>;
  passed: boolean;
  failures: Failure[];
  /** Answers for requirements outside the level: ignored. */
  ignored: string[];
}

export class MissingAnswers extends Error {
  constructor(readonly ids: string[]) {
    super(`${ids.length} requirement(s) of the level have no answer: ${ids.join(', ')}`);
  }
}

export class InvalidAnswers extends Error {
  constructor(readonly problems: { id: string; message: string }[]) {
    super(problems.map((p) => `${p.id}: ${p.message}`).join('; '));
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Means of 1–5 scores compared with thresholds like 2.5: tolerate floating-point noise only. */
const below = (value: number, threshold: number) => value < threshold - 1e-9;
const atLevel = (at: CyfunLevel | undefined, level: CyfunLevel) => at !== undefined && rank(at) <= rank(level);

/** The requirements of one level, with their sub-category and category from the tree. */
export function requirementsAt(nodes: CyfunNode[], level: CyfunLevel) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return nodes
    .filter((n) => n.assessable && n.levels?.includes(level))
    .map((n) => {
      const sub = n.parent ?? n.id;
      const category = byId.get(sub)?.parent ?? sub;
      return {
        id: n.id,
        subCategory: sub,
        category,
        keyMeasure: atLevel(n.keyMeasureAt, level),
        managementAspect: atLevel(n.managementAspectAt, level),
      };
    });
}

export function scoreCyfun(
  nodes: CyfunNode[],
  level: CyfunLevel,
  answers: Answer[],
  naRules: Record<CyfunLevel, NaRule> = defaultNaRules,
): CyfunScore {
  const requirements = requirementsAt(nodes, level);
  const inLevel = new Set(requirements.map((r) => r.id));
  const given = new Map<string, Answer>();
  const problems: { id: string; message: string }[] = [];
  for (const a of answers) {
    if (!inLevel.has(a.id)) continue;
    if (given.has(a.id)) problems.push({ id: a.id, message: 'answered twice' });
    given.set(a.id, a);
    if (!('na' in a)) {
      for (const [dim, v] of [
        ['documentation', a.documentation],
        ['implementation', a.implementation],
      ] as const)
        if (!Number.isInteger(v) || v < 1 || v > 5) problems.push({ id: a.id, message: `${dim} must be 1 to 5` });
    }
  }
  if (problems.length) throw new InvalidAnswers(problems);
  const missing = requirements.filter((r) => !given.has(r.id)).map((r) => r.id);
  if (missing.length) throw new MissingAnswers(missing);

  const failures: Failure[] = [];
  const rule = naRules[level];
  const na = requirements.filter((r) => 'na' in (given.get(r.id) as Answer));
  for (const r of na) {
    if (r.keyMeasure) failures.push({ criterion: 'notApplicableNotAllowed', id: r.id, reason: 'keyMeasure' });
    else if (r.managementAspect)
      failures.push({ criterion: 'notApplicableNotAllowed', id: r.id, reason: 'managementAspect' });
  }
  if (na.length > rule.max)
    failures.push({ criterion: 'notApplicableCount', value: na.length, threshold: rule.max, ids: na.map((r) => r.id) });

  const scores = new Map(
    requirements.map((r) => {
      const a = given.get(r.id) as Answer;
      return [r.id, 'na' in a ? { d: rule.score, i: rule.score } : { d: a.documentation, i: a.implementation }];
    }),
  );

  const subs = new Map<string, { category: string; d: number[]; i: number[] }>();
  for (const r of requirements) {
    const s = subs.get(r.subCategory) ?? { category: r.category, d: [], i: [] };
    const v = scores.get(r.id) as { d: number; i: number };
    s.d.push(v.d);
    s.i.push(v.i);
    subs.set(r.subCategory, s);
  }
  const subCategories: CyfunScore['subCategories'] = {};
  const cats = new Map<string, { d: number[]; i: number[] }>();
  for (const [id, s] of subs) {
    const d = mean(s.d);
    const i = mean(s.i);
    subCategories[id] = { documentation: d, implementation: i };
    const c = cats.get(s.category) ?? { d: [], i: [] };
    c.d.push(d);
    c.i.push(i);
    cats.set(s.category, c);
  }
  const categories: CyfunScore['categories'] = {};
  for (const [id, c] of cats) {
    const d = mean(c.d);
    const i = mean(c.i);
    categories[id] = { documentation: d, implementation: i, maturity: (d + i) / 2 };
  }
  const total = mean(Object.values(categories).map((c) => c.maturity));

  const keyMeasures: Record<string, number> = {};
  for (const r of requirements.filter((x) => x.keyMeasure)) {
    const v = scores.get(r.id) as { d: number; i: number };
    keyMeasures[r.id] = (v.d + v.i) / 2;
  }

  const t = thresholds[level];
  for (const [id, value] of Object.entries(keyMeasures))
    if (below(value, t.keyMeasure)) failures.push({ criterion: 'keyMeasure', id, value, threshold: t.keyMeasure });
  if (t.category !== null)
    for (const [id, c] of Object.entries(categories))
      if (below(c.maturity, t.category))
        failures.push({ criterion: 'category', id, value: c.maturity, threshold: t.category });
  if (below(total, t.total)) failures.push({ criterion: 'total', value: total, threshold: t.total });

  return {
    level,
    total,
    categories,
    subCategories,
    keyMeasures,
    passed: failures.length === 0,
    failures,
    ignored: answers.filter((a) => !inLevel.has(a.id)).map((a) => a.id),
  };
}
