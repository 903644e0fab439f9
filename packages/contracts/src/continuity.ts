import { z } from 'zod';
import { LocalText } from './catalog.js';
import { BestuurParams, Id, Timestamp } from './common.js';

/**
 * Business continuity (issue 6): the self-evaluation, the business impact analysis (BIA)
 * per process, the consistency checks, the continuity plan and the coach's review.
 */

const DateOnly = z.iso.date();
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null));
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()./-]{5,24}$/, { message: 'phone_invalid' });
const VersionIn = z.number().int().min(0);

// ---------------------------------------------------------------- self-evaluation

export const selfEvaluationAnswers = ['ja', 'deels', 'nee'] as const;
export const SelfEvaluationAnswer = z.enum(selfEvaluationAnswers);
export type SelfEvaluationAnswer = z.infer<typeof SelfEvaluationAnswer>;

export const SelfEvaluationQuestion = z.object({
  id: z.string(),
  number: z.number().int(),
  question: LocalText,
  advice: z.object({ ja: LocalText, deels: LocalText, nee: LocalText }),
});
export const SelfEvaluationQuestionList = z.object({ items: z.array(SelfEvaluationQuestion) });

export const NewSelfEvaluation = z.object({
  answers: z
    .array(
      z.object({
        questionId: z.string().max(64),
        answer: SelfEvaluationAnswer,
        note: OptionalText(2000).default(null),
      }),
    )
    .min(1)
    .max(20),
});

const Score = z.object({ points: z.number().int(), max: z.number().int(), percent: z.number().int() });

export const SelfEvaluationSummary = z.object({
  id: Id,
  createdAt: Timestamp,
  createdBy: z.string().nullable(),
  score: Score,
  counts: z.object({ ja: z.number().int(), deels: z.number().int(), nee: z.number().int() }),
});
export const SelfEvaluation = SelfEvaluationSummary.extend({
  answers: z.array(
    z.object({
      questionId: z.string(),
      number: z.number().int(),
      question: LocalText,
      answer: SelfEvaluationAnswer,
      note: z.string().nullable(),
      points: z.number().int(),
      advice: LocalText,
    }),
  ),
  /** The previous evaluation's answer per question, to show progress; null for the first. */
  previous: z
    .object({ id: Id, createdAt: Timestamp, score: Score, answers: z.record(z.string(), SelfEvaluationAnswer) })
    .nullable(),
});
export type SelfEvaluation = z.infer<typeof SelfEvaluation>;
export const SelfEvaluationList = z.object({ items: z.array(SelfEvaluationSummary) });
export const SelfEvaluationParams = BestuurParams.extend({ evaluationId: Id });

// ---------------------------------------------------------------- BIA

export const timePoints = ['4h', '1d', '3d', '1w', '2w', '1m'] as const;
export const TimePoint = z.enum(timePoints);
export type TimePoint = z.infer<typeof TimePoint>;
/** The hours of each time point, in the order of `timePoints`. */
export const timePointHours: Record<TimePoint, number> = {
  '4h': 4,
  '1d': 24,
  '3d': 72,
  '1w': 168,
  '2w': 336,
  '1m': 720,
};

export const impactAreas = [
  'dienstverlening',
  'financieel',
  'juridisch',
  'reputatie',
  'veiligheid',
  'persoonsgegevens',
] as const;
export const ImpactArea = z.enum(impactAreas);
export type ImpactArea = z.infer<typeof ImpactArea>;

const Rating = z.number().int().min(0).max(4);
/** Per impact area, a rating 0-4 at each of the six time points; never lower than the one before. */
export const Impacts = z.record(ImpactArea, z.array(Rating).length(timePoints.length)).superRefine((impacts, ctx) => {
  for (const [area, row] of Object.entries(impacts))
    if (row?.some((v, i) => i > 0 && v < row[i - 1]))
      ctx.addIssue({ code: 'custom', path: [area], message: 'bia_impact_decreases' });
});
export type Impacts = Record<ImpactArea, number[]>;

export const ImpactAreaInfo = z.object({ id: ImpactArea, name: LocalText, scale: z.array(LocalText) });
export const ContinuitySettings = z.object({
  /** The impact level (1-4) the bestuur calls unacceptable. */
  unacceptableLevel: z.number().int().min(1).max(4),
  /** A process is critical when its MTPD is this time point or earlier. */
  criticalThreshold: TimePoint,
  version: z.number().int().min(0),
});
export type ContinuitySettings = z.infer<typeof ContinuitySettings>;
export const ContinuitySettingsUpdate = z.object({
  version: VersionIn,
  unacceptableLevel: z.number().int().min(1).max(4),
  criticalThreshold: TimePoint,
});
/** Everything a BIA screen needs once: areas with their scale, time points, settings. */
export const BiaFramework = z.object({
  timePoints: z.array(z.object({ id: TimePoint, hours: z.number().int() })),
  impactAreas: z.array(ImpactAreaInfo),
  settings: ContinuitySettings,
});

const Named = z.object({ id: Id, name: z.string() });
export const BiaDependencies = z.object({
  applications: z.array(Named.extend({ recoveryTimeHours: z.number().int().nullable() })),
  suppliers: z.array(Named),
  processes: z.array(z.object({ id: Id, name: LocalText })),
});

export const Bia = z.object({
  processId: Id,
  processName: LocalText,
  domain: z.string(),
  /** true once saved; false: a proposal from the defaults, not stored yet. */
  saved: z.boolean(),
  /** The highest availability class of the process's assets, which the proposal starts from. */
  availabilityClass: z.number().int().min(1).max(5).nullable(),
  impacts: z.record(ImpactArea, z.array(Rating)),
  /** The first time point at which any area reaches the unacceptable level; null: not within a month. */
  mtpd: TimePoint.nullable(),
  mtpdHours: z.number().int().nullable(),
  critical: z.boolean(),
  rtoHours: z.number().int().nullable(),
  rpoHours: z.number().int().nullable(),
  minimumServiceLevel: z.string().nullable(),
  peakPeriods: z.string().nullable(),
  keyRoles: z.array(z.string()),
  locations: z.array(z.string()),
  dependencies: BiaDependencies,
  notes: z.string().nullable(),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.string().nullable(),
  version: z.number().int().min(0),
});
export type Bia = z.infer<typeof Bia>;

/** A row of the BIA overview: one per applicable process. */
export const BiaSummary = Bia.pick({
  processId: true,
  processName: true,
  domain: true,
  saved: true,
  availabilityClass: true,
  mtpd: true,
  mtpdHours: true,
  critical: true,
  rtoHours: true,
  rpoHours: true,
  version: true,
}).extend({
  highestImpact: z.number().int(),
  dependencyCount: z.number().int(),
});
export const BiaList = z.object({
  settings: ContinuitySettings,
  counts: z.object({ processes: z.number().int(), saved: z.number().int(), critical: z.number().int() }),
  items: z.array(BiaSummary),
});

const Names = z.array(z.string().trim().min(1).max(200)).max(50);
export const BiaUpdate = z.object({
  /** 0 to save a proposal for the first time. */
  version: VersionIn,
  impacts: Impacts,
  rtoHours: z.number().int().min(1).max(8760).nullable(),
  rpoHours: z.number().int().min(0).max(8760).nullable(),
  minimumServiceLevel: OptionalText(2000),
  peakPeriods: OptionalText(1000),
  keyRoles: Names,
  locations: Names,
  applicationIds: z.array(Id).max(100),
  supplierIds: z.array(Id).max(100),
  processIds: z.array(Id).max(100),
  notes: OptionalText(4000).default(null),
});
export type BiaUpdate = z.infer<typeof BiaUpdate>;
export const BiaParams = BestuurParams.extend({ processId: Id });

// ---------------------------------------------------------------- applications' recovery

export const ApplicationRecovery = z.object({
  applicationId: Id,
  name: z.string(),
  supplierName: z.string().nullable(),
  /** How long restoring the application takes (agreed with IT or the supplier), in hours. */
  recoveryTimeHours: z.number().int().nullable(),
  procedure: z.string().nullable(),
  /** The processes whose BIA depends on it, with their RTO. */
  processes: z.array(
    z.object({ id: Id, name: LocalText, rtoHours: z.number().int().nullable(), critical: z.boolean() }),
  ),
  /** The smallest RTO of those processes: the time the application must be back within. */
  requiredHours: z.number().int().nullable(),
  /** 1-based place in the recovery order; null when no critical process depends on it. */
  order: z.number().int().nullable(),
  version: z.number().int().min(0),
});
export type ApplicationRecovery = z.infer<typeof ApplicationRecovery>;
export const ApplicationRecoveryList = z.object({ items: z.array(ApplicationRecovery) });
export const ApplicationRecoveryUpdate = z.object({
  version: VersionIn,
  recoveryTimeHours: z.number().int().min(1).max(8760).nullable(),
  procedure: OptionalText(8000),
});
export const ApplicationRecoveryParams = BestuurParams.extend({ applicationId: Id });

// ---------------------------------------------------------------- checks

export const continuityCheckCodes = [
  'application_slower_than_rto',
  'application_without_recovery_time',
  'critical_without_procedure',
  'rto_exceeds_mtpd',
  'no_recent_exercise',
  'crisis_member_without_phone',
] as const;
export const ContinuityCheck = z.object({
  code: z.enum(continuityCheckCodes),
  severity: z.enum(['hoog', 'middel']),
  subject: z
    .object({ kind: z.enum(['process', 'application', 'crisis-member', 'exercise']), id: z.string(), name: z.string() })
    .nullable(),
  message: LocalText,
});
export type ContinuityCheck = z.infer<typeof ContinuityCheck>;
export const ContinuityCheckList = z.object({ items: z.array(ContinuityCheck) });

// ---------------------------------------------------------------- plan

export const strategies = ['manueel', 'andere-locatie', 'andere-leverancier', 'uitval-aanvaarden'] as const;
export const Strategy = z.enum(strategies);

export const CrisisMember = z.object({
  role: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  phone: Phone.nullable(),
  deputyName: OptionalText(200),
  deputyPhone: Phone.nullable(),
});
export const Communication = z.object({
  staff: OptionalText(4000),
  citizens: OptionalText(4000),
  press: OptionalText(4000),
  authorities: OptionalText(4000),
});
export const DocumentControl = z.object({
  documentVersion: OptionalText(20),
  approvedBy: z.enum(['college', 'raad', 'vast-bureau']).nullable(),
  approvedOn: DateOnly.nullable(),
  nextReview: DateOnly.nullable(),
});

/** The parts of the plan written by hand (the rest follows from the BIA and the registers). */
export const PlanSections = z.object({
  scope: OptionalText(8000),
  crisisTeam: z.array(CrisisMember).max(50),
  callTree: OptionalText(8000),
  meetingPlace: OptionalText(1000),
  alternativeMeetingPlace: OptionalText(1000),
  activationCriteria: OptionalText(8000),
  escalation: OptionalText(8000),
  communication: Communication,
  documentControl: DocumentControl,
});
export type PlanSections = z.infer<typeof PlanSections>;
export const PlanUpdate = PlanSections.partial().extend({ version: VersionIn });

export const ProcessStrategy = z.object({
  processId: Id,
  processName: LocalText,
  mtpd: TimePoint.nullable(),
  rtoHours: z.number().int().nullable(),
  rpoHours: z.number().int().nullable(),
  minimumServiceLevel: z.string().nullable(),
  strategy: Strategy.nullable(),
  description: z.string().nullable(),
  procedure: z.string().nullable(),
  version: z.number().int().min(0),
});
export const StrategyUpdate = z.object({
  version: VersionIn,
  strategy: Strategy,
  description: OptionalText(4000),
  procedure: OptionalText(8000),
});

export const StrategyState = z.object({
  processId: Id,
  strategy: Strategy,
  description: z.string().nullable(),
  procedure: z.string().nullable(),
  version: z.number().int(),
});

export const ExerciseAction = z.object({
  description: z.string().trim().min(1).max(1000),
  owner: OptionalText(200),
  due: DateOnly.nullable(),
  done: z.boolean(),
});
export const exerciseKinds = ['tafeloefening', 'technische-test', 'volledige-oefening'] as const;
const ExerciseFields = z.object({
  title: z.string().trim().min(1).max(300),
  kind: z.enum(exerciseKinds),
  plannedOn: DateOnly.nullable(),
  heldOn: DateOnly.nullable(),
  scenario: OptionalText(4000),
  findings: OptionalText(8000),
  actions: z.array(ExerciseAction).max(50),
});
export const NewExercise = ExerciseFields.extend({
  plannedOn: DateOnly.nullable().default(null),
  heldOn: DateOnly.nullable().default(null),
  scenario: OptionalText(4000).default(null),
  findings: OptionalText(8000).default(null),
  actions: z.array(ExerciseAction).max(50).default([]),
});
export const ExerciseUpdate = ExerciseFields.partial().extend({ version: z.number().int().min(1) });
export const Exercise = ExerciseFields.extend({
  id: Id,
  actions: z.array(ExerciseAction),
  openActions: z.number().int(),
  version: z.number().int(),
});
export type Exercise = z.infer<typeof Exercise>;
export const ExerciseList = z.object({ items: z.array(Exercise) });
export const ExerciseParams = BestuurParams.extend({ exerciseId: Id });
export const ExerciseDeleteQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export const Plan = z.object({
  sections: PlanSections,
  settings: ContinuitySettings,
  /** The critical processes with their strategy, most urgent first. */
  strategies: z.array(ProcessStrategy),
  /** The applications critical processes need, in recovery order. */
  recovery: z.array(ApplicationRecovery),
  exercises: z.array(Exercise),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.string().nullable(),
  version: z.number().int().min(0),
});
export type Plan = z.infer<typeof Plan>;

// ---------------------------------------------------------------- review

export const reviewSubjects = ['bia', 'plan'] as const;
export const ReviewSubject = z.enum(reviewSubjects);
export const reviewStates = ['ingediend', 'teruggestuurd', 'aanvaard'] as const;
export const ReviewState = z.enum(reviewStates);
export const ReviewEvent = z.object({
  id: Id,
  kind: z.enum(['ingediend', 'opmerking', 'teruggestuurd', 'aanvaard']),
  /** The section a comment is about; null for the whole submission. */
  section: z.string().nullable(),
  body: z.string().nullable(),
  author: z.string().nullable(),
  authorSide: z.enum(['bestuur', 'coach']),
  at: Timestamp,
});
export const ReviewSummary = z.object({
  id: Id,
  bestuurId: Id,
  bestuurName: z.string(),
  subject: ReviewSubject,
  state: ReviewState,
  submittedAt: Timestamp,
  submittedBy: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  decidedBy: z.string().nullable(),
  comments: z.number().int(),
  version: z.number().int(),
});
export const ReviewList = z.object({ items: z.array(ReviewSummary) });
export const Review = ReviewSummary.extend({
  sections: z.array(z.object({ key: z.string(), title: LocalText })),
  /** What was submitted, as it was then: a BiaList with every BIA, or a Plan. */
  snapshot: z.record(z.string(), z.unknown()),
  events: z.array(ReviewEvent),
});
export type Review = z.infer<typeof Review>;
export const NewReview = z.object({ subject: ReviewSubject, message: OptionalText(4000).default(null) });
export const ReviewComment = z.object({
  section: z.string().max(64).nullable().default(null),
  body: z.string().trim().min(1).max(8000),
});
export const ReviewDecision = z.object({
  version: z.number().int().min(1),
  decision: z.enum(['teruggestuurd', 'aanvaard']),
  message: OptionalText(8000).default(null),
});
export const ReviewParams = BestuurParams.extend({ reviewId: Id });
export const RegionReviewParams = z.object({ reviewId: Id });
export const RegionReviewQuery = z.object({ state: ReviewState.optional() });
