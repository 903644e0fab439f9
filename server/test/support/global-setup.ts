import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/platform/db/migrate.js';
import { databaseUrl, testDatabaseUrl } from './database-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

/**
 * On PostgreSQL (TEST_DATABASE_URL set), migrate once into a template database of this run;
 * every test file clones it. Runs of their own do not touch each other's databases. On
 * PGlite each file migrates its own in-memory database.
 */
export default async function setup(project: TestProject) {
  const base = testDatabaseUrl();
  if (!base) return;
  const template = `baken_tpl_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${template}"`);
  const pool = new pg.Pool({ connectionString: databaseUrl(base, template), max: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  project.provide('templateDb', template);
  return async () => {
    await admin(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  };
}
