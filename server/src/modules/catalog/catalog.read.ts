import type { FrameworkSummary, LocalText, MeasureApplies, MeasureDetail, MeasureSummary } from '@baken/contracts';
import { sql } from 'kysely';
import { containsPattern } from '../../platform/sql.js';
import type { Tx } from '../../platform/tenancy.js';

/**
 * Reading the catalogue for the API: the only SQL behind the catalogue routes. Retired
 * measures and requirements stay in the tables for what refers to them but are not shown.
 */

const text = (v: unknown, fallback: string): LocalText => {
  const t = (v ?? {}) as Partial<Record<'nl' | 'en', unknown>>;
  const nl = typeof t.nl === 'string' ? t.nl : undefined;
  const en = typeof t.en === 'string' ? t.en : undefined;
  return { nl: nl ?? en ?? fallback, en: en ?? nl ?? fallback };
};

/** A library-only node has no title of ours: its official name stands in. */
function nodeTitle(title: unknown, official: unknown, id: string): LocalText {
  if (title) return text(title, id);
  const o = (official ?? {}) as Record<string, { name?: string; description?: string } | undefined>;
  const pick = (l: string) => o[l]?.name ?? o[l]?.description;
  return text({ nl: pick('nl'), en: pick('en') }, id);
}

export async function securityDomains(tx: Tx) {
  const rows = await tx.selectFrom('security_domains').select(['id', 'name']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: text(r.name, r.id) }));
}

interface MeasureRow {
  code: string;
  domain: string;
  type: string;
  title: unknown;
  applies: unknown;
  conditions: unknown;
}

export function toMeasureSummary(r: MeasureRow): MeasureSummary {
  const applies = r.applies as 'always' | Partial<Record<'c' | 'i' | 'a', number | null>>;
  const c = (r.conditions ?? {}) as Partial<Record<'personalData' | 'ksz' | 'nis2', boolean>>;
  return {
    code: r.code,
    domain: r.domain,
    type: r.type as MeasureSummary['type'],
    title: text(r.title, r.code),
    applies: (applies === 'always'
      ? 'always'
      : { c: applies.c ?? null, i: applies.i ?? null, a: applies.a ?? null }) satisfies MeasureApplies,
    conditions: { personalData: c.personalData === true, ksz: c.ksz === true, nis2: c.nis2 === true },
  };
}

export interface MeasureFilter {
  q?: string;
  domain?: string;
  framework?: string;
  limit: number;
  offset: number;
}

function filteredMeasures(tx: Tx, f: MeasureFilter) {
  let q = tx.selectFrom('measures as m').where('m.retired_at', 'is', null);
  if (f.domain) q = q.where('m.domain', '=', f.domain);
  if (f.framework) {
    const framework = f.framework;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('measure_mappings as mm')
          .select(sql`1`.as('one'))
          .whereRef('mm.measure_code', '=', 'm.code')
          .where('mm.framework_id', '=', framework),
      ),
    );
  }
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('m.code', 'ilike', pattern),
        eb(sql<string>`m.title->>'nl'`, 'ilike', pattern),
        eb(sql<string>`m.title->>'en'`, 'ilike', pattern),
      ]),
    );
  }
  return q;
}

export async function listMeasures(tx: Tx, f: MeasureFilter) {
  const rows = await filteredMeasures(tx, f)
    .select(['m.code', 'm.domain', 'm.type', 'm.title', 'm.applies', 'm.conditions'])
    .select(sql<number>`count(*) over()`.as('total'))
    .orderBy('m.code')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const items = rows.map(toMeasureSummary);
  // A page past the end has no row to carry the total: count separately then.
  if (rows[0] || f.offset === 0) return { items, total: rows[0] ? Number(rows[0].total) : 0 };
  const { n } = await filteredMeasures(tx, f).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return { items, total: Number(n) };
}

export async function findMeasure(tx: Tx, code: string): Promise<MeasureDetail | undefined> {
  const row = await tx
    .selectFrom('measures')
    .select(['code', 'domain', 'type', 'title', 'guidance', 'applies', 'conditions'])
    .where('code', '=', code)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const serves = await tx
    .selectFrom('measure_mappings as mm')
    .innerJoin('frameworks as f', 'f.id', 'mm.framework_id')
    .innerJoin('framework_nodes as n', (j) =>
      j.onRef('n.framework_id', '=', 'mm.framework_id').onRef('n.id', '=', 'mm.node_id'),
    )
    .select(['f.id as framework_id', 'f.name', 'f.kind', 'n.id as node_id', 'n.title', 'n.official', 'mm.relationship'])
    .where('mm.measure_code', '=', code)
    .where('n.retired_at', 'is', null)
    .orderBy('f.id')
    .orderBy('n.position')
    .execute();
  return {
    ...toMeasureSummary(row),
    guidance: text(row.guidance, ''),
    serves: serves.map((s) => ({
      frameworkId: s.framework_id,
      frameworkName: text(s.name, s.framework_id),
      frameworkKind: s.kind,
      nodeId: s.node_id,
      nodeTitle: nodeTitle(s.title, s.official, s.node_id),
      relationship: s.relationship as MeasureDetail['serves'][number]['relationship'],
    })),
  };
}

export async function frameworks(tx: Tx): Promise<FrameworkSummary[]> {
  const rows = await tx
    .selectFrom('frameworks as f')
    .leftJoin('framework_nodes as n', (j) =>
      j.onRef('n.framework_id', '=', 'f.id').on('n.assessable', '=', true).on('n.retired_at', 'is', null),
    )
    .select(['f.id', 'f.name', 'f.kind', 'f.publisher', 'f.edition', sql<number>`count(n.id)::int`.as('assessable')])
    .groupBy(['f.id', 'f.name', 'f.kind', 'f.publisher', 'f.edition'])
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: text(r.name, r.id),
    kind: r.kind,
    publisher: r.publisher,
    edition: r.edition,
    assessable: Number(r.assessable),
  }));
}
