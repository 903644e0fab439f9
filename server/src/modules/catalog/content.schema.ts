import { TemplateId as Id, TemplateText as Text } from '@baken/contracts';
import { z } from 'zod';

/** The format of content/ (content/README.md), checked when it is loaded. */

export { Text };
const Level = z.enum(['basic', 'important', 'essential']);

export const FrameworkNode = z.object({
  id: z.string().min(1),
  parent: z.string().nullable(),
  assessable: z.boolean(),
  title: Text,
  description: Text.optional(),
  levels: z.array(z.string()).optional(),
  keyMeasureAt: Level.optional(),
  managementAspectAt: Level.optional(),
});

export const Framework = z.object({
  id: Id,
  name: Text,
  publisher: z.string(),
  edition: z.string(),
  kind: z.enum(['cyfun', 'nis2', 'gdpr', 'ksz', 'baseline']),
  levels: z.array(z.object({ id: Id, name: Text })).optional(),
  nodes: z.array(FrameworkNode).min(1),
});
export type Framework = z.infer<typeof Framework>;

// The generic process list and the measures: the shapes a coach publishes (packages/contracts).
import { Named, TemplateAsset, TemplateMeasure, TemplateProcess } from '@baken/contracts';

export { Named };
export const Asset = TemplateAsset;
export const Measure = TemplateMeasure;
export type Measure = TemplateMeasure;
export const Process = TemplateProcess;
export type Process = TemplateProcess;

/** A threat of the catalogue the risk register starts from. */
export const threatCategories = [
  'malicious-outside',
  'malicious-inside',
  'accidental',
  'technical-failure',
  'supplier',
  'physical-environmental',
  'legal-organisational',
] as const;
export const Threat = z.object({
  id: Id,
  category: z.enum(threatCategories),
  name: Text,
  description: Text,
  affects: z.array(z.enum(['c', 'i', 'a'])).min(1),
  measures: z.array(z.string()).default([]),
});
export type Threat = z.infer<typeof Threat>;
