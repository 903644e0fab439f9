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
const TIMESTAMPTZ_OID = 1184;

// Dates stay 'YYYY-MM-DD' strings (no time zone shift); counts come back as numbers.
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
// PostgreSQL writes timestamptz as "2026-11-22 23:20:47.003+00"; made ISO 8601, the engine's
// own Date parser reads it several times faster than the generic parser (bench/README.md).
pg.types.setTypeParser(
  TIMESTAMPTZ_OID,
  (v) => new Date(/[+-]\d\d$/.test(v) ? `${v.replace(' ', 'T')}:00` : v.replace(' ', 'T')),
);

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

const defaultIdleError = (err: Error) => console.warn(`database connection closed while idle: ${err.message}`);

/**
 * Sends every parameterised query as a named prepared statement, so each pooled connection
 * parses it once and PostgreSQL may keep a generic plan: planning was the larger part of the
 * database's time per request (bench/README.md). Statements without parameters (BEGIN with the
 * scope settings, COMMIT) go as simple queries.
 */
class PreparingPool {
  private readonly names = new Map<string, string>();
  private static readonly MAX_NAMES = 2_000;

  constructor(private readonly pool: pg.Pool) {}

  private nameOf(sql: string): string | undefined {
    let name = this.names.get(sql);
    if (!name && this.names.size < PreparingPool.MAX_NAMES) {
      name = `k${this.names.size}`;
      this.names.set(sql, name);
    }
    return name;
  }

  async connect() {
    const client = await this.pool.connect();
    return {
      query: (sql: string, params?: unknown[]) =>
        params && params.length > 0
          ? client.query({ name: this.nameOf(sql), text: sql, values: params })
          : client.query(sql),
      release: (err?: Error | boolean) => client.release(err),
    };
  }

  end() {
    return this.pool.end();
  }
}

/**
 * Opens the database, brings the schema up to date as the owner, then hands out a
 * Kysely instance that works as APP_ROLE only.
 */
export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'DATABASE_URL' | 'DATABASE_APP_URL' | 'DATABASE_POOL_SIZE'>,
  options: { migrate?: boolean; pglite?: PGlite; onIdleError?: (err: Error) => void } = {},
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
  // A connection the server closes while idle (restart, failover, an administrator) must not
  // crash the process: the pool drops it and opens a new one for the next query.
  pool.on('error', (err) => (options.onIdleError ?? defaultIdleError)(err));
  if (!config.DATABASE_APP_URL) {
    // The connection logs in as the owner; each connection switches to the app role at once.
    pool.on('connect', (client) => {
      client.query(`SET SESSION ROLE ${APP_ROLE}`).catch(() => client.release(true));
    });
  }
  const app = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new PreparingPool(pool) as never }) });
  return { kind: 'postgres', app, close: () => app.destroy() };
}
