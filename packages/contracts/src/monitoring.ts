import { z } from 'zod';
import { BestuurKind } from './besturen.js';
import { LocalText } from './catalog.js';
import { BestuurParams, Id, Timestamp } from './common.js';

/** Regional monitoring (issue 5). Numbers and statuses only: never evidence, free text or risk details. */

/** Size classes by population; peers are besturen of the same kind and size class. */
export const sizeClasses = [
  { id: 'tot-10k', min: 0, max: 10_000 },
  { id: '10k-25k', min: 10_000, max: 25_000 },
  { id: '25k-50k', min: 25_000, max: 50_000 },
  { id: '50k-100k', min: 50_000, max: 100_000 },
  { id: '100k-plus', min: 100_000, max: null },
] as const;
export const SizeClass = z.enum(['tot-10k', '10k-25k', '25k-50k', '50k-100k', '100k-plus']);
export type SizeClass = z.infer<typeof SizeClass>;
export const sizeClassOf = (population: number | null): SizeClass =>
  (
    sizeClasses.find((s) => (population ?? 0) >= s.min && (s.max === null || (population ?? 0) < s.max)) ??
    sizeClasses[0]
  ).id;

export const ContinuityStatus = z.enum(['geen', 'gestart', 'bia', 'plan', 'goedgekeurd']);
export type ContinuityStatus = z.infer<typeof ContinuityStatus>;

/** The factors of the vulnerability score, each 0–1 (docs/monitoring.md). */
export const vulnerabilityFactors = [
  'maturity',
  'continuity',
  'highClass',
  'inactivity',
  'highRisks',
  'overdue',
] as const;
export const VulnerabilityFactor = z.enum(vulnerabilityFactors);
export type VulnerabilityFactor = z.infer<typeof VulnerabilityFactor>;
export const Weights = z.object(
  Object.fromEntries(vulnerabilityFactors.map((f) => [f, z.number().min(0).max(10)])) as Record<
    VulnerabilityFactor,
    z.ZodNumber
  >,
);
export type Weights = z.infer<typeof Weights>;
export const defaultWeights: Weights = {
  maturity: 3,
  continuity: 2,
  highClass: 2,
  inactivity: 1,
  highRisks: 1,
  overdue: 1,
};
export const WeightSettings = z.object({
  weights: Weights,
  version: z.number().int().min(0),
  updatedBy: z.string().nullable(),
  updatedAt: Timestamp.nullable(),
});
export const WeightUpdate = z.object({
  version: z.number().int().min(0),
  weights: Weights.refine((w) => Object.values(w).some((v) => v > 0), { message: 'weights_all_zero' }),
});

/** One bestuur's indicators as the region sees them. */
export const BestuurIndicators = z.object({
  bestuurId: Id,
  name: z.string(),
  kind: BestuurKind,
  province: z.string().nullable(),
  population: z.number().int().nullable(),
  sizeClass: SizeClass,
  computedAt: Timestamp,
  lastActivity: Timestamp.nullable(),
  /** CyFun Basic: reached or not, from an assessment or from the measures. */
  readinessPassed: z.boolean(),
  readinessBasis: z.enum(['assessment', 'measures']),
  /** Compliance score of CyFun Basic, 0–100. */
  readinessScore: z.number().nullable(),
  /** Total of the newest Basic self-assessment, 0–5. */
  cyfunTotal: z.number().nullable(),
  compliance: z.record(z.string(), z.number().nullable()),
  measuresRequired: z.number().int(),
  measuresImplemented: z.number().int(),
  /** Implemented over required, 0–100; null when nothing is required yet. */
  implementedShare: z.number().nullable(),
  measuresOverdue: z.number().int(),
  risksOpen: z.number().int(),
  risksHigh: z.number().int(),
  assets: z.number().int(),
  assetsHigh: z.number().int(),
  continuity: ContinuityStatus,
  /** 0–100, higher is more vulnerable, with the supervisor's weights. */
  vulnerability: z.number(),
});
export type BestuurIndicators = z.infer<typeof BestuurIndicators>;

export const OverviewSort = z.enum([
  'name',
  'readinessScore',
  'implementedShare',
  'risksHigh',
  'vulnerability',
  'lastActivity',
  'continuity',
]);
export const OverviewQuery = z.object({
  kind: BestuurKind.optional(),
  province: z.string().trim().min(1).max(60).optional(),
  size: SizeClass.optional(),
  sort: OverviewSort.optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;
/** The overview's exports: the same filter, Dutch unless lang=en. */
export const OverviewExportQuery = OverviewQuery.extend({ lang: z.enum(['nl', 'en']).optional() });

const Histogram = z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() }));
export const SectorTotals = z.object({
  besturen: z.number().int(),
  readinessPassed: z.number().int(),
  medianReadiness: z.number().nullable(),
  medianImplementedShare: z.number().nullable(),
  risksHigh: z.number().int(),
  measuresOverdue: z.number().int(),
  continuity: z.record(ContinuityStatus, z.number().int()),
  /** No activity in the last 6 months. */
  inactive: z.number().int(),
});
export const MonitoringOverview = z.object({
  computedAt: Timestamp.nullable(),
  totals: SectorTotals,
  distributions: z.object({ readiness: Histogram, implementedShare: Histogram }),
  items: z.array(BestuurIndicators),
});
export type MonitoringOverview = z.infer<typeof MonitoringOverview>;

/** The factor's value 0–1 and what it adds to the score (points of 100). */
const reason = { value: z.number(), points: z.number() };
/** A factor of a bestuur's score with the facts behind its value, to say it in words (docs/monitoring.md). */
export const VulnerabilityReason = z.discriminatedUnion('factor', [
  z.object({ factor: z.literal('maturity'), ...reason, readinessScore: z.number().nullable() }),
  z.object({ factor: z.literal('continuity'), ...reason, continuity: ContinuityStatus }),
  z.object({ factor: z.literal('highClass'), ...reason, assetsHigh: z.number().int(), assets: z.number().int() }),
  /** Whole days since the last activity; null when the bestuur has never done anything. */
  z.object({ factor: z.literal('inactivity'), ...reason, daysInactive: z.number().int().min(0).nullable() }),
  z.object({ factor: z.literal('highRisks'), ...reason, risksHigh: z.number().int() }),
  z.object({
    factor: z.literal('overdue'),
    ...reason,
    measuresOverdue: z.number().int(),
    measuresRequired: z.number().int(),
  }),
]);
export type VulnerabilityReason = z.infer<typeof VulnerabilityReason>;
// Every factor has its reason, and no more.
const _everyFactor: [VulnerabilityFactor, VulnerabilityReason['factor']] extends [
  VulnerabilityReason['factor'],
  VulnerabilityFactor,
]
  ? true
  : never = true;
export const VulnerableBestuur = z.object({
  bestuurId: Id,
  name: z.string(),
  kind: BestuurKind,
  province: z.string().nullable(),
  sizeClass: SizeClass,
  vulnerability: z.number(),
  reasons: z.array(VulnerabilityReason),
});
export const VulnerableList = z.object({
  weights: Weights,
  items: z.array(VulnerableBestuur),
});
export const VulnerableQuery = OverviewQuery.pick({ kind: true, province: true, size: true }).extend({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const MeasureRankingItem = z.object({
  code: z.string(),
  title: LocalText,
  /** Besturen whose classification requires it. */
  needed: z.number().int(),
  /** Of those, the besturen that have not implemented it (or declared it not applicable). */
  missing: z.number().int(),
  /** The risk the sector would shed: the sum of its weights over the besturen missing it. */
  impact: z.number(),
});
export const MeasureRanking = z.object({
  items: z.array(MeasureRankingItem),
});
export const RankingQuery = OverviewQuery.pick({ kind: true, province: true, size: true }).extend({
  sort: z.enum(['impact', 'missing']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const TrendPoint = z.object({
  month: z.string(),
  besturen: z.number().int(),
  readinessPassed: z.number().int(),
  medianReadiness: z.number().nullable(),
  medianImplementedShare: z.number().nullable(),
  risksHigh: z.number().int(),
  continuityApproved: z.number().int(),
});
export const SectorTrend = z.object({ points: z.array(TrendPoint) });

export const BestuurTrendPoint = z.object({
  month: z.string(),
  readinessPassed: z.boolean(),
  readinessScore: z.number().nullable(),
  implementedShare: z.number().nullable(),
  risksHigh: z.number().int(),
  measuresOverdue: z.number().int(),
  continuity: ContinuityStatus,
});
/** One bestuur, as the region sees it; `shared` only when the bestuur shares with the coach and the caller is a coach. */
export const RegionBestuurDetail = z.object({
  indicators: BestuurIndicators,
  reasons: z.array(VulnerabilityReason),
  trend: z.array(BestuurTrendPoint),
  shared: z
    .object({
      blocking: z.array(z.object({ id: z.string(), title: z.string() })),
      overdue: z.array(z.object({ code: z.string(), title: z.string() })),
      /** The level's name on the bestuur's matrix (missing in rows computed before it was added). */
      topRisks: z.array(z.object({ title: z.string(), level: z.string(), levelName: LocalText.optional() })),
    })
    .nullable(),
});
export const RegionBestuurParams = z.object({ bestuurId: z.string().min(1).max(64) });

export const PeerMetric = z.enum(['readiness', 'implemented', 'highRisks', 'overdue']);
export const PeerComparison = z.object({
  kind: BestuurKind,
  sizeClass: SizeClass,
  minimumPeers: z.number().int(),
  /** Empty when fewer than `minimumPeers` besturen of the same kind and size class exist. */
  metrics: z.array(
    z.object({
      metric: PeerMetric,
      own: z.number().nullable(),
      peers: z.number().int(),
      q1: z.number(),
      median: z.number(),
      q3: z.number(),
    }),
  ),
});
/** The bestuur's own view: its indicators, its trend, its peers and whether it shares with the coach. */
export const OwnMonitoring = z.object({
  indicators: BestuurIndicators.nullable(),
  trend: z.array(BestuurTrendPoint),
  peers: PeerComparison,
  shareWithCoach: z.boolean(),
});
export const SharingUpdate = z.object({ shareWithCoach: z.boolean() });
export const OwnMonitoringParams = BestuurParams;

export const SnapshotTrigger = z.object({
  /** YYYY-MM; the current month when left out. Only the current or the previous month. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});
export const SnapshotResult = z.object({ month: z.string(), taken: z.number().int() });
export const SnapshotList = z.object({
  items: z.array(z.object({ month: z.string(), besturen: z.number().int(), takenAt: Timestamp })),
});
export type VulnerableList = z.infer<typeof VulnerableList>;
export type MeasureRanking = z.infer<typeof MeasureRanking>;
