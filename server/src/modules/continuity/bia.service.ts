import { type Bia, type BiaUpdate, type TimePoint, timePointHours, timePoints } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import { fullImpacts, hoursOf, mtpdOf } from './bia.js';
import { byUrgency, readApplications, readBias, readSettings, summaryOf } from './bia.repository.js';
import { type BcTx, bc, json } from './continuity.tables.js';
import { continuityContent } from './content.js';

export const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: [path], code: 'custom', message }] });

export async function framework(db: Kysely<DB>, ctx: TenantCtx) {
  return inScope(db, tenantScope(ctx), async (tx) => ({
    timePoints: timePoints.map((id) => ({ id, hours: timePointHours[id] })),
    impactAreas: continuityContent().areas.map((a) => ({ id: a.id, name: a.name, scale: a.scale })),
    settings: await readSettings(bc(tx), ctx.tenantId),
  }));
}

export async function setSettings(
  db: Kysely<DB>,
  ctx: TenantCtx,
  input: { version: number; unacceptableLevel: number; criticalThreshold: TimePoint },
) {
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const current = await readSettings(tx, ctx.tenantId);
    if (current.version !== input.version) throw conflict(current);
    const values = {
      unacceptable_level: input.unacceptableLevel,
      critical_threshold: input.criticalThreshold,
      updated_by: ctx.userId,
      updated_at: new Date(),
    };
    if (current.version === 0)
      await tx
        .insertInto('bestuur_bc_settings')
        .values({ bestuur_id: ctx.tenantId, ...values })
        .onConflict((oc) => oc.column('bestuur_id').doNothing())
        .execute();
    const saved = await tx
      .updateTable('bestuur_bc_settings')
      .set((eb) => (current.version === 0 ? values : { ...values, version: eb('version', '+', 1) }))
      .where('bestuur_id', '=', ctx.tenantId)
      .where('version', '=', Math.max(1, input.version))
      .returning('version')
      .executeTakeFirst();
    if (!saved) throw conflict(await readSettings(tx, ctx.tenantId));
    const after = await readSettings(tx, ctx.tenantId);
    await recordAudit(raw, ctx, {
      action: 'update',
      objectType: 'continuity_settings',
      objectId: ctx.tenantId,
      objectLabel: 'BIA',
      ...diff(
        { unacceptableLevel: current.unacceptableLevel, criticalThreshold: current.criticalThreshold },
        { unacceptableLevel: after.unacceptableLevel, criticalThreshold: after.criticalThreshold },
      ),
      bestuurId: ctx.tenantId,
    });
    return after;
  });
}

/** Settings and every applicable process's BIA, most urgent first. */
export async function loadAll(tx: BcTx, bestuurId: string) {
  const settings = await readSettings(tx, bestuurId);
  const apps = await readApplications(tx, bestuurId);
  const bias = (await readBias(tx, bestuurId, settings, apps)).sort(byUrgency);
  return { settings, apps, bias };
}

export function biaListOf(all: Awaited<ReturnType<typeof loadAll>>) {
  return {
    settings: all.settings,
    counts: {
      processes: all.bias.length,
      saved: all.bias.filter((b) => b.saved).length,
      critical: all.bias.filter((b) => b.critical).length,
    },
    items: all.bias.map(summaryOf),
  };
}

export const listBia = (db: Kysely<DB>, ctx: TenantCtx) =>
  inScope(db, tenantScope(ctx), async (tx) => biaListOf(await loadAll(bc(tx), ctx.tenantId)));

async function findBia(tx: BcTx, bestuurId: string, processId: string): Promise<Bia> {
  const settings = await readSettings(tx, bestuurId);
  const [bia] = await readBias(tx, bestuurId, settings, await readApplications(tx, bestuurId), processId);
  if (!bia) throw notFound();
  return bia;
}

export const getBia = (db: Kysely<DB>, ctx: TenantCtx, processId: string) =>
  inScope(db, tenantScope(ctx), (tx) => findBia(bc(tx), ctx.tenantId, processId));

const audited = (b: Bia) => ({
  impacts: Object.entries(b.impacts)
    .map(([a, r]) => `${a} ${r.join('')}`)
    .join('; '),
  mtpd: b.mtpd,
  rtoHours: b.rtoHours,
  rpoHours: b.rpoHours,
  minimumServiceLevel: b.minimumServiceLevel,
  peakPeriods: b.peakPeriods,
  keyRoles: b.keyRoles.join(', '),
  locations: b.locations.join(', '),
  applications: b.dependencies.applications.map((x) => x.name).join(', '),
  suppliers: b.dependencies.suppliers.map((x) => x.name).join(', '),
  processes: b.dependencies.processes.map((x) => x.name.nl).join(', '),
  notes: b.notes,
});

async function checkDependencies(tx: BcTx, bestuurId: string, processId: string, input: BiaUpdate) {
  const count = async (table: 'bestuur_applications' | 'bestuur_suppliers' | 'bestuur_processes', ids: string[]) =>
    ids.length
      ? (await tx.selectFrom(table).select('id').where('bestuur_id', '=', bestuurId).where('id', 'in', ids).execute())
          .length
      : 0;
  const unique = (ids: string[]) => [...new Set(ids)];
  if (input.processIds.includes(processId)) throw invalid('processIds', 'bia_self_dependency');
  for (const [key, table] of [
    ['applicationIds', 'bestuur_applications'],
    ['supplierIds', 'bestuur_suppliers'],
    ['processIds', 'bestuur_processes'],
  ] as const) {
    const ids = unique(input[key]);
    if ((await count(table, ids)) !== ids.length) throw invalid(key, 'bia_dependency_unknown');
  }
}

export async function saveBia(db: Kysely<DB>, ctx: TenantCtx, processId: string, input: BiaUpdate) {
  return inScope(db, tenantScope(ctx), async (raw) => {
    const tx = bc(raw);
    const current = await findBia(tx, ctx.tenantId, processId);
    if (current.version !== input.version) throw conflict(current);
    const settings = await readSettings(tx, ctx.tenantId);
    const impacts = fullImpacts(input.impacts);
    const mtpdHours = hoursOf(mtpdOf(impacts, settings.unacceptableLevel));
    if (input.rtoHours !== null && mtpdHours !== null && input.rtoHours > mtpdHours)
      throw invalid('rtoHours', 'bia_rto_exceeds_mtpd');
    await checkDependencies(tx, ctx.tenantId, processId, input);
    const values = {
      impacts: json(impacts),
      rto_hours: input.rtoHours,
      rpo_hours: input.rpoHours,
      minimum_service_level: input.minimumServiceLevel,
      peak_periods: input.peakPeriods,
      key_roles: input.keyRoles,
      locations: input.locations,
      notes: input.notes,
      updated_by: ctx.userId,
      updated_at: new Date(),
    };
    if (input.version === 0) {
      const inserted = await tx
        .insertInto('bestuur_bia')
        .values({ bestuur_id: ctx.tenantId, process_id: processId, ...values })
        .onConflict((oc) => oc.columns(['bestuur_id', 'process_id']).doNothing())
        .returning('version')
        .executeTakeFirst();
      if (!inserted) throw conflict(await findBia(tx, ctx.tenantId, processId));
    } else {
      const saved = await tx
        .updateTable('bestuur_bia')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('bestuur_id', '=', ctx.tenantId)
        .where('process_id', '=', processId)
        .where('version', '=', input.version)
        .returning('version')
        .executeTakeFirst();
      if (!saved) throw conflict(current);
      await tx
        .deleteFrom('bestuur_bia_dependencies')
        .where('bestuur_id', '=', ctx.tenantId)
        .where('process_id', '=', processId)
        .execute();
    }
    const link = (k: 'application_id' | 'supplier_id' | 'depends_on_process_id', ids: string[]) =>
      [...new Set(ids)].map((id) => ({ bestuur_id: ctx.tenantId, process_id: processId, [k]: id }));
    const rows = [
      ...link('application_id', input.applicationIds),
      ...link('supplier_id', input.supplierIds),
      ...link('depends_on_process_id', input.processIds),
    ];
    if (rows.length) await tx.insertInto('bestuur_bia_dependencies').values(rows).execute();
    const after = await findBia(tx, ctx.tenantId, processId);
    await recordAudit(raw, ctx, {
      action: input.version === 0 ? 'create' : 'update',
      objectType: 'bia',
      objectId: processId,
      objectLabel: after.processName.nl,
      ...(input.version === 0 ? { after: audited(after) } : diff(audited(current), audited(after))),
      bestuurId: ctx.tenantId,
    });
    return after;
  });
}
