import PgBoss from 'pg-boss';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/index.js';
import type { createLogger } from '../../platform/logger.js';
import { monthOf, takeSnapshot } from './monitoring.service.js';
import { inScope } from '../../platform/tenancy.js';
import { drainQueue, queueMissing } from './refresher.js';

type Logger = ReturnType<typeof createLogger>;

export const SNAPSHOT_JOB = 'monitoring-monthly-snapshot';
/** The 1st of every month at 03:00 Brussels time: the snapshot of the month that just ended. */
export const SNAPSHOT_CRON = '0 3 1 * *';

const previousMonth = (now = new Date()) => monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));

/**
 * The monitoring's background work, in one server process:
 * - the indicators of besturen whose data changed are recomputed every few seconds;
 * - the monthly snapshot is a pg-boss schedule on PostgreSQL (one run across all processes
 *   and restarts); on PGlite, and as a catch-up everywhere, the previous month's snapshot is
 *   taken at start and every hour when it is missing and besturen existed before this month.
 */
export async function startMonitoringJobs(config: Config, db: Database, log: Logger) {
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  let boss: PgBoss | undefined;

  const app = db.app;
  // Besturen without indicators (a new database, a restored backup) are computed first.
  const missing = await queueMissing(app);
  if (missing > 0) log.info({ besturen: missing }, 'monitoring: indicators queued for besturen without them');

  if (config.INDICATOR_REFRESH_SECONDS > 0) {
    const tick = async () => {
      if (stopped) return;
      try {
        const done = await drainQueue(app, {
          max: 200,
          onError: (bestuurId, err) => log.error({ err, bestuurId }, 'monitoring: indicators not computed'),
        });
        if (done > 0) log.debug({ besturen: done }, 'monitoring: indicators recomputed');
      } catch (err) {
        log.error({ err }, 'monitoring: indicator refresh failed');
      }
      if (!stopped) timers.push(setTimeout(tick, config.INDICATOR_REFRESH_SECONDS * 1000).unref());
    };
    timers.push(setTimeout(tick, 1000).unref());
  }

  const catchUp = async () => {
    try {
      const month = previousMonth();
      // The snapshots are readable in the regional scope only.
      const exists = await inScope(app, { region: true }, (tx) =>
        tx
          .selectFrom('indicator_snapshots')
          .select('month')
          .where('month', '=', `${month}-01` as never)
          .limit(1)
          .execute(),
      );
      // Only a month the platform lived through: a database created this month has no past to record.
      const lived = await app
        .selectFrom('besturen')
        .select('id')
        .where('created_at', '<', new Date(`${monthOf(new Date())}-01T00:00:00Z`))
        .limit(1)
        .execute();
      if (exists.length === 0 && lived.length > 0) {
        const r = await takeSnapshot(app, month);
        log.info(r, 'monitoring: monthly snapshot taken (catch-up)');
      }
    } catch (err) {
      log.error({ err }, 'monitoring: snapshot catch-up failed');
    }
  };
  timers.push(setTimeout(catchUp, 30_000).unref(), setInterval(catchUp, 3_600_000).unref());

  if (config.DATABASE_URL) {
    boss = new PgBoss({ connectionString: config.DATABASE_URL, schema: 'pgboss' });
    boss.on('error', (err) => log.error({ err }, 'monitoring: pg-boss'));
    await boss.start();
    await boss.createQueue(SNAPSHOT_JOB);
    await boss.schedule(SNAPSHOT_JOB, SNAPSHOT_CRON, {}, { tz: 'Europe/Brussels' });
    await boss.work(SNAPSHOT_JOB, async () => {
      const r = await takeSnapshot(app, previousMonth());
      log.info(r, 'monitoring: monthly snapshot taken');
    });
  }

  return {
    boss,
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await boss?.stop({ graceful: true, wait: true });
    },
  };
}
