import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestApp } from './app.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
/** A small content/ of our own, so catalogue tests do not depend on the real content/. */
export const FIXTURE_CONTENT = path.resolve(here, '../fixtures/content');

/** The shared interop folder beside the repository; absent in a user's fresh clone. */
export function interopFile(name: string): { file: string; exists: boolean } {
  const file = path.resolve(repoRoot, '../shared/interop', name);
  const exists = fs.existsSync(file);
  if (!exists) console.warn(`skipping tests that need ${file}: the shared interop folder is absent`);
  return { file, exists };
}

export const CATALOG_TABLES = ['frameworks', 'framework_nodes', 'security_domains', 'measures', 'measure_mappings'];

/** One checksum per catalogue table over every column, updated_at included. */
export async function catalogChecksum(t: TestApp): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of CATALOG_TABLES) {
    const [row] = await t.raw(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM ${table} x`,
    );
    out[table] = `${row.n}:${row.sum}`;
  }
  return out;
}

export const platformAuditCount = async (t: TestApp) =>
  (await t.raw('SELECT count(*)::int AS n FROM audit_events WHERE bestuur_id IS NULL'))[0].n as number;

export async function nodeOf(t: TestApp, frameworkId: string, id: string) {
  const [row] = await t.raw('SELECT * FROM framework_nodes WHERE framework_id = $1 AND id = $2', [frameworkId, id]);
  return row as Record<string, any> | undefined;
}
