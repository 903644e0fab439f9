import type { DiagramInfo, IpdcConcept } from '@baken/contracts';
import { sql } from 'kysely';
import { containsPattern } from '../../platform/sql.js';
import type { Tx } from '../../platform/tenancy.js';
import type { ConceptRow } from './ipdc-csv.js';

// IPDC concepts: the shared catalogue

const conceptColumns = [
  'id',
  'name_nl',
  'name_en',
  'description',
  'product_type',
  'themes',
  'target_groups',
  'keywords',
  'source_file',
  'imported_at',
] as const;

const concepts = (tx: Tx) => tx.selectFrom('ipdc_concepts').select(conceptColumns);
type StoredConcept = Awaited<ReturnType<ReturnType<typeof concepts>['executeTakeFirstOrThrow']>>;

export const toConcept = (r: StoredConcept): IpdcConcept => ({
  id: r.id,
  name: { nl: r.name_nl, en: r.name_en },
  description: r.description,
  productType: r.product_type as IpdcConcept['productType'],
  themes: r.themes as IpdcConcept['themes'],
  targetGroups: r.target_groups as IpdcConcept['targetGroups'],
  keywords: r.keywords,
  sourceFile: r.source_file,
  importedAt: r.imported_at.toISOString(),
});

/** The row as the CSV reader gives it, to compare a stored concept with a file's. */
export const asRow = (r: StoredConcept): ConceptRow => ({
  id: r.id,
  nameNl: r.name_nl,
  nameEn: r.name_en,
  description: r.description,
  productType: r.product_type as ConceptRow['productType'],
  themes: r.themes as ConceptRow['themes'],
  targetGroups: r.target_groups,
  keywords: r.keywords,
});

const CHUNK = 1000;
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export async function conceptsByIds(tx: Tx, ids: string[]): Promise<StoredConcept[]> {
  const out: StoredConcept[] = [];
  for (const part of chunks(ids)) {
    if (part.length) out.push(...(await concepts(tx).where('id', 'in', part).execute()));
  }
  return out;
}

/** Inserts or replaces the given concepts; the caller passes only new or changed ones. */
export async function upsertConcepts(tx: Tx, rows: ConceptRow[], sourceFile: string | null) {
  for (const part of chunks(rows)) {
    await tx
      .insertInto('ipdc_concepts')
      .values(
        part.map((r) => ({
          id: r.id,
          name_nl: r.nameNl,
          name_en: r.nameEn,
          description: r.description,
          product_type: r.productType,
          themes: r.themes,
          target_groups: r.targetGroups,
          keywords: r.keywords,
          source_file: sourceFile,
          imported_at: new Date(),
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name_nl: eb.ref('excluded.name_nl'),
          name_en: eb.ref('excluded.name_en'),
          description: eb.ref('excluded.description'),
          product_type: eb.ref('excluded.product_type'),
          themes: eb.ref('excluded.themes'),
          target_groups: eb.ref('excluded.target_groups'),
          keywords: eb.ref('excluded.keywords'),
          source_file: eb.ref('excluded.source_file'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
  }
}

export interface ConceptFilter {
  q?: string;
  type?: string;
  theme?: string;
  limit: number;
  offset: number;
}

function filtered(tx: Tx, f: ConceptFilter) {
  let q = tx.selectFrom('ipdc_concepts');
  if (f.type) q = q.where('product_type', '=', f.type);
  if (f.theme) q = q.where(sql<boolean>`themes @> ARRAY[${f.theme}]::text[]`);
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('name_nl', 'ilike', pattern),
        eb('name_en', 'ilike', pattern),
        eb('description', 'ilike', pattern),
        eb(sql<string>`array_to_string(keywords, ' ')`, 'ilike', pattern),
      ]),
    );
  }
  return q;
}

export async function listConcepts(tx: Tx, f: ConceptFilter) {
  const rows = await filtered(tx, f)
    .select(conceptColumns)
    .orderBy(sql`lower(name_nl)`)
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const { n } = await filtered(tx, f).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(toConcept), total: Number(n) };
}

/** Concepts that share a theme with the codes, those of a matching type first. */
export async function suggestConcepts(tx: Tx, themes: string[], types: string[], exclude: string[], limit: number) {
  if (themes.length === 0) return [];
  let q = concepts(tx).where(sql<boolean>`themes && ${sql.val(themes)}::text[]`);
  if (exclude.length) q = q.where('id', 'not in', exclude);
  const rows = await q
    .orderBy(sql`CASE WHEN product_type = ANY(${sql.val(types)}::text[]) THEN 0 ELSE 1 END`)
    .orderBy(sql`lower(name_nl)`)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toConcept);
}

// A bestuur's processes (read only: what links and diagrams hang on)

export const findProcess = (tx: Tx, bestuurId: string, id: string) =>
  tx
    .selectFrom('bestuur_processes')
    .select(['id', 'template_id', 'template_version', 'name'])
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .executeTakeFirst();

// Links process -> concept

export async function linkedConcepts(tx: Tx, bestuurId: string, processId: string) {
  const rows = await tx
    .selectFrom('bestuur_process_products as l')
    .innerJoin('ipdc_concepts as c', 'c.id', 'l.concept_id')
    .select(conceptColumns.map((c) => `c.${c}` as const))
    .where('l.bestuur_id', '=', bestuurId)
    .where('l.process_id', '=', processId)
    .orderBy(sql`lower(c.name_nl)`)
    .orderBy('c.id')
    .execute();
  return rows.map(toConcept);
}

export async function unlink(tx: Tx, bestuurId: string, processId: string, conceptIds: string[]) {
  if (conceptIds.length === 0) return;
  await tx
    .deleteFrom('bestuur_process_products')
    .where('bestuur_id', '=', bestuurId)
    .where('process_id', '=', processId)
    .where('concept_id', 'in', conceptIds)
    .execute();
}

export async function link(tx: Tx, bestuurId: string, processId: string, conceptIds: string[], userId: string) {
  if (conceptIds.length === 0) return;
  await tx
    .insertInto('bestuur_process_products')
    .values(conceptIds.map((c) => ({ bestuur_id: bestuurId, process_id: processId, concept_id: c, linked_by: userId })))
    .execute();
}

// The diagram of a process

const diagramQuery = (tx: Tx, bestuurId: string, processId: string) =>
  tx
    .selectFrom('bestuur_process_diagrams as d')
    .leftJoin('users as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.process_id',
      'd.file_name',
      'd.size',
      'd.sha256',
      'd.uploaded_by',
      'u.display_name',
      'd.uploaded_at',
      'd.version',
    ])
    .where('d.bestuur_id', '=', bestuurId)
    .where('d.process_id', '=', processId);

type DiagramRow = Awaited<ReturnType<ReturnType<typeof diagramQuery>['executeTakeFirstOrThrow']>>;

export const toDiagram = (r: DiagramRow): DiagramInfo => ({
  id: r.id,
  processId: r.process_id,
  fileName: r.file_name,
  size: r.size,
  sha256: r.sha256,
  uploadedBy: r.uploaded_by ? { id: r.uploaded_by, name: r.display_name ?? '' } : null,
  uploadedAt: r.uploaded_at.toISOString(),
  version: r.version,
});

export const findDiagram = (tx: Tx, bestuurId: string, processId: string) =>
  diagramQuery(tx, bestuurId, processId).executeTakeFirst();

export const diagramXml = (tx: Tx, bestuurId: string, processId: string) =>
  tx
    .selectFrom('bestuur_process_diagrams')
    .select(['xml', 'file_name'])
    .where('bestuur_id', '=', bestuurId)
    .where('process_id', '=', processId)
    .executeTakeFirst();

export interface DiagramFile {
  fileName: string;
  xml: string;
  size: number;
  sha256: string;
}

export const insertDiagram = (tx: Tx, bestuurId: string, processId: string, f: DiagramFile, userId: string) =>
  tx
    .insertInto('bestuur_process_diagrams')
    .values({
      bestuur_id: bestuurId,
      process_id: processId,
      file_name: f.fileName,
      xml: f.xml,
      size: f.size,
      sha256: f.sha256,
      uploaded_by: userId,
    })
    .onConflict((oc) => oc.columns(['bestuur_id', 'process_id']).doNothing())
    .returning('id')
    .executeTakeFirst();

export const replaceDiagram = (
  tx: Tx,
  bestuurId: string,
  processId: string,
  version: number,
  f: DiagramFile,
  userId: string,
) =>
  tx
    .updateTable('bestuur_process_diagrams')
    .set((eb) => ({
      file_name: f.fileName,
      xml: f.xml,
      size: f.size,
      sha256: f.sha256,
      uploaded_by: userId,
      uploaded_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('bestuur_id', '=', bestuurId)
    .where('process_id', '=', processId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

export const deleteDiagram = (tx: Tx, bestuurId: string, processId: string, version: number) =>
  tx
    .deleteFrom('bestuur_process_diagrams')
    .where('bestuur_id', '=', bestuurId)
    .where('process_id', '=', processId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
