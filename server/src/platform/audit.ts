import type { Ctx } from './context.js';
import type { Tx } from './tenancy.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'sign_in' | 'sign_out' | 'invite' | 'revoke';

export interface AuditEntry {
  action: AuditAction;
  objectType: string;
  objectId: string;
  objectLabel?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** null: a platform-level event; otherwise the bestuur the object belongs to. */
  bestuurId: string | null;
}

/** Keeps only the fields that changed, so the trail shows what happened and nothing else. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'version' || key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/** Writes one audit event inside the caller's transaction: no change without its record. */
/** Who did it; null for changes made by Baken itself (demo data, jobs). */
export type Actor = Pick<Ctx, 'userId' | 'requestId'> & { actorName: string | null };

export async function recordAudit(tx: Tx, ctx: Actor | null, e: AuditEntry) {
  await tx
    .insertInto('audit_events')
    .values({
      bestuur_id: e.bestuurId,
      actor_id: ctx?.userId ?? null,
      actor_name: ctx?.actorName ?? null,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId,
      object_label: e.objectLabel ?? null,
      before: e.before ? JSON.stringify(e.before) : null,
      after: e.after ? JSON.stringify(e.after) : null,
      request_id: ctx?.requestId ?? null,
    })
    .execute();
}
