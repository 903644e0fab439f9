import { z } from 'zod';
import { BestuurParams, Id, Timestamp } from './common.js';
import { LocalText } from './catalog.js';
import { RequirementReason } from './processes.js';

/** How far a measure is, in the words of the programme. */
export const measureStatuses = [
  'niet-gestart',
  'gepland',
  'in-uitvoering',
  'geimplementeerd',
  'niet-van-toepassing',
] as const;
export const MeasureStatus = z.enum(measureStatuses);
export type MeasureStatus = z.infer<typeof MeasureStatus>;

/** A maturity score 1–5 as CyberFundamentals uses it (documentation and implementation). */
export const Maturity = z.number().int().min(1).max(5);

/** The CyFun maturity scale, in our own words. */
export const maturityScale = {
  1: {
    nl: { name: 'Initieel', text: 'Ad hoc, afhankelijk van personen; niet of nauwelijks vastgelegd.' },
    en: { name: 'Initial', text: 'Ad hoc, depends on individuals; hardly written down.' },
  },
  2: {
    nl: {
      name: 'Herhaalbaar',
      text: 'Gebeurt terugkerend op dezelfde manier, maar nog niet formeel vastgelegd of goedgekeurd.',
    },
    en: { name: 'Repeatable', text: 'Done the same way each time, but not yet formally written down or approved.' },
  },
  3: {
    nl: { name: 'Gedefinieerd', text: 'Vastgelegd, goedgekeurd en bekend; iedereen werkt volgens dezelfde afspraken.' },
    en: { name: 'Defined', text: 'Written down, approved and known; everyone works to the same agreements.' },
  },
  4: {
    nl: { name: 'Beheerst', text: 'Gemeten en opgevolgd; afwijkingen worden gezien en bijgestuurd.' },
    en: { name: 'Managed', text: 'Measured and followed up; deviations are seen and corrected.' },
  },
  5: {
    nl: { name: 'Geoptimaliseerd', text: 'Voortdurend verbeterd op basis van metingen en ervaringen.' },
    en: { name: 'Optimizing', text: 'Continuously improved from measurements and experience.' },
  },
} as const;

const DateOnly = z.iso.date();

export const TrackedMeasureParams = BestuurParams.extend({ code: z.string().min(1).max(64) });
export const EvidenceParams = TrackedMeasureParams.extend({ evidenceId: Id });

export const TrackedMeasure = z.object({
  code: z.string(),
  title: LocalText,
  domain: z.string(),
  type: z.enum(['organisational', 'technical']),
  /** Whether the bestuur's classification still requires it (false: tracked, but no longer required). */
  required: z.boolean(),
  status: MeasureStatus,
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  dueDate: DateOnly.nullable(),
  documentation: Maturity.nullable(),
  implementation: Maturity.nullable(),
  naReason: z.string().nullable(),
  naApprovedBy: z.string().nullable(),
  naApprovedAt: Timestamp.nullable(),
  reviewDate: DateOnly.nullable(),
  /** The review date has passed, or the due date has passed before the measure was implemented. */
  overdue: z.boolean(),
  evidenceCount: z.number().int(),
  commentCount: z.number().int(),
  /** 0 while the measure has not been tracked yet. */
  version: z.number().int().min(0),
});
export type TrackedMeasure = z.infer<typeof TrackedMeasure>;
export const TrackedMeasureList = z.object({ items: z.array(TrackedMeasure) });
export const TrackedMeasureQuery = z.object({
  status: MeasureStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});

export const MeasureComment = z.object({
  id: Id,
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: Timestamp,
});
export const Evidence = z.object({
  id: Id,
  kind: z.enum(['file', 'link']),
  title: z.string(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  uploadedBy: z.string().nullable(),
  uploadedAt: Timestamp,
});
export type Evidence = z.infer<typeof Evidence>;

export const TrackedMeasureDetail = TrackedMeasure.extend({
  guidance: LocalText,
  reasons: z.array(RequirementReason),
  serves: z.array(z.string()),
  comments: z.array(MeasureComment),
  evidence: z.array(Evidence),
});

const TrackingFields = z.object({
  status: MeasureStatus.optional(),
  ownerId: Id.nullable().optional(),
  dueDate: DateOnly.nullable().optional(),
  documentation: Maturity.nullable().optional(),
  implementation: Maturity.nullable().optional(),
  /** Required with the status niet-van-toepassing; the one who sets it approves it. */
  naReason: z.string().trim().min(1).max(2000).optional(),
  reviewDate: DateOnly.nullable().optional(),
});
export const MeasureTrackingUpdate = TrackingFields.extend({ version: z.number().int().min(0) });
export type MeasureTrackingUpdate = z.infer<typeof MeasureTrackingUpdate>;

/** The same change for many measures at once: all or nothing. */
export const MeasureBulkUpdate = z.object({
  items: z
    .array(z.object({ code: z.string().min(1).max(16), version: z.number().int().min(0) }))
    .min(1)
    .max(500),
  changes: TrackingFields.omit({ documentation: true, implementation: true }),
});
export const MeasureBulkResult = z.object({ updated: z.number().int() });

export const NewComment = z.object({ body: z.string().trim().min(1).max(4000) });
export const NewEvidenceLink = z.object({
  title: z.string().trim().min(1).max(200),
  url: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/ })),
});

/** Evidence files: at most this size, of these kinds (checked against the file's content). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const evidenceTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;

/** One cell the measure register workbook would change. */
export const RegisterChange = z.object({
  row: z.number().int(),
  code: z.string(),
  field: z.enum(['status', 'owner', 'dueDate', 'documentation', 'implementation', 'naReason', 'reviewDate']),
  before: z.union([z.string(), z.number(), z.null()]),
  after: z.union([z.string(), z.number(), z.null()]),
});
export const RegisterRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const RegisterImportResult = z.object({
  changes: z.array(RegisterChange),
  errors: z.array(RegisterRowError),
  /** True once applied; a preview never applies. */
  applied: z.boolean(),
});
