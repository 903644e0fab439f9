import type { Dashboard, TrackedMeasure } from '@baken/contracts';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { complianceIn, summaryOf } from '../compliance/compliance.service.js';
import { assessmentIn, assessmentsIn } from '../cyfun/assessments.service.js';
import { trackedIn } from '../measures/measures.service.js';
import { requiredMeasuresIn } from '../processes/processes.service.js';
import { matrixRow } from '../risks/matrix.service.js';
import { risksIn } from '../risks/risks.service.js';
import { lastMonths, monthlyProgress } from './progress.js';

/** The regional target level, and the CyFun edition the register's readiness is read against. */
const TARGET = 'basic' as const;
const EDITION_FRAMEWORK = 'cyfun-2023-03-01';

/**
 * Required measures implemented at the end of each of the last 12 months: today's number,
 * and the status changes into and out of "geimplementeerd" in the audit trail undone month
 * by month. Only the status matters: a change to the owner or a date of an implemented
 * measure moves nothing; "niet van toepassing" counts as not implemented.
 */
async function progress(tx: Tx, bestuurId: string, required: TrackedMeasure[]) {
  const now = new Date();
  const codes = required.map((m) => m.code);
  const current = required.filter((m) => m.status === 'geimplementeerd').length;
  const [first] = lastMonths(now);
  // A day before the first month in UTC, so the first Brussels month is whole; older events are not needed.
  const since = new Date(Date.parse(`${first}-01T00:00:00Z`) - 86_400_000);
  const implemented = sql.lit('geimplementeerd');
  const rows =
    codes.length === 0
      ? []
      : await tx
          .selectFrom('audit_events')
          .select([
            'occurred_at',
            sql<number>`CASE WHEN "after"->>'status' = ${implemented} THEN 1 ELSE -1 END`.as('delta'),
          ])
          .where('bestuur_id', '=', bestuurId)
          .where('object_type', '=', 'measure')
          .where('object_id', 'in', codes)
          .where('occurred_at', '>=', since)
          .where(
            sql<boolean>`("after"->>'status' IS NOT DISTINCT FROM ${implemented}) <> ("before"->>'status' IS NOT DISTINCT FROM ${implemented})`,
          )
          .execute();
  return monthlyProgress(
    current,
    rows.map((r) => ({ at: new Date(r.occurred_at), delta: r.delta > 0 ? 1 : -1 })),
    now,
  );
}

/** Compliance, readiness for CyFun Basic and what blocks it, overdue measures, top risks, progress. */
export const dashboard = async (db: Kysely<DB>, ctx: TenantCtx): Promise<Dashboard> =>
  (await dashboardWith(db, ctx)).board;

/** The dashboard with what it was built from (the regional indicators read them too). */
export async function dashboardWith(db: Kysely<DB>, ctx: TenantCtx) {
  // One transaction, and the required measures (they follow from every asset's class) derived
  // once, for the register and the compliance of every framework alike.
  const { required, measures, frameworks, risks, matrix, assessment, monthly } = await inScope(
    db,
    tenantScope(ctx),
    async (tx) => {
      const required = await requiredMeasuresIn(tx, ctx.tenantId);
      const measures = await trackedIn(tx, ctx.tenantId, {}, required);
      const newest = (await assessmentsIn(tx, ctx.tenantId)).find((a) => a.level === TARGET && a.total !== null);
      return {
        required,
        measures,
        frameworks: await complianceIn(tx, ctx.tenantId, measures, undefined, TARGET),
        risks: await risksIn(tx, ctx.tenantId),
        matrix: (await matrixRow(tx, ctx.tenantId)).matrix,
        assessment: newest ? await assessmentIn(tx, ctx.tenantId, newest.id) : null,
        monthly: await progress(
          tx,
          ctx.tenantId,
          measures.filter((m) => m.required),
        ),
      };
    },
  );
  const compliance = frameworks.map(summaryOf);
  const tracked = measures.filter((m) => m.required);
  const byStatus: Record<string, number> = {};
  for (const m of tracked) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;

  let readiness: Dashboard['readiness'];
  if (assessment) {
    const a = assessment;
    const titles = new Map(a.rows.map((r) => [r.id, r]));
    readiness = {
      target: TARGET,
      basis: 'assessment',
      assessmentId: a.id,
      total: a.result.total,
      passed: a.result.passed === true,
      failures: a.result.failures,
      blockingRequirements: a.result.failures.flatMap((f) => {
        const r = f.id ? titles.get(f.id) : undefined;
        return r ? [{ id: r.id, title: r.title, keyMeasure: r.keyMeasure, result: f.criterion }] : [];
      }),
    };
  } else {
    const edition = frameworks.find((f) => f.framework === EDITION_FRAMEWORK);
    if (!edition) throw notFound();
    const blocking = edition.requirements.filter((r) => r.result !== 'compliant' && r.result !== 'not-applicable');
    readiness = {
      target: TARGET,
      basis: 'measures',
      assessmentId: null,
      total: null,
      passed: blocking.length === 0,
      failures: [],
      blockingRequirements: blocking
        .sort((x, y) => Number(y.keyMeasure !== null) - Number(x.keyMeasure !== null))
        .map((r) => ({ id: r.id, title: r.title, keyMeasure: r.keyMeasure !== null, result: r.result })),
    };
  }

  const rank = new Map(matrix.levels.map((l, i) => [l.id, i]));
  const weight = (r: (typeof risks)[number]) => rank.get((r.residualLevel ?? r.inherentLevel).id) ?? 0;
  const board: Dashboard = {
    compliance,
    readiness,
    measures: {
      required: tracked.length,
      byStatus,
      overdue: measures
        .filter((m) => m.overdue)
        .map((m) => ({
          code: m.code,
          title: m.title,
          status: m.status,
          dueDate: m.dueDate,
          reviewDate: m.reviewDate,
          ownerName: m.ownerName,
        })),
    },
    topRisks: [...risks]
      .sort(
        (a, b) => weight(b) - weight(a) || (rank.get(b.inherentLevel.id) ?? 0) - (rank.get(a.inherentLevel.id) ?? 0),
      )
      .slice(0, 5)
      .map((r) => ({
        id: r.id,
        title: r.title,
        level: r.inherentLevel,
        residualLevel: r.residualLevel,
        treatment: r.treatment,
      })),
    progress: monthly,
  };
  return { board, required, risks, matrix };
}
