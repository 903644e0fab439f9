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
    if (m.applies === 'always') {
      const needsAsset = m.conditions?.personalData || m.conditions?.ksz;
      if (needsAsset ? assets.some((a) => conditionsHold(m, a, ctx)) : conditionsHold(m, null, ctx)) {
        reasons.push({ kind: 'baseline' });
      }
    } else {
      for (const asset of assets) {
        if (!conditionsHold(m, asset, ctx)) continue;
        for (const d of DIMENSIONS) {
          const from = m.applies[d];
          if (from != null && asset.class[d] >= from) {
            reasons.push({
              kind: 'class',
              assetId: asset.id,
              dimension: d,
              assetClass: asset.class[d],
              fromClass: from,
            });
          }
        }
      }
    }
    if (reasons.length) {
      out.push({ code: m.code, reasons, serves: m.mappings.map((x) => `${x.framework}:${x.requirement}`) });
    }
  }
  return out;
}
