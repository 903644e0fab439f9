import type { Plan, PlanSections } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import { loadAll } from './bia.service.js';
import { continuityChecks } from './checks.js';
import { type BcTx, bc, json } from './continuity.tables.js';
import { readExercises } from './exercises.service.js';
import { recoveryOf } from './recovery.service.js';

/** The continuity plan: the sections written by hand, and what follows from the BIA and the registers. */
export const emptySections = (): PlanSections => ({
  scope: null,
  crisisTeam: [],
  callTree: null,
  meetingPlace: null,
  alternativeMeetingPlace: null,
  activationCriteria: null,
  escalation: null,
  communication: { staff: null, citizens: null, press: null, authorities: null },
  documentControl: { documentVersion: null, approvedBy: null, approvedOn: null, nextReview: null },
});

async function readSections(tx: BcTx, bestuurId: string) {
  const row = await tx
    .selectFrom('bestuur_bc_plans as p')
    .leftJoin('users as u', 'u.id', 'p.updated_by')
    .select(['p.sections', 'p.version', 'p.updated_at', 'u.display_name'])
    .where('p.bestuur_id', '=', bestuurId)
    .executeTakeFirst();
  return {
    sections: { ...emptySections(), ...((row?.sections ?? {}) as Partial<PlanSections>) },
    version: row?.version ?? 0,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    updatedBy: row?.display_name ?? null,
  };
}

async function readStrategies(tx: BcTx, bestuurId: string) {
  return tx.selectFrom('bestuur_bc_strategies').selectAll().where('bestuur_id', '=', bestuurId).execute();
}

/** The whole plan as the screen and the document show it. */
export async function composePlan(tx: BcTx, bestuurId: string, preloaded?: All): Promise<Plan> {
  const all = preloaded ?? (await loadAll(tx, bestuurId));
  const stored = await readSections(tx, bestuurId);
  const strategies = new Map((await readStrategies(tx, bestuurId)).map((s) => [s.process_id, s]));
  return {
    ...stored,
    settings: all.settings,
    strategies: all.bias
      .filter((b) => b.critical)
      .map((b) => {
        const s = strategies.get(b.processId);
        return {
          processId: b.processId,
          processName: b.processName,
          mtpd: b.mtpd,
          rtoHours: b.rtoHours,
          rpoHours: b.rpoHours,
          minimumServiceLevel: b.minimumServiceLevel,
          strategy: (s?.strategy ?? null) as Plan['strategies'][number]['strategy'],
          description: s?.description ?? null,
          procedure: s?.procedure ?? null,
          version: s?.version ?? 0,
        };
      }),
    recovery: recoveryOf(all.apps, all.bias).filter((a) => a.order !== null),
    exercises: await readExercises(tx, bestuurId),
  };
}

type All = Awaited<ReturnType<typeof loadAll>>;

/** The consistency checks (checks.ts) on the bestuur's current state. */
export const listChecks = (db: Kysely<DB>, ctx: TenantCtx, today = new Date().toISOString().slice(0, 10)) =>
  inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const all = await loadAll(tx, ctx.tenantId);
    const plan = await composePlan(tx, ctx.tenantId, all);
    return continuityChecks(all.bias, plan, recoveryOf(all.apps, all.bias), today);
  });

export const getPlan = (db: Kysely<DB>, ctx: TenantCtx) =>
  inScope(db, tenantScope(ctx), (tx) => composePlan(bc(tx), ctx.tenantId));

const audited = (s: PlanSections) => ({
  scope: s.scope,
  crisisTeam: s.crisisTeam.map((m) => `${m.role}: ${m.name}${m.phone ? ` (${m.phone})` : ''}`).join('; '),
  callTree: s.callTree,
  meetingPlace: s.meetingPlace,
  alternativeMeetingPlace: s.alternativeMeetingPlace,
  activationCriteria: s.activationCriteria,
  escalation: s.escalation,
  communication: JSON.stringify(s.communication),
  documentControl: JSON.stringify(s.documentControl),
});

export async function updatePlan(db: Kysely<DB>, ctx: TenantCtx, input: Partial<PlanSections> & { version: number }) {
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const current = await readSections(tx, ctx.tenantId);
    if (current.version !== input.version) throw conflict(await composePlan(tx, ctx.tenantId));
    const { version, ...changes } = input;
    const sections = { ...current.sections, ...changes };
    const saved =
      version === 0
        ? await tx
            .insertInto('bestuur_bc_plans')
            .values({ bestuur_id: ctx.tenantId, sections: json(sections), updated_by: ctx.userId })
            .onConflict((oc) => oc.column('bestuur_id').doNothing())
            .returning('version')
            .executeTakeFirst()
        : await tx
            .updateTable('bestuur_bc_plans')
            .set((eb) => ({
              sections: json(sections),
              updated_by: ctx.userId,
              updated_at: new Date(),
              version: eb('version', '+', 1),
            }))
            .where('bestuur_id', '=', ctx.tenantId)
            .where('version', '=', version)
            .returning('version')
            .executeTakeFirst();
    if (!saved) throw conflict(await composePlan(tx, ctx.tenantId));
    await recordAudit(raw, ctx, {
      action: version === 0 ? 'create' : 'update',
      objectType: 'continuity_plan',
      objectId: ctx.tenantId,
      objectLabel: sections.documentControl.documentVersion ?? null,
      ...diff(audited(current.sections), audited(sections)),
      bestuurId: ctx.tenantId,
    });
    return composePlan(tx, ctx.tenantId);
  });
}

export async function setStrategy(
  db: Kysely<DB>,
  ctx: TenantCtx,
  processId: string,
  input: {
    version: number;
    strategy: NonNullable<Plan['strategies'][number]['strategy']>;
    description: string | null;
    procedure: string | null;
  },
) {
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const process = await tx
      .selectFrom('bestuur_processes')
      .select(['id', 'name'])
      .where('bestuur_id', '=', ctx.tenantId)
      .where('id', '=', processId)
      .where('applicable', '=', true)
      .executeTakeFirst();
    if (!process) throw notFound();
    const find = async () =>
      (await composePlan(tx, ctx.tenantId)).strategies.find((s) => s.processId === processId) ?? null;
    const current = await tx
      .selectFrom('bestuur_bc_strategies')
      .selectAll()
      .where('bestuur_id', '=', ctx.tenantId)
      .where('process_id', '=', processId)
      .executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) throw conflict(await find());
    const values = {
      strategy: input.strategy,
      description: input.description,
      procedure: input.procedure,
      updated_by: ctx.userId,
      updated_at: new Date(),
    };
    const saved = current
      ? await tx
          .updateTable('bestuur_bc_strategies')
          .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
          .where('bestuur_id', '=', ctx.tenantId)
          .where('process_id', '=', processId)
          .where('version', '=', input.version)
          .returning('version')
          .executeTakeFirst()
      : await tx
          .insertInto('bestuur_bc_strategies')
          .values({ bestuur_id: ctx.tenantId, process_id: processId, ...values })
          .onConflict((oc) => oc.columns(['bestuur_id', 'process_id']).doNothing())
          .returning('version')
          .executeTakeFirst();
    if (!saved) throw conflict(await find());
    const pick = (s: { strategy: string; description: string | null; procedure: string | null } | undefined) => ({
      strategy: s?.strategy ?? null,
      description: s?.description ?? null,
      procedure: s?.procedure ?? null,
    });
    await recordAudit(raw, ctx, {
      action: current ? 'update' : 'create',
      objectType: 'continuity_strategy',
      objectId: processId,
      objectLabel: (process.name as { nl: string }).nl,
      ...diff(pick(current), pick(values)),
      bestuurId: ctx.tenantId,
    });
    return {
      processId,
      strategy: input.strategy,
      description: input.description,
      procedure: input.procedure,
      version: saved.version,
    };
  });
}
