// Starts the app for the browser tests on a fresh database: a new PostgreSQL database when
// E2E_DATABASE_URL is set, otherwise a new PGlite folder.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = { ...process.env, NODE_ENV: 'development' };
const base = process.env.E2E_DATABASE_URL;
if (base) {
  const url = new URL(base);
  const name = 'baken_e2e';
  const psql = (sql) => spawnSync('psql', [base, '-v', 'ON_ERROR_STOP=1', '-c', sql], { stdio: 'inherit' });
  if (psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).status !== 0) process.exit(1);
  if (psql(`CREATE DATABASE ${name}`).status !== 0) process.exit(1);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  env.DATA_DIR = mkdtempSync(join(tmpdir(), 'baken-e2e-'));
}
const child = spawn(process.execPath, ['scripts/start.mjs'], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
