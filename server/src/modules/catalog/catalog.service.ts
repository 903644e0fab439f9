import type { MeasureDetail, MeasureListQuery } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { type Tx, inScope } from '../../platform/tenancy.js';
import {
  type MappingRow,
  allMappings,
  catalogCounts,
  deleteMappings,
  findFramework,
  frameworkIdByUrn,
  json,
  nodesOf,
  retireNodes,
  setMeasuresRetired,
  unretireNodes,
  upsert,
} from './catalog.repository.js';
import * as read from './catalog.read.js';
import { checkContent } from './content.check.js';
import { type Content, ContentError, loadContent } from './content.loader.js';
import type { Framework, Measure } from './content.schema.js';
import { type LibraryPlan, LibraryImportError, groupCounts, planLibrary } from './library-import.js';

export interface SyncResult {
  /** Rows inserted, changed, retired or removed: 0 when the catalogue already matched content/. */
  changed: number;
  counts: Awaited<ReturnType<typeof catalogCounts>>;
}

async function syncNodes(tx: Tx, f: Framework): Promise<number> {
  const depth = new Map<string, number>();
  const rows = f.nodes.map((n, position) => {
    const d = n.parent === null ? 1 : (depth.get(n.parent) ?? 0) + 1;
    depth.set(n.id, d);
    return {
      framework_id: f.id,
      id: n.id,
      parent_id: n.parent,
      position,
      depth: d,
      assessable: n.assessable,
      title: json(n.title),
      description: json(n.description ?? null),
      levels: n.levels ?? [],
      key_measure_at: n.keyMeasureAt ?? null,
      management_aspect_at: n.managementAspectAt ?? null,
    };
  });
  const columns = Object.keys(rows[0]).filter((c) => c !== 'framework_id' && c !== 'id');
  let changed = await upsert(tx, 'framework_nodes', ['framework_id', 'id'], columns, rows);
  // Nodes a library brought in (urn set) live and retire by the library; content/ governs the rest.
  const present = new Set(f.nodes.map((n) => n.id));
  const ours = (await nodesOf(tx, f.id)).filter((n) => n.urn === null);
  changed += await retireNodes(
    tx,
    f.id,
    ours.filter((n) => !present.has(n.id) && !n.retired_at).map((n) => n.id),
  );
  changed += await unretireNodes(
    tx,
    f.id,
    ours.filter((n) => present.has(n.id) && n.retired_at).map((n) => n.id),
  );
  return changed;
}

async function syncMappings(tx: Tx, measures: Measure[]): Promise<number> {
  const wanted: MappingRow[] = measures.flatMap((m) =>
    m.mappings.map((x) => ({
      measure_code: m.code,
      framework_id: x.framework,
      node_id: x.requirement,
      relationship: x.relationship,
    })),
  );
  const key = (m: MappingRow) => `${m.measure_code}\u0000${m.framework_id}\u0000${m.node_id}`;
  const keep = new Set(wanted.map(key));
  let changed = await deleteMappings(
    tx,
    (await allMappings(tx)).filter((m) => !keep.has(key(m))),
  );
  changed += await upsert(
    tx,
    'measure_mappings',
    ['measure_code', 'framework_id', 'node_id'],
    ['relationship'],
    wanted,
    {
      touch: false,
    },
  );
  return changed;
}

/**
 * Brings the measures and their mappings in line with a list (content/ or the published
 * generic list); measures no longer in it are retired, never deleted.
 */
export async function syncMeasures(tx: Tx, measures: Measure[]): Promise<number> {
  let changed = await upsert(
    tx,
    'measures',
    ['code'],
    ['domain', 'type', 'title', 'guidance', 'applies', 'conditions', 'retired_at'],
    measures.map((m) => ({
      code: m.code,
      domain: m.domain,
      type: m.type,
      title: json(m.title),
      guidance: json(m.guidance),
      applies: json(m.applies),
      conditions: json(m.conditions ?? {}),
      retired_at: null,
    })),
  );
  changed += await setMeasuresRetired(
    tx,
    measures.map((m) => m.code),
  );
  changed += await syncMappings(tx, measures);
  return changed;
}

/**
 * Brings the catalogue in line with content/ in one transaction: frameworks, their trees (our
 * titles, levels, key-measure flags), security domains, measures and mappings. Leaves what a
 * library import owns (urns, official texts, groups, score definitions) alone. Running it twice
 * changes nothing the second time.
 */
export async function syncContent(db: Kysely<DB>, content: Content): Promise<SyncResult> {
  return inScope(db, {}, async (tx) => {
    let changed = await upsert(
      tx,
      'security_domains',
      ['id'],
      ['name'],
      content.securityDomains.map((d) => ({ id: d.id, name: json(d.name) })),
    );
    changed += await upsert(
      tx,
      'frameworks',
      ['id'],
      ['name', 'publisher', 'edition', 'kind', 'levels', 'source'],
      content.frameworks.map((f) => ({
        id: f.id,
        name: json(f.name),
        publisher: f.publisher,
        edition: f.edition,
        kind: f.kind,
        levels: json(f.levels ?? []),
        source: 'content',
      })),
    );
    for (const f of content.frameworks) changed += await syncNodes(tx, f);
    changed += await syncMeasures(tx, content.measures);
    return { changed, counts: await catalogCounts(tx) };
  });
}

export interface ImportResult {
  /** Our framework id. */
  framework: string;
  version: number;
  assessable: number;
  groups: Record<string, number>;
  changed: boolean;
  created: boolean;
  retired: number;
  notes: string[];
}

async function checkTarget(tx: Tx, plan: LibraryPlan) {
  const existing = await findFramework(tx, plan.frameworkId);
  const problem = (path: string, message: string) => new LibraryImportError([{ path, message }]);
  const other = await frameworkIdByUrn(tx, plan.framework.urn);
  if (other && other !== plan.frameworkId)
    throw problem('objects.framework.urn', `this urn was imported as framework ${other} before`);
  if (existing?.urn && existing.urn !== plan.framework.urn)
    throw problem('objects.framework.urn', `framework ${existing.id} was imported from ${existing.urn}`);
  if (existing && !plan.known && existing.source === 'content')
    throw problem('objects.framework.urn', `the id ${existing.id} belongs to a framework of content/`);
  if (existing?.library_version != null && existing.library_version > plan.framework.libraryVersion)
    throw problem(
      'version',
      `version ${plan.framework.libraryVersion} is older than the imported version ${existing.library_version}`,
    );
  return existing;
}

async function writeLibrary(tx: Tx, plan: LibraryPlan, existing: Awaited<ReturnType<typeof findFramework>>) {
  const f = plan.framework;
  // For a framework of content/, content/ keeps its name and description of the framework.
  let changed = await upsert(
    tx,
    'frameworks',
    ['id'],
    [
      'urn',
      'name',
      'publisher',
      'edition',
      'kind',
      'library_version',
      'min_score',
      'max_score',
      'score_definitions',
      'groups',
      'source',
    ],
    [
      {
        id: plan.frameworkId,
        urn: f.urn,
        name: json(existing ? existing.name : f.name),
        publisher: existing?.publisher ?? f.publisher,
        edition: existing?.edition ?? f.edition,
        kind: existing?.kind ?? f.kind,
        library_version: f.libraryVersion,
        min_score: f.minScore,
        max_score: f.maxScore,
        score_definitions: json(f.scoreDefinitions),
        groups: json(f.groups),
        source: existing?.source ?? 'library',
      },
    ],
  );
  const stored = new Map((await nodesOf(tx, plan.frameworkId)).map((n) => [n.id, n]));
  const rows = plan.nodes.map((n) => {
    // A node with our own title is shaped by content/; the library only adds its texts and groups.
    const ours = stored.get(n.id);
    const shape = ours && ours.title !== null ? ours : { parent_id: n.parentId, ...n };
    return {
      framework_id: plan.frameworkId,
      id: n.id,
      urn: n.urn,
      official: json(n.official),
      groups: n.groups,
      retired_at: null,
      parent_id: shape.parent_id,
      position: shape.position,
      depth: shape.depth,
      assessable: shape.assessable,
    };
  });
  const columns = Object.keys(rows[0]).filter((c) => c !== 'framework_id' && c !== 'id');
  changed += await upsert(tx, 'framework_nodes', ['framework_id', 'id'], columns, rows);
  const inLibrary = new Set(plan.nodes.map((n) => n.id));
  const gone = [...stored.values()].filter((n) => n.urn !== null && !n.retired_at && !inLibrary.has(n.id));
  const retired = await retireNodes(
    tx,
    plan.frameworkId,
    gone.map((n) => n.id),
  );
  return { changed: changed + retired > 0, retired };
}

/**
 * Imports a CISO Assistant library in one transaction. The same library version again changes
 * nothing; a newer one updates texts and retires (never deletes) requirements it no longer has.
 * A malformed file changes nothing and throws LibraryImportError with every problem located.
 */
export async function importLibrary(
  db: Kysely<DB>,
  yamlText: string,
  actor: Actor | null = null,
): Promise<ImportResult> {
  const plan = planLibrary(yamlText);
  return inScope(db, {}, async (tx) => {
    const existing = await checkTarget(tx, plan);
    const same = existing?.library_version === plan.framework.libraryVersion;
    const written = same ? { changed: false, retired: 0 } : await writeLibrary(tx, plan, existing);
    const f = plan.framework;
    await recordAudit(tx, actor, {
      action: existing ? 'update' : 'create',
      objectType: 'framework',
      objectId: plan.frameworkId,
      objectLabel: f.name.nl ?? f.name.en ?? plan.frameworkId,
      before: existing ? { libraryVersion: existing.library_version } : null,
      after: {
        libraryUrn: f.urn,
        libraryVersion: f.libraryVersion,
        changed: written.changed,
        retired: written.retired,
      },
      bestuurId: null,
    });
    return {
      framework: plan.frameworkId,
      version: f.libraryVersion,
      assessable: plan.nodes.filter((n) => n.assessable).length,
      groups: groupCounts(plan),
      changed: written.changed,
      created: !existing,
      retired: written.retired,
      notes: plan.notes,
    };
  });
}

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * At start, after migrating: brings the catalogue in line with content/ when content/ reads
 * without problems; otherwise keeps the catalogue as it was and says why.
 */
export async function syncContentAtStart(db: Kysely<DB>, log: Log, dir?: string): Promise<SyncResult | null> {
  let content: Content;
  try {
    content = loadContent(dir);
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    log.warn({ problems: err.problems.slice(0, 20) }, 'content/ has problems: catalogue not synchronised');
    return null;
  }
  const problems = checkContent(content);
  if (problems.length) {
    log.warn({ problems: problems.slice(0, 20) }, 'content/ has problems: catalogue not synchronised');
    return null;
  }
  // A missing or emptied content/ folder would retire the whole catalogue: never at start.
  if (content.frameworks.length === 0 || content.measures.length === 0) {
    log.warn({ dir: dir ?? 'content/' }, 'content/ has no frameworks or measures: catalogue not synchronised');
    return null;
  }
  const result = await syncContent(db, content);
  log.info({ changed: result.changed, ...result.counts }, 'catalogue synchronised with content/');
  return result;
}

// Reading the catalogue: global content, open to every signed-in user (the route asks for a session).

export const listSecurityDomains = (db: Kysely<DB>, _ctx: Ctx) => read.securityDomains(db);

export const listFrameworks = (db: Kysely<DB>, _ctx: Ctx) => read.frameworks(db);

export async function listMeasures(db: Kysely<DB>, _ctx: Ctx, query: MeasureListQuery) {
  const { items, total } = await read.listMeasures(db, {
    q: query.q,
    domain: query.domain,
    framework: query.framework,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getMeasure(db: Kysely<DB>, _ctx: Ctx, code: string): Promise<MeasureDetail> {
  const found = await read.findMeasure(db, code);
  if (!found) throw notFound();
  return found;
}
