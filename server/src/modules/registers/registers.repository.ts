import type { SupplierCertification } from '@baken/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.js';

export interface SupplierValues {
  name: string;
  kboNumber: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contractReference: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  processingAgreement: string;
  processingAgreementDate: string | null;
  certifications: SupplierCertification[];
  notes: string | null;
}

export interface ApplicationValues {
  name: string;
  description: string | null;
  kind: string | null;
  supplierId: string | null;
  hosting: string;
  acmIdm: boolean;
  dataLocation: string;
}

const supplierColumns = (v: SupplierValues) => ({
  name: v.name,
  kbo_number: v.kboNumber,
  contact_email: v.contactEmail,
  contact_phone: v.contactPhone,
  contract_reference: v.contractReference,
  contract_start: v.contractStart,
  contract_end: v.contractEnd,
  processing_agreement: v.processingAgreement,
  processing_agreement_date: v.processingAgreementDate,
  certifications: v.certifications,
  notes: v.notes,
});

const applicationColumns = (v: ApplicationValues) => ({
  name: v.name,
  description: v.description,
  kind: v.kind,
  supplier_id: v.supplierId,
  hosting: v.hosting,
  acm_idm: v.acmIdm,
  data_location: v.dataLocation,
});

/** Which name index a unique violation hit, if any. */
export function nameTaken(err: unknown): 'supplier' | 'application' | null {
  const e = err as { code?: string; constraint?: string; message?: string } | undefined;
  if (e?.code !== '23505') return null;
  const where = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (where.includes('bestuur_suppliers_name_idx')) return 'supplier';
  if (where.includes('bestuur_applications_name_idx')) return 'application';
  return null;
}

// Suppliers

const supplierQuery = (tx: Tx, bestuurId: string) =>
  tx
    .selectFrom('bestuur_suppliers as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('bestuur_applications as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.bestuur_id', '=', 's.bestuur_id')
        .whereRef('a.supplier_id', '=', 's.id')
        .as('application_count'),
    )
    .where('s.bestuur_id', '=', bestuurId);

export type SupplierRow = Awaited<ReturnType<ReturnType<typeof supplierQuery>['executeTakeFirstOrThrow']>>;

export const listSuppliers = (tx: Tx, bestuurId: string) =>
  supplierQuery(tx, bestuurId).orderBy(sql`lower(s.name)`).orderBy('s.id').execute();

export const findSupplier = (tx: Tx, bestuurId: string, id: string) =>
  supplierQuery(tx, bestuurId).where('s.id', '=', id).executeTakeFirst();

export const insertSupplier = (tx: Tx, bestuurId: string, v: SupplierValues) =>
  tx
    .insertInto('bestuur_suppliers')
    .values({ bestuur_id: bestuurId, ...supplierColumns(v) })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateSupplier = (tx: Tx, bestuurId: string, id: string, version: number, v: SupplierValues) =>
  tx
    .updateTable('bestuur_suppliers')
    .set((eb) => ({ ...supplierColumns(v), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

export const deleteSupplier = (tx: Tx, bestuurId: string, id: string) =>
  tx.deleteFrom('bestuur_suppliers').where('bestuur_id', '=', bestuurId).where('id', '=', id).execute();

/** The applications that come from a supplier: what keeps it from being deleted. */
export const applicationsOfSupplier = (tx: Tx, bestuurId: string, supplierId: string) =>
  tx
    .selectFrom('bestuur_applications')
    .select(['id', 'name'])
    .where('bestuur_id', '=', bestuurId)
    .where('supplier_id', '=', supplierId)
    .orderBy(sql`lower(name)`)
    .execute();

// Applications

const applicationQuery = (tx: Tx, bestuurId: string) =>
  tx
    .selectFrom('bestuur_applications as a')
    .leftJoin('bestuur_suppliers as s', (j) =>
      j.onRef('s.id', '=', 'a.supplier_id').onRef('s.bestuur_id', '=', 'a.bestuur_id'),
    )
    .selectAll('a')
    .select('s.name as supplier_name')
    .where('a.bestuur_id', '=', bestuurId);

export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationQuery>['executeTakeFirstOrThrow']>>;

export const listApplications = (tx: Tx, bestuurId: string, ids?: string[]) => {
  let q = applicationQuery(tx, bestuurId);
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    q = q.where('a.id', 'in', ids);
  }
  return q.orderBy(sql`lower(a.name)`).orderBy('a.id').execute();
};

export const findApplication = (tx: Tx, bestuurId: string, id: string) =>
  applicationQuery(tx, bestuurId).where('a.id', '=', id).executeTakeFirst();

export const insertApplication = (tx: Tx, bestuurId: string, v: ApplicationValues) =>
  tx
    .insertInto('bestuur_applications')
    .values({ bestuur_id: bestuurId, ...applicationColumns(v) })
    .returning('id')
    .executeTakeFirstOrThrow();

export const updateApplication = (tx: Tx, bestuurId: string, id: string, version: number, v: ApplicationValues) =>
  tx
    .updateTable('bestuur_applications')
    .set((eb) => ({ ...applicationColumns(v), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

/** Raises the version of an application whose links changed; undefined when the version is stale. */
export const touchApplication = (tx: Tx, bestuurId: string, id: string, version: number) =>
  tx
    .updateTable('bestuur_applications')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

export const deleteApplication = (tx: Tx, bestuurId: string, id: string) =>
  tx.deleteFrom('bestuur_applications').where('bestuur_id', '=', bestuurId).where('id', '=', id).execute();

// Links between applications and information assets

/** The linked assets of the given applications (all of the bestuur's when omitted), with their process. */
export const linkedAssets = (tx: Tx, bestuurId: string, applicationIds?: string[]) => {
  let q = tx
    .selectFrom('bestuur_application_assets as l')
    .innerJoin('bestuur_assets as x', (j) =>
      j.onRef('x.id', '=', 'l.asset_id').onRef('x.bestuur_id', '=', 'l.bestuur_id'),
    )
    .innerJoin('bestuur_processes as p', (j) =>
      j.onRef('p.id', '=', 'x.process_id').onRef('p.bestuur_id', '=', 'x.bestuur_id'),
    )
    .select([
      'l.application_id',
      'x.id',
      'x.name',
      'x.process_id',
      'x.c',
      'x.i',
      'x.a',
      'p.name as process_name',
      'p.domain as process_domain',
    ])
    .where('l.bestuur_id', '=', bestuurId);
  if (applicationIds) {
    if (applicationIds.length === 0) return Promise.resolve([]);
    q = q.where('l.application_id', 'in', applicationIds);
  }
  return q.orderBy('p.domain').orderBy(sql`p.name->>'nl'`).orderBy(sql`x.name->>'nl'`).orderBy('x.id').execute();
};
export type LinkedAssetRow = Awaited<ReturnType<typeof linkedAssets>>[number];

/** The ids of the applications that hold an asset. */
export const applicationIdsOfAsset = async (tx: Tx, bestuurId: string, assetId: string) =>
  (
    await tx
      .selectFrom('bestuur_application_assets')
      .select('application_id')
      .where('bestuur_id', '=', bestuurId)
      .where('asset_id', '=', assetId)
      .execute()
  ).map((r) => r.application_id);

/** Which of the ids are assets of the bestuur. */
export const existingAssetIds = async (tx: Tx, bestuurId: string, ids: string[]) => {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx
    .selectFrom('bestuur_assets')
    .select('id')
    .where('bestuur_id', '=', bestuurId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
};

export const assetExists = async (tx: Tx, bestuurId: string, id: string) =>
  (await existingAssetIds(tx, bestuurId, [id])).has(id);

/** Replaces an application's links: removes what is gone, adds what is new. */
export async function replaceLinks(tx: Tx, bestuurId: string, applicationId: string, assetIds: string[]) {
  let removal = tx
    .deleteFrom('bestuur_application_assets')
    .where('bestuur_id', '=', bestuurId)
    .where('application_id', '=', applicationId);
  if (assetIds.length > 0) removal = removal.where('asset_id', 'not in', assetIds);
  await removal.execute();
  if (assetIds.length === 0) return;
  await tx
    .insertInto('bestuur_application_assets')
    .values(assetIds.map((asset_id) => ({ bestuur_id: bestuurId, application_id: applicationId, asset_id })))
    .onConflict((oc) => oc.columns(['application_id', 'asset_id']).doNothing())
    .execute();
}

/** The kinds the bestuur's applications already have. */
export const usedKinds = async (tx: Tx, bestuurId: string) =>
  new Set(
    (
      await tx
        .selectFrom('bestuur_applications')
        .select('kind')
        .where('bestuur_id', '=', bestuurId)
        .where('kind', 'is not', null)
        .execute()
    ).map((r) => r.kind as string),
  );

/** The bestuur's applicable processes adopted from the generic list. */
export const adoptedProcesses = (tx: Tx, bestuurId: string) =>
  tx
    .selectFrom('bestuur_processes')
    .select(['id', 'template_id', 'name'])
    .where('bestuur_id', '=', bestuurId)
    .where('template_id', 'is not', null)
    .where('applicable', '=', true)
    .orderBy('domain')
    .orderBy(sql`name->>'nl'`)
    .execute();
