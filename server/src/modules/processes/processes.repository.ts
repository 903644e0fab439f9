import type { BestuurAsset, BestuurProcess, Classification } from '@baken/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.js';

const json = (value: unknown) => JSON.stringify(value ?? null);

export interface NewProcess {
  templateId: string;
  templateVersion: number;
  domain: string;
  name: unknown;
  description: unknown;
}

export interface NewAsset {
  processTemplateId: string;
  templateId: string;
  name: unknown;
  class: Classification;
  reason: unknown;
  personalData: boolean;
  sensitiveData: boolean;
  kszData: boolean;
}

/** Adds the processes the bestuur does not have yet, in one statement; returns how many. */
export async function insertMissingProcesses(tx: Tx, bestuurId: string, rows: NewProcess[]): Promise<number> {
  if (rows.length === 0) return 0;
  const added = await tx
    .insertInto('bestuur_processes')
    .values(
      rows.map((p) => ({
        bestuur_id: bestuurId,
        template_id: p.templateId,
        template_version: p.templateVersion,
        domain: p.domain,
        name: json(p.name),
        description: json(p.description),
      })),
    )
    .onConflict((oc) => oc.columns(['bestuur_id', 'template_id']).doNothing())
    .returning('id')
    .execute();
  return added.length;
}

/** The bestuur's process id for each generic process id it adopted. */
export async function processIdsByTemplate(tx: Tx, bestuurId: string): Promise<Map<string, string>> {
  const rows = await tx
    .selectFrom('bestuur_processes')
    .select(['id', 'template_id'])
    .where('bestuur_id', '=', bestuurId)
    .where('template_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.template_id as string, r.id]));
}

/** Adds the assets the bestuur does not have yet, in one statement, classified as the template says. */
export async function insertMissingAssets(
  tx: Tx,
  bestuurId: string,
  processIds: Map<string, string>,
  rows: NewAsset[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const added = await tx
    .insertInto('bestuur_assets')
    .values(
      rows.map((a) => ({
        bestuur_id: bestuurId,
        process_id: processIds.get(a.processTemplateId) as string,
        template_id: a.templateId,
        name: json(a.name),
        c: a.class.c,
        i: a.class.i,
        a: a.class.a,
        default_c: a.class.c,
        default_i: a.class.i,
        default_a: a.class.a,
        default_reason: json(a.reason),
        personal_data: a.personalData,
        sensitive_data: a.sensitiveData,
        ksz_data: a.kszData,
      })),
    )
    .onConflict((oc) => oc.columns(['bestuur_id', 'template_id']).doNothing())
    .returning('id')
    .execute();
  return added.length;
}

const assetColumns = [
  'id',
  'process_id',
  'template_id',
  'name',
  'c',
  'i',
  'a',
  'default_c',
  'default_i',
  'default_a',
  'default_reason',
  'reason',
  'personal_data',
  'sensitive_data',
  'ksz_data',
  'version',
] as const;

const assetQuery = (tx: Tx, bestuurId: string) =>
  tx.selectFrom('bestuur_assets').select(assetColumns).where('bestuur_id', '=', bestuurId);

type AssetRow = Awaited<ReturnType<ReturnType<typeof assetQuery>['executeTakeFirstOrThrow']>>;

export const toAsset = (r: AssetRow): BestuurAsset => ({
  id: r.id,
  processId: r.process_id,
  templateId: r.template_id,
  name: r.name as BestuurAsset['name'],
  class: { c: r.c, i: r.i, a: r.a },
  defaultClass:
    r.default_c === null || r.default_i === null || r.default_a === null
      ? null
      : { c: r.default_c, i: r.default_i, a: r.default_a },
  defaultReason: (r.default_reason ?? null) as BestuurAsset['defaultReason'],
  reason: r.reason,
  personalData: r.personal_data,
  sensitiveData: r.sensitive_data,
  kszData: r.ksz_data,
  version: r.version,
});

export const findAsset = (tx: Tx, bestuurId: string, id: string) =>
  assetQuery(tx, bestuurId).where('id', '=', id).executeTakeFirst();

export const listAssets = (tx: Tx, bestuurId: string) => assetQuery(tx, bestuurId).orderBy('id').execute();

const listProcessesQuery = (tx: Tx, bestuurId: string) =>
  tx
    .selectFrom('bestuur_processes')
    .select([
      'id',
      'template_id',
      'template_version',
      'domain',
      'name',
      'description',
      'applicable',
      'not_applicable_reason',
      'version',
    ])
    .where('bestuur_id', '=', bestuurId);

export const listProcesses = (tx: Tx, bestuurId: string) =>
  listProcessesQuery(tx, bestuurId).orderBy('domain').orderBy(sql`name->>'nl'`).orderBy('id').execute();

export type ProcessRow = Awaited<ReturnType<typeof listProcesses>>[number];

export const toProcess = (r: ProcessRow, assets: BestuurAsset[]): BestuurProcess => ({
  id: r.id,
  templateId: r.template_id,
  domain: r.domain,
  name: r.name as BestuurProcess['name'],
  description: (r.description ?? null) as BestuurProcess['description'],
  applicable: r.applicable,
  notApplicableReason: r.not_applicable_reason,
  templateVersion: r.template_id === null ? null : (r.template_version ?? 1),
  class: assets.length
    ? {
        c: Math.max(...assets.map((a) => a.class.c)),
        i: Math.max(...assets.map((a) => a.class.i)),
        a: Math.max(...assets.map((a) => a.class.a)),
      }
    : null,
  assets,
  version: r.version,
});

/** Assets of the processes that apply to the bestuur: what the minimum measures follow from. */
export const applicableAssets = (tx: Tx, bestuurId: string) =>
  tx
    .selectFrom('bestuur_assets as a')
    .innerJoin('bestuur_processes as p', (j) =>
      j.onRef('p.id', '=', 'a.process_id').onRef('p.bestuur_id', '=', 'a.bestuur_id'),
    )
    .select(['a.id', 'a.name', 'a.c', 'a.i', 'a.a', 'a.personal_data', 'a.ksz_data'])
    .where('a.bestuur_id', '=', bestuurId)
    .where('p.applicable', '=', true)
    .orderBy('a.id')
    .execute();

export interface AssetChange {
  version: number;
  c: number;
  i: number;
  a: number;
  reason: string | null;
  name?: unknown;
  personalData?: boolean;
  sensitiveData?: boolean;
  kszData?: boolean;
}

export const updateClassification = (tx: Tx, bestuurId: string, id: string, input: AssetChange) =>
  tx
    .updateTable('bestuur_assets')
    .set((eb) => ({
      c: input.c,
      i: input.i,
      a: input.a,
      reason: input.reason,
      ...(input.name !== undefined ? { name: json(input.name) } : {}),
      ...(input.personalData !== undefined ? { personal_data: input.personalData } : {}),
      ...(input.sensitiveData !== undefined ? { sensitive_data: input.sensitiveData } : {}),
      ...(input.kszData !== undefined ? { ksz_data: input.kszData } : {}),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();

export const findProcess = (tx: Tx, bestuurId: string, id: string) =>
  listProcessesQuery(tx, bestuurId).where('id', '=', id).executeTakeFirst();

export const assetsOfProcess = (tx: Tx, bestuurId: string, processId: string) =>
  assetQuery(tx, bestuurId).where('process_id', '=', processId).orderBy('id').execute();

export const insertOwnProcess = (
  tx: Tx,
  bestuurId: string,
  p: { domain: string; name: unknown; description: unknown },
) =>
  tx
    .insertInto('bestuur_processes')
    .values({ bestuur_id: bestuurId, domain: p.domain, name: json(p.name), description: json(p.description) })
    .returning('id')
    .executeTakeFirstOrThrow();

export interface ProcessChange {
  version: number;
  applicable: boolean;
  notApplicableReason: string | null;
  domain: string;
  name: unknown;
  description: unknown;
}

export const updateProcess = (tx: Tx, bestuurId: string, id: string, p: ProcessChange) =>
  tx
    .updateTable('bestuur_processes')
    .set((eb) => ({
      applicable: p.applicable,
      not_applicable_reason: p.notApplicableReason,
      domain: p.domain,
      name: json(p.name),
      description: json(p.description),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .where('version', '=', p.version)
    .returning('id')
    .executeTakeFirst();

export const insertOwnAsset = (
  tx: Tx,
  bestuurId: string,
  processId: string,
  a: {
    name: unknown;
    c: number;
    i: number;
    a: number;
    personalData: boolean;
    sensitiveData: boolean;
    kszData: boolean;
  },
) =>
  tx
    .insertInto('bestuur_assets')
    .values({
      bestuur_id: bestuurId,
      process_id: processId,
      name: json(a.name),
      c: a.c,
      i: a.i,
      a: a.a,
      personal_data: a.personalData,
      sensitive_data: a.sensitiveData,
      ksz_data: a.kszData,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const deleteAssetsOfProcess = (tx: Tx, bestuurId: string, processId: string) =>
  tx.deleteFrom('bestuur_assets').where('bestuur_id', '=', bestuurId).where('process_id', '=', processId).execute();

export const deleteProcess = (tx: Tx, bestuurId: string, id: string, version: number) =>
  tx
    .deleteFrom('bestuur_processes')
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

export const deleteAsset = (tx: Tx, bestuurId: string, id: string, version: number) =>
  tx
    .deleteFrom('bestuur_assets')
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
