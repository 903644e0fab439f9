import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { afterAll, inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { type Database, openDatabase, openPGlite } from '../../src/platform/db/index.js';
import { createMailer } from '../../src/platform/mail.js';
import { databaseUrl, testDatabaseUrl } from './database-url.js';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  /** A superuser connection that bypasses row-level security: for checking what is stored. */
  raw(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  outbox: ReturnType<typeof createMailer>['outbox'];
  /** On PostgreSQL: the owner's URL of this file's database (for tools that connect themselves). */
  url?: string;
}

/**
 * A fresh database for this test file (a clone of the migrated template on PostgreSQL, a
 * new in-memory PGlite otherwise) and the app on top of it. Closed after the file.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const base = testDatabaseUrl();
  let db: Database;
  let raw: TestApp['raw'];
  let cleanup: () => Promise<void>;
  let ownUrl: string | undefined;
  // The principal cache is off unless a test turns it on: tests change rows behind the app's back.
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://baken.test', AUTH_CACHE_SECONDS: '0', ...env });
  if (base) {
    const name = `baken_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDb')}"`);
    await admin.end();
    const url = databaseUrl(base, name);
    ownUrl = url;
    db = await openDatabase(
      { ...config, DATABASE_URL: url, DATABASE_APP_URL: undefined },
      { migrate: false, onIdleError: () => undefined },
    );
    const owner = new pg.Pool({ connectionString: url, max: 2 });
    raw = async (sql, params) => (await owner.query(sql, params)).rows;
    cleanup = async () => {
      await owner.end();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      // Wait for the app's connections to be gone rather than force them: a forced end
      // reaches a closing client as an error nobody listens to any more.
      for (let i = 0; i < 50; i++) {
        const { rows } = await a.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
  } else {
    const pglite = await openPGlite(undefined);
    db = await openDatabase({ ...config, DATABASE_URL: undefined }, { pglite });
    // The single PGlite connection works as the app role; a check "as the owner" switches
    // back for one statement (the queue keeps it from interleaving with app queries).
    raw = async (sql, params) => {
      await pglite.exec('RESET ROLE');
      try {
        return (await pglite.query<Record<string, unknown>>(sql, params)).rows;
      } finally {
        await pglite.exec('SET SESSION ROLE baken_app');
      }
    };
    cleanup = async () => undefined;
  }
  const mailer = createMailer(config, pino({ level: 'silent' }));
  const app = await buildApp({ config, db, mailer }, pino({ level: 'silent' }), {
    web: false,
  });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await db.close();
    await cleanup();
  });
  return { app, db, raw, outbox: mailer.outbox, url: ownUrl };
}
