import {
  type BestuurIndicators,
  type BestuurKind,
  type SizeClass,
  type VulnerableList,
  type Weights,
  defaultWeights,
  sizeClassOf,
  sizeClasses,
} from '@baken/contracts';
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx, TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import { type Filter, filterSql, itemJson, rowsCte, vulnerableSql } from './queries.js';
import { drainQueue, queueLength, refreshBestuur } from './refresher.js';

export const MINIMUM_PEERS = 5;

/** The regional scope: every bestuur's indicator rows, as this user (numbers only). */
export const region = (ctx: Ctx) => ({ userId: ctx.userId, region: true });
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The supervisor's weights of the vulnerability score (the defaults until someone sets them). */
export async function weightSettings(db: Kysely<DB>) {
  const row = await db.selectFrom('monitoring_settings').selectAll().executeTakeFirst();
  if (!row) return { weights: defaultWeights, version: 0, updatedBy: null, updatedAt: null };
  const by = row.updated_by
    ? await db.selectFrom('users').select('display_name').where('id', '=', row.updated_by).executeTakeFirst()
    : undefined;
  return {
    weights: { ...defaultWeights, ...(row.weights as Partial<Weights>) },
    version: row.version,
    updatedBy: by?.display_name ?? null,
    updatedAt: iso(row.updated_at),
  };
}

export async function updateWeights(db: Kysely<DB>, ctx: Ctx, input: { version: number; weights: Weights }) {
  return inScope(db, { userId: ctx.userId }, async (tx) => {
    const current = await weightSettings(tx as Kysely<DB>);
    if (current.version !== input.version) throw conflict(current);
    if (current.version === 0) {
      await tx
        .insertInto('monitoring_settings')
        .values({ weights: JSON.stringify(input.weights), updated_by: ctx.userId })
        .execute();
    } else {
      await tx
        .updateTable('monitoring_settings')
        .set({
          weights: JSON.stringify(input.weights),
          version: sql`version + 1`,
          updated_by: ctx.userId,
          updated_at: new Date(),
        })
        .execute();
    }
    await recordAudit(tx, ctx, {
      bestuurId: null,
      action: 'update',
      objectType: 'monitoring_weights',
      objectId: 'weights',
      objectLabel: 'Kwetsbaarheidsscore',
      before: current.weights,
      after: input.weights,
    });
    return weightSettings(tx as Kysely<DB>);
  });
}

interface SnapshotIndicators {
  readiness_passed: boolean;
  readiness_score: number | null;
  measures_required: number;
  measures_implemented: number;
  measures_overdue: number;
  risks_high: number;
  continuity: BestuurIndicators['continuity'];
}

const trendPoint = (month: string, i: SnapshotIndicators) => ({
  month,
  readinessPassed: i.readiness_passed,
  readinessScore: i.readiness_score === null ? null : Number(i.readiness_score),
  implementedShare:
    i.measures_required > 0 ? Math.round((1000 * i.measures_implemented) / i.measures_required) / 10 : null,
  risksHigh: i.risks_high,
  measuresOverdue: i.measures_overdue,
  continuity: i.continuity,
});

/** The snapshots of one bestuur, oldest first (in a scope that can read them). */
async function trendOf(tx: Kysely<DB>, bestuurId: string) {
  const rows = await tx
    .selectFrom('indicator_snapshots')
    .select([sql<string>`to_char(month, 'YYYY-MM')`.as('month'), 'indicators'])
    .where('bestuur_id', '=', bestuurId)
    .orderBy('month')
    .execute();
  return rows.map((r) => trendPoint(r.month, r.indicators as unknown as SnapshotIndicators));
}

/** The sector per month: from the snapshots, one point per month. */
export async function sectorTrend(db: Kysely<DB>, ctx: Ctx, f: Filter) {
  return inScope(db, region(ctx), async (tx) => {
    const { rows } = await sql<{
      month: string;
      besturen: number;
      readiness_passed: number;
      median_readiness: number | null;
      median_share: number | null;
      risks_high: number;
      approved: number;
    }>`
      SELECT to_char(s.month, 'YYYY-MM') AS month, count(*)::int AS besturen,
             count(*) FILTER (WHERE (s.indicators->>'readiness_passed')::boolean)::int AS readiness_passed,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY (s.indicators->>'readiness_score')::numeric) AS median_readiness,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN (s.indicators->>'measures_required')::int > 0
               THEN 100.0 * (s.indicators->>'measures_implemented')::int / (s.indicators->>'measures_required')::int END) AS median_share,
             coalesce(sum((s.indicators->>'risks_high')::int), 0)::int AS risks_high,
             count(*) FILTER (WHERE s.indicators->>'continuity' = 'goedgekeurd')::int AS approved
        FROM indicator_snapshots s JOIN besturen b ON b.id = s.bestuur_id
       WHERE ${filterSql(f)}
       GROUP BY s.month ORDER BY s.month`.execute(tx);
    const round = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);
    return {
      points: rows.map((r) => ({
        month: r.month,
        besturen: r.besturen,
        readinessPassed: r.readiness_passed,
        medianReadiness: round(r.median_readiness),
        medianImplementedShare: round(r.median_share),
        risksHigh: r.risks_high,
        continuityApproved: r.approved,
      })),
    };
  });
}

/** One bestuur's indicators as the overview gives them, or null before they are computed. */
async function itemOf(tx: Kysely<DB>, bestuurId: string, weights: Weights) {
  const { rows } = await sql<{ body: string }>`
    WITH ${rowsCte({ id: bestuurId }, weights)} SELECT ${itemJson}::text AS body FROM rows r`.execute(tx);
  return rows[0] ? (JSON.parse(rows[0].body) as BestuurIndicators) : null;
}

/** One bestuur as the region sees it; names and free text only for a coach of a bestuur that shares. */
export async function regionBestuur(db: Kysely<DB>, ctx: Ctx, bestuurId: string) {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!UUID.test(bestuurId)) throw notFound();
  const bestuur = await db
    .selectFrom('besturen')
    .select(['id', 'active', 'share_with_coach'])
    .where('id', '=', bestuurId)
    .executeTakeFirst();
  if (!bestuur?.active) throw notFound();
  const { weights } = await weightSettings(db);
  const read = () =>
    inScope(db, region(ctx), async (tx) => {
      const item = await itemOf(tx, bestuurId, weights);
      if (!item) return null;
      const list = JSON.parse(
        (await vulnerableSql({ id: bestuurId }, weights, 1).execute(tx)).rows[0].body,
      ) as VulnerableList;
      const details = await tx
        .selectFrom('bestuur_indicators')
        .select('details')
        .where('bestuur_id', '=', bestuurId)
        .executeTakeFirstOrThrow();
      return {
        indicators: item,
        reasons: list.items[0]?.reasons ?? [],
        trend: await trendOf(tx, bestuurId),
        details: details.details,
      };
    });
  let found = await read();
  if (!found) {
    await refreshBestuur(db, bestuurId);
    found = await read();
  }
  if (!found) throw notFound();
  const shared = bestuur.share_with_coach && ctx.regionalRoles.includes('coach');
  return {
    indicators: found.indicators,
    reasons: found.reasons,
    trend: found.trend,
    shared: shared ? (found.details as never) : null,
  };
}

/** The peers of a bestuur: medians and quartiles over besturen of its kind and size class, at least 5. */
async function peersOf(tx: Kysely<DB>, kind: BestuurKind, population: number | null, own: BestuurIndicators | null) {
  const size: SizeClass = sizeClassOf(population);
  const cls = sizeClasses.find((s) => s.id === size) ?? sizeClasses[0];
  const { rows } = await sql<{ metric: string; peers: number; q1: string; median: string; q3: string }>`
    SELECT * FROM peer_indicator_stats(${kind}, ${cls.min}, ${cls.max})`.execute(tx);
  const ownValue: Record<string, number | null> = {
    readiness: own?.readinessScore ?? null,
    implemented: own?.implementedShare ?? null,
    highRisks: own?.risksHigh ?? null,
    overdue: own?.measuresOverdue ?? null,
  };
  const order = ['readiness', 'implemented', 'highRisks', 'overdue'];
  return {
    kind,
    sizeClass: size,
    minimumPeers: MINIMUM_PEERS,
    metrics: rows
      .filter((r) => r.peers >= MINIMUM_PEERS)
      .sort((a, b) => order.indexOf(a.metric) - order.indexOf(b.metric))
      .map((r) => ({
        metric: r.metric as 'readiness',
        own: ownValue[r.metric] ?? null,
        peers: r.peers,
        q1: Math.round(Number(r.q1) * 10) / 10,
        median: Math.round(Number(r.median) * 10) / 10,
        q3: Math.round(Number(r.q3) * 10) / 10,
      })),
  };
}

/** The bestuur's own view of the monitoring: its indicators, trend, peers, and its sharing choice. */
export async function ownMonitoring(db: Kysely<DB>, ctx: TenantCtx) {
  const bestuur = await db
    .selectFrom('besturen')
    .select(['kind', 'population', 'share_with_coach'])
    .where('id', '=', ctx.tenantId)
    .executeTakeFirstOrThrow();
  const { weights } = await weightSettings(db);
  const read = () => inScope(db, tenantScope(ctx), (tx) => itemOf(tx, ctx.tenantId, weights));
  let indicators = await read();
  if (!indicators) {
    await refreshBestuur(db, ctx.tenantId);
    indicators = await read();
  }
  return inScope(db, tenantScope(ctx), async (tx) => ({
    indicators,
    trend: await trendOf(tx, ctx.tenantId),
    peers: await peersOf(tx, bestuur.kind as BestuurKind, bestuur.population, indicators),
    shareWithCoach: bestuur.share_with_coach,
  }));
}

/** Switches sharing names and free text with the coach on or off (on the audit trail). */
export async function setSharing(db: Kysely<DB>, ctx: TenantCtx, shareWithCoach: boolean) {
  await inScope(db, tenantScope(ctx), async (tx) => {
    const before = await tx
      .selectFrom('besturen')
      .select(['share_with_coach', 'name'])
      .where('id', '=', ctx.tenantId)
      .executeTakeFirstOrThrow();
    if (before.share_with_coach === shareWithCoach) return;
    await tx.updateTable('besturen').set({ share_with_coach: shareWithCoach }).where('id', '=', ctx.tenantId).execute();
    await recordAudit(tx, ctx, {
      bestuurId: ctx.tenantId,
      action: 'update',
      objectType: 'bestuur',
      objectId: ctx.tenantId,
      objectLabel: before.name,
      before: { shareWithCoach: before.share_with_coach },
      after: { shareWithCoach },
    });
  });
  return ownMonitoring(db, ctx);
}

/** YYYY-MM of a date, in UTC. */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/**
 * Takes the monthly snapshot of every bestuur (indicators brought up to date first). A
 * bestuur that already has one for that month keeps it: snapshots never change.
 */
/** How long a snapshot waits for besturen that other processes are computing. */
const SNAPSHOT_WAIT_MS = 30_000;

export async function takeSnapshot(db: Kysely<DB>, month: string) {
  // Snapshots never change: every queued bestuur is computed first, and those another process
  // holds are waited for (a while: a bestuur whose computation fails keeps its last figures).
  const until = Date.now() + SNAPSHOT_WAIT_MS;
  for (;;) {
    await drainQueue(db);
    if ((await queueLength(db)) === 0 || Date.now() > until) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const taken = (await sql<{ n: number }>`SELECT take_indicator_snapshot(${`${month}-01`}::date) AS n`.execute(db))
    .rows[0].n;
  return { month, taken };
}

export async function listSnapshots(db: Kysely<DB>, ctx: Ctx) {
  return inScope(db, region(ctx), async (tx) => {
    const rows = await tx
      .selectFrom('indicator_snapshots')
      .select([
        sql<string>`to_char(month, 'YYYY-MM')`.as('month'),
        sql<number>`count(*)::int`.as('besturen'),
        sql<Date>`max(taken_at)`.as('takenAt'),
      ])
      .groupBy('month')
      .orderBy('month', 'desc')
      .execute();
    return { items: rows.map((r) => ({ ...r, takenAt: iso(r.takenAt) as string })) };
  });
}
