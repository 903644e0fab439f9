import type { Tx } from '../../platform/tenancy.js';
import type { AssetState } from './transfer.import.js';

/** Changes an asset's classes, reason and flags if it is still at `version`; undefined when it is not. */
export const updateAsset = (tx: Tx, bestuurId: string, id: string, version: number, next: AssetState) =>
  tx
    .updateTable('bestuur_assets')
    .set((eb) => ({
      c: next.c,
      i: next.i,
      a: next.a,
      reason: next.reason,
      personal_data: next.personalData,
      sensitive_data: next.sensitiveData,
      ksz_data: next.kszData,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('bestuur_id', '=', bestuurId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

export const bestuurName = async (tx: Tx, bestuurId: string) =>
  (await tx.selectFrom('besturen').select('name').where('id', '=', bestuurId).executeTakeFirst())?.name ?? '';
