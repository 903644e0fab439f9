import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

interface Queryable {
  query(sql: string, params?: readonly unknown[]): Promise<{ rows: unknown[] }>;
  connect?: unknown;
}

/**
 * Applies the numbered SQL files of server/migrations that have not run yet, each in its
 * own transaction, under an advisory lock so that two starting servers do not race.
 */
export async function migrate(db: Queryable, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  await db.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  await db.query('SELECT pg_advisory_lock(7741)');
  try {
    const done = new Set(
      ((await db.query('SELECT name FROM schema_migrations')).rows as { name: string }[]).map((r) => r.name),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      const body = fs.readFileSync(path.join(dir, file), 'utf8');
      await db
        .query(`BEGIN;\n${body}\n;INSERT INTO schema_migrations (name) VALUES ('${file}');\nCOMMIT;`)
        .catch(async (err: Error) => {
          await db.query('ROLLBACK').catch(() => undefined);
          throw new Error(`Migration ${file} failed: ${err.message}`);
        });
      applied.push(file);
    }
  } finally {
    await db.query('SELECT pg_advisory_unlock(7741)');
  }
  return applied;
}
