import { z } from 'zod';
import { LocalText } from './catalog.js';
import { BestuurParams, Id, Timestamp } from './common.js';

export const CyfunEdition = z.enum(['2023-03-01', '2025']);
export const CyfunLevel = z.enum(['basic', 'important', 'essential']);
export type CyfunLevel = z.infer<typeof CyfunLevel>;

export const NaRule = z.object({ max: z.number().int().min(0).max(50), score: z.number().min(1).max(5) });
export const NaRules = z.object({ basic: NaRule, important: NaRule, essential: NaRule });

export const CyfunAnswer = z.object({
  id: z.string(),
  documentation: z.number().int().min(1).max(5).nullable(),
  implementation: z.number().int().min(1).max(5).nullable(),
  notApplicable: z.boolean(),
  source: z.enum(['measures', 'manual']).nullable(),
});

export const CyfunRequirementRow = CyfunAnswer.extend({
  title: LocalText,
  category: z.string(),
  categoryTitle: LocalText,
  subCategory: z.string(),
  subCategoryTitle: LocalText,
  keyMeasure: z.boolean(),
  managementAspect: z.boolean(),
});

const Dimensions = z.object({ documentation: z.number(), implementation: z.number(), maturity: z.number() });
export const CyfunFailure = z.object({
  criterion: z.enum(['keyMeasure', 'category', 'total', 'notApplicableCount', 'notApplicableNotAllowed']),
  id: z.string().optional(),
  value: z.number().optional(),
  threshold: z.number().optional(),
  reason: z.string().optional(),
  ids: z.array(z.string()).optional(),
});
export const CyfunResult = z.object({
  /** False while requirements of the level have no answer: then only `missing` is filled. */
  complete: z.boolean(),
  missing: z.array(z.string()),
  total: z.number().nullable(),
  categories: z.record(z.string(), Dimensions),
  keyMeasures: z.record(z.string(), z.number()),
  passed: z.boolean().nullable(),
  failures: z.array(CyfunFailure),
});
export type CyfunResult = z.infer<typeof CyfunResult>;

export const CyfunAssessmentSummary = z.object({
  id: Id,
  edition: CyfunEdition,
  level: CyfunLevel,
  title: z.string(),
  naRules: NaRules,
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  answered: z.number().int(),
  requirements: z.number().int(),
  total: z.number().nullable(),
  passed: z.boolean().nullable(),
  version: z.number().int(),
});
export const CyfunAssessmentList = z.object({ items: z.array(CyfunAssessmentSummary) });
export const CyfunAssessment = CyfunAssessmentSummary.extend({
  rows: z.array(CyfunRequirementRow),
  result: CyfunResult,
});

export const NewCyfunAssessment = z.object({
  edition: CyfunEdition,
  level: CyfunLevel,
  title: z.string().trim().min(1).max(200).optional(),
  /** Pre-fill the scores from the maturity of the mapped measures of the register. */
  prefill: z.boolean().default(true),
});
export const CyfunAssessmentParams = BestuurParams.extend({ assessmentId: Id });
export const CyfunAnswersUpdate = z.object({
  version: z.number().int().min(1),
  answers: z
    .array(
      z.union([
        z.object({ id: z.string().min(1).max(64), notApplicable: z.literal(true) }),
        z.object({
          id: z.string().min(1).max(64),
          documentation: z.number().int().min(1).max(5),
          implementation: z.number().int().min(1).max(5),
        }),
        z.object({ id: z.string().min(1).max(64), clear: z.literal(true) }),
      ]),
    )
    .max(400)
    .default([]),
  title: z.string().trim().min(1).max(200).optional(),
  naRules: NaRules.partial().optional(),
});
