import type { Member, MemberUpdate } from '@baken/contracts';
import { sql } from 'kysely';
import { containsPattern } from '../../platform/sql.js';
import type { Tx } from '../../platform/tenancy.js';

const memberBase = (tx: Tx, bestuurId: string) =>
  tx.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').where('m.bestuur_id', '=', bestuurId);

const selectMember = (q: ReturnType<typeof memberBase>) =>
  q.select([
    'm.id',
    'm.bestuur_id',
    'm.user_id',
    'm.role',
    'm.ends_at',
    'm.active',
    'm.created_at',
    'm.version',
    'u.email',
    'u.display_name',
    'u.last_sign_in_at',
  ]);

const memberQuery = (tx: Tx, bestuurId: string) => selectMember(memberBase(tx, bestuurId));

type Row = Awaited<ReturnType<ReturnType<typeof memberQuery>['executeTakeFirstOrThrow']>>;

export const toMember = (r: Row): Member => ({
  id: r.id,
  bestuurId: r.bestuur_id,
  userId: r.user_id,
  email: r.email,
  displayName: r.display_name,
  role: r.role as Member['role'],
  endsAt: r.ends_at,
  active: r.active,
  invitedAt: r.created_at.toISOString(),
  lastSignInAt: r.last_sign_in_at?.toISOString() ?? null,
  version: r.version,
});

interface ListFilter {
  q?: string;
  role?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

function filtered(tx: Tx, bestuurId: string, f: ListFilter) {
  let q = memberBase(tx, bestuurId);
  if (f.role) q = q.where('m.role', '=', f.role);
  if (f.active !== undefined) q = q.where('m.active', '=', f.active);
  if (f.q)
    q = q.where((eb) =>
      eb.or([
        eb('u.display_name', 'ilike', containsPattern(f.q as string)),
        eb('u.email', 'ilike', containsPattern(f.q as string)),
      ]),
    );
  return q;
}

export async function list(tx: Tx, bestuurId: string, f: ListFilter) {
  const rows = await selectMember(filtered(tx, bestuurId, f))
    .select(sql<number>`count(*) over()`.as('total'))
    .orderBy('u.display_name')
    .orderBy('m.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  // A page past the end has no row to carry the total: count separately then.
  if (rows[0] || f.offset === 0) return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
  const { n } = await filtered(tx, bestuurId, f).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export const find = (tx: Tx, bestuurId: string, id: string) =>
  memberQuery(tx, bestuurId).where('m.id', '=', id).executeTakeFirst();

export const findByUser = (tx: Tx, bestuurId: string, userId: string) =>
  memberQuery(tx, bestuurId).where('m.user_id', '=', userId).executeTakeFirst();

export const insert = (
  tx: Tx,
  m: { bestuurId: string; userId: string; role: string; endsAt: string | null; invitedBy: string },
) =>
  tx
    .insertInto('memberships')
    .values({ bestuur_id: m.bestuurId, user_id: m.userId, role: m.role, ends_at: m.endsAt, invited_by: m.invitedBy })
    .returning('id')
    .executeTakeFirstOrThrow();

export const update = (tx: Tx, bestuurId: string, id: string, input: MemberUpdate) =>
  tx
    .updateTable('memberships')
    .set((eb) => ({
      ...(input.role !== undefined && { role: input.role }),
      ...(input.endsAt !== undefined && { ends_at: input.endsAt }),
      ...(input.active !== undefined && { active: input.active }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();

/** Beheerders who can act today: active and not past their end date. */
/**
 * Locks the bestuur's beheerder memberships until the transaction ends, so that two
 * concurrent changes cannot each remove a different last beheerder.
 */
export const lockAdmins = (tx: Tx, bestuurId: string) =>
  tx
    .selectFrom('memberships')
    .select('id')
    .where('bestuur_id', '=', bestuurId)
    .where('role', '=', 'beheerder')
    .forUpdate()
    .execute();

export async function countActiveAdmins(tx: Tx, bestuurId: string): Promise<number> {
  const { n } = await tx
    .selectFrom('memberships')
    .select(sql<string>`count(*)`.as('n'))
    .where('bestuur_id', '=', bestuurId)
    .where('role', '=', 'beheerder')
    .where('active', '=', true)
    .where(sql<boolean>`ends_at IS NULL OR ends_at >= current_date`)
    .executeTakeFirstOrThrow();
  return Number(n);
}
