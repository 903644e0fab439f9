import type { Bia, ContinuitySettings, TimePoint } from '@baken/contracts';
import { highestImpact, hoursOf, isCritical, mtpdOf, proposalFor } from './bia.js';
import type { BcTx } from './continuity.tables.js';
import { continuityContent } from './content.js';

/** What the continuity module reads of a bestuur in one go: settings, every BIA, the applications. */
const text = (v: unknown) => {
  const t = v as { nl: string; en?: string };
  return { nl: t.nl, en: t.en || t.nl };
};

export async function readSettings(tx: BcTx, bestuurId: string): Promise<ContinuitySettings> {
  const row = await tx
    .selectFrom('bestuur_bc_settings')
    .selectAll()
    .where('bestuur_id', '=', bestuurId)
    .executeTakeFirst();
  const d = continuityContent().defaults;
  return row
    ? {
        unacceptableLevel: row.unacceptable_level,
        criticalThreshold: row.critical_threshold as TimePoint,
        version: row.version,
      }
    : { unacceptableLevel: d.unacceptableLevel, criticalThreshold: d.criticalThreshold, version: 0 };
}

export interface AppInfo {
  id: string;
  name: string;
  supplierId: string | null;
  supplierName: string | null;
  recoveryTimeHours: number | null;
  procedure: string | null;
  version: number;
}

export async function readApplications(tx: BcTx, bestuurId: string): Promise<AppInfo[]> {
  const rows = await tx
    .selectFrom('bestuur_applications as a')
    .leftJoin('bestuur_suppliers as s', (j) =>
      j.onRef('s.id', '=', 'a.supplier_id').onRef('s.bestuur_id', '=', 'a.bestuur_id'),
    )
    .leftJoin('bestuur_application_recovery as r', (j) =>
      j.onRef('r.application_id', '=', 'a.id').onRef('r.bestuur_id', '=', 'a.bestuur_id'),
    )
    .select([
      'a.id',
      'a.name',
      'a.supplier_id',
      's.name as supplier_name',
      'r.recovery_time_hours',
      'r.procedure',
      'r.version',
    ])
    .where('a.bestuur_id', '=', bestuurId)
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name ?? null,
    recoveryTimeHours: r.recovery_time_hours ?? null,
    procedure: r.procedure ?? null,
    version: r.version ?? 0,
  }));
}

/** Every applicable process with its BIA (saved, or the proposal from its availability class). */
export async function readBias(
  tx: BcTx,
  bestuurId: string,
  settings: ContinuitySettings,
  apps: AppInfo[],
  onlyProcessId?: string,
): Promise<Bia[]> {
  let pq = tx
    .selectFrom('bestuur_processes')
    .select(['id', 'name', 'domain'])
    .where('bestuur_id', '=', bestuurId)
    .where('applicable', '=', true);
  if (onlyProcessId) pq = pq.where('id', '=', onlyProcessId);
  const processes = await pq.execute();
  if (!processes.length) return [];
  const ids = processes.map((p) => p.id);
  const classes = await tx
    .selectFrom('bestuur_assets')
    .select(['process_id'])
    .select((eb) => eb.fn.max('a').as('a'))
    .where('bestuur_id', '=', bestuurId)
    .where('process_id', 'in', ids)
    .groupBy('process_id')
    .execute();
  const rows = await tx
    .selectFrom('bestuur_bia')
    .selectAll()
    .where('bestuur_id', '=', bestuurId)
    .where('process_id', 'in', ids)
    .execute();
  const deps = await tx
    .selectFrom('bestuur_bia_dependencies')
    .selectAll()
    .where('bestuur_id', '=', bestuurId)
    .where('process_id', 'in', ids)
    .orderBy('id')
    .execute();
  // The proposal's dependencies: the register's applications holding the process's assets.
  const held = await tx
    .selectFrom('bestuur_application_assets as l')
    .innerJoin('bestuur_assets as s', (j) =>
      j.onRef('s.id', '=', 'l.asset_id').onRef('s.bestuur_id', '=', 'l.bestuur_id'),
    )
    .select(['s.process_id', 'l.application_id'])
    .distinct()
    .where('l.bestuur_id', '=', bestuurId)
    .where('s.process_id', 'in', ids)
    .execute();
  const editors = [...new Set(rows.map((r) => r.updated_by).filter((x): x is string => !!x))];
  const users = new Map(
    editors.length
      ? (await tx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', editors).execute()).map((x) => [
          x.id,
          x.display_name,
        ])
      : [],
  );
  const suppliers = new Map(
    (await tx.selectFrom('bestuur_suppliers').select(['id', 'name']).where('bestuur_id', '=', bestuurId).execute()).map(
      (x) => [x.id, x.name],
    ),
  );
  const allNames = new Map(
    (onlyProcessId
      ? await tx.selectFrom('bestuur_processes').select(['id', 'name']).where('bestuur_id', '=', bestuurId).execute()
      : processes
    ).map((x) => [x.id, text(x.name)]),
  );
  const classOf = new Map(classes.map((c) => [c.process_id, Number(c.a)]));
  const rowOf = new Map(rows.map((r) => [r.process_id, r]));
  const appOf = new Map(apps.map((a) => [a.id, a]));
  const content = continuityContent();
  return processes.map((p) => {
    const row = rowOf.get(p.id);
    const availabilityClass = classOf.get(p.id) ?? null;
    const proposal = proposalFor(availabilityClass, content);
    const impacts = row ? (row.impacts as Bia['impacts']) : proposal.impacts;
    const mtpd = mtpdOf(impacts, settings.unacceptableLevel);
    const mine = row
      ? deps.filter((d) => d.process_id === p.id)
      : proposedDependencies(
          held.filter((h) => h.process_id === p.id).map((h) => h.application_id),
          appOf,
        );
    return {
      processId: p.id,
      processName: text(p.name),
      domain: p.domain,
      saved: !!row,
      availabilityClass,
      impacts,
      mtpd,
      mtpdHours: hoursOf(mtpd),
      critical: isCritical(mtpd, settings),
      rtoHours: row ? row.rto_hours : proposal.rtoHours,
      rpoHours: row ? row.rpo_hours : proposal.rpoHours,
      minimumServiceLevel: row?.minimum_service_level ?? null,
      peakPeriods: row?.peak_periods ?? null,
      keyRoles: row?.key_roles ?? [],
      locations: row?.locations ?? [],
      dependencies: {
        applications: mine
          .filter((d) => d.application_id)
          .map((d) => {
            const a = appOf.get(d.application_id as string);
            return {
              id: d.application_id as string,
              name: a?.name ?? '',
              recoveryTimeHours: a?.recoveryTimeHours ?? null,
            };
          }),
        suppliers: mine
          .filter((d) => d.supplier_id)
          .map((d) => ({ id: d.supplier_id as string, name: suppliers.get(d.supplier_id as string) ?? '' })),
        processes: mine
          .filter((d) => d.depends_on_process_id)
          .map((d) => ({
            id: d.depends_on_process_id as string,
            name: allNames.get(d.depends_on_process_id as string) ?? { nl: '', en: '' },
          })),
      },
      notes: row?.notes ?? null,
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
      updatedBy: row?.updated_by ? (users.get(row.updated_by) ?? null) : null,
      version: row?.version ?? 0,
    };
  });
}

type Dep = { application_id: string | null; supplier_id: string | null; depends_on_process_id: string | null };
function proposedDependencies(appIds: string[], appOf: Map<string, AppInfo>): Dep[] {
  const apps = appIds
    .map((id) => appOf.get(id))
    .filter((a): a is AppInfo => !!a)
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const suppliers = [...new Set(apps.map((a) => a.supplierId).filter((x): x is string => !!x))];
  return [
    ...apps.map((a) => ({ application_id: a.id, supplier_id: null, depends_on_process_id: null })),
    ...suppliers.map((id) => ({ application_id: null, supplier_id: id, depends_on_process_id: null })),
  ];
}

export const summaryOf = (b: Bia) => ({
  processId: b.processId,
  processName: b.processName,
  domain: b.domain,
  saved: b.saved,
  availabilityClass: b.availabilityClass,
  mtpd: b.mtpd,
  mtpdHours: b.mtpdHours,
  critical: b.critical,
  rtoHours: b.rtoHours,
  rpoHours: b.rpoHours,
  version: b.version,
  highestImpact: highestImpact(b.impacts),
  dependencyCount:
    b.dependencies.applications.length + b.dependencies.suppliers.length + b.dependencies.processes.length,
});

/** Most urgent first: by MTPD (none last), then by name. */
export const byUrgency = (x: Bia, y: Bia) =>
  (x.mtpdHours ?? 1e9) - (y.mtpdHours ?? 1e9) || x.processName.nl.localeCompare(y.processName.nl, 'nl');
