import fs from 'node:fs';
import path from 'node:path';
import { contentSyncCommand, importLibraryCommand } from './cli/catalog.js';
import { importIpdcCommand } from './modules/products/ipdc.cli.js';
import { checkContent, contentStats } from './modules/catalog/content.check.js';
import { cyfunScoreCommand } from './modules/cyfun/cyfun.cli.js';
import { ContentError, loadContent } from './modules/catalog/content.loader.js';
import { LibraryImportError } from './modules/catalog/library-import.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { openDatabase, openPGlite, pglitePath } from './platform/db/index.js';
import { DataDirInUse, acquire } from './platform/db/lock.js';
import { migrate } from './platform/db/migrate.js';
import { PGlitePool } from './platform/db/pglite-pool.js';

const usage = `Usage: npm run cli -- <command>

  migrate            bring the database up to date (also done at every start)
  backup FILE        write the embedded database to FILE (.tar.gz); the server must be stopped
  restore FILE       replace the embedded database with FILE; the current one is kept aside
  content-stats [--json]
                     check content/ and count processes, assets, measures; list uncovered requirements
  content-sync [--json]
                     bring the catalogue in line with content/ (also done at every start)
  import-library FILE [--json]
                     import a CISO Assistant framework library (.yaml): official texts, groups, scores
  import-ipdc FILE [--json] [--dry-run]
                     import IPDC concepts from a CSV file (all or nothing); prints added, updated, unchanged
  cyfun-score < answers.json
                     score a CyberFundamentals self-assessment ({ edition, level, answers }) as the
                     official method does; exit 2 and the missing ids when answers of the level are missing
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]) {
  const [command, file] = argv;
  switch (command) {
    case 'migrate': {
      const config = loadConfig();
      const db = await openDatabase(config);
      await db.close();
      console.log(`Database (${db.kind}) is up to date.`);
      return;
    }
    case 'backup':
    case 'restore': {
      if (!file) throw new UsageError(`${command} needs a FILE`);
      const config = loadConfig();
      if (config.DATABASE_URL) {
        throw new UsageError(
          'DATABASE_URL is set: back up PostgreSQL with pg_dump and restore with pg_restore (docs/OPERATIONS.md).',
        );
      }
      const release = acquire(config.dataDir);
      try {
        const where = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
        if (command === 'backup') await backup(config.dataDir, where);
        else await restore(config.dataDir, where);
      } finally {
        release();
      }
      return;
    }
    case 'content-stats': {
      const content = loadContent();
      const problems = checkContent(content);
      const stats = contentStats(content);
      if (argv.includes('--json')) console.log(JSON.stringify(stats));
      else {
        console.log(
          `${stats.processes} processes in ${stats.domains} domains, ${stats.assets} information assets; ` +
            `${stats.measures} measures in ${stats.securityDomains} security domains; ` +
            `${stats.uncovered.length} required requirement(s) without a measure${stats.uncovered.length ? `: ${stats.uncovered.join(', ')}` : ''}.`,
        );
        for (const p of problems) console.log(`  ${p.file} ${p.path}: ${p.message}`);
      }
      if (problems.length) process.exitCode = 1;
      return;
    }
    case 'content-sync':
      return contentSyncCommand(argv);
    case 'import-library':
      if (!file || file.startsWith('--')) throw new UsageError('import-library needs a FILE');
      return importLibraryCommand(file, argv);
    case 'import-ipdc':
      if (!file || file.startsWith('--')) throw new UsageError('import-ipdc needs a FILE');
      return importIpdcCommand(file, argv);
    case 'cyfun-score':
      process.exitCode = await cyfunScoreCommand(readStdin);
      return;
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : 'No command given');
  }
}

async function backup(dataDir: string, file: string) {
  if (!fs.existsSync(pglitePath({ dataDir }))) throw new UsageError(`No database in ${dataDir}`);
  const pglite = await openPGlite(pglitePath({ dataDir }));
  try {
    const dump = await pglite.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
  console.log(`Backup written to ${file} (${fs.statSync(file).size} bytes).`);
}

/**
 * Loads the backup into a new folder first and checks it; only then swaps it in. The
 * database that was there stays beside it, so a wrong restore loses nothing.
 */
async function restore(dataDir: string, file: string) {
  if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);
  const target = pglitePath({ dataDir });
  const staging = `${target}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  const { PGlite } = await import('@electric-sql/pglite');
  try {
    const pglite = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([fs.readFileSync(file)]) });
    const pool = new PGlitePool(pglite);
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'besturen'");
    if ((rows[0] as { n: number }).n !== 1) throw new UsageError('The file is not a Baken backup.');
    await migrate(pool);
    await pglite.close();
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (err instanceof UsageError) throw err;
    throw new UsageError(`The backup could not be read; nothing was changed. (${(err as Error).message})`);
  }
  let keptAside: string | null = null;
  if (fs.existsSync(target)) {
    keptAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, keptAside);
  }
  fs.renameSync(staging, target);
  console.log(`Restored from ${file}.${keptAside ? ` The previous database is kept in ${keptAside}.` : ''}`);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((err) => {
  if (
    err instanceof ConfigError ||
    err instanceof UsageError ||
    err instanceof DataDirInUse ||
    err instanceof ContentError ||
    err instanceof LibraryImportError
  ) {
    console.error(err.message);
    if (err instanceof UsageError) console.error(`\n${usage}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
