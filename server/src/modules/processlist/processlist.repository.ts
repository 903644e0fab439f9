import type { ListSnapshot } from '@baken/contracts';
import { sql } from 'kysely';
import type { Tx } from '../../platform/tenancy.js';

const json = (value: unknown) => JSON.stringify(value ?? null);

export const latestNumber = async (tx: Tx): Promise<number | null> =>
  (
    await tx
      .selectFrom('process_list_versions')
      .select((eb) => eb.fn.max('number').as('n'))
      .executeTakeFirst()
  )?.n ?? null;

export const snapshotOf = async (tx: Tx, number: number) =>
  (await tx.selectFrom('process_list_versions').select('snapshot').where('number', '=', number).executeTakeFirst())
    ?.snapshot as ListSnapshot | undefined;

export const listVersions = (tx: Tx) =>
  tx
    .selectFrom('process_list_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select([
      'v.number',
      'v.release_notes',
      'v.source',
      'v.stats',
      'v.published_at',
      'v.content_checksum',
      'u.display_name as published_by',
    ])
    .orderBy('v.number', 'desc')
    .execute();

export interface NewVersion {
  number: number;
  releaseNotes: { nl: string; en: string };
  snapshot: ListSnapshot;
  source: 'content' | 'draft';
  contentChecksum: string | null;
  stats: unknown;
  publishedBy: string | null;
}

/** Publishes a version; false when that number exists already (someone published first). */
export const insertVersion = async (tx: Tx, v: NewVersion) =>
  (
    await tx
      .insertInto('process_list_versions')
      .values({
        number: v.number,
        release_notes: json(v.releaseNotes),
        snapshot: json(v.snapshot),
        source: v.source,
        content_checksum: v.contentChecksum,
        stats: json(v.stats),
        published_by: v.publishedBy,
      })
      .onConflict((oc) => oc.column('number').doNothing())
      .returning('number')
      .execute()
  ).length === 1;

/** The checksum of content/ the newest content-made version came from. */
export const lastContentChecksum = async (tx: Tx) =>
  (
    await tx
      .selectFrom('process_list_versions')
      .select('content_checksum')
      .where('source', '=', 'content')
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst()
  )?.content_checksum ?? null;

export const findDraft = (tx: Tx) =>
  tx
    .selectFrom('process_list_draft as d')
    .leftJoin('users as u', 'u.id', 'd.updated_by')
    .select(['d.based_on', 'd.snapshot', 'd.version', 'd.updated_at', 'u.display_name as updated_by'])
    .executeTakeFirst();

export const insertDraft = (tx: Tx, basedOn: number, snapshot: ListSnapshot, userId: string) =>
  tx
    .insertInto('process_list_draft')
    .values({ id: 1, based_on: basedOn, snapshot: json(snapshot), updated_by: userId })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('version')
    .executeTakeFirst();

/** Saves the draft when it still has the version the editor saw; undefined otherwise. */
export const updateDraft = (tx: Tx, version: number, snapshot: ListSnapshot, userId: string) =>
  tx
    .updateTable('process_list_draft')
    .set({ snapshot: json(snapshot), version: sql`version + 1`, updated_by: userId, updated_at: new Date() })
    .where('id', '=', 1)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();

export const deleteDraft = (tx: Tx, version: number) =>
  tx
    .deleteFrom('process_list_draft')
    .where('id', '=', 1)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

/** Every assessable requirement, by framework: what a measure may map to. */
export const assessableNodes = (tx: Tx) =>
  tx
    .selectFrom('framework_nodes')
    .select(['framework_id', 'id', 'assessable'])
    .where('retired_at', 'is', null)
    .execute();

export const securityDomainIds = async (tx: Tx) =>
  new Set((await tx.selectFrom('security_domains').select('id').execute()).map((r) => r.id));

// A bestuur's copy of the generic list, as far as an update of the list changes it.

/** A process the generic list dropped stays with the bestuur as its own, with its assets. */
export async function detachProcess(tx: Tx, bestuurId: string, processId: string) {
  await tx
    .updateTable('bestuur_processes')
    .set((eb) => ({
      template_id: null,
      template_version: null,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', processId)
    .execute();
  await tx
    .updateTable('bestuur_assets')
    .set((eb) => ({
      template_id: null,
      default_c: null,
      default_i: null,
      default_a: null,
      default_reason: null,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('bestuur_id', '=', bestuurId)
    .where('process_id', '=', processId)
    .where('template_id', 'is not', null)
    .execute();
}

/** An asset the generic list dropped stays with the bestuur as its own. */
export const detachAsset = (tx: Tx, bestuurId: string, assetId: string) =>
  tx
    .updateTable('bestuur_assets')
    .set((eb) => ({
      template_id: null,
      default_c: null,
      default_i: null,
      default_a: null,
      default_reason: null,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', assetId)
    .execute();

export const followProcess = (
  tx: Tx,
  bestuurId: string,
  processId: string,
  p: { version: number; domain: string; name: unknown; description: unknown },
) =>
  tx
    .updateTable('bestuur_processes')
    .set((eb) => ({
      template_version: p.version,
      domain: p.domain,
      name: json(p.name),
      description: json(p.description),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', processId)
    .execute();

export interface FollowedAsset {
  name: unknown;
  c: number;
  i: number;
  a: number;
  defaultC: number;
  defaultI: number;
  defaultA: number;
  defaultReason: unknown;
  reason: string | null;
  personalData: boolean;
  sensitiveData: boolean;
  kszData: boolean;
}

export const followAsset = (tx: Tx, bestuurId: string, assetId: string, a: FollowedAsset) =>
  tx
    .updateTable('bestuur_assets')
    .set((eb) => ({
      name: json(a.name),
      c: a.c,
      i: a.i,
      a: a.a,
      default_c: a.defaultC,
      default_i: a.defaultI,
      default_a: a.defaultA,
      default_reason: json(a.defaultReason),
      reason: a.reason,
      personal_data: a.personalData,
      sensitive_data: a.sensitiveData,
      ksz_data: a.kszData,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', assetId)
    .execute();
