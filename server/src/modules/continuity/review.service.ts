import type { Bia, Review } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx, TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import { biaListOf, invalid, loadAll } from './bia.service.js';
import { type BcTx, bc } from './continuity.tables.js';
import { composePlan } from './plan.service.js';

/**
 * The coach's review of a submitted BIA or plan. A submission is a snapshot: the coach sees
 * what was submitted, as it was then, and nothing else of the bestuur (the review tables are
 * the only ones a coach's scope can read, migrations/0012_continuity.sql).
 */
type Subject = 'bia' | 'plan';

const planSections = [
  ['toepassingsgebied', 'Toepassingsgebied', 'Scope'],
  ['crisisorganisatie', 'Crisisorganisatie', 'Crisis organisation'],
  ['activatie', 'Activatie en escalatie', 'Activation and escalation'],
  ['strategieen', 'Strategie per kritiek proces', 'Strategy per critical process'],
  ['herstel', 'Herstel van toepassingen', 'Recovery of applications'],
  ['communicatie', 'Communicatie', 'Communication'],
  ['oefeningen', 'Oefeningen', 'Exercises'],
  ['documentbeheer', 'Documentbeheer', 'Document control'],
] as const;

export function sectionsOf(subject: Subject, snapshot: Record<string, unknown>) {
  if (subject === 'plan') return planSections.map(([key, nl, en]) => ({ key, title: { nl, en } }));
  const items = (snapshot.items ?? []) as Bia[];
  return [
    { key: 'instellingen', title: { nl: 'Instellingen en kritieke drempel', en: 'Settings and critical threshold' } },
    ...items.map((b) => ({
      key: `proces:${b.processId}`,
      title: { nl: `Proces: ${b.processName.nl}`, en: `Process: ${b.processName.en}` },
    })),
  ];
}

async function snapshotOf(tx: BcTx, bestuurId: string, subject: Subject): Promise<Record<string, unknown>> {
  if (subject === 'plan') return (await composePlan(tx, bestuurId)) as unknown as Record<string, unknown>;
  const all = await loadAll(tx, bestuurId);
  return { ...biaListOf(all), items: all.bias };
}

const reviewQuery = (tx: BcTx) =>
  tx
    .selectFrom('bestuur_bc_reviews as r')
    .innerJoin('besturen as b', 'b.id', 'r.bestuur_id')
    .leftJoin('users as s', 's.id', 'r.submitted_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .select((eb) => [
      'r.id',
      'r.bestuur_id',
      'b.name as bestuur_name',
      'r.subject',
      'r.state',
      'r.submitted_at',
      's.display_name as submitted_by_name',
      'r.decided_at',
      'd.display_name as decided_by_name',
      'r.version',
      eb
        .selectFrom('bestuur_bc_review_events as e')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('e.review_id', '=', 'r.id')
        .where('e.kind', '=', 'opmerking')
        .as('comments'),
    ]);
type SummaryRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['executeTakeFirstOrThrow']>>;

const summaryOf = (r: SummaryRow) => ({
  id: r.id,
  bestuurId: r.bestuur_id,
  bestuurName: r.bestuur_name,
  subject: r.subject as Subject,
  state: r.state as Review['state'],
  submittedAt: new Date(r.submitted_at).toISOString(),
  submittedBy: r.submitted_by_name ?? null,
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  decidedBy: r.decided_by_name ?? null,
  comments: Number(r.comments ?? 0),
  version: r.version,
});

async function findReview(tx: BcTx, id: string, bestuurId?: string): Promise<Review> {
  let q = reviewQuery(tx).select('r.snapshot').where('r.id', '=', id);
  if (bestuurId) q = q.where('r.bestuur_id', '=', bestuurId);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  const events = await tx
    .selectFrom('bestuur_bc_review_events')
    .selectAll()
    .where('review_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    ...summaryOf(row),
    sections: sectionsOf(row.subject as Subject, row.snapshot),
    snapshot: row.snapshot,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as Review['events'][number]['kind'],
      section: e.section,
      body: e.body,
      author: e.author_name,
      authorSide: e.author_side as 'bestuur' | 'coach',
      at: new Date(e.created_at).toISOString(),
    })),
  };
}

// ---------------------------------------------------------------- the bestuur's side

export const listReviews = (db: Kysely<DB>, ctx: TenantCtx) =>
  inScope(db, tenantScope(ctx), async (tx) =>
    (
      await reviewQuery(bc(tx))
        .where('r.bestuur_id', '=', ctx.tenantId)
        .orderBy('r.submitted_at', 'desc')
        .orderBy('r.id')
        .execute()
    ).map(summaryOf),
  );

export const getReview = (db: Kysely<DB>, ctx: TenantCtx, id: string) =>
  inScope(db, tenantScope(ctx), (tx) => findReview(bc(tx), id, ctx.tenantId));

async function addEvent(
  tx: BcTx,
  ctx: Ctx,
  review: { id: string; bestuurId: string },
  e: { kind: string; section: string | null; body: string | null; side: 'bestuur' | 'coach' },
) {
  await tx
    .insertInto('bestuur_bc_review_events')
    .values({
      bestuur_id: review.bestuurId,
      review_id: review.id,
      kind: e.kind,
      section: e.section,
      body: e.body,
      author_id: ctx.userId,
      author_name: ctx.actorName,
      author_side: e.side,
    })
    .execute();
}

export async function submitReview(
  db: Kysely<DB>,
  ctx: TenantCtx,
  input: { subject: Subject; message: string | null },
) {
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const open = await tx
      .selectFrom('bestuur_bc_reviews')
      .select('id')
      .where('bestuur_id', '=', ctx.tenantId)
      .where('subject', '=', input.subject)
      .where('state', '=', 'ingediend')
      .executeTakeFirst();
    if (open) throw new AppError('REVIEW_OPEN', { reviewId: open.id });
    const snapshot = await snapshotOf(tx, ctx.tenantId, input.subject);
    const { id } = await tx
      .insertInto('bestuur_bc_reviews')
      .values({
        bestuur_id: ctx.tenantId,
        subject: input.subject,
        snapshot: JSON.stringify(snapshot),
        submitted_by: ctx.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvent(
      tx,
      ctx,
      { id, bestuurId: ctx.tenantId },
      { kind: 'ingediend', section: null, body: input.message, side: 'bestuur' },
    );
    await recordAudit(raw, ctx, {
      action: 'create',
      objectType: 'continuity_review',
      objectId: id,
      objectLabel: input.subject === 'bia' ? 'BIA' : 'BCP',
      after: { subject: input.subject, state: 'ingediend' },
      bestuurId: ctx.tenantId,
    });
    return findReview(tx, id, ctx.tenantId);
  });
}

function checkedSection(review: Review, section: string | null) {
  if (section !== null && !review.sections.some((s) => s.key === section))
    throw invalid('section', 'review_section_unknown');
}

export async function commentAsBestuur(
  db: Kysely<DB>,
  ctx: TenantCtx,
  id: string,
  input: { section: string | null; body: string },
) {
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const review = await findReview(tx, id, ctx.tenantId);
    checkedSection(review, input.section);
    await addEvent(tx, ctx, review, { kind: 'opmerking', section: input.section, body: input.body, side: 'bestuur' });
    return findReview(tx, id, ctx.tenantId);
  });
}

// ---------------------------------------------------------------- the coach's side

/** Every submission, of every bestuur; the coach's scope has no tenant, only the coach policy. */
export const coachList = (db: Kysely<DB>, ctx: Ctx, state?: Review['state']) =>
  inScope(db, { userId: ctx.userId }, async (tx) => {
    let q = reviewQuery(bc(tx));
    if (state) q = q.where('r.state', '=', state);
    return (await q.orderBy('r.submitted_at', 'desc').orderBy('r.id').execute()).map(summaryOf);
  });

export const coachGet = (db: Kysely<DB>, ctx: Ctx, id: string) =>
  inScope(db, { userId: ctx.userId }, (tx) => findReview(bc(tx), id));

/** Writes happen in the scope of the submission's bestuur, where its audit trail is. */
async function asCoach<T>(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  fn: (tx: BcTx, raw: Kysely<DB>, review: Review) => Promise<T>,
) {
  const { bestuurId } = await coachGet(db, ctx, id);
  return inScope(db, { tenantId: bestuurId, userId: ctx.userId }, async (raw) => {
    const tx = bc(raw);
    return fn(tx, raw, await findReview(tx, id, bestuurId));
  });
}

export const coachComment = (db: Kysely<DB>, ctx: Ctx, id: string, input: { section: string | null; body: string }) =>
  asCoach(db, ctx, id, async (tx, _raw, review) => {
    checkedSection(review, input.section);
    if (review.state !== 'ingediend') throw new AppError('REVIEW_CLOSED');
    await addEvent(tx, ctx, review, { kind: 'opmerking', section: input.section, body: input.body, side: 'coach' });
    return findReview(tx, id, review.bestuurId);
  });

export const coachDecide = (
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  input: { version: number; decision: 'teruggestuurd' | 'aanvaard'; message: string | null },
) =>
  asCoach(db, ctx, id, async (tx, raw, review) => {
    if (review.version !== input.version) throw conflict(review);
    if (review.state !== 'ingediend') throw new AppError('REVIEW_CLOSED');
    const saved = await tx
      .updateTable('bestuur_bc_reviews')
      .set((eb) => ({
        state: input.decision,
        decided_by: ctx.userId,
        decided_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('bestuur_id', '=', review.bestuurId)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!saved) throw conflict(review);
    await addEvent(tx, ctx, review, { kind: input.decision, section: null, body: input.message, side: 'coach' });
    await recordAudit(raw, ctx, {
      action: 'update',
      objectType: 'continuity_review',
      objectId: id,
      objectLabel: review.subject === 'bia' ? 'BIA' : 'BCP',
      before: { state: review.state },
      after: { state: input.decision },
      bestuurId: review.bestuurId,
    });
    return findReview(tx, id, review.bestuurId);
  });
