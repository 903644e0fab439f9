import type { Exercise } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';

import { type BcTx, bc, json } from './continuity.tables.js';

/** Exercises of the plan, planned and held, with findings and actions. */
type Row = Awaited<ReturnType<typeof rows>>[number];
const rows = (tx: BcTx, bestuurId: string) =>
  tx.selectFrom('bestuur_bc_exercises').selectAll().where('bestuur_id', '=', bestuurId).execute();

const toExercise = (r: Row): Exercise => ({
  id: r.id,
  title: r.title,
  kind: r.kind as Exercise['kind'],
  plannedOn: r.planned_on,
  heldOn: r.held_on,
  scenario: r.scenario,
  findings: r.findings,
  actions: r.actions,
  openActions: r.actions.filter((a) => !a.done).length,
  version: r.version,
});

/** Newest first: held ones by their date, planned ones by theirs. */
export async function readExercises(tx: BcTx, bestuurId: string): Promise<Exercise[]> {
  return (await rows(tx, bestuurId))
    .map(toExercise)
    .sort(
      (a, b) =>
        (b.heldOn ?? b.plannedOn ?? '').localeCompare(a.heldOn ?? a.plannedOn ?? '') || a.title.localeCompare(b.title),
    );
}

export const listExercises = (db: Kysely<DB>, ctx: TenantCtx) =>
  inScope(db, tenantScope(ctx), (tx) => readExercises(bc(tx), ctx.tenantId));

async function find(tx: BcTx, bestuurId: string, id: string) {
  const row = await tx
    .selectFrom('bestuur_bc_exercises')
    .selectAll()
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return toExercise(row);
}

const audited = (e: Exercise) => ({
  title: e.title,
  kind: e.kind,
  plannedOn: e.plannedOn,
  heldOn: e.heldOn,
  scenario: e.scenario,
  findings: e.findings,
  actions: e.actions.map((a) => `${a.done ? '[x]' : '[ ]'} ${a.description}`).join('; '),
});

type Input = Omit<Exercise, 'id' | 'openActions' | 'version'>;

export async function createExercise(db: Kysely<DB>, ctx: TenantCtx, input: Input) {
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const { id } = await tx
      .insertInto('bestuur_bc_exercises')
      .values({
        bestuur_id: ctx.tenantId,
        title: input.title,
        kind: input.kind,
        planned_on: input.plannedOn,
        held_on: input.heldOn,
        scenario: input.scenario,
        findings: input.findings,
        actions: json(input.actions),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await find(tx, ctx.tenantId, id);
    await recordAudit(raw, ctx, {
      action: 'create',
      objectType: 'continuity_exercise',
      objectId: id,
      objectLabel: created.title,
      after: audited(created),
      bestuurId: ctx.tenantId,
    });
    return created;
  });
}

export async function updateExercise(
  db: Kysely<DB>,
  ctx: TenantCtx,
  id: string,
  input: Partial<Input> & { version: number },
) {
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const current = await find(tx, ctx.tenantId, id);
    if (current.version !== input.version) throw conflict(current);
    const v = {
      ...current,
      ...Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined)),
    } as Exercise;
    const saved = await tx
      .updateTable('bestuur_bc_exercises')
      .set((eb) => ({
        title: v.title,
        kind: v.kind,
        planned_on: v.plannedOn,
        held_on: v.heldOn,
        scenario: v.scenario,
        findings: v.findings,
        actions: json(v.actions),
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('bestuur_id', '=', ctx.tenantId)
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    if (!saved) throw conflict(current);
    const after = await find(tx, ctx.tenantId, id);
    await recordAudit(raw, ctx, {
      action: 'update',
      objectType: 'continuity_exercise',
      objectId: id,
      objectLabel: after.title,
      ...diff(audited(current), audited(after)),
      bestuurId: ctx.tenantId,
    });
    return after;
  });
}

export async function deleteExercise(db: Kysely<DB>, ctx: TenantCtx, id: string, version: number | undefined) {
  await inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const current = await find(tx, ctx.tenantId, id);
    if (version === undefined || current.version !== version) throw conflict(current);
    await tx.deleteFrom('bestuur_bc_exercises').where('bestuur_id', '=', ctx.tenantId).where('id', '=', id).execute();
    await recordAudit(raw, ctx, {
      action: 'delete',
      objectType: 'continuity_exercise',
      objectId: id,
      objectLabel: current.title,
      before: audited(current),
      bestuurId: ctx.tenantId,
    });
  });
}
