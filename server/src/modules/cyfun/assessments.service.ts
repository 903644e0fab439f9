import type { CyfunResult } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { fileSlug } from '../../platform/xlsx.js';
import { latest, shippedContent } from '../processlist/processlist.service.js';
import { readAssessment, writeAssessment } from './workbook.js';
import {
  type Answer,
  type CyfunLevel,
  type CyfunNode,
  MissingAnswers,
  type NaRule,
  defaultNaRules,
  requirementsAt,
  scoreCyfun,
} from './scoring.js';

const iso = (d: Date | string) => new Date(d).toISOString();
export const frameworkOfEdition = { '2023-03-01': 'cyfun-2023-03-01', '2025': 'cyfun-2025' } as const;
type Edition = keyof typeof frameworkOfEdition;
type NaRules = Record<CyfunLevel, NaRule>;

function frameworkNodes(edition: Edition) {
  const f = shippedContent().frameworks.find((x) => x.id === frameworkOfEdition[edition]);
  if (!f) throw new Error(`content/ has no framework ${frameworkOfEdition[edition]}`);
  return f.nodes;
}

const assessments = (tx: Tx, bestuurId: string) =>
  tx
    .selectFrom('bestuur_cyfun_assessments as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .select([
      'a.id',
      'a.edition',
      'a.level',
      'a.title',
      'a.na_rules',
      'u.display_name as created_by',
      'a.created_at',
      'a.updated_at',
      'a.version',
    ])
    .where('a.bestuur_id', '=', bestuurId);
type Row = Awaited<ReturnType<ReturnType<typeof assessments>['executeTakeFirstOrThrow']>>;

const answersOf = (tx: Tx, bestuurId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : tx
        .selectFrom('bestuur_cyfun_answers')
        .selectAll()
        .where('bestuur_id', '=', bestuurId)
        .where('assessment_id', 'in', ids)
        .execute();
type AnswerRow = Awaited<ReturnType<typeof answersOf>>[number];

/** The score of what is answered; incomplete while requirements of the level have no answer. */
export function resultOf(edition: Edition, level: CyfunLevel, naRules: NaRules, rows: AnswerRow[]): CyfunResult {
  const answers: Answer[] = rows.map((a) =>
    a.not_applicable
      ? { id: a.requirement_id, na: true }
      : { id: a.requirement_id, documentation: a.documentation as number, implementation: a.implementation as number },
  );
  try {
    const s = scoreCyfun(frameworkNodes(edition) as CyfunNode[], level, answers, naRules);
    return {
      complete: true,
      missing: [],
      total: s.total,
      categories: s.categories,
      keyMeasures: s.keyMeasures,
      passed: s.passed,
      failures: s.failures,
    };
  } catch (err) {
    if (!(err instanceof MissingAnswers)) throw err;
    return {
      complete: false,
      missing: err.ids,
      total: null,
      categories: {},
      keyMeasures: {},
      passed: null,
      failures: [],
    };
  }
}

function summary(r: Row, answers: AnswerRow[]) {
  const edition = r.edition as Edition;
  const level = r.level as CyfunLevel;
  const naRules = r.na_rules as NaRules;
  const inLevel = new Set(requirementsAt(frameworkNodes(edition) as CyfunNode[], level).map((x) => x.id));
  const result = resultOf(edition, level, naRules, answers);
  return {
    id: r.id,
    edition,
    level,
    title: r.title,
    naRules,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    answered: answers.filter((a) => inLevel.has(a.requirement_id)).length,
    requirements: inLevel.size,
    total: result.total,
    passed: result.passed,
    version: r.version,
    result,
  };
}

export const listAssessments = (db: Kysely<DB>, ctx: TenantCtx) =>
  inScope(db, tenantScope(ctx), (tx) => assessmentsIn(tx, ctx.tenantId));

/** The bestuur's assessments, newest first, inside a transaction the caller holds. */
export async function assessmentsIn(tx: Tx, bestuurId: string) {
  const rows = await assessments(tx, bestuurId).orderBy('a.created_at', 'desc').execute();
  const answers = await answersOf(
    tx,
    bestuurId,
    rows.map((r) => r.id),
  );
  return rows.map(({ ...r }) => {
    const { result: _, ...s } = summary(
      r,
      answers.filter((a) => a.assessment_id === r.id),
    );
    return s;
  });
}

/** One assessment with its rows, inside a transaction the caller holds. */
export async function assessmentIn(tx: Tx, bestuurId: string, id: string) {
  const row = await assessments(tx, bestuurId).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const answers = await answersOf(tx, bestuurId, [id]);
  const s = summary(row, answers);
  const byId = new Map(answers.map((a) => [a.requirement_id, a]));
  const nodes = frameworkNodes(s.edition);
  const titles = new Map(nodes.map((n) => [n.id, n.title]));
  const rows = requirementsAt(nodes as CyfunNode[], s.level).map((r) => {
    const a = byId.get(r.id);
    const t = titles.get(r.id) as { nl: string; en: string };
    const title = (id: string) => {
      const x = titles.get(id) as { nl: string; en: string } | undefined;
      return { nl: x?.nl ?? id, en: x?.en ?? id };
    };
    return {
      id: r.id,
      title: { nl: t.nl, en: t.en },
      category: r.category,
      categoryTitle: title(r.category),
      subCategory: r.subCategory,
      subCategoryTitle: title(r.subCategory),
      keyMeasure: r.keyMeasure,
      managementAspect: r.managementAspect,
      documentation: a?.documentation ?? null,
      implementation: a?.implementation ?? null,
      notApplicable: a?.not_applicable ?? false,
      source: a?.source ?? null,
    };
  });
  return { ...s, rows };
}

export const getAssessment = (db: Kysely<DB>, ctx: TenantCtx, id: string) =>
  inScope(db, tenantScope(ctx), (tx) => assessmentIn(tx, ctx.tenantId, id));

/**
 * The scores the measure register suggests: per requirement, the lowest documentation and
 * implementation maturity of the bestuur's measures mapped to it (a chain is as strong as its
 * weakest link). Requirements without such measures stay unanswered.
 */
async function prefill(tx: Tx, bestuurId: string, edition: Edition, level: CyfunLevel) {
  const framework = frameworkOfEdition[edition];
  const tracked = await tx
    .selectFrom('bestuur_measures')
    .select(['measure_code', 'documentation', 'implementation'])
    .where('bestuur_id', '=', bestuurId)
    .where('documentation', 'is not', null)
    .where('implementation', 'is not', null)
    .execute();
  const maturity = new Map(tracked.map((m) => [m.measure_code, m]));
  const inLevel = new Set(requirementsAt(frameworkNodes(edition) as CyfunNode[], level).map((r) => r.id));
  const best = new Map<string, { documentation: number; implementation: number }>();
  for (const m of (await latest(tx)).snapshot.measures) {
    const t = maturity.get(m.code);
    if (!t) continue;
    for (const x of m.mappings) {
      if (x.framework !== framework || !inLevel.has(x.requirement)) continue;
      const cur = best.get(x.requirement);
      best.set(x.requirement, {
        documentation: Math.min(cur?.documentation ?? 5, t.documentation as number),
        implementation: Math.min(cur?.implementation ?? 5, t.implementation as number),
      });
    }
  }
  return best;
}

const levelNames = { basic: 'Basis', important: 'Belangrijk', essential: 'Essentieel' } as const;

export async function createAssessment(
  db: Kysely<DB>,
  ctx: TenantCtx,
  input: { edition: Edition; level: CyfunLevel; title?: string; prefill: boolean },
) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const { id } = await tx
      .insertInto('bestuur_cyfun_assessments')
      .values({
        bestuur_id: ctx.tenantId,
        edition: input.edition,
        level: input.level,
        title:
          input.title ??
          `CyberFundamentals ${input.edition} – ${levelNames[input.level]} – ${new Date().toISOString().slice(0, 10)}`,
        na_rules: JSON.stringify(defaultNaRules),
        created_by: ctx.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const suggested = input.prefill ? await prefill(tx, ctx.tenantId, input.edition, input.level) : new Map();
    if (suggested.size)
      await tx
        .insertInto('bestuur_cyfun_answers')
        .values(
          [...suggested].map(([requirement, s]) => ({
            bestuur_id: ctx.tenantId,
            assessment_id: id,
            requirement_id: requirement,
            documentation: s.documentation,
            implementation: s.implementation,
            source: 'measures' as const,
          })),
        )
        .execute();
    const created = await assessmentIn(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, {
      action: 'create',
      objectType: 'cyfun_assessment',
      objectId: id,
      objectLabel: created.title,
      after: { edition: input.edition, level: input.level, prefilled: suggested.size },
      bestuurId: ctx.tenantId,
    });
    return created;
  });
}

type AnswerInput =
  | { id: string; notApplicable: true }
  | { id: string; documentation: number; implementation: number }
  | { id: string; clear: true };

/** Saves answers (and the title or not-applicable rules) when the editor saw the current version. */
export async function updateAssessment(
  db: Kysely<DB>,
  ctx: TenantCtx,
  id: string,
  input: { version: number; answers: AnswerInput[]; title?: string; naRules?: Partial<NaRules> },
) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const current = await assessmentIn(tx, ctx.tenantId, id);
    if (current.version !== input.version) throw conflict(current);
    const known = new Set(current.rows.map((r) => r.id));
    const unknown = input.answers.filter((a) => !known.has(a.id));
    if (unknown.length)
      throw new AppError('VALIDATION_FAILED', {
        issues: unknown.map((a) => ({ path: ['answers', a.id], code: 'custom', message: 'requirement_not_in_level' })),
      });
    for (const a of input.answers) {
      if ('clear' in a) {
        await tx
          .deleteFrom('bestuur_cyfun_answers')
          .where('bestuur_id', '=', ctx.tenantId)
          .where('assessment_id', '=', id)
          .where('requirement_id', '=', a.id)
          .execute();
        continue;
      }
      const values =
        'notApplicable' in a
          ? { documentation: null, implementation: null, not_applicable: true }
          : { documentation: a.documentation, implementation: a.implementation, not_applicable: false };
      await tx
        .insertInto('bestuur_cyfun_answers')
        .values({ bestuur_id: ctx.tenantId, assessment_id: id, requirement_id: a.id, source: 'manual', ...values })
        .onConflict((oc) =>
          oc.columns(['assessment_id', 'requirement_id']).doUpdateSet({ ...values, source: 'manual' }),
        )
        .execute();
    }
    await tx
      .updateTable('bestuur_cyfun_assessments')
      .set((eb) => ({
        title: input.title ?? current.title,
        na_rules: JSON.stringify({ ...current.naRules, ...input.naRules }),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('bestuur_id', '=', ctx.tenantId)
      .where('id', '=', id)
      .execute();
    const after = await assessmentIn(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, {
      action: 'update',
      objectType: 'cyfun_assessment',
      objectId: id,
      objectLabel: after.title,
      before: { total: current.total, answered: current.answered },
      after: {
        total: after.total,
        answered: after.answered,
        changedAnswers: input.answers.map((a) => a.id).slice(0, 50),
      },
      bestuurId: ctx.tenantId,
    });
    return after;
  });
}

export async function deleteAssessment(db: Kysely<DB>, ctx: TenantCtx, id: string, version: number) {
  await inScope(db, tenantScope(ctx), async (tx) => {
    const current = await assessmentIn(tx, ctx.tenantId, id);
    if (current.version !== version) throw conflict(current);
    await tx
      .deleteFrom('bestuur_cyfun_assessments')
      .where('bestuur_id', '=', ctx.tenantId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'delete',
      objectType: 'cyfun_assessment',
      objectId: id,
      objectLabel: current.title,
      before: { edition: current.edition, level: current.level, total: current.total },
      bestuurId: ctx.tenantId,
    });
  });
}

/** The self-assessment as a workbook with the columns of the official tool, and its result. */
export async function exportAssessment(db: Kysely<DB>, ctx: TenantCtx, id: string, lang: 'nl' | 'en') {
  const [a, bestuur] = await inScope(db, tenantScope(ctx), async (tx) => [
    await assessmentIn(tx, ctx.tenantId, id),
    await tx.selectFrom('besturen').select('name').where('id', '=', ctx.tenantId).executeTakeFirstOrThrow(),
  ]);
  const body = await writeAssessment(
    { ...a, nodes: frameworkNodes(a.edition) as CyfunNode[], naRules: a.naRules as never },
    bestuur.name,
    lang,
  );
  const day = new Date().toISOString().slice(0, 10);
  return { body, fileName: `cyberfundamentals-${fileSlug(bestuur.name)}-${a.edition}-${a.level}-${day}.xlsx` };
}

/** Takes the scores of a sheet over, all or nothing: one bad row and nothing changes. */
export async function importAssessment(db: Kysely<DB>, ctx: TenantCtx, id: string, version: number, file: unknown) {
  const current = await getAssessment(db, ctx, id);
  const { answers, errors } = await readAssessment(file, ctx.lang, new Set(current.rows.map((r) => r.id)));
  if (errors.length)
    throw new AppError('IMPORT_HAS_ERRORS', {
      errors: errors.map((e) => ({ row: e.row, column: e.column, message: e.message[ctx.lang] })),
    });
  return updateAssessment(db, ctx, id, { version, answers });
}
