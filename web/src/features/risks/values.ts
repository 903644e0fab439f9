import type { Risk, RiskMatrix, treatments } from '@baken/contracts';
import type { RiskTarget } from './RiskModal';

export type Quality = 'c' | 'i' | 'a';
export type Treatment = (typeof treatments)[number];

export interface RiskValues {
  title: string;
  description: string;
  threatId: string | null;
  processId: string | null;
  assetId: string | null;
  qualities: Quality[];
  likelihood: number | null;
  impact: number | null;
  treatment: Treatment | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
  measureCodes: string[];
  ownerId: string | null;
  reviewDate: string;
  acceptUntil: string;
}

export function valuesOf(target: RiskTarget): RiskValues {
  if (!('id' in target))
    return {
      title: target.title ?? '',
      description: '',
      threatId: null,
      processId: target.processId ?? null,
      assetId: null,
      qualities: target.qualities ?? [],
      likelihood: null,
      impact: target.impact ?? null,
      treatment: null,
      residualLikelihood: null,
      residualImpact: null,
      measureCodes: [],
      ownerId: null,
      reviewDate: '',
      acceptUntil: '',
    };
  const r: Risk = target;
  return {
    title: r.title,
    description: r.description ?? '',
    threatId: r.threatId,
    processId: r.processId,
    assetId: r.assetId,
    qualities: r.qualities,
    likelihood: r.likelihood,
    impact: r.impact,
    treatment: r.treatment,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    measureCodes: r.measures.map((m) => m.code),
    ownerId: r.ownerId,
    reviewDate: r.reviewDate ?? '',
    acceptUntil: r.acceptance?.until ?? '',
  };
}

/**
 * The request body. A formal acceptance is sent only when it is new or changed (the server
 * records who accepts and when), and only by someone who may accept risks.
 */
export function bodyOf(v: RiskValues, base: Risk | null, canAccept: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    title: v.title,
    description: v.description.trim() || null,
    threatId: v.threatId,
    processId: v.processId,
    assetId: v.assetId,
    qualities: v.qualities,
    likelihood: v.likelihood ?? undefined,
    impact: v.impact ?? undefined,
    treatment: v.treatment,
    residualLikelihood: v.residualLikelihood,
    residualImpact: v.residualImpact,
    measureCodes: v.measureCodes,
    ownerId: v.ownerId,
    reviewDate: v.reviewDate || null,
  };
  if (canAccept && v.treatment === 'aanvaarden') {
    const before = base?.acceptance?.until ?? '';
    if (v.acceptUntil !== before) body.acceptUntil = v.acceptUntil || null;
  }
  if (base) body.version = base.version;
  return body;
}

/** The level a likelihood and impact give on the matrix, if both are chosen and inside it. */
export function levelOf(matrix: RiskMatrix, likelihood: number | null, impact: number | null) {
  if (!likelihood || !impact) return null;
  const index = matrix.grid[likelihood - 1]?.[impact - 1];
  return index === undefined ? null : (matrix.levels[index] ?? null);
}
