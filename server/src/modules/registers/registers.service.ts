import type {
  Application,
  ApplicationAssetsUpdate,
  ApplicationCreate,
  ApplicationKind,
  ApplicationProposal,
  ApplicationUpdate,
  Supplier,
  SupplierCreate,
  SupplierUpdate,
} from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { type Content, loadContent } from '../catalog/content.loader.js';
import * as repo from './registers.repository.js';

// content/ changes only with a release: read and check it once per process.
let cached: Content | undefined;
const content = (): Content => {
  cached ??= loadContent();
  return cached;
};
const kindNames = () => new Map(content().applicationKinds.map((k) => [k.id, { nl: k.name.nl, en: k.name.en }]));

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: [path], code: 'custom', message }] });

/** A name taken in the bestuur becomes its own 409; anything else goes on. */
async function uniqueNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const taken = repo.nameTaken(err);
    if (taken === 'supplier') throw new AppError('SUPPLIER_EXISTS');
    if (taken === 'application') throw new AppError('APPLICATION_EXISTS');
    throw err;
  }
}

// Suppliers

const toSupplier = (r: repo.SupplierRow): Supplier => ({
  id: r.id,
  name: r.name,
  kboNumber: r.kbo_number,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  contractReference: r.contract_reference,
  contractStart: r.contract_start,
  contractEnd: r.contract_end,
  processingAgreement: r.processing_agreement as Supplier['processingAgreement'],
  processingAgreementDate: r.processing_agreement_date,
  certifications: r.certifications as Supplier['certifications'],
  notes: r.notes,
  applicationCount: r.application_count ?? 0,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** What the audit trail keeps of a supplier: its fields, not its counters or timestamps. */
const auditedSupplier = ({ id, applicationCount, version, createdAt, updatedAt, ...fields }: Supplier) => fields;

function checkSupplier(v: repo.SupplierValues) {
  if (v.contractStart && v.contractEnd && v.contractEnd < v.contractStart) {
    throw invalid('contractEnd', 'contract_end_before_start');
  }
  if (v.processingAgreementDate && v.processingAgreement !== 'aanwezig') {
    throw invalid('processingAgreementDate', 'processing_agreement_date_without_agreement');
  }
}

const loadSupplier = async (tx: Tx, ctx: TenantCtx, id: string) => {
  const row = await repo.findSupplier(tx, ctx.tenantId, id);
  if (!row) throw notFound();
  return toSupplier(row);
};

export async function listSuppliers(db: Kysely<DB>, ctx: TenantCtx): Promise<Supplier[]> {
  const rows = await inScope(db, tenantScope(ctx), (tx) => repo.listSuppliers(tx, ctx.tenantId));
  return rows.map(toSupplier);
}

export const getSupplier = (db: Kysely<DB>, ctx: TenantCtx, id: string) =>
  inScope(db, tenantScope(ctx), (tx) => loadSupplier(tx, ctx, id));

export async function createSupplier(db: Kysely<DB>, ctx: TenantCtx, input: SupplierCreate): Promise<Supplier> {
  checkSupplier(input);
  return uniqueNames(() =>
    inScope(db, tenantScope(ctx), async (tx) => {
      const { id } = await repo.insertSupplier(tx, ctx.tenantId, input);
      const created = await loadSupplier(tx, ctx, id);
      await recordAudit(tx, ctx, {
        action: 'create',
        objectType: 'supplier',
        objectId: id,
        objectLabel: created.name,
        after: auditedSupplier(created),
        bestuurId: ctx.tenantId,
      });
      return created;
    }),
  );
}

export async function updateSupplier(
  db: Kysely<DB>,
  ctx: TenantCtx,
  id: string,
  { version, ...changes }: SupplierUpdate,
): Promise<Supplier> {
  return uniqueNames(() =>
    inScope(db, tenantScope(ctx), async (tx) => {
      const current = await loadSupplier(tx, ctx, id);
      const merged = { ...auditedSupplier(current), ...changes };
      checkSupplier(merged);
      if (!(await repo.updateSupplier(tx, ctx.tenantId, id, version, merged))) throw conflict(current);
      const after = await loadSupplier(tx, ctx, id);
      await recordAudit(tx, ctx, {
        action: 'update',
        objectType: 'supplier',
        objectId: id,
        objectLabel: after.name,
        ...diff(auditedSupplier(current), auditedSupplier(after)),
        bestuurId: ctx.tenantId,
      });
      return after;
    }),
  );
}

/** Deletes a supplier; one that still provides applications stays, with a 409 that names them. */
export async function deleteSupplier(db: Kysely<DB>, ctx: TenantCtx, id: string): Promise<void> {
  await inScope(db, tenantScope(ctx), async (tx) => {
    const current = await loadSupplier(tx, ctx, id);
    const users = await repo.applicationsOfSupplier(tx, ctx.tenantId, id);
    if (users.length > 0) throw new AppError('SUPPLIER_IN_USE', { applications: users });
    await repo.deleteSupplier(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, {
      action: 'delete',
      objectType: 'supplier',
      objectId: id,
      objectLabel: current.name,
      before: auditedSupplier(current),
      bestuurId: ctx.tenantId,
    });
  });
}

// Applications

const maxOf = (values: number[]) => Math.max(...values);

/** Applications with their supplier, linked assets, class (highest of the assets) and processes. */
async function presentApplications(tx: Tx, ctx: TenantCtx, rows: repo.ApplicationRow[]): Promise<Application[]> {
  const links = await repo.linkedAssets(
    tx,
    ctx.tenantId,
    rows.map((r) => r.id),
  );
  const byApplication = new Map<string, repo.LinkedAssetRow[]>();
  for (const l of links) byApplication.set(l.application_id, [...(byApplication.get(l.application_id) ?? []), l]);
  const kinds = kindNames();
  return rows.map((r) => {
    const assets = byApplication.get(r.id) ?? [];
    const processes = new Map(assets.map((a) => [a.process_id, a.process_name as Application['kindName']]));
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      kind: r.kind,
      kindName: (r.kind && kinds.get(r.kind)) || null,
      supplier: r.supplier_id ? { id: r.supplier_id, name: r.supplier_name as string } : null,
      hosting: r.hosting as Application['hosting'],
      acmIdm: r.acm_idm,
      dataLocation: r.data_location as Application['dataLocation'],
      class: assets.length
        ? { c: maxOf(assets.map((a) => a.c)), i: maxOf(assets.map((a) => a.i)), a: maxOf(assets.map((a) => a.a)) }
        : null,
      assets: assets.map((a) => ({
        id: a.id,
        name: a.name as Application['assets'][number]['name'],
        processId: a.process_id,
        class: { c: a.c, i: a.i, a: a.a },
      })),
      processes: [...processes].map(([id, name]) => ({ id, name: name as NonNullable<typeof name> })),
      version: r.version,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

const loadApplication = async (tx: Tx, ctx: TenantCtx, id: string): Promise<Application> => {
  const row = await repo.findApplication(tx, ctx.tenantId, id);
  if (!row) throw notFound();
  const [application] = await presentApplications(tx, ctx, [row]);
  return application;
};

const auditedApplication = (a: Application) => ({
  name: a.name,
  description: a.description,
  kind: a.kind,
  supplierId: a.supplier?.id ?? null,
  supplier: a.supplier?.name ?? null,
  hosting: a.hosting,
  acmIdm: a.acmIdm,
  dataLocation: a.dataLocation,
});
const auditedLinks = (a: Application) => ({
  assetIds: a.assets.map((x) => x.id).sort(),
  assets: a.assets.map((x) => x.name.nl).sort(),
});

/** The kind must be one of the generic list; the supplier one of the bestuur's own. */
async function checkApplication(tx: Tx, ctx: TenantCtx, v: repo.ApplicationValues) {
  if (v.kind !== null && !kindNames().has(v.kind)) throw invalid('kind', 'application_kind_unknown');
  if (v.supplierId !== null && !(await repo.findSupplier(tx, ctx.tenantId, v.supplierId))) {
    throw invalid('supplierId', 'supplier_unknown');
  }
}

export async function listApplications(db: Kysely<DB>, ctx: TenantCtx): Promise<Application[]> {
  return inScope(db, tenantScope(ctx), async (tx) =>
    presentApplications(tx, ctx, await repo.listApplications(tx, ctx.tenantId)),
  );
}

export const getApplication = (db: Kysely<DB>, ctx: TenantCtx, id: string) =>
  inScope(db, tenantScope(ctx), (tx) => loadApplication(tx, ctx, id));

export async function createApplication(
  db: Kysely<DB>,
  ctx: TenantCtx,
  input: ApplicationCreate,
): Promise<Application> {
  return uniqueNames(() =>
    inScope(db, tenantScope(ctx), async (tx) => {
      await checkApplication(tx, ctx, input);
      const { id } = await repo.insertApplication(tx, ctx.tenantId, input);
      const created = await loadApplication(tx, ctx, id);
      await recordAudit(tx, ctx, {
        action: 'create',
        objectType: 'application',
        objectId: id,
        objectLabel: created.name,
        after: auditedApplication(created),
        bestuurId: ctx.tenantId,
      });
      return created;
    }),
  );
}

export async function updateApplication(
  db: Kysely<DB>,
  ctx: TenantCtx,
  id: string,
  { version, ...changes }: ApplicationUpdate,
): Promise<Application> {
  return uniqueNames(() =>
    inScope(db, tenantScope(ctx), async (tx) => {
      const current = await loadApplication(tx, ctx, id);
      const { supplier, ...fields } = auditedApplication(current);
      const merged = { ...fields, ...changes };
      await checkApplication(tx, ctx, merged);
      if (!(await repo.updateApplication(tx, ctx.tenantId, id, version, merged))) throw conflict(current);
      const after = await loadApplication(tx, ctx, id);
      await recordAudit(tx, ctx, {
        action: 'update',
        objectType: 'application',
        objectId: id,
        objectLabel: after.name,
        ...diff(auditedApplication(current), auditedApplication(after)),
        bestuurId: ctx.tenantId,
      });
      return after;
    }),
  );
}

/** Deletes an application and its links to assets; the assets themselves stay. */
export async function deleteApplication(db: Kysely<DB>, ctx: TenantCtx, id: string): Promise<void> {
  await inScope(db, tenantScope(ctx), async (tx) => {
    const current = await loadApplication(tx, ctx, id);
    await repo.deleteApplication(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, {
      action: 'delete',
      objectType: 'application',
      objectId: id,
      objectLabel: current.name,
      before: { ...auditedApplication(current), ...auditedLinks(current) },
      bestuurId: ctx.tenantId,
    });
  });
}

/** Sets the information assets an application holds; every asset must be one of the bestuur's. */
export async function setApplicationAssets(
  db: Kysely<DB>,
  ctx: TenantCtx,
  id: string,
  input: ApplicationAssetsUpdate,
): Promise<Application> {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const current = await loadApplication(tx, ctx, id);
    const known = await repo.existingAssetIds(tx, ctx.tenantId, input.assetIds);
    const unknown = input.assetIds.findIndex((a) => !known.has(a));
    if (unknown >= 0) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: ['assetIds', String(unknown)], code: 'custom', message: 'asset_unknown' }],
      });
    }
    if (!(await repo.touchApplication(tx, ctx.tenantId, id, input.version))) throw conflict(current);
    await repo.replaceLinks(tx, ctx.tenantId, id, input.assetIds);
    const after = await loadApplication(tx, ctx, id);
    await recordAudit(tx, ctx, {
      action: 'update',
      objectType: 'application',
      objectId: id,
      objectLabel: after.name,
      ...diff(auditedLinks(current), auditedLinks(after)),
      bestuurId: ctx.tenantId,
    });
    return after;
  });
}

/** The applications that hold an information asset (404 for an asset that is not the bestuur's). */
export async function applicationsOfAsset(db: Kysely<DB>, ctx: TenantCtx, assetId: string): Promise<Application[]> {
  return inScope(db, tenantScope(ctx), async (tx) => {
    if (!(await repo.assetExists(tx, ctx.tenantId, assetId))) throw notFound();
    const ids = await repo.applicationIdsOfAsset(tx, ctx.tenantId, assetId);
    return presentApplications(tx, ctx, await repo.listApplications(tx, ctx.tenantId, ids));
  });
}

/** The application kinds of the generic process list, sorted by their Dutch name. */
export function listApplicationKinds(): ApplicationKind[] {
  return [...kindNames()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.nl.localeCompare(b.name.nl, 'nl'));
}

/**
 * Applications to register, proposed from the application kinds of the bestuur's applicable
 * adopted processes: each kind no application of the bestuur has yet, with the processes using it.
 */
export async function listProposals(db: Kysely<DB>, ctx: TenantCtx): Promise<ApplicationProposal[]> {
  const [processes, used] = await inScope(db, tenantScope(ctx), async (tx) => [
    await repo.adoptedProcesses(tx, ctx.tenantId),
    await repo.usedKinds(tx, ctx.tenantId),
  ]);
  const kindsOf = new Map(content().processes.map((p) => [p.id, p.applications]));
  const kinds = kindNames();
  const proposals = new Map<string, ApplicationProposal>();
  for (const p of processes) {
    for (const kind of kindsOf.get(p.template_id as string) ?? []) {
      const name = kinds.get(kind);
      if (used.has(kind) || !name) continue;
      const proposal = proposals.get(kind) ?? { kind, name, processes: [] };
      proposal.processes.push({ id: p.id, name: p.name as ApplicationProposal['name'] });
      proposals.set(kind, proposal);
    }
  }
  return [...proposals.values()].sort(
    (a, b) => b.processes.length - a.processes.length || a.name.nl.localeCompare(b.name.nl, 'nl'),
  );
}
