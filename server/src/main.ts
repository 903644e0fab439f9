import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { syncContentAtStart } from './modules/catalog/catalog.service.js';
import { startMonitoringJobs } from './modules/monitoring/jobs.js';
import { shippedContent, syncPublishedList } from './modules/processlist/processlist.service.js';
import { type Config, ConfigError, loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/index.js';
import { acquire } from './platform/db/lock.js';
import { createLogger } from './platform/logger.js';
import { createMailer } from './platform/mail.js';
import { isEmpty, seedDemo } from './seed/demo.js';

type Logger = ReturnType<typeof createLogger>;

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
}

/** Migrates, brings the catalogue in line with content/ and, on an empty development database, seeds the demo data. */
const idleError = (log: Logger) => (err: Error) => log.warn({ err }, 'database connection closed while idle');

async function prepareDatabase(config: Config, log: Logger) {
  const db = await openDatabase(config, { onIdleError: idleError(log) });
  // The generic process list follows content/ until a coach publishes a version of their own.
  if (await syncContentAtStart(db.app, log)) await syncPublishedList(db.app, shippedContent(), log);
  if (config.seedDemo && (await isEmpty(db.app))) {
    await seedDemo(db.app);
    log.info('demo data seeded: see README.md for the accounts');
  }
  return db;
}

/** One server process: answers requests until SIGTERM/SIGINT, then finishes open requests. */
async function serve(config: Config, log: Logger, started: number, prepared: boolean, jobs: boolean) {
  const release = config.DATABASE_URL ? () => undefined : acquire(config.dataDir);
  const db = prepared
    ? await openDatabase(config, { migrate: false, onIdleError: idleError(log) })
    : await prepareDatabase(config, log);
  const app = await buildApp({ config, db, mailer: createMailer(config, log) }, log);
  // Background work runs in one process only (the only one, or the first of the workers).
  const background = jobs ? await startMonitoringJobs(config, db, log) : undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing open requests');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      await background?.stop();
      await db.close();
      release();
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  log.info({ database: db.kind, ms: Date.now() - started, url: config.publicUrl }, 'Baken is ready');
}

/**
 * With PostgreSQL and WORKERS > 1, the first process migrates and then runs that many
 * server processes on the same port (docs/decisions/0005). PGlite is one process's database.
 */
async function supervise(config: Config, log: Logger) {
  const db = await prepareDatabase(config, log);
  await db.close();
  let stopping = false;
  // The first process also runs the background jobs; a replacement takes them over.
  let jobsWorker: number | undefined;
  const fork = (jobs: boolean) => {
    const w = cluster.fork({ BAKEN_WORKER: '1', BAKEN_JOBS: jobs ? '1' : '0' });
    if (jobs) jobsWorker = w.id;
  };
  for (let i = 0; i < config.WORKERS; i++) fork(i === 0);
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error({ pid: worker.process.pid, code }, 'server process ended; starting another');
    fork(worker.id === jobsWorker);
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main() {
  const config = configOrExit();
  const log = createLogger(config);
  const started = Date.now();
  if (cluster.isPrimary && config.WORKERS > 1 && config.DATABASE_URL) return supervise(config, log);
  const worker = process.env.BAKEN_WORKER === '1';
  return serve(config, log, started, worker, !worker || process.env.BAKEN_JOBS === '1');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
