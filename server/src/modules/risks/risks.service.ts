import type { Risk } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { activeMember } from '../measures/measures.repository.js';
import { latest, shippedContent } from '../processlist/processlist.service.js';
import { matrixRow } from './matrix.service.js';
import { impactOfClass, levelOf } from './matrix.js';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: [path], code: 'custom', message }] });
const today = () => new Date().toISOString().slice(0, 10);
const text = (t: { nl: string; en: string }) => ({ nl: t.nl, en: t.en });

const riskQuery = (tx: Tx, bestuurId: string) =>
  tx
    .selectFrom('bestuur_risks as r')
    .leftJoin('bestuur_processes as p', (j) =>
      j.onRef('p.id', '=', 'r.process_id').onRef('p.bestuur_id', '=', 'r.bestuur_id'),
    )
    .leftJoin('bestuur_assets as a', (j) =>
      j.onRef('a.id', '=', 'r.asset_id').onRef('a.bestuur_id', '=', 'r.bestuur_id'),
    )
    .leftJoin('users as o', 'o.id', 'r.owner_id')
    .leftJoin('users as ab', 'ab.id', 'r.accepted_by')
    .selectAll('r')
    .select([
      'p.name as process_name',
      'a.name as asset_name',
      'o.display_name as owner_name',
      'ab.display_name as accepted_by_name',
    ])
    .where('r.bestuur_id', '=', bestuurId);
type RiskRow = Awaited<ReturnType<ReturnType<typeof riskQuery>['executeTakeFirstOrThrow']>>;

const threats = () => new Map(shippedContent().threats.map((x) => [x.id, x]));

async function toRisks(tx: Tx, bestuurId: string, rows: RiskRow[]): Promise<Risk[]> {
  const { matrix } = await matrixRow(tx, bestuurId);
  const links = rows.length
    ? await tx
        .selectFrom('bestuur_risk_measures')
        .select(['risk_id', 'measure_code'])
        .where('bestuur_id', '=', bestuurId)
        .where(
          'risk_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('measure_code')
        .execute()
    : [];
  const titles = new Map((await latest(tx)).snapshot.measures.map((m) => [m.code, text(m.title)]));
  const known = threats();
  const level = (l: number, i: number) => {
    const x = levelOf(matrix, l, i);
    return { id: x.id, name: text(x.name), colour: x.colour };
  };
  const now = today();
  return rows.map((r) => {
    const threat = r.threat_id ? known.get(r.threat_id) : undefined;
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      threatId: r.threat_id,
      threatName: threat ? text(threat.name) : null,
      processId: r.process_id,
      processName: (r.process_name ?? null) as Risk['processName'],
      assetId: r.asset_id,
      assetName: (r.asset_name ?? null) as Risk['assetName'],
      qualities: r.qualities as Risk['qualities'],
      likelihood: r.likelihood,
      impact: r.impact,
      inherentLevel: level(r.likelihood, r.impact),
      treatment: r.treatment as Risk['treatment'],
      residualLikelihood: r.residual_likelihood,
      residualImpact: r.residual_impact,
      residualLevel:
        r.residual_likelihood && r.residual_impact ? level(r.residual_likelihood, r.residual_impact) : null,
      measures: links
        .filter((x) => x.risk_id === r.id)
        .map((x) => ({
          code: x.measure_code,
          title: titles.get(x.measure_code) ?? { nl: x.measure_code, en: x.measure_code },
        })),
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      acceptance:
        r.accepted_at && r.accepted_until
          ? { by: r.accepted_by_name, at: new Date(r.accepted_at).toISOString(), until: r.accepted_until }
          : null,
      reviewDate: r.review_date,
      overdue: (r.review_date !== null && r.review_date < now) || (r.accepted_until !== null && r.accepted_until < now),
      version: r.version,
    };
  });
}

export const listRisks = (db: Kysely<DB>, ctx: TenantCtx): Promise<Risk[]> =>
  inScope(db, tenantScope(ctx), (tx) => risksIn(tx, ctx.tenantId));

/** The bestuur's risks, oldest first, inside a transaction the caller holds. */
export async function risksIn(tx: Tx, bestuurId: string): Promise<Risk[]> {
  return toRisks(tx, bestuurId, await riskQuery(tx, bestuurId).orderBy('r.created_at').orderBy('r.id').execute());
}

async function findRisk(tx: Tx, bestuurId: string, id: string) {
  const row = await riskQuery(tx, bestuurId).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return (await toRisks(tx, bestuurId, [row]))[0];
}

export const getRisk = (db: Kysely<DB>, ctx: TenantCtx, id: string) =>
  inScope(db, tenantScope(ctx), (tx) => findRisk(tx, ctx.tenantId, id));

interface RiskInput {
  title?: string;
  description?: string | null;
  threatId?: string | null;
  processId?: string | null;
  assetId?: string | null;
  qualities?: ('c' | 'i' | 'a')[];
  likelihood?: number;
  impact?: number;
  treatment?: Risk['treatment'];
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  measureCodes?: string[];
  ownerId?: string | null;
  acceptUntil?: string | null;
  reviewDate?: string | null;
}

/** Checks references and the matrix; gives the columns to store and the acceptance that follows. */
async function checked(tx: Tx, ctx: TenantCtx, current: Risk | null, input: RiskInput) {
  const { matrix } = await matrixRow(tx, ctx.tenantId);
  const pick = <K extends keyof RiskInput>(k: K, fallback: RiskInput[K]) =>
    input[k] === undefined ? fallback : input[k];
  const v = {
    title: pick('title', current?.title) as string,
    description: pick('description', current?.description ?? null) ?? null,
    threatId: pick('threatId', current?.threatId ?? null) ?? null,
    processId: pick('processId', current?.processId ?? null) ?? null,
    assetId: pick('assetId', current?.assetId ?? null) ?? null,
    qualities: pick('qualities', current?.qualities) as string[],
    likelihood: pick('likelihood', current?.likelihood) as number,
    impact: pick('impact', current?.impact) as number,
    treatment: pick('treatment', current?.treatment ?? null) ?? null,
    residualLikelihood: pick('residualLikelihood', current?.residualLikelihood ?? null) ?? null,
    residualImpact: pick('residualImpact', current?.residualImpact ?? null) ?? null,
    ownerId: pick('ownerId', current?.ownerId ?? null) ?? null,
    reviewDate: pick('reviewDate', current?.reviewDate ?? null) ?? null,
  };
  const n = matrix.likelihood.length;
  const m = matrix.impact.length;
  for (const [k, max] of [
    ['likelihood', n],
    ['residualLikelihood', n],
    ['impact', m],
    ['residualImpact', m],
  ] as const) {
    const value = v[k];
    if (value !== null && value > max) throw invalid(k, 'risk_outside_matrix');
  }
  if (v.threatId && !threats().has(v.threatId)) throw invalid('threatId', 'threat_unknown');
  if (v.processId) {
    const p = await tx
      .selectFrom('bestuur_processes')
      .select('id')
      .where('bestuur_id', '=', ctx.tenantId)
      .where('id', '=', v.processId)
      .executeTakeFirst();
    if (!p) throw invalid('processId', 'process_or_asset_unknown');
  }
  if (v.assetId) {
    const a = await tx
      .selectFrom('bestuur_assets')
      .select('id')
      .where('bestuur_id', '=', ctx.tenantId)
      .where('id', '=', v.assetId)
      .executeTakeFirst();
    if (!a) throw invalid('assetId', 'process_or_asset_unknown');
  }
  if (v.ownerId && v.ownerId !== current?.ownerId && !(await activeMember(tx, ctx.tenantId, v.ownerId)))
    throw invalid('ownerId', 'owner_not_member');
  const codes = new Set((await latest(tx)).snapshot.measures.map((x) => x.code));
  const unknownMeasure = input.measureCodes?.find((c) => !codes.has(c));
  if (unknownMeasure) throw invalid('measureCodes', 'measure_not_required');

  // A formal acceptance: given now by someone who may accept risks, or kept while the risk stays accepted.
  let acceptance: { by: string; at: Date; until: string } | null | 'keep' =
    v.treatment === 'aanvaarden' ? 'keep' : null;
  if (input.acceptUntil) {
    if (v.treatment !== 'aanvaarden') throw invalid('acceptUntil', 'acceptance_needs_treatment');
    if (!ctx.permissions.has('risks.accept')) throw new AppError('FORBIDDEN');
    acceptance = { by: ctx.userId, at: new Date(), until: input.acceptUntil };
  } else if (input.acceptUntil === null) acceptance = null;
  return { v, acceptance };
}

const audited = (r: Risk) => ({
  title: r.title,
  threat: r.threatId,
  qualities: r.qualities.join(''),
  likelihood: r.likelihood,
  impact: r.impact,
  treatment: r.treatment,
  residualLikelihood: r.residualLikelihood,
  residualImpact: r.residualImpact,
  measures: r.measures.map((x) => x.code).join(', '),
  owner: r.ownerName,
  acceptedUntil: r.acceptance?.until ?? null,
  reviewDate: r.reviewDate,
});

async function setMeasures(tx: Tx, bestuurId: string, riskId: string, codes: string[] | undefined) {
  if (codes === undefined) return;
  await tx
    .deleteFrom('bestuur_risk_measures')
    .where('bestuur_id', '=', bestuurId)
    .where('risk_id', '=', riskId)
    .execute();
  const unique = [...new Set(codes)];
  if (unique.length)
    await tx
      .insertInto('bestuur_risk_measures')
      .values(unique.map((code) => ({ bestuur_id: bestuurId, risk_id: riskId, measure_code: code })))
      .execute();
}

const columns = (v: Awaited<ReturnType<typeof checked>>['v']) => ({
  title: v.title,
  description: v.description,
  threat_id: v.threatId,
  process_id: v.processId,
  asset_id: v.assetId,
  qualities: v.qualities,
  likelihood: v.likelihood,
  impact: v.impact,
  treatment: v.treatment,
  residual_likelihood: v.residualLikelihood,
  residual_impact: v.residualImpact,
  owner_id: v.ownerId,
  review_date: v.reviewDate,
});

export async function createRisk(db: Kysely<DB>, ctx: TenantCtx, input: RiskInput) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const { v, acceptance } = await checked(tx, ctx, null, input);
    const accepted = acceptance && acceptance !== 'keep' ? acceptance : null;
    const { id } = await tx
      .insertInto('bestuur_risks')
      .values({
        bestuur_id: ctx.tenantId,
        ...columns(v),
        accepted_by: accepted?.by ?? null,
        accepted_at: accepted?.at ?? null,
        accepted_until: accepted?.until ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setMeasures(tx, ctx.tenantId, id, input.measureCodes);
    const created = await findRisk(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, {
      action: 'create',
      objectType: 'risk',
      objectId: id,
      objectLabel: created.title,
      after: audited(created),
      bestuurId: ctx.tenantId,
    });
    return created;
  });
}

export async function updateRisk(db: Kysely<DB>, ctx: TenantCtx, id: string, input: RiskInput & { version: number }) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const current = await findRisk(tx, ctx.tenantId, id);
    if (current.version !== input.version) throw conflict(current);
    const { v, acceptance } = await checked(tx, ctx, current, input);
    const accepted =
      acceptance === 'keep'
        ? {}
        : {
            accepted_by: acceptance?.by ?? null,
            accepted_at: acceptance?.at ?? null,
            accepted_until: acceptance?.until ?? null,
          };
    const saved = await tx
      .updateTable('bestuur_risks')
      .set((eb) => ({ ...columns(v), ...accepted, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('bestuur_id', '=', ctx.tenantId)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!saved) throw conflict(current);
    await setMeasures(tx, ctx.tenantId, id, input.measureCodes);
    const after = await findRisk(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, {
      action: 'update',
      objectType: 'risk',
      objectId: id,
      objectLabel: after.title,
      ...diff(audited(current), audited(after)),
      bestuurId: ctx.tenantId,
    });
    return after;
  });
}

export async function deleteRisk(db: Kysely<DB>, ctx: TenantCtx, id: string, version: number) {
  await inScope(db, tenantScope(ctx), async (tx) => {
    const current = await findRisk(tx, ctx.tenantId, id);
    if (current.version !== version) throw conflict(current);
    await tx.deleteFrom('bestuur_risks').where('bestuur_id', '=', ctx.tenantId).where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: 'delete',
      objectType: 'risk',
      objectId: id,
      objectLabel: current.title,
      before: audited(current),
      bestuurId: ctx.tenantId,
    });
  });
}

/**
 * The typical risks of the bestuur's adopted generic processes that its register does not
 * hold yet (by process and title), with an impact from the process's highest class.
 */
export async function proposals(db: Kysely<DB>, ctx: TenantCtx) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const { matrix } = await matrixRow(tx, ctx.tenantId);
    const list = await latest(tx);
    const processes = await tx
      .selectFrom('bestuur_processes')
      .select(['id', 'template_id', 'name'])
      .where('bestuur_id', '=', ctx.tenantId)
      .where('applicable', '=', true)
      .where('template_id', 'is not', null)
      .orderBy('domain')
      .execute();
    const classes = await tx
      .selectFrom('bestuur_assets')
      .select(['process_id', 'c', 'i', 'a'])
      .where('bestuur_id', '=', ctx.tenantId)
      .execute();
    const have = new Set(
      (
        await tx
          .selectFrom('bestuur_risks')
          .select(['process_id', 'title'])
          .where('bestuur_id', '=', ctx.tenantId)
          .execute()
      ).map((r) => `${r.process_id}\u0000${r.title.trim().toLowerCase()}`),
    );
    const steps = matrix.impact.length;
    return processes.flatMap((p) => {
      const template = list.processes.get(p.template_id as string);
      if (!template) return [];
      const mine = classes.filter((c) => c.process_id === p.id);
      const top = { c: 1, i: 1, a: 1 };
      for (const c of mine) for (const k of ['c', 'i', 'a'] as const) top[k] = Math.max(top[k], c[k]);
      const highest = Math.max(top.c, top.i, top.a);
      const qualities = (['c', 'i', 'a'] as const).filter((k) => top[k] === highest);
      return template.risks
        .filter((r) => !have.has(`${p.id}\u0000${r.nl.trim().toLowerCase()}`))
        .map((r) => ({
          processId: p.id,
          processName: p.name as Risk['title'] & { nl: string; en: string },
          title: text(r),
          impact: impactOfClass(highest, steps),
          qualities: [...qualities],
        }));
    });
  });
}

export const threatCatalogue = () =>
  shippedContent().threats.map((x) => ({
    id: x.id,
    category: x.category,
    name: text(x.name),
    description: text(x.description),
    affects: x.affects,
    measures: x.measures,
  }));
