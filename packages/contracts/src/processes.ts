import { z } from 'zod';
import { LocalText } from './catalog.js';
import { BestuurParams, Id, Version } from './common.js';

/** A class of 1 (low) to 5 (very high) for confidentiality, integrity and availability. */
export const ClassLevel = z.number().int().min(1).max(5);
export const Classification = z.object({ c: ClassLevel, i: ClassLevel, a: ClassLevel });
export type Classification = z.infer<typeof Classification>;
export const Dimension = z.enum(['c', 'i', 'a']);

export const BestuurAsset = z.object({
  id: Id,
  processId: Id,
  templateId: z.string().nullable(),
  name: LocalText,
  class: Classification,
  /** The class the generic list proposes; null for an asset of the bestuur's own. */
  defaultClass: Classification.nullable(),
  /** Why the class differs from the default. */
  reason: z.string().nullable(),
  personalData: z.boolean(),
  sensitiveData: z.boolean(),
  kszData: z.boolean(),
  version: z.number().int(),
});
export type BestuurAsset = z.infer<typeof BestuurAsset>;

export const BestuurProcess = z.object({
  id: Id,
  templateId: z.string().nullable(),
  domain: z.string(),
  name: LocalText,
  description: LocalText.nullable(),
  applicable: z.boolean(),
  notApplicableReason: z.string().nullable(),
  /** The highest class of its assets per dimension; null without assets. */
  class: Classification.nullable(),
  assets: z.array(BestuurAsset),
  version: z.number().int(),
});
export type BestuurProcess = z.infer<typeof BestuurProcess>;
export const BestuurProcessList = z.object({ items: z.array(BestuurProcess) });

/** Adopts the generic process list, all of it or the chosen domains. */
export const AdoptRequest = z.object({
  domains: z.array(z.string().trim().min(1).max(100)).min(1).max(100).optional(),
});
export type AdoptRequest = z.infer<typeof AdoptRequest>;

/** What adopting added: processes and assets the bestuur did not have yet. */
export const AdoptResult = z.object({
  processes: z.number().int().min(0),
  assets: z.number().int().min(0),
});
export type AdoptResult = z.infer<typeof AdoptResult>;

export const AssetClassificationUpdate = z.object({
  version: Version,
  c: ClassLevel,
  i: ClassLevel,
  a: ClassLevel,
  /** Required when a class differs from the default. */
  reason: z.string().trim().min(1).max(2000).optional(),
});
export type AssetClassificationUpdate = z.infer<typeof AssetClassificationUpdate>;
export const AssetParams = BestuurParams.extend({ assetId: Id });

export const RequirementReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('baseline') }),
  z.object({
    kind: z.literal('class'),
    assetId: Id,
    assetName: LocalText,
    dimension: Dimension,
    assetClass: ClassLevel,
    fromClass: ClassLevel,
  }),
]);
export type RequirementReason = z.infer<typeof RequirementReason>;

export const RequiredMeasure = z.object({
  code: z.string(),
  title: LocalText,
  /** In the list: the strongest reasons (highest class first, at most REASONS_IN_LIST); all of them per measure. */
  reasons: z.array(RequirementReason),
  /** How many reasons there are in all, and for how many distinct assets. */
  reasonCount: z.number().int().min(0),
  assetCount: z.number().int().min(0),
  /** `framework:requirement` that implementing the measure serves. */
  serves: z.array(z.string()),
});
export type RequiredMeasure = z.infer<typeof RequiredMeasure>;
export const RequiredMeasureList = z.object({ items: z.array(RequiredMeasure) });
export const REASONS_IN_LIST = 5;
export const RequiredMeasureParams = BestuurParams.extend({ code: z.string().min(1).max(64) });
