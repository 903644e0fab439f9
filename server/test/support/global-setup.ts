import pg from 'pg';
import { migrate } from '../../src/platform/db/migrate.js';
import { TEMPLATE_DB, adminUrl, testDatabaseUrl } from './database-url.js';

/**
 * On PostgreSQL (TEST_DATABASE_URL set), migrate once into a template database; every
 * test file then clones it. On PGlite each file migrates its own in-memory database.
 */
export default async function setup() {
  const base = testDatabaseUrl();
  if (!base) return;
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  try {
    const stale = await admin.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'baken_t_%' OR datname = $1",
      [TEMPLATE_DB],
    );
    for (const { datname } of stale.rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: withDatabase(base, TEMPLATE_DB), max: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
}

function withDatabase(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
