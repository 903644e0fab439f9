import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/index.js';
import { acquire } from './platform/db/lock.js';
import { createLogger } from './platform/logger.js';
import { createMailer } from './platform/mail.js';
import { isEmpty, seedDemo } from './seed/demo.js';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const log = createLogger(config);
  const started = Date.now();
  const release = config.DATABASE_URL ? () => undefined : acquire(config.dataDir);
  const db = await openDatabase(config);
  if (config.seedDemo && (await isEmpty(db.app))) {
    await seedDemo(db.app);
    log.info('demo data seeded: see README.md for the accounts');
  }
  const app = await buildApp({ config, db, mailer: createMailer(config, log) }, log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing open requests');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
