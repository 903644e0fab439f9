import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { migrate } from './migrate.js';
import { PGlitePool } from './pglite-pool.js';
import type { DB } from './schema.js';

export type { DB } from './schema.js';
export type DatabaseKind = 'pglite' | 'postgres';

/** The role the application works as: not a superuser, owns nothing, subject to row-level security. */
export const APP_ROLE = 'baken_app';

export interface Database {
  kind: DatabaseKind;
  /** Works as APP_ROLE: every query of the running app goes through here. */
  app: Kysely<DB>;
  pglite?: PGlite;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

// Dates stay 'YYYY-MM-DD' strings (no time zone shift); counts come back as numbers.
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));

export function pglitePath(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'pglite');
}

export async function openPGlite(dir: string | undefined): Promise<PGlite> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  return PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    parsers: { [pgliteTypes.DATE]: (v: string) => v, [pgliteTypes.INT8]: (v: string) => Number(v) },
  });
}

/**
 * Opens the database, brings the schema up to date as the owner, then hands out a
 * Kysely instance that works as APP_ROLE only.
 */
export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'DATABASE_URL' | 'DATABASE_APP_URL' | 'DATABASE_POOL_SIZE'>,
  options: { migrate?: boolean; pglite?: PGlite } = {},
): Promise<Database> {
  if (!config.DATABASE_URL) {
    const pglite = options.pglite ?? (await openPGlite(pglitePath(config)));
    const pool = new PGlitePool(pglite);
    if (options.migrate !== false) await migrate(pool);
    // PGlite runs as a superuser, which would bypass row-level security: drop to the app role
    // for good on its only connection.
    await pglite.exec(`SET SESSION ROLE ${APP_ROLE}`);
    const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as never }) });
    return { kind: 'pglite', app, pglite, close: () => app.destroy() };
  }

  if (options.migrate !== false) {
    const owner = new pg.Pool({ connectionString: config.DATABASE_URL, max: 1 });
    try {
      await migrate(owner);
    } finally {
      await owner.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: config.DATABASE_APP_URL ?? config.DATABASE_URL,
    max: config.DATABASE_POOL_SIZE,
  });
  if (!config.DATABASE_APP_URL) {
    // The connection logs in as the owner; each connection switches to the app role at once.
    pool.on('connect', (client) => {
      client.query(`SET SESSION ROLE ${APP_ROLE}`).catch(() => client.release(true));
    });
  }
  const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'postgres', app, close: () => app.destroy() };
}
