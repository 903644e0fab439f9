import type {
  Draft,
  DraftMeta,
  ListDiff,
  ListSnapshot,
  ListVersion,
  TemplateMeasure,
  TemplateProcess,
} from '@baken/contracts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { type Tx, inScope } from '../../platform/tenancy.js';
import { syncMeasures } from '../catalog/catalog.service.js';
import { type FrameworkNodes, checkList } from '../catalog/content.check.js';
import { type Content, loadContent } from '../catalog/content.loader.js';
import * as repo from './processlist.repository.js';
import { checksum, diffLists, snapshotOf, statsOf } from './snapshot.js';

/** A published version with its processes by id; versions never change, so they are kept once read. */
export interface Published {
  number: number;
  snapshot: ListSnapshot;
  processes: Map<string, TemplateProcess>;
}
const cache = new Map<number, Published>();

const index = (number: number, snapshot: ListSnapshot): Published => ({
  number,
  snapshot,
  processes: new Map(snapshot.processes.map((p) => [p.id, p])),
});

export async function published(tx: Tx, number: number): Promise<Published> {
  const hit = cache.get(number);
  if (hit) return hit;
  const snapshot = await repo.snapshotOf(tx, number);
  if (!snapshot) throw notFound();
  const p = index(number, snapshot);
  cache.set(number, p);
  return p;
}

const FIRST_NOTES = {
  nl: 'Eerste versie van de generieke proceslijst, uit de inhoud van Baken.',
  en: 'First version of the generic process list, from the content shipped with Baken.',
};
const CONTENT_NOTES = {
  nl: 'Bijgewerkt met de inhoud van een nieuwe release van Baken.',
  en: 'Updated with the content of a new Baken release.',
};

let content: Content | undefined;
/** content/ changes only with a release: read and check it once per process. */
export const shippedContent = (): Content => {
  content ??= loadContent();
  return content;
};

/**
 * The newest published version. On a database without any (a fresh one), content/ is
 * published as version 1 first.
 */
export async function latest(tx: Tx): Promise<Published> {
  let number = await repo.latestNumber(tx);
  if (number === null) {
    const snapshot = snapshotOf(shippedContent());
    await repo.insertVersion(tx, {
      number: 1,
      releaseNotes: FIRST_NOTES,
      snapshot,
      source: 'content',
      contentChecksum: checksum(snapshot),
      stats: statsOf(snapshot),
      publishedBy: null,
    });
    number = 1;
  }
  return published(tx, number);
}

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * At start: publishes content/ as a new version when it changed since the version it last
 * made and no coach has published since; keeps the catalogue's measures in line with the
 * newest version.
 */
export async function syncPublishedList(db: Kysely<DB>, shipped: Content, log: Log) {
  const snapshot = snapshotOf(shipped);
  const sum = checksum(snapshot);
  await inScope(db, {}, async (tx) => {
    const number = await repo.latestNumber(tx);
    const versions = number === null ? [] : await repo.listVersions(tx);
    const newest = versions[0];
    if (!newest || (newest.source === 'content' && newest.content_checksum !== sum)) {
      const next = (number ?? 0) + 1;
      await repo.insertVersion(tx, {
        number: next,
        releaseNotes: next === 1 ? FIRST_NOTES : CONTENT_NOTES,
        snapshot,
        source: 'content',
        contentChecksum: sum,
        stats: statsOf(snapshot),
        publishedBy: null,
      });
      log.info({ version: next }, 'generic process list published from content/');
      return;
    }
    if (newest.source === 'draft') {
      if ((await repo.lastContentChecksum(tx)) !== sum)
        log.warn(
          { version: newest.number },
          'content/ changed, but a coach has published the generic list since: the coach brings the changes in through a draft',
        );
      await syncMeasures(tx, (await published(tx, newest.number)).snapshot.measures);
    }
  });
}

const text = (t: { nl: string; en?: string }) => ({ nl: t.nl, en: t.en || t.nl });

export async function listVersions(db: Kysely<DB>): Promise<ListVersion[]> {
  const rows = await inScope(db, {}, async (tx) => {
    await latest(tx);
    return repo.listVersions(tx);
  });
  return rows.map((r) => ({
    number: r.number,
    releaseNotes: r.release_notes as ListVersion['releaseNotes'],
    source: r.source,
    stats: r.stats as ListVersion['stats'],
    publishedAt: new Date(r.published_at).toISOString(),
    publishedBy: r.published_by,
  }));
}

/** The newest version's domains with processes, and its application kinds. */
export async function domains(db: Kysely<DB>) {
  const newest = await inScope(db, {}, (tx) => latest(tx));
  const used = new Set(newest.snapshot.processes.map((p) => p.domain));
  return {
    version: newest.number,
    domains: newest.snapshot.processDomains.filter((d) => used.has(d.id)),
    applicationKinds: newest.snapshot.applicationKinds,
  };
}

export async function versionSnapshot(db: Kysely<DB>, number: number): Promise<ListSnapshot> {
  return inScope(db, {}, async (tx) => {
    await latest(tx);
    return (await published(tx, number)).snapshot;
  });
}

/**
 * The difference between two versions, or between a version and the draft (`to` absent).
 * Without `from`: the version before `to`, or the version the draft is based on.
 */
export async function diff(db: Kysely<DB>, from?: number, to?: number): Promise<ListDiff> {
  return inScope(db, {}, async (tx) => {
    await latest(tx);
    let b: ListSnapshot;
    let base: number;
    if (to !== undefined) {
      b = (await published(tx, to)).snapshot;
      base = Math.max(1, to - 1);
    } else {
      const draft = await repo.findDraft(tx);
      if (!draft) throw notFound();
      b = draft.snapshot as ListSnapshot;
      base = draft.based_on;
    }
    const start = from ?? base;
    return { from: start, to: to ?? null, ...diffLists((await published(tx, start)).snapshot, b) };
  });
}

type DraftRow = NonNullable<Awaited<ReturnType<typeof repo.findDraft>>>;
const toMeta = (r: DraftRow): DraftMeta => ({
  basedOn: r.based_on,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});
const toDraft = (r: DraftRow): Draft => ({ ...toMeta(r), snapshot: r.snapshot as ListSnapshot });

export async function getDraft(db: Kysely<DB>): Promise<Draft> {
  const row = await inScope(db, {}, (tx) => repo.findDraft(tx));
  if (!row) throw notFound();
  return toDraft(row);
}

/** Starts the draft as a copy of the newest version; when a draft exists, that one is returned. */
export async function startDraft(db: Kysely<DB>, ctx: Ctx): Promise<DraftMeta> {
  return inScope(db, { userId: ctx.userId }, async (tx) => {
    const newest = await latest(tx);
    const created = await repo.insertDraft(tx, newest.number, newest.snapshot, ctx.userId);
    if (created)
      await recordAudit(tx, ctx, {
        action: 'create',
        objectType: 'process_list_draft',
        objectId: String(newest.number + 1),
        after: { basedOn: newest.number },
        bestuurId: null,
      });
    return toMeta((await repo.findDraft(tx)) as DraftRow);
  });
}

async function checked(tx: Tx, snapshot: ListSnapshot) {
  const nodes: FrameworkNodes = new Map();
  for (const n of await repo.assessableNodes(tx)) {
    const m = nodes.get(n.framework_id) ?? new Map();
    m.set(n.id, { assessable: n.assessable });
    nodes.set(n.framework_id, m);
  }
  const problems = checkList(snapshot, nodes, await repo.securityDomainIds(tx));
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', {
      issues: problems.slice(0, 50).map((p) => ({ path: [p.path], code: 'custom', message: p.message })),
    });
}

/** Applies one edit to the draft when the editor saw its current version; checks the whole list. */
async function editDraft(
  db: Kysely<DB>,
  ctx: Ctx,
  draftVersion: number,
  edit: (s: ListSnapshot) => ListSnapshot,
  audit: { action: 'create' | 'update' | 'delete'; objectType: string; objectId: string; label: string },
): Promise<DraftMeta> {
  return inScope(db, { userId: ctx.userId }, async (tx) => {
    const row = await repo.findDraft(tx);
    if (!row) throw notFound();
    if (row.version !== draftVersion) throw conflict(toMeta(row));
    const next = edit(row.snapshot as ListSnapshot);
    await checked(tx, next);
    const saved = await repo.updateDraft(tx, draftVersion, next, ctx.userId);
    if (!saved) throw conflict(toMeta(row));
    await recordAudit(tx, ctx, {
      action: audit.action,
      objectType: audit.objectType,
      objectId: audit.objectId,
      objectLabel: audit.label,
      bestuurId: null,
    });
    return toMeta((await repo.findDraft(tx)) as DraftRow);
  });
}

const upsertBy = <T>(list: T[], item: T, key: (t: T) => string) => {
  const i = list.findIndex((x) => key(x) === key(item));
  return i < 0 ? [...list, item] : list.map((x, j) => (j === i ? item : x));
};

export function saveDraftProcess(db: Kysely<DB>, ctx: Ctx, id: string, draftVersion: number, p: TemplateProcess) {
  if (p.id !== id)
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: ['process', 'id'], code: 'custom', message: 'id differs from the address' }],
    });
  return editDraft(db, ctx, draftVersion, (s) => ({ ...s, processes: upsertBy(s.processes, p, (x) => x.id) }), {
    action: 'update',
    objectType: 'process_list_draft_process',
    objectId: id,
    label: p.name.nl,
  });
}

export function deleteDraftProcess(db: Kysely<DB>, ctx: Ctx, id: string, draftVersion: number) {
  return editDraft(
    db,
    ctx,
    draftVersion,
    (s) => {
      if (!s.processes.some((p) => p.id === id)) throw notFound();
      return { ...s, processes: s.processes.filter((p) => p.id !== id) };
    },
    { action: 'delete', objectType: 'process_list_draft_process', objectId: id, label: id },
  );
}

export function saveDraftMeasure(db: Kysely<DB>, ctx: Ctx, code: string, draftVersion: number, m: TemplateMeasure) {
  if (m.code !== code)
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: ['measure', 'code'], code: 'custom', message: 'code differs from the address' }],
    });
  return editDraft(db, ctx, draftVersion, (s) => ({ ...s, measures: upsertBy(s.measures, m, (x) => x.code) }), {
    action: 'update',
    objectType: 'process_list_draft_measure',
    objectId: code,
    label: m.title.nl,
  });
}

export function deleteDraftMeasure(db: Kysely<DB>, ctx: Ctx, code: string, draftVersion: number) {
  return editDraft(
    db,
    ctx,
    draftVersion,
    (s) => {
      if (!s.measures.some((m) => m.code === code)) throw notFound();
      return { ...s, measures: s.measures.filter((m) => m.code !== code) };
    },
    { action: 'delete', objectType: 'process_list_draft_measure', objectId: code, label: code },
  );
}

export async function discardDraft(db: Kysely<DB>, ctx: Ctx, draftVersion: number): Promise<void> {
  await inScope(db, { userId: ctx.userId }, async (tx) => {
    const row = await repo.findDraft(tx);
    if (!row) throw notFound();
    if (!(await repo.deleteDraft(tx, draftVersion))) throw conflict(toMeta(row));
    await recordAudit(tx, ctx, {
      action: 'delete',
      objectType: 'process_list_draft',
      objectId: String(row.based_on + 1),
      bestuurId: null,
    });
  });
}

/** Publishes the draft as the next version; from then on it never changes. */
export async function publish(
  db: Kysely<DB>,
  ctx: Ctx,
  draftVersion: number,
  notes: { nl: string; en?: string },
): Promise<ListVersion> {
  const number = await inScope(db, { userId: ctx.userId }, async (tx) => {
    const row = await repo.findDraft(tx);
    if (!row) throw notFound();
    if (row.version !== draftVersion) throw conflict(toMeta(row));
    const snapshot = row.snapshot as ListSnapshot;
    await checked(tx, snapshot);
    const newest = await latest(tx);
    const d = diffLists(newest.snapshot, snapshot);
    if (d.processes.length === 0 && d.measures.length === 0)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: ['draft'], code: 'custom', message: 'draft_unchanged' }],
      });
    const next = newest.number + 1;
    const inserted = await repo.insertVersion(tx, {
      number: next,
      releaseNotes: text(notes),
      snapshot,
      source: 'draft',
      contentChecksum: null,
      stats: statsOf(snapshot),
      publishedBy: ctx.userId,
    });
    if (!inserted || !(await repo.deleteDraft(tx, draftVersion))) throw conflict(toMeta(row));
    await syncMeasures(tx, snapshot.measures);
    await recordAudit(tx, ctx, {
      action: 'create',
      objectType: 'process_list_version',
      objectId: String(next),
      objectLabel: notes.nl.slice(0, 200),
      after: { number: next, ...d.summary },
      bestuurId: null,
    });
    return next;
  });
  const versions = await listVersions(db);
  return versions.find((v) => v.number === number) as ListVersion;
}
