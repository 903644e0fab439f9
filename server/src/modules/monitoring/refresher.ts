import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/index.js';
import { inScope } from '../../platform/tenancy.js';
import { type Indicators, computeIndicators } from './indicators.js';
import { storeItemSql } from './queries.js';

/** Stores one bestuur's indicators, in its own scope (row-level security checks the bestuur). */
export async function storeIndicators(db: Kysely<DB>, bestuurId: string, i: Indicators) {
  const row = {
    bestuur_id: bestuurId,
    computed_at: new Date(),
    last_activity: i.lastActivity,
    readiness_passed: i.readinessPassed,
    readiness_basis: i.readinessBasis,
    readiness_score: i.readinessScore,
    cyfun_total: i.cyfunTotal,
    measures_required: i.measuresRequired,
    measures_implemented: i.measuresImplemented,
    measures_overdue: i.measuresOverdue,
    risks_open: i.risksOpen,
    risks_high: i.risksHigh,
    assets: i.assets,
    assets_high: i.assetsHigh,
    continuity: i.continuity,
    compliance: JSON.stringify(i.compliance),
    details: JSON.stringify(i.details),
  };
  const { bestuur_id: _, ...changes } = row;
  await inScope(db, { tenantId: bestuurId }, async (tx) => {
    await tx
      .insertInto('bestuur_indicators')
      .values(row)
      .onConflict((oc) => oc.column('bestuur_id').doUpdateSet(changes))
      .execute();
    await storeItemSql(bestuurId).execute(tx);
    await tx.deleteFrom('bestuur_indicator_measures').where('bestuur_id', '=', bestuurId).execute();
    if (i.measures.length) {
      await tx
        .insertInto('bestuur_indicator_measures')
        .values(i.measures.map((m) => ({ bestuur_id: bestuurId, code: m.code, weight: m.weight, done: m.done })))
        .execute();
    }
  });
}

/** Recomputes one bestuur now (tests, the data generator). */
export async function refreshBestuur(db: Kysely<DB>, bestuurId: string) {
  await storeIndicators(db, bestuurId, await computeIndicators(db, bestuurId));
}

/**
 * Recomputes the besturen whose data changed, oldest first, `parallel` at once: each worker
 * claims one when it is free (migration 0018: other processes skip it, and no claim waits in
 * a batch until its lease ends), until the queue holds nothing to claim or `max` were
 * claimed. A bestuur changed again while it was computed stays queued; one that fails keeps its
 * claim until the lease ends (then any process tries again). Returns how many were recomputed.
 */
export async function drainQueue(
  db: Kysely<DB>,
  opts: {
    parallel?: number;
    max?: number;
    leaseSeconds?: number;
    onError?: (bestuurId: string, err: unknown) => void;
  } = {},
): Promise<number> {
  const parallel = Math.max(1, opts.parallel ?? 1);
  const max = opts.max ?? Number.POSITIVE_INFINITY;
  const lease = opts.leaseSeconds ?? 120;
  const token = randomUUID();
  let taken = 0;
  let done = 0;
  // Each worker claims one bestuur at a time: a claim never waits behind others' work.
  const worker = async () => {
    while (taken < max) {
      taken++;
      // The time travels as text: a JS Date would drop the microseconds and never match again.
      const [item] = (
        await sql<{ bestuur_id: string; seen: string }>`
          SELECT bestuur_id, queued_at::text AS seen FROM indicator_queue_claim(1, ${lease}, ${token}::uuid)`.execute(
          db,
        )
      ).rows;
      if (!item) return;
      try {
        await refreshBestuur(db, item.bestuur_id);
        await sql`SELECT indicator_queue_done(${item.bestuur_id}::uuid, ${item.seen}::timestamptz, ${token}::uuid)`.execute(
          db,
        );
        done++;
      } catch (err) {
        opts.onError?.(item.bestuur_id, err);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return done;
}

/** How many besturen wait for a computation (claimed by a process or not). */
export const queueLength = async (db: Kysely<DB>) =>
  (await sql<{ n: number }>`SELECT indicator_queue_length() AS n`.execute(db)).rows[0].n;

/** Queues the active besturen without indicators. */
export const queueMissing = async (db: Kysely<DB>) =>
  (await sql<{ n: number }>`SELECT indicator_queue_missing() AS n`.execute(db)).rows[0].n;

/** Queues every active bestuur (new content). */
export const queueAll = async (db: Kysely<DB>) =>
  (await sql<{ n: number }>`SELECT indicator_queue_all() AS n`.execute(db)).rows[0].n;
