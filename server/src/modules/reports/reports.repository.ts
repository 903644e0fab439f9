import type { Tx } from '../../platform/tenancy.js';

/** The bestuur's name, for the head of every report. */
export const bestuurName = async (tx: Tx, bestuurId: string) =>
  (await tx.selectFrom('besturen').select('name').where('id', '=', bestuurId).executeTakeFirstOrThrow()).name;
