import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.js';

const trackedQuery = (tx: Tx, bestuurId: string) =>
  tx
    .selectFrom('bestuur_measures as m')
    .leftJoin('users as o', 'o.id', 'm.owner_id')
    .leftJoin('users as n', 'n.id', 'm.na_approved_by')
    .select([
      'm.measure_code',
      'm.status',
      'm.owner_id',
      'o.display_name as owner_name',
      'm.due_date',
      'm.documentation',
      'm.implementation',
      'm.na_reason',
      'n.display_name as na_approved_by',
      'm.na_approved_at',
      'm.review_date',
      'm.version',
      (eb) =>
        eb
          .selectFrom('bestuur_measure_evidence as e')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('e.bestuur_id', '=', 'm.bestuur_id')
          .whereRef('e.measure_code', '=', 'm.measure_code')
          .as('evidence_count'),
      (eb) =>
        eb
          .selectFrom('bestuur_measure_comments as c')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('c.bestuur_id', '=', 'm.bestuur_id')
          .whereRef('c.measure_code', '=', 'm.measure_code')
          .as('comment_count'),
    ])
    .where('m.bestuur_id', '=', bestuurId);

export type TrackedRow = Awaited<ReturnType<ReturnType<typeof trackedQuery>['executeTakeFirstOrThrow']>>;

export const listTracked = (tx: Tx, bestuurId: string) => trackedQuery(tx, bestuurId).execute();
export const findTracked = (tx: Tx, bestuurId: string, code: string) =>
  trackedQuery(tx, bestuurId).where('m.measure_code', '=', code).executeTakeFirst();

export interface Tracking {
  status: string;
  ownerId: string | null;
  dueDate: string | null;
  documentation: number | null;
  implementation: number | null;
  naReason: string | null;
  naApprovedBy: string | null;
  naApprovedAt: Date | null;
  reviewDate: string | null;
}

const columns = (t: Tracking) => ({
  status: t.status,
  owner_id: t.ownerId,
  due_date: t.dueDate,
  documentation: t.documentation,
  implementation: t.implementation,
  na_reason: t.naReason,
  na_approved_by: t.naApprovedBy,
  na_approved_at: t.naApprovedAt,
  review_date: t.reviewDate,
});

/** Starts tracking a measure; undefined when someone else started it first. */
export const insertTracking = (tx: Tx, bestuurId: string, code: string, t: Tracking) =>
  tx
    .insertInto('bestuur_measures')
    .values({ bestuur_id: bestuurId, measure_code: code, ...columns(t) })
    .onConflict((oc) => oc.columns(['bestuur_id', 'measure_code']).doNothing())
    .returning('version')
    .executeTakeFirst();

/** Saves the tracking when it still has the version the editor saw; undefined otherwise. */
export const updateTracking = (tx: Tx, bestuurId: string, code: string, version: number, t: Tracking) =>
  tx
    .updateTable('bestuur_measures')
    .set((eb) => ({ ...columns(t), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('bestuur_id', '=', bestuurId)
    .where('measure_code', '=', code)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();

/** Makes sure a tracking row exists (comments and evidence hang on it). */
export const ensureTracked = (tx: Tx, bestuurId: string, code: string) =>
  tx
    .insertInto('bestuur_measures')
    .values({ bestuur_id: bestuurId, measure_code: code })
    .onConflict((oc) => oc.columns(['bestuur_id', 'measure_code']).doNothing())
    .execute();

export const listComments = (tx: Tx, bestuurId: string, code: string) =>
  tx
    .selectFrom('bestuur_measure_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'u.display_name as author_name', 'c.body', 'c.created_at'])
    .where('c.bestuur_id', '=', bestuurId)
    .where('c.measure_code', '=', code)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();

export const insertComment = (tx: Tx, bestuurId: string, code: string, authorId: string, body: string) =>
  tx
    .insertInto('bestuur_measure_comments')
    .values({ bestuur_id: bestuurId, measure_code: code, author_id: authorId, body })
    .returning('id')
    .executeTakeFirstOrThrow();

const evidenceColumns = [
  'e.id',
  'e.kind',
  'e.title',
  'e.url',
  'e.file_name',
  'e.content_type',
  'e.size',
  'u.display_name as uploaded_by',
  'e.uploaded_at',
] as const;

const evidenceQuery = (tx: Tx, bestuurId: string, code: string) =>
  tx
    .selectFrom('bestuur_measure_evidence as e')
    .leftJoin('users as u', 'u.id', 'e.uploaded_by')
    .where('e.bestuur_id', '=', bestuurId)
    .where('e.measure_code', '=', code);

export const listEvidence = (tx: Tx, bestuurId: string, code: string) =>
  evidenceQuery(tx, bestuurId, code).select(evidenceColumns).orderBy('e.uploaded_at').orderBy('e.id').execute();

export type EvidenceRow = Awaited<ReturnType<typeof listEvidence>>[number];

export const findEvidence = (tx: Tx, bestuurId: string, code: string, id: string) =>
  evidenceQuery(tx, bestuurId, code).select(evidenceColumns).where('e.id', '=', id).executeTakeFirst();

export const evidenceContent = (tx: Tx, bestuurId: string, code: string, id: string) =>
  evidenceQuery(tx, bestuurId, code)
    .select(['e.kind', 'e.file_name', 'e.content_type', 'e.content'])
    .where('e.id', '=', id)
    .executeTakeFirst();

export interface NewEvidence {
  kind: 'file' | 'link';
  title: string;
  url?: string;
  fileName?: string;
  contentType?: string;
  content?: Buffer;
  sha256?: string;
}

export const insertEvidence = (tx: Tx, bestuurId: string, code: string, userId: string, e: NewEvidence) =>
  tx
    .insertInto('bestuur_measure_evidence')
    .values({
      bestuur_id: bestuurId,
      measure_code: code,
      kind: e.kind,
      title: e.title,
      url: e.url ?? null,
      file_name: e.fileName ?? null,
      content_type: e.contentType ?? null,
      size: e.content ? e.content.length : null,
      sha256: e.sha256 ?? null,
      content: e.content ?? null,
      uploaded_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const deleteEvidence = (tx: Tx, bestuurId: string, code: string, id: string) =>
  tx
    .deleteFrom('bestuur_measure_evidence')
    .where('bestuur_id', '=', bestuurId)
    .where('measure_code', '=', code)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();

/** An active member of the bestuur whose membership has not ended: who may own a measure. */
export const activeMember = (tx: Tx, bestuurId: string, userId: string) =>
  tx
    .selectFrom('memberships')
    .select('user_id')
    .where('bestuur_id', '=', bestuurId)
    .where('user_id', '=', userId)
    .where('active', '=', true)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>=', sql<string>`current_date`)]))
    .executeTakeFirst();
