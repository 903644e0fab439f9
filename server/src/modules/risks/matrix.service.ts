import type { RiskMatrix } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { defaultMatrix } from './matrix.js';

/** A bestuur's risk matrix and the heat map on it. */

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: [path], code: 'custom', message }] });

/** The stored matrix, or the 4 by 4 default with version 0. */
export async function matrixRow(tx: Tx, bestuurId: string) {
  const row = await tx
    .selectFrom('bestuur_risk_matrices')
    .select(['matrix', 'version'])
    .where('bestuur_id', '=', bestuurId)
    .executeTakeFirst();
  return row ? { matrix: row.matrix as RiskMatrix, version: row.version } : { matrix: defaultMatrix(), version: 0 };
}

export const getMatrix = (db: Kysely<DB>, ctx: TenantCtx) =>
  inScope(db, tenantScope(ctx), (tx) => matrixRow(tx, ctx.tenantId));

/** Sets the bestuur's matrix; refused while risks have values outside it. */
export async function setMatrix(db: Kysely<DB>, ctx: TenantCtx, input: { version: number; matrix: RiskMatrix }) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const current = await matrixRow(tx, ctx.tenantId);
    if (current.version !== input.version) throw conflict(current);
    const n = input.matrix.likelihood.length;
    const m = input.matrix.impact.length;
    const outside = await tx
      .selectFrom('bestuur_risks')
      .select('id')
      .where('bestuur_id', '=', ctx.tenantId)
      .where((eb) =>
        eb.or([
          eb('likelihood', '>', n),
          eb('residual_likelihood', '>', n),
          eb('impact', '>', m),
          eb('residual_impact', '>', m),
        ]),
      )
      .execute();
    if (outside.length) throw invalid('matrix', 'risk_matrix_in_use');
    const json = JSON.stringify(input.matrix);
    const saved =
      input.version === 0
        ? await tx
            .insertInto('bestuur_risk_matrices')
            .values({ bestuur_id: ctx.tenantId, matrix: json, updated_by: ctx.userId })
            .onConflict((oc) => oc.column('bestuur_id').doNothing())
            .returning('version')
            .executeTakeFirst()
        : await tx
            .updateTable('bestuur_risk_matrices')
            .set((eb) => ({
              matrix: json,
              version: eb('version', '+', 1),
              updated_by: ctx.userId,
              updated_at: new Date(),
            }))
            .where('bestuur_id', '=', ctx.tenantId)
            .where('version', '=', input.version)
            .returning('version')
            .executeTakeFirst();
    if (!saved) throw conflict(await matrixRow(tx, ctx.tenantId));
    await recordAudit(tx, ctx, {
      action: input.version === 0 ? 'create' : 'update',
      objectType: 'risk_matrix',
      objectId: ctx.tenantId,
      after: { size: `${n}x${m}`, levels: input.matrix.levels.map((l) => l.id) },
      bestuurId: ctx.tenantId,
    });
    return matrixRow(tx, ctx.tenantId);
  });
}

/** Inherent beside residual: how many risks sit in each cell of the matrix. */
export async function heatMap(db: Kysely<DB>, ctx: TenantCtx) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const { matrix } = await matrixRow(tx, ctx.tenantId);
    const rows = await tx
      .selectFrom('bestuur_risks')
      .select(['likelihood', 'impact', 'residual_likelihood', 'residual_impact'])
      .where('bestuur_id', '=', ctx.tenantId)
      .execute();
    const empty = () => matrix.likelihood.map(() => matrix.impact.map(() => 0));
    const inherent = empty();
    const residual = empty();
    for (const r of rows) {
      inherent[r.likelihood - 1][r.impact - 1]++;
      if (r.residual_likelihood && r.residual_impact) residual[r.residual_likelihood - 1][r.residual_impact - 1]++;
    }
    return { matrix, inherent, residual };
  });
}
