import { z } from 'zod';
import { LocalText, Relationship } from './catalog.js';
import { BestuurParams, Timestamp } from './common.js';
import { MeasureStatus } from './measures.js';

/** A requirement's result for a bestuur, derived from its measures through the mappings. */
export const complianceResults = [
  'compliant',
  'partially-compliant',
  'non-compliant',
  'not-assessed',
  'not-applicable',
] as const;
export const ComplianceResult = z.enum(complianceResults);
export type ComplianceResult = z.infer<typeof ComplianceResult>;

/** One measure's contribution to a requirement. */
export const Contribution = z.object({
  code: z.string(),
  title: LocalText,
  status: MeasureStatus,
  relationship: Relationship,
  result: ComplianceResult,
  /** A subset or intersect mapping gives at most partial compliance. */
  capped: z.boolean(),
});
export type Contribution = z.infer<typeof Contribution>;

export const RequirementOverride = z.object({
  result: ComplianceResult,
  reason: z.string(),
  by: z.string().nullable(),
  at: Timestamp,
  version: z.number().int(),
});

export const RequirementCompliance = z.object({
  id: z.string(),
  title: LocalText,
  levels: z.array(z.string()),
  keyMeasure: z.string().nullable(),
  /** What the measures give. */
  derived: ComplianceResult,
  /** What counts: the override when there is one, otherwise the derived result. */
  result: ComplianceResult,
  /** Why, in a sentence: "gedeeltelijk, omdat maatregel TB-03 in uitvoering is". */
  explanation: LocalText,
  contributions: z.array(Contribution),
  override: RequirementOverride.nullable(),
});
export type RequirementCompliance = z.infer<typeof RequirementCompliance>;

export const ComplianceCounts = z.object({
  compliant: z.number().int(),
  'partially-compliant': z.number().int(),
  'non-compliant': z.number().int(),
  'not-assessed': z.number().int(),
  'not-applicable': z.number().int(),
});
export const FrameworkCompliance = z.object({
  framework: z.string(),
  name: LocalText,
  /** For CyFun: the level the requirements were limited to. */
  level: z.string().nullable(),
  counts: ComplianceCounts,
  /** (compliant + half of partially compliant) over the requirements that are assessed and applicable, 0–100. */
  score: z.number().nullable(),
});
export type FrameworkCompliance = z.infer<typeof FrameworkCompliance>;
export const ComplianceOverview = z.object({ items: z.array(FrameworkCompliance) });
export const FrameworkComplianceDetail = FrameworkCompliance.extend({ requirements: z.array(RequirementCompliance) });

export const ComplianceParams = BestuurParams.extend({ frameworkId: z.string().min(1).max(64) });
export const ComplianceQuery = z.object({ level: z.enum(['basic', 'important', 'essential']).optional() });
export const OverrideParams = ComplianceParams.extend({ requirementId: z.string().min(1).max(64) });
export const OverrideUpdate = z.object({
  /** 0 when there is no override yet. */
  version: z.number().int().min(0),
  result: ComplianceResult,
  reason: z.string().trim().min(1).max(2000),
});
export const OverrideDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });
