import type { Dashboard } from '@baken/contracts';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { inScope } from '../../platform/tenancy.js';
import { frameworkDetail, overview } from '../compliance/compliance.service.js';
import { getAssessment, listAssessments } from '../cyfun/assessments.service.js';
import { listTracked } from '../measures/measures.service.js';
import { getMatrix } from '../risks/matrix.service.js';
import { listRisks } from '../risks/risks.service.js';

/** The regional target level, and the CyFun edition the register's readiness is read against. */
const TARGET = 'basic' as const;
const EDITION_FRAMEWORK = 'cyfun-2023-03-01';

/** Measures implemented by the end of each of the last 12 months, from the audit trail. */
async function progress(db: Kysely<DB>, ctx: TenantCtx) {
  const rows = await inScope(db, { tenantId: ctx.tenantId, userId: ctx.userId }, (tx) =>
    tx
      .selectFrom('audit_events')
      .select([
        sql<string>`to_char(date_trunc('month', occurred_at), 'YYYY-MM')`.as('month'),
        sql<number>`sum(CASE WHEN "after"->>'status' = 'geimplementeerd' THEN 1 WHEN "before"->>'status' = 'geimplementeerd' THEN -1 ELSE 0 END)::int`.as(
          'delta',
        ),
      ])
      .where('bestuur_id', '=', ctx.tenantId)
      .where('object_type', '=', 'measure')
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute(),
  );
  const deltas = new Map(rows.map((r) => [r.month, r.delta]));
  const now = new Date();
  const months = Array.from({ length: 12 }, (_, k) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + k, 1));
    return d.toISOString().slice(0, 7);
  });
  let total = rows.filter((r) => r.month < months[0]).reduce((n, r) => n + r.delta, 0);
  return months.map((month) => {
    total += deltas.get(month) ?? 0;
    return { month, implemented: total };
  });
}

/** Compliance, readiness for CyFun Basic and what blocks it, overdue measures, top risks, progress. */
export async function dashboard(db: Kysely<DB>, ctx: TenantCtx): Promise<Dashboard> {
  const [compliance, measures, risks, { matrix }, assessments] = [
    await overview(db, ctx, TARGET),
    await listTracked(db, ctx),
    await listRisks(db, ctx),
    await getMatrix(db, ctx),
    await listAssessments(db, ctx),
  ];
  const required = measures.filter((m) => m.required);
  const byStatus: Record<string, number> = {};
  for (const m of required) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;

  const newest = assessments.find((a) => a.level === TARGET && a.total !== null);
  let readiness: Dashboard['readiness'];
  if (newest) {
    const a = await getAssessment(db, ctx, newest.id);
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
    const detail = await frameworkDetail(db, ctx, EDITION_FRAMEWORK, TARGET);
    const blocking = detail.requirements.filter((r) => r.result !== 'compliant' && r.result !== 'not-applicable');
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
  return {
    compliance,
    readiness,
    measures: {
      required: required.length,
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
    progress: await progress(db, ctx),
  };
}
