import type { Measure } from '../catalog/content.schema.js';

/** What the rule of a measure looks at: one classified information asset of a bestuur. */
export interface ClassifiedAsset {
  id: string;
  class: { c: number; i: number; a: number };
  personalData: boolean;
  kszData: boolean;
}

export type Dimension = 'c' | 'i' | 'a';

/** Why a measure is required: the baseline, or an asset whose class reaches the measure's rule. */
export type RequirementReason =
  | { kind: 'baseline' }
  | { kind: 'class'; assetId: string; dimension: Dimension; assetClass: number; fromClass: number };

export interface RequiredMeasure {
  code: string;
  reasons: RequirementReason[];
  /** `framework:requirement` of every mapping: what implementing the measure serves. */
  serves: string[];
}

export interface BestuurContext {
  /** The bestuur falls under NIS2 through one of its activities. */
  nis2: boolean;
}

const DIMENSIONS: Dimension[] = ['c', 'i', 'a'];

/** The measure's extra conditions, checked for one asset (personal data, KSZ) and the bestuur (NIS2). */
function conditionsHold(m: Measure, asset: ClassifiedAsset | null, ctx: BestuurContext): boolean {
  const c = m.conditions ?? {};
  if (c.nis2 && !ctx.nis2) return false;
  if (c.personalData && !asset?.personalData) return false;
  if (c.ksz && !asset?.kszData) return false;
  return true;
}

/**
 * Calls `visit` for every reason the measure has for the bestuur, in order: once without an
 * asset for the baseline, or per asset and dimension whose class reaches the measure's rule.
 */
function eachReason(
  m: Measure,
  assets: readonly ClassifiedAsset[],
  ctx: BestuurContext,
  visit: (asset: ClassifiedAsset | null, d: Dimension, from: number) => void,
) {
  if (m.applies === 'always') {
    const needsAsset = m.conditions?.personalData || m.conditions?.ksz;
    if (needsAsset ? assets.some((a) => conditionsHold(m, a, ctx)) : conditionsHold(m, null, ctx)) {
      visit(null, 'c', 0);
    }
    return;
  }
  for (const asset of assets) {
    if (!conditionsHold(m, asset, ctx)) continue;
    for (const d of DIMENSIONS) {
      const from = m.applies[d];
      if (from != null && asset.class[d] >= from) visit(asset, d, from);
    }
  }
}

const reasonOf = (asset: ClassifiedAsset | null, d: Dimension, from: number): RequirementReason =>
  asset === null
    ? { kind: 'baseline' }
    : { kind: 'class', assetId: asset.id, dimension: d, assetClass: asset.class[d], fromClass: from };

const servesOf = (m: Measure) => m.mappings.map((x) => `${x.framework}:${x.requirement}`);

/**
 * The minimum measures a bestuur needs, following the ICR: a measure applies from a class
 * per confidentiality, integrity or availability, cumulatively (a higher class needs what a
 * lower one needs and more); a measure that applies always is the baseline. Conditions on
 * personal data or KSZ data must hold for the same asset that reaches the class.
 */
export function requiredMeasures(
  measures: readonly Measure[],
  assets: readonly ClassifiedAsset[],
  ctx: BestuurContext,
): RequiredMeasure[] {
  const out: RequiredMeasure[] = [];
  for (const m of measures) {
    const reasons: RequirementReason[] = [];
    eachReason(m, assets, ctx, (asset, d, from) => reasons.push(reasonOf(asset, d, from)));
    if (reasons.length) out.push({ code: m.code, reasons, serves: servesOf(m) });
  }
  return out;
}

/** A required measure with its strongest reasons and how many reasons and assets it has in all. */
export interface RequiredMeasureSummary extends RequiredMeasure {
  reasonCount: number;
  assetCount: number;
}

/**
 * The same measures, each with only its `limit` strongest reasons (highest class first, in
 * their order among equals) and the counts; without `limit`, every reason in that order. With
 * the full list a measure can have a thousand reasons: they are counted, and only those that
 * make the top become objects (the dashboard and the regional indicators ask for this often).
 */
export function summariseRequiredMeasures(
  measures: readonly Measure[],
  assets: readonly ClassifiedAsset[],
  ctx: BestuurContext,
  limit?: number,
): RequiredMeasureSummary[] {
  const out: RequiredMeasureSummary[] = [];
  for (const m of measures) {
    const top: RequirementReason[] = [];
    let reasonCount = 0;
    let assetCount = 0;
    let last: ClassifiedAsset | null = null;
    eachReason(m, assets, ctx, (asset, d, from) => {
      reasonCount += 1;
      if (asset !== null && asset !== last) {
        assetCount += 1;
        last = asset;
      }
      if (limit === undefined) {
        top.push(reasonOf(asset, d, from));
        return;
      }
      const strength = asset === null ? 0 : asset.class[d];
      if (top.length === limit && strength <= strengthOf(top[limit - 1])) return;
      let k = top.length;
      while (k > 0 && strengthOf(top[k - 1]) < strength) k--;
      top.splice(k, 0, reasonOf(asset, d, from));
      if (top.length > limit) top.pop();
    });
    // Array sort is stable: equals keep their order.
    if (limit === undefined) top.sort((a, b) => strengthOf(b) - strengthOf(a));
    if (reasonCount) out.push({ code: m.code, reasons: top, serves: servesOf(m), reasonCount, assetCount });
  }
  return out;
}

const strengthOf = (r: RequirementReason) => (r.kind === 'class' ? r.assetClass : 0);
