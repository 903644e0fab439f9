import { type Kysely, sql } from 'kysely';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { inScope } from '../../platform/tenancy.js';
import { dashboardWith } from '../dashboard/dashboard.service.js';

/** The class from which an asset counts as highly classified (ICR 4 secret, 5 highest). */
export const HIGH_CLASS = 4;
/** The framework whose score stands for CyFun Basic readiness. */
const READINESS_FRAMEWORK = 'cyfun-2023-03-01';
/** Statuses that close a measure for the monitoring. */
const DONE = new Set(['geimplementeerd', 'niet-van-toepassing']);

/** Computes as Baken itself: no user, the bestuur's scope only. */
export const systemCtx = (bestuurId: string): TenantCtx => ({
  requestId: 'indicators',
  userId: '00000000-0000-0000-0000-000000000000',
  actorName: 'Baken',
  lang: 'nl',
  permissions: new Set(),
  regionalRoles: [],
  tenantId: bestuurId,
});

export interface RequiredMeasureWeight {
  code: string;
  /** 1 + the assets whose class requires it + the severity share of open risks it treats (docs/monitoring.md). */
  weight: number;
  /** Implemented, or declared not applicable. */
  done: boolean;
}

/** One bestuur's indicators, as stored in bestuur_indicators. */
export interface Indicators {
  lastActivity: Date | null;
  readinessPassed: boolean;
  readinessBasis: 'assessment' | 'measures';
  readinessScore: number | null;
  cyfunTotal: number | null;
  measuresRequired: number;
  measuresImplemented: number;
  measuresOverdue: number;
  risksOpen: number;
  risksHigh: number;
  assets: number;
  assetsHigh: number;
  continuity: 'geen' | 'gestart' | 'bia' | 'plan' | 'goedgekeurd';
  compliance: Record<string, number | null>;
  measures: RequiredMeasureWeight[];
  details: {
    blocking: { id: string; title: string }[];
    overdue: { code: string; title: string }[];
    topRisks: { title: string; level: string; levelName: { nl: string; en: string } }[];
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Counts that come straight from the tables, in the bestuur's scope. */
async function counts(tx: Kysely<DB>, bestuurId: string) {
  const assets = await tx
    .selectFrom('bestuur_assets as a')
    .innerJoin('bestuur_processes as p', (j) =>
      j.onRef('p.id', '=', 'a.process_id').onRef('p.bestuur_id', '=', 'a.bestuur_id'),
    )
    .where('a.bestuur_id', '=', bestuurId)
    .where('p.applicable', '=', true)
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) FILTER (WHERE greatest(a.c, a.i, a.a) >= ${HIGH_CLASS})::int`.as('high'),
    ])
    .executeTakeFirstOrThrow();
  const activity = await tx
    .selectFrom('audit_events')
    .where('bestuur_id', '=', bestuurId)
    .select(sql<Date | null>`max(occurred_at)`.as('last'))
    .executeTakeFirstOrThrow();
  const exists = (table: string) =>
    sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(table)} WHERE bestuur_id = ${bestuurId})`;
  const continuity = await sql<{ evaluation: boolean; bia: boolean; plan: boolean; approved: boolean }>`
    SELECT ${exists('bestuur_bc_self_evaluations')} AS evaluation, ${exists('bestuur_bia')} AS bia,
           ${exists('bestuur_bc_plans')} AS plan,
           EXISTS (SELECT 1 FROM bestuur_bc_plans WHERE bestuur_id = ${bestuurId}
                    AND sections->'documentControl'->>'approvedOn' IS NOT NULL) AS approved`.execute(tx);
  const tracked = await tx
    .selectFrom('bestuur_measures')
    .where('bestuur_id', '=', bestuurId)
    .select(['measure_code', 'status'])
    .execute();
  const statuses = new Map(tracked.map((m) => [m.measure_code, m.status as string]));
  return { assets, last: activity.last, continuity: continuity.rows[0], statuses };
}

export function continuityStatus(c: { evaluation: boolean; bia: boolean; plan: boolean; approved: boolean }) {
  if (c.approved) return 'goedgekeurd' as const;
  if (c.plan) return 'plan' as const;
  if (c.bia) return 'bia' as const;
  if (c.evaluation) return 'gestart' as const;
  return 'geen' as const;
}

/** Everything the region may know of one bestuur, computed with the bestuur's own services. */
export async function computeIndicators(db: Kysely<DB>, bestuurId: string): Promise<Indicators> {
  const ctx = systemCtx(bestuurId);
  const { board, required, risks, matrix } = await dashboardWith(db, ctx);
  const base = await inScope(db, { tenantId: bestuurId }, (tx) => counts(tx, bestuurId));

  const today = new Date().toISOString().slice(0, 10);
  const rank = new Map(matrix.levels.map((l, i) => [l.id, i]));
  const top = matrix.levels.length - 1;
  const severity = (r: (typeof risks)[number]) => (rank.get((r.residualLevel ?? r.inherentLevel).id) ?? 0) / (top || 1);
  const open = risks.filter((r) => !(r.treatment === 'aanvaarden' && r.acceptance && r.acceptance.until >= today));
  const high = open.filter((r) => (rank.get((r.residualLevel ?? r.inherentLevel).id) ?? 0) >= Math.max(top - 1, 1));

  // What each open risk would shed, shared among the measures that treat it.
  const riskShare = new Map<string, number>();
  for (const r of open) {
    for (const m of r.measures) {
      riskShare.set(m.code, (riskShare.get(m.code) ?? 0) + severity(r) / r.measures.length);
    }
  }
  const measures = required.map((m) => ({
    code: m.code,
    weight: round1(1 + m.assetCount + (riskShare.get(m.code) ?? 0)),
    done: DONE.has(base.statuses.get(m.code) ?? 'niet-gestart'),
  }));

  const compliance = Object.fromEntries(board.compliance.map((f) => [f.framework, f.score]));
  const readinessFramework = board.compliance.find((f) => f.framework === READINESS_FRAMEWORK);
  const implemented = board.measures.byStatus.geimplementeerd ?? 0;
  return {
    lastActivity: base.last ? new Date(base.last) : null,
    readinessPassed: board.readiness.passed,
    readinessBasis: board.readiness.basis,
    readinessScore: readinessFramework?.score ?? null,
    cyfunTotal: board.readiness.total,
    measuresRequired: board.measures.required,
    measuresImplemented: implemented,
    measuresOverdue: board.measures.overdue.length,
    risksOpen: open.length,
    risksHigh: high.length,
    assets: base.assets.total,
    assetsHigh: base.assets.high,
    continuity: continuityStatus(base.continuity),
    compliance,
    measures,
    details: {
      blocking: board.readiness.blockingRequirements.slice(0, 10).map((r) => ({ id: r.id, title: r.title.nl })),
      overdue: board.measures.overdue.slice(0, 10).map((m) => ({ code: m.code, title: m.title.nl })),
      topRisks: board.topRisks.map((r) => {
        const level = r.residualLevel ?? r.level;
        return { title: r.title, level: level.id, levelName: level.name };
      }),
    },
  };
}
