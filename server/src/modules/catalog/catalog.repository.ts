import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/index.js';
import type { Tx } from '../../platform/tenancy.js';

/** The catalogue tables: global content, no bestuur and no row-level security (migration 0003). */
export type CatalogTable = 'frameworks' | 'framework_nodes' | 'security_domains' | 'measures' | 'measure_mappings';

export const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * Inserts the rows, or updates an existing row only where one of `columns` differs, and only
 * then moves updated_at: a second run with the same data writes nothing. Returns how many
 * rows were inserted or changed.
 */
export async function upsert(
  tx: Tx,
  table: CatalogTable,
  keys: string[],
  columns: string[],
  rows: readonly object[],
  options: { touch?: boolean } = {},
): Promise<number> {
  const touch = options.touch ?? true;
  const db = tx as unknown as Kysely<any>;
  let changed = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const cols = (c: string[], prefix: string) => sql.join(c.map((x) => sql.ref(`${prefix}.${x}`)));
    const set = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
    if (touch) set.updated_at = sql`now()`;
    const written = await db
      .insertInto(table)
      .values(batch as never)
      .onConflict((oc) =>
        oc
          .columns(keys as never)
          .doUpdateSet(set)
          .where(sql<boolean>`ROW(${cols(columns, table)}) IS DISTINCT FROM ROW(${cols(columns, 'excluded')})`),
      )
      .returning(sql.ref(keys[0]).as('k'))
      .execute();
    changed += written.length;
  }
  return changed;
}

export interface StoredFramework {
  id: string;
  urn: string | null;
  name: unknown;
  publisher: string;
  edition: string;
  kind: string;
  library_version: number | null;
  source: 'content' | 'library';
}

export async function findFramework(tx: Tx, id: string): Promise<StoredFramework | undefined> {
  return tx
    .selectFrom('frameworks')
    .select(['id', 'urn', 'name', 'publisher', 'edition', 'kind', 'library_version', 'source'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function frameworkIdByUrn(tx: Tx, urn: string): Promise<string | undefined> {
  return (await tx.selectFrom('frameworks').select('id').where('urn', '=', urn).executeTakeFirst())?.id;
}

export interface StoredNode {
  id: string;
  urn: string | null;
  parent_id: string | null;
  position: number;
  depth: number;
  assessable: boolean;
  title: unknown;
  retired_at: Date | null;
}

export async function nodesOf(tx: Tx, frameworkId: string): Promise<StoredNode[]> {
  return tx
    .selectFrom('framework_nodes')
    .select(['id', 'urn', 'parent_id', 'position', 'depth', 'assessable', 'title', 'retired_at'])
    .where('framework_id', '=', frameworkId)
    .execute();
}

/** Marks nodes retired (never deletes them: assessments and mappings keep their reference). */
export async function retireNodes(tx: Tx, frameworkId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await tx
    .updateTable('framework_nodes')
    .set({ retired_at: sql`now()`, updated_at: sql`now()` })
    .where('framework_id', '=', frameworkId)
    .where('id', 'in', ids)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function unretireNodes(tx: Tx, frameworkId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await tx
    .updateTable('framework_nodes')
    .set({ retired_at: null, updated_at: sql`now()` })
    .where('framework_id', '=', frameworkId)
    .where('id', 'in', ids)
    .where('retired_at', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function setMeasuresRetired(tx: Tx, present: string[]): Promise<number> {
  const retire = tx
    .updateTable('measures')
    .set({ retired_at: sql`now()`, updated_at: sql`now()` })
    .where('retired_at', 'is', null);
  const r = await (present.length ? retire.where('code', 'not in', present) : retire).executeTakeFirst();
  if (!present.length) return Number(r.numUpdatedRows);
  const back = await tx
    .updateTable('measures')
    .set({ retired_at: null, updated_at: sql`now()` })
    .where('retired_at', 'is not', null)
    .where('code', 'in', present)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) + Number(back.numUpdatedRows);
}

export interface MappingRow {
  measure_code: string;
  framework_id: string;
  node_id: string;
  relationship: string;
}

export async function allMappings(tx: Tx): Promise<MappingRow[]> {
  return tx.selectFrom('measure_mappings').selectAll().execute();
}

export async function deleteMappings(tx: Tx, rows: MappingRow[]): Promise<number> {
  let n = 0;
  for (const m of rows) {
    const r = await tx
      .deleteFrom('measure_mappings')
      .where('measure_code', '=', m.measure_code)
      .where('framework_id', '=', m.framework_id)
      .where('node_id', '=', m.node_id)
      .executeTakeFirst();
    n += Number(r.numDeletedRows);
  }
  return n;
}

/** Row counts of the catalogue, for the CLI and for checks. */
export async function catalogCounts(db: Kysely<DB> | Tx) {
  const count = async (table: CatalogTable) =>
    Number((await db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
  return {
    frameworks: await count('frameworks'),
    nodes: await count('framework_nodes'),
    securityDomains: await count('security_domains'),
    measures: await count('measures'),
    mappings: await count('measure_mappings'),
  };
}
