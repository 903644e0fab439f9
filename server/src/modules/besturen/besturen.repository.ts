import type { Bestuur, BestuurCreate, BestuurUpdate } from '@baken/contracts';
import { type Selectable, sql } from 'kysely';
import type { BesturenTable } from '../../platform/db/schema.js';
import { containsPattern } from '../../platform/sql.js';
import type { Tx } from '../../platform/tenancy.js';

type Row = Selectable<BesturenTable>;

export const toBestuur = (b: Row): Bestuur => ({
  id: b.id,
  kind: b.kind as Bestuur['kind'],
  name: b.name,
  nisCode: b.nis_code,
  kboNumber: b.kbo_number,
  population: b.population,
  province: b.province as Bestuur['province'],
  active: b.active,
  version: b.version,
  createdAt: b.created_at.toISOString(),
  updatedAt: b.updated_at.toISOString(),
});

export interface ListFilter {
  q?: string;
  kind?: string;
  /** Restricts to these ids; undefined means every bestuur. */
  ids?: string[];
  limit: number;
  offset: number;
}

function filtered(tx: Tx, f: Omit<ListFilter, 'limit' | 'offset'>) {
  let q = tx.selectFrom('besturen');
  if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where(sql<boolean>`false`);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('name', 'ilike', containsPattern(f.q as string)), eb('nis_code', '=', f.q as string)]),
    );
  return q;
}

export async function list(tx: Tx, f: ListFilter) {
  const rows = await filtered(tx, f)
    .selectAll()
    .select(sql<number>`count(*) over()`.as('total'))
    .orderBy('name')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  // A page past the end has no row to carry the total: count separately then.
  if (rows[0] || f.offset === 0) return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
  const { n } = await filtered(tx, f).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export const find = (tx: Tx, id: string) =>
  tx.selectFrom('besturen').selectAll().where('id', '=', id).executeTakeFirst();

export const insert = (tx: Tx, id: string, b: BestuurCreate) =>
  tx
    .insertInto('besturen')
    .values({
      id,
      kind: b.kind,
      name: b.name,
      nis_code: b.nisCode,
      kbo_number: b.kboNumber,
      population: b.population,
      province: b.province,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const update = (tx: Tx, id: string, input: BestuurUpdate) =>
  tx
    .updateTable('besturen')
    .set((eb) => ({
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.nisCode !== undefined && { nis_code: input.nisCode }),
      ...(input.kboNumber !== undefined && { kbo_number: input.kboNumber }),
      ...(input.population !== undefined && { population: input.population }),
      ...(input.province !== undefined && { province: input.province }),
      ...(input.active !== undefined && { active: input.active }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returningAll()
    .executeTakeFirst();

/** Maps a unique-constraint violation to the field it is about. */
export function uniqueViolation(err: unknown): 'nis' | 'kbo' | null {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23505') return null;
  const where = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (where.includes('kbo')) return 'kbo';
  if (where.includes('nis')) return 'nis';
  return null;
}
