import { z } from 'zod';
import { PageQuery } from './common.js';

/** A text of the catalogue in both languages (content/ always has both). */
export const LocalText = z.object({ nl: z.string(), en: z.string() });
export type LocalText = z.infer<typeof LocalText>;

export const SecurityDomain = z.object({ id: z.string(), name: LocalText });
export type SecurityDomain = z.infer<typeof SecurityDomain>;

export const MeasureType = z.enum(['organisational', 'technical']);
export type MeasureType = z.infer<typeof MeasureType>;

const ClassFrom = z.number().int().min(1).max(5).nullable();

/** The ICR class rule: always (baseline), or from a class of confidentiality, integrity or availability. */
export const MeasureApplies = z.union([z.literal('always'), z.object({ c: ClassFrom, i: ClassFrom, a: ClassFrom })]);
export type MeasureApplies = z.infer<typeof MeasureApplies>;

export const MeasureConditions = z.object({
  personalData: z.boolean(),
  ksz: z.boolean(),
  nis2: z.boolean(),
});

export const MeasureSummary = z.object({
  code: z.string(),
  domain: z.string(),
  type: MeasureType,
  title: LocalText,
  applies: MeasureApplies,
  conditions: MeasureConditions,
});
export type MeasureSummary = z.infer<typeof MeasureSummary>;

export const Relationship = z.enum(['equal', 'subset', 'superset', 'intersect']);

/** A requirement of a framework that implementing the measure serves. */
export const MeasureServes = z.object({
  frameworkId: z.string(),
  frameworkName: LocalText,
  frameworkKind: z.string(),
  nodeId: z.string(),
  nodeTitle: LocalText,
  relationship: Relationship,
});
export type MeasureServes = z.infer<typeof MeasureServes>;

export const MeasureDetail = MeasureSummary.extend({
  guidance: LocalText,
  serves: z.array(MeasureServes),
});
export type MeasureDetail = z.infer<typeof MeasureDetail>;

export const FrameworkSummary = z.object({
  id: z.string(),
  name: LocalText,
  kind: z.string(),
  publisher: z.string(),
  edition: z.string(),
  /** Requirements that can be assessed (retired ones not counted). */
  assessable: z.number().int().min(0),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummary>;

/** Catalogue ids are short slugs; kept loose so a bad value answers with an empty list, not a 400. */
const Slug = z.string().trim().min(1).max(100);

export const MeasureListQuery = PageQuery.extend({
  /** Searches the code and the titles in both languages. */
  q: z.string().trim().max(100).optional(),
  domain: Slug.optional(),
  /** Only measures that serve a requirement of this framework. */
  framework: Slug.optional(),
});
export type MeasureListQuery = z.infer<typeof MeasureListQuery>;

export const MeasureParams = z.object({ code: z.string().trim().min(1).max(50) });
