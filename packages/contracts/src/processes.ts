import { z } from 'zod';
import { LocalText } from './catalog.js';
import { BestuurParams, Id, Version } from './common.js';

/** A class of 1 (low) to 5 (very high) for confidentiality, integrity and availability. */
export const ClassLevel = z.number().int().min(1).max(5);
export const Classification = z.object({ c: ClassLevel, i: ClassLevel, a: ClassLevel });
export type Classification = z.infer<typeof Classification>;
export const Dimension = z.enum(['c', 'i', 'a']);

/** A name or description the bestuur writes itself: Dutch required, English optional (falls back to Dutch). */
export const OwnText = z.object({
  nl: z.string().trim().min(1).max(300),
  en: z.string().trim().max(300).optional(),
});
export const OwnLongText = z.object({
  nl: z.string().trim().max(4000),
  en: z.string().trim().max(4000).optional(),
});

export const BestuurAsset = z.object({
  id: Id,
  processId: Id,
  templateId: z.string().nullable(),
  name: LocalText,
  class: Classification,
  /** The class the generic list proposes; null for an asset of the bestuur's own. */
  defaultClass: Classification.nullable(),
  /** The generic list's one-line reason for its default class; null for an asset of the bestuur's own. */
  defaultReason: LocalText.nullable(),
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
  /** The version of the generic list this process was adopted from or last updated to; null for an own process. */
  templateVersion: z.number().int().nullable(),
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
  /** Flags, for every asset; the name only for an asset of the bestuur's own. */
  personalData: z.boolean().optional(),
  sensitiveData: z.boolean().optional(),
  kszData: z.boolean().optional(),
  name: OwnText.optional(),
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

export const ProcessParams = BestuurParams.extend({ processId: Id });
export const VersionQuery = z.object({ version: z.coerce.number().int().min(1) });

/** A process of the bestuur's own, outside the generic list. */
export const NewOwnProcess = z.object({
  domain: z.string().trim().min(1).max(100),
  name: OwnText,
  description: OwnLongText.optional(),
});
export type NewOwnProcess = z.infer<typeof NewOwnProcess>;

/**
 * Changes a process: applicability for every process (a reason is required when it does not
 * apply); name, description and domain only for a process of the bestuur's own.
 */
export const ProcessUpdate = z.object({
  version: Version,
  applicable: z.boolean().optional(),
  notApplicableReason: z.string().trim().min(1).max(2000).optional(),
  domain: z.string().trim().min(1).max(100).optional(),
  name: OwnText.optional(),
  description: OwnLongText.optional(),
});
export type ProcessUpdate = z.infer<typeof ProcessUpdate>;

/** An information asset of the bestuur's own (in any of its processes): no default, so no reason needed. */
export const NewOwnAsset = z.object({
  name: OwnText,
  c: ClassLevel,
  i: ClassLevel,
  a: ClassLevel,
  personalData: z.boolean().default(false),
  sensitiveData: z.boolean().default(false),
  kszData: z.boolean().default(false),
});
export type NewOwnAsset = z.infer<typeof NewOwnAsset>;
