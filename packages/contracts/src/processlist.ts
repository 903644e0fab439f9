import { z } from 'zod';
import { Relationship } from './catalog.js';
import { Id, Timestamp, Version } from './common.js';
import { ipdcProductTypes, ipdcThemes } from './products.js';

/**
 * The generic process list as the Vo-CRT coach publishes it: process domains, processes with
 * their information assets, and the harmonised measures with their mappings. The same shapes
 * are the format of content/ (content/README.md).
 */
export const TemplateText = z.object({
  nl: z.string().trim().min(1).max(4000),
  en: z.string().trim().min(1).max(4000),
  fr: z.string().optional(),
});
export type TemplateText = z.infer<typeof TemplateText>;
export const TemplateId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'lowercase kebab-case id')
  .max(100);
const TemplateClass = z.number().int().min(1).max(5);

export const Named = z.object({ id: TemplateId, name: TemplateText });
export type Named = z.infer<typeof Named>;

export const ClassRule = z
  .object({ c: TemplateClass.nullish(), i: TemplateClass.nullish(), a: TemplateClass.nullish() })
  .refine((r) => r.c != null || r.i != null || r.a != null, 'a class rule needs at least one of c, i, a');

export const TemplateMeasure = z.object({
  code: z.string().regex(/^[A-Z]{2,4}-\d{2,3}$/, 'code like TB-01'),
  domain: TemplateId,
  type: z.enum(['organisational', 'technical']),
  title: TemplateText,
  guidance: TemplateText,
  applies: z.union([z.literal('always'), ClassRule]),
  conditions: z
    .object({ personalData: z.boolean().optional(), ksz: z.boolean().optional(), nis2: z.boolean().optional() })
    .optional(),
  mappings: z
    .array(z.object({ framework: TemplateId, requirement: z.string().min(1).max(64), relationship: Relationship }))
    .max(200)
    .default([]),
});
export type TemplateMeasure = z.infer<typeof TemplateMeasure>;

export const TemplateAsset = z.object({
  id: TemplateId,
  name: TemplateText,
  class: z.object({ c: TemplateClass, i: TemplateClass, a: TemplateClass }),
  reason: TemplateText,
  personalData: z.boolean(),
  sensitiveData: z.boolean(),
  kszData: z.boolean(),
});
export type TemplateAsset = z.infer<typeof TemplateAsset>;

export const TemplateProcess = z.object({
  id: TemplateId,
  domain: TemplateId,
  name: TemplateText,
  description: TemplateText,
  ipdc: z
    .object({
      themes: z.array(z.enum(ipdcThemes)).default([]),
      types: z.array(z.enum(ipdcProductTypes)).default([]),
    })
    .optional(),
  applications: z.array(TemplateId).default([]),
  assets: z.array(TemplateAsset).min(2).max(100),
  risks: z.array(TemplateText).min(1).max(50),
});
export type TemplateProcess = z.infer<typeof TemplateProcess>;

export const ListSnapshot = z.object({
  processDomains: z.array(Named),
  applicationKinds: z.array(Named),
  processes: z.array(TemplateProcess),
  measures: z.array(TemplateMeasure),
});
export type ListSnapshot = z.infer<typeof ListSnapshot>;

export const ListStats = z.object({
  processes: z.number().int(),
  assets: z.number().int(),
  measures: z.number().int(),
});

export const ReleaseNotes = z.object({
  nl: z.string().trim().min(1).max(10000),
  en: z.string().trim().max(10000).optional(),
});

export const ListVersion = z.object({
  number: z.number().int().min(1),
  releaseNotes: z.object({ nl: z.string(), en: z.string() }),
  source: z.enum(['content', 'draft']),
  stats: ListStats,
  publishedAt: Timestamp,
  publishedBy: z.string().nullable(),
});
export type ListVersion = z.infer<typeof ListVersion>;
export const ListVersionList = z.object({ items: z.array(ListVersion) });
/** The newest version's process domains that hold processes, and its application kinds: small, for pickers. */
export const ListDomains = z.object({
  version: z.number().int(),
  domains: z.array(Named),
  applicationKinds: z.array(Named),
});
/** A version number; anything else is a version that does not exist (404, after the sign-in check). */
export const VersionNumberParams = z.object({ number: z.string().min(1).max(64) });

/** One change of a field: before and after (absent on the side where the item does not exist). */
export const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof FieldChange>;
export const ChangeKind = z.enum(['added', 'changed', 'removed']);

export const AssetDiff = z.object({
  id: z.string(),
  kind: ChangeKind,
  name: z.object({ nl: z.string(), en: z.string() }),
  changes: z.array(FieldChange),
});
export const ProcessDiff = z.object({
  id: z.string(),
  kind: ChangeKind,
  domain: z.string(),
  name: z.object({ nl: z.string(), en: z.string() }),
  changes: z.array(FieldChange),
  assets: z.array(AssetDiff),
});
export type ProcessDiff = z.infer<typeof ProcessDiff>;
export const MeasureDiff = z.object({
  code: z.string(),
  kind: ChangeKind,
  title: z.object({ nl: z.string(), en: z.string() }),
  changes: z.array(FieldChange),
});
export type MeasureDiff = z.infer<typeof MeasureDiff>;

/** What differs between two versions (or a version and the draft). */
export const ListDiff = z.object({
  from: z.number().int(),
  /** A version number, or null for the draft. */
  to: z.number().int().nullable(),
  summary: z.object({
    processes: z.object({ added: z.number(), changed: z.number(), removed: z.number() }),
    assets: z.object({ added: z.number(), changed: z.number(), removed: z.number() }),
    classifications: z.number(),
    measures: z.object({ added: z.number(), changed: z.number(), removed: z.number() }),
  }),
  processes: z.array(ProcessDiff),
  measures: z.array(MeasureDiff),
});
export type ListDiff = z.infer<typeof ListDiff>;
export const DiffQuery = z.object({
  /** A version number; absent: the version before `to`, or the version the draft is based on. */
  from: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** A version number; absent: the draft. */
  to: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

/** The coach's draft without its content: what an edit answers. */
export const DraftMeta = z.object({
  basedOn: z.number().int(),
  version: z.number().int(),
  updatedAt: Timestamp,
  updatedBy: z.string().nullable(),
});
export type DraftMeta = z.infer<typeof DraftMeta>;
export const Draft = DraftMeta.extend({ snapshot: ListSnapshot });
export type Draft = z.infer<typeof Draft>;
export const DraftVersion = z.object({ draftVersion: Version });
export const DraftVersionQuery = z.object({ draftVersion: z.coerce.number().int().min(1) });
export const DraftProcessBody = z.object({ draftVersion: Version, process: TemplateProcess });
export const DraftMeasureBody = z.object({ draftVersion: Version, measure: TemplateMeasure });
export const DraftProcessParams = z.object({ processId: TemplateId });
export const DraftMeasureParams = z.object({ code: z.string().min(1).max(16) });
export const PublishRequest = z.object({ draftVersion: Version, releaseNotes: ReleaseNotes });

/**
 * A bestuur's pending update: one generic process whose newer version differs from the
 * bestuur's copy, or a new process in a domain the bestuur adopted.
 */
export const ProcessUpdateItem = z.object({
  templateId: z.string(),
  kind: ChangeKind,
  processId: Id.nullable(),
  domain: z.string(),
  name: z.object({ nl: z.string(), en: z.string() }),
  fromVersion: z.number().int().nullable(),
  toVersion: z.number().int(),
  changes: z.array(FieldChange),
  assets: z.array(
    AssetDiff.extend({
      /** The bestuur's own choice for a field that the update would otherwise change: kept. */
      kept: z.array(z.object({ field: z.string(), yours: z.unknown() })),
    }),
  ),
});
export type ProcessUpdateItem = z.infer<typeof ProcessUpdateItem>;
export const ProcessUpdates = z.object({
  latest: z.number().int(),
  items: z.array(ProcessUpdateItem),
});
export type ProcessUpdates = z.infer<typeof ProcessUpdates>;
export const ApplyUpdatesRequest = z
  .object({
    /** Generic process ids to take over; or all. */
    templateIds: z.array(TemplateId).min(1).max(1000).optional(),
    all: z.literal(true).optional(),
    /** The latest version the bestuur looked at; a newer one published meanwhile gives 409. */
    toVersion: z.number().int().min(1),
  })
  .refine((r) => (r.all === true) !== (r.templateIds !== undefined), 'either templateIds or all');
export const ApplyUpdatesResult = z.object({
  processes: z.number().int(),
  assets: z.number().int(),
});
