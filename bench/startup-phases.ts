/**
 * Where start-up time goes: the steps of server/src/main.ts, timed one by one in a fresh
 * node process (as `npm start` runs them: TypeScript through tsx, embedded PGlite).
 *
 *   node --import tsx bench/startup-phases.ts <data-dir>      prints one JSON line
 */
import fs from 'node:fs';
import { memoryOf } from './lib.ts';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: startup-phases.ts <data-dir>');
  process.exit(2);
}

const phases: [string, number][] = [];
// Time since the process started: node itself, tsx's loader, this file.
let last = performance.now();
phases.push(['node + tsx boot', last]);
const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
  const value = await fn();
  const now = performance.now();
  phases.push([name, now - last]);
  last = now;
  return value;
};

const fresh = !fs.existsSync(`${dataDir}/pglite`);
const mods = await step('import server modules', async () => ({
  app: await import('../server/src/app.ts'),
  config: await import('../server/src/platform/config.ts'),
  db: await import('../server/src/platform/db/index.ts'),
  logger: await import('../server/src/platform/logger.ts'),
  mail: await import('../server/src/platform/mail.ts'),
  seed: await import('../server/src/seed/demo.ts'),
}));
const config = mods.config.loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
});
const log = mods.logger.createLogger(config);
const pglite = await step('open PGlite (WASM, data files)', () => mods.db.openPGlite(mods.db.pglitePath(config)));
const db = await step('migrate + switch to the app role', () => mods.db.openDatabase(config, { pglite }));
await step('demo seed (fresh only)', async () => {
  if (config.seedDemo && (await mods.seed.isEmpty(db.app))) await mods.seed.seedDemo(db.app);
});
const app = await step('build the Fastify app (routes, schemas, swagger)', () =>
  mods.app.buildApp({ config, db, mailer: mods.mail.createMailer(config, log) }, log),
);
await step('listen + first /api/health', async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/api/health`);
  if (res.status !== 200) throw new Error(`health ${res.status}`);
});
const total = performance.now();
const mem = memoryOf(process.pid);
await app.close();
await db.close();
console.log(JSON.stringify({ fresh, phases, total, peakMiB: mem.peakMiB }));
process.exit(0);
