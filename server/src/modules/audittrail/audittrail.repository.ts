import type { AuditEvent, AuditListQuery } from '@baken/contracts';
import { type Selectable, sql } from 'kysely';
import type { AuditEventsTable } from '../../platform/db/schema.js';
import type { Tx } from '../../platform/tenancy.js';

type Row = Selectable<AuditEventsTable>;
export type AuditFilter = Omit<AuditListQuery, 'page' | 'pageSize'>;

export const toAuditEvent = (r: Row): AuditEvent => ({
  id: r.id,
  bestuurId: r.bestuur_id,
  occurredAt: r.occurred_at.toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action as AuditEvent['action'],
  objectType: r.object_type,
  objectId: r.object_id,
  objectLabel: r.object_label,
  before: r.before,
  after: r.after,
  requestId: r.request_id,
});

/** bestuurId null: the platform-level trail. Row-level security limits both to what the scope allows. */
function filtered(tx: Tx, bestuurId: string | null, f: AuditFilter) {
  let q = tx.selectFrom('audit_events');
  q = bestuurId ? q.where('bestuur_id', '=', bestuurId) : q.where('bestuur_id', 'is', null);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where(sql<boolean>`occurred_at >= ${f.from}::date`);
  if (f.to) q = q.where(sql<boolean>`occurred_at < ${f.to}::date + 1`);
  return q;
}

const unfiltered = (f: AuditFilter) => Object.values(f).every((v) => v === undefined);

/**
 * One page, newest first, with the total. The unfiltered trail of a bestuur takes its total
 * from the counter the database keeps; a filtered one counts its matches.
 */
export async function page(tx: Tx, bestuurId: string | null, f: AuditFilter, limit: number, offset: number) {
  const counted = bestuurId !== null && unfiltered(f);
  const total = counted
    ? sql<number>`(SELECT n FROM audit_event_counts WHERE bestuur_id = ${bestuurId})`
    : sql<number>`count(*) over()`;
  const rows = await filtered(tx, bestuurId, f)
    .selectAll()
    .select(total.as('total'))
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  if (rows[0]) return { rows, total: Number(rows[0].total) };
  if (offset === 0) return { rows, total: 0 };
  // A page past the end has no row to carry the total: count separately then.
  const { n } = await filtered(tx, bestuurId, f).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export const all = (tx: Tx, bestuurId: string | null, f: AuditFilter, max: number) =>
  filtered(tx, bestuurId, f).selectAll().orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(max).execute();
