import fs from 'node:fs';
import path from 'node:path';
import { importLibrary, syncContent } from '../modules/catalog/catalog.service.js';
import { checkContent } from '../modules/catalog/content.check.js';
import { ContentError, loadContent } from '../modules/catalog/content.loader.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/index.js';

/** `content-sync`: checks content/ and brings the catalogue in line with it. */
export async function contentSyncCommand(argv: string[]) {
  const content = loadContent();
  const problems = checkContent(content);
  if (problems.length) throw new ContentError(problems);
  const db = await openDatabase(loadConfig());
  try {
    const result = await syncContent(db.app, content);
    if (argv.includes('--json')) console.log(JSON.stringify(result));
    else {
      const c = result.counts;
      console.log(
        `Catalogue (${db.kind}) in line with content/: ${result.changed} row(s) changed; ` +
          `${c.frameworks} frameworks, ${c.nodes} requirements, ${c.securityDomains} security domains, ` +
          `${c.measures} measures, ${c.mappings} mappings.`,
      );
    }
  } finally {
    await db.close();
  }
}

/** `import-library FILE`: imports a CISO Assistant framework library. */
export async function importLibraryCommand(file: string, argv: string[]) {
  const where = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!fs.existsSync(where)) {
    console.error(`No such file: ${where}`);
    process.exitCode = 2;
    return;
  }
  const text = fs.readFileSync(where, 'utf8');
  const db = await openDatabase(loadConfig());
  try {
    const r = await importLibrary(db.app, text);
    for (const note of r.notes) console.error(`note: ${note}`);
    if (argv.includes('--json')) {
      console.log(
        JSON.stringify({ framework: r.framework, assessable: r.assessable, groups: r.groups, changed: r.changed }),
      );
      return;
    }
    const groups = Object.entries(r.groups)
      .map(([g, n]) => `${g} ${n}`)
      .join(', ');
    console.log(
      `${r.framework} (library version ${r.version}): ${r.assessable} assessable requirements` +
        `${groups ? ` (${groups})` : ''}; ` +
        (r.changed
          ? `${r.created ? 'created' : 'updated'}${r.retired ? `, ${r.retired} requirement(s) retired` : ''}.`
          : 'already up to date, nothing changed.'),
    );
  } finally {
    await db.close();
  }
}
