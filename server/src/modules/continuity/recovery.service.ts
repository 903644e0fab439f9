import type { ApplicationRecovery, Bia } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import { recoveryOrder } from './bia.js';
import type { AppInfo } from './bia.repository.js';
import { loadAll } from './bia.service.js';
import { bc } from './continuity.tables.js';

/**
 * The recovery of the register's applications: per application, the processes that depend on
 * it, the time it must be back within (the smallest RTO among them) and its place in the
 * recovery order (bia.ts `recoveryOrder`).
 */
export function recoveryOf(apps: AppInfo[], bias: Bia[]): ApplicationRecovery[] {
  const dependents = new Map<string, Bia[]>();
  for (const b of bias)
    for (const a of b.dependencies.applications) dependents.set(a.id, [...(dependents.get(a.id) ?? []), b]);
  const order = recoveryOrder(
    apps.map((a) => {
      const ps = dependents.get(a.id) ?? [];
      return {
        applicationId: a.id,
        name: a.name,
        criticalRtos: ps.filter((p) => p.critical).map((p) => p.rtoHours),
        dependents: ps.length,
      };
    }),
  );
  return apps
    .map((a) => {
      const ps = dependents.get(a.id) ?? [];
      const rtos = ps.map((p) => p.rtoHours).filter((x): x is number => x !== null);
      return {
        applicationId: a.id,
        name: a.name,
        supplierName: a.supplierName,
        recoveryTimeHours: a.recoveryTimeHours,
        procedure: a.procedure,
        processes: ps.map((p) => ({
          id: p.processId,
          name: p.processName,
          rtoHours: p.rtoHours,
          critical: p.critical,
        })),
        requiredHours: rtos.length ? Math.min(...rtos) : null,
        order: order.get(a.id) ?? null,
        version: a.version,
      };
    })
    .sort((x, y) => (x.order ?? 1e9) - (y.order ?? 1e9) || x.name.localeCompare(y.name, 'nl'));
}

export const listRecovery = (db: Kysely<DB>, ctx: TenantCtx) =>
  inScope(db, tenantScope(ctx), async (tx) => {
    const all = await loadAll(bc(tx), ctx.tenantId);
    return recoveryOf(all.apps, all.bias);
  });

async function findOne(tx: Kysely<DB>, bestuurId: string, applicationId: string) {
  const all = await loadAll(bc(tx), bestuurId);
  const found = recoveryOf(all.apps, all.bias).find((a) => a.applicationId === applicationId);
  if (!found) throw notFound();
  return found;
}

export async function setRecovery(
  db: Kysely<DB>,
  ctx: TenantCtx,
  applicationId: string,
  input: { version: number; recoveryTimeHours: number | null; procedure: string | null },
) {
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const current = await findOne(raw, ctx.tenantId, applicationId);
    if (current.version !== input.version) throw conflict(current);
    const values = {
      recovery_time_hours: input.recoveryTimeHours,
      procedure: input.procedure,
      updated_by: ctx.userId,
      updated_at: new Date(),
    };
    const saved =
      input.version === 0
        ? await tx
            .insertInto('bestuur_application_recovery')
            .values({ bestuur_id: ctx.tenantId, application_id: applicationId, ...values })
            .onConflict((oc) => oc.columns(['bestuur_id', 'application_id']).doNothing())
            .returning('version')
            .executeTakeFirst()
        : await tx
            .updateTable('bestuur_application_recovery')
            .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
            .where('bestuur_id', '=', ctx.tenantId)
            .where('application_id', '=', applicationId)
            .where('version', '=', input.version)
            .returning('version')
            .executeTakeFirst();
    if (!saved) throw conflict(await findOne(raw, ctx.tenantId, applicationId));
    const after = await findOne(raw, ctx.tenantId, applicationId);
    await recordAudit(raw, ctx, {
      action: 'update',
      objectType: 'application_recovery',
      objectId: applicationId,
      objectLabel: after.name,
      ...diff(
        { recoveryTimeHours: current.recoveryTimeHours, procedure: current.procedure },
        { recoveryTimeHours: after.recoveryTimeHours, procedure: after.procedure },
      ),
      bestuurId: ctx.tenantId,
    });
    return after;
  });
}
