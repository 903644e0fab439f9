import fs from 'node:fs';
import path from 'node:path';
import type { IpdcImportError } from '@baken/contracts';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { importConcepts } from './products.service.js';

/** `import-ipdc FILE`: imports IPDC concepts from a CSV file, as the import route does. */
export async function importIpdcCommand(file: string, argv: string[]) {
  const where = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!fs.existsSync(where)) {
    console.error(`No such file: ${where}`);
    process.exitCode = 2;
    return;
  }
  const bytes = fs.readFileSync(where);
  const dryRun = argv.includes('--dry-run');
  const db = await openDatabase(loadConfig());
  try {
    const r = await importConcepts(db.app, null, 'en', bytes, { dryRun, fileName: path.basename(where) });
    if (argv.includes('--json')) {
      console.log(JSON.stringify({ added: r.added, updated: r.updated, unchanged: r.unchanged, rows: r.rows, dryRun }));
      return;
    }
    console.log(
      `${r.rows} IPDC concept(s) in ${path.basename(where)}: ${r.added} added, ${r.updated} updated, ` +
        `${r.unchanged} unchanged${dryRun ? ' (dry run: nothing written)' : ''}.` +
        (r.ignoredColumns.length ? ` Columns not read: ${r.ignoredColumns.join(', ')}.` : ''),
    );
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'IPDC_IMPORT_INVALID') throw err;
    const details = err.details as { errorCount: number; errors: IpdcImportError[] };
    console.error(`The file has ${details.errorCount} error(s); nothing was imported.`);
    for (const e of details.errors) console.error(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}
