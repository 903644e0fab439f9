import { type Kysely, type Transaction, sql } from 'kysely';
import type { TenantCtx } from './context.js';
import type { DB } from './db/index.js';

export type Tx = Kysely<DB> | Transaction<DB>;

export interface Scope {
  tenantId?: string;
  userId?: string;
  /** Platform-level audit events become visible (platform admin only). */
  platform?: boolean;
  /** Every bestuur's indicator rows become readable (regional monitoring; numbers only). */
  region?: boolean;
}

/** The scope of a request on behalf of a bestuur: its rows, as this user. */
export const tenantScope = (ctx: Pick<TenantCtx, 'tenantId' | 'userId'>): Scope => ({
  tenantId: ctx.tenantId,
  userId: ctx.userId,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function literal(value: string | undefined): string {
  if (value === undefined) return "''";
  if (!UUID.test(value)) throw new Error('scope ids must be uuids');
  return `'${value}'`;
}

/**
 * Runs `fn` in one transaction whose row-level security scope is `scope`. BEGIN and the
 * settings travel in one round trip (the values are checked uuids, so inlining them is safe);
 * the settings are transaction-local, so a pooled connection never carries them over.
 */
export async function inScope<T>(db: Kysely<DB>, scope: Scope, fn: (tx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql
      .raw(
        `BEGIN; SELECT set_config('app.tenant_id', ${literal(scope.tenantId)}, true), ` +
          `set_config('app.user_id', ${literal(scope.userId)}, true), ` +
          `set_config('app.platform', '${scope.platform ? 'on' : ''}', true), ` +
          `set_config('app.region', '${scope.region ? 'on' : ''}', true)`,
      )
      .execute(conn);
    try {
      const result = await fn(conn);
      await sql.raw('COMMIT').execute(conn);
      return result;
    } catch (err) {
      await sql.raw('ROLLBACK').execute(conn);
      throw err;
    }
  });
}
