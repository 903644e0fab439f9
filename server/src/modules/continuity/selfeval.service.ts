import type { SelfEvaluation, SelfEvaluationAnswer } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import { invalid } from './bia.service.js';
import { type BcTx, bc, json } from './continuity.tables.js';
import { continuityContent } from './content.js';

/** The ten-question self-evaluation: yes 2, partly 1, no 0; every evaluation is kept as history. */
export const pointsOf: Record<SelfEvaluationAnswer, number> = { ja: 2, deels: 1, nee: 0 };

export const questions = () =>
  continuityContent().questions.map((q, i) => ({ id: q.id, number: i + 1, question: q.question, advice: q.advice }));

type Row = {
  id: string;
  answers: { questionId: string; answer: SelfEvaluationAnswer; note: string | null }[];
  points: number;
  max_points: number;
  created_at: Date;
  created_by_name: string | null;
};

const summaryOf = (r: Row) => ({
  id: r.id,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by_name,
  score: { points: r.points, max: r.max_points, percent: Math.round((100 * r.points) / r.max_points) },
  counts: {
    ja: r.answers.filter((a) => a.answer === 'ja').length,
    deels: r.answers.filter((a) => a.answer === 'deels').length,
    nee: r.answers.filter((a) => a.answer === 'nee').length,
  },
});

const query = (tx: BcTx, bestuurId: string) =>
  tx
    .selectFrom('bestuur_bc_self_evaluations as e')
    .leftJoin('users as u', 'u.id', 'e.created_by')
    .select(['e.id', 'e.answers', 'e.points', 'e.max_points', 'e.created_at', 'u.display_name as created_by_name'])
    .where('e.bestuur_id', '=', bestuurId);

export const listSelfEvaluations = (db: Kysely<DB>, ctx: TenantCtx) =>
  inScope(db, tenantScope(ctx), async (tx) =>
    (await query(bc(tx), ctx.tenantId).orderBy('e.created_at', 'desc').orderBy('e.id').execute()).map((r) =>
      summaryOf(r as Row),
    ),
  );

async function find(tx: BcTx, bestuurId: string, id: string): Promise<SelfEvaluation> {
  const row = (await query(tx, bestuurId).where('e.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!row) throw notFound();
  const prev = (await query(tx, bestuurId)
    .where('e.created_at', '<', row.created_at)
    .orderBy('e.created_at', 'desc')
    .limit(1)
    .executeTakeFirst()) as Row | undefined;
  const byId = new Map(row.answers.map((a) => [a.questionId, a]));
  return {
    ...summaryOf(row),
    answers: questions()
      .filter((q) => byId.has(q.id))
      .map((q) => {
        const a = byId.get(q.id) as Row['answers'][number];
        return {
          questionId: q.id,
          number: q.number,
          question: q.question,
          answer: a.answer,
          note: a.note,
          points: pointsOf[a.answer],
          advice: q.advice[a.answer],
        };
      }),
    previous: prev
      ? {
          id: prev.id,
          createdAt: new Date(prev.created_at).toISOString(),
          score: summaryOf(prev).score,
          answers: Object.fromEntries(prev.answers.map((a) => [a.questionId, a.answer])),
        }
      : null,
  };
}

export const getSelfEvaluation = (db: Kysely<DB>, ctx: TenantCtx, id: string) =>
  inScope(db, tenantScope(ctx), (tx) => find(bc(tx), ctx.tenantId, id));

export async function createSelfEvaluation(
  db: Kysely<DB>,
  ctx: TenantCtx,
  input: { answers: { questionId: string; answer: SelfEvaluationAnswer; note: string | null }[] },
) {
  const qs = questions();
  const given = input.answers.map((a) => a.questionId);
  if (given.length !== qs.length || new Set(given).size !== given.length || qs.some((q) => !given.includes(q.id)))
    throw invalid('answers', 'self_evaluation_incomplete');
  const ordered = qs.map((q) => input.answers.find((a) => a.questionId === q.id) as (typeof input.answers)[number]);
  const points = ordered.reduce((n, a) => n + pointsOf[a.answer], 0);
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const { id } = await tx
      .insertInto('bestuur_bc_self_evaluations')
      .values({
        bestuur_id: ctx.tenantId,
        answers: json(ordered),
        points,
        max_points: 2 * qs.length,
        created_by: ctx.userId,
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(raw, ctx, {
      action: 'create',
      objectType: 'continuity_self_evaluation',
      objectId: id,
      objectLabel: `${points}/${2 * qs.length}`,
      after: Object.fromEntries(ordered.map((a) => [a.questionId, a.answer])),
      bestuurId: ctx.tenantId,
    });
    return find(tx, ctx.tenantId, id);
  });
}
