import { createHash } from 'node:crypto';
import type {
  Evidence,
  MeasureStatus,
  MeasureTrackingUpdate,
  RequiredMeasure,
  TemplateMeasure,
  TrackedMeasure,
} from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { listRequiredMeasures, requiredMeasuresIn } from '../processes/processes.service.js';
import { latest } from '../processlist/processlist.service.js';
import { evidenceType, safeFileName } from './evidence-file.js';
import * as repo from './measures.repository.js';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: [path], code: 'custom', message }] });
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const today = () => new Date().toISOString().slice(0, 10);
const done: MeasureStatus[] = ['geimplementeerd', 'niet-van-toepassing'];

function overdue(t: { status: string; due_date: string | null; review_date: string | null }) {
  const now = today();
  return (
    (t.review_date !== null && t.review_date < now) ||
    (t.due_date !== null && t.due_date < now && !done.includes(t.status as MeasureStatus))
  );
}

const untracked = (code: string) => ({
  measure_code: code,
  status: 'niet-gestart',
  owner_id: null,
  owner_name: null,
  due_date: null,
  documentation: null,
  implementation: null,
  na_reason: null,
  na_approved_by: null,
  na_approved_at: null,
  review_date: null,
  version: 0,
  evidence_count: 0,
  comment_count: 0,
});

function toTracked(
  measure: TemplateMeasure | undefined,
  code: string,
  required: boolean,
  r: repo.TrackedRow,
): TrackedMeasure {
  return {
    code,
    title: measure ? { nl: measure.title.nl, en: measure.title.en } : { nl: code, en: code },
    domain: measure?.domain ?? '',
    type: measure?.type ?? 'organisational',
    required,
    status: r.status as MeasureStatus,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    documentation: r.documentation,
    implementation: r.implementation,
    naReason: r.na_reason,
    naApprovedBy: r.na_approved_by,
    naApprovedAt: iso(r.na_approved_at),
    reviewDate: r.review_date,
    overdue: overdue(r),
    evidenceCount: r.evidence_count ?? 0,
    commentCount: r.comment_count ?? 0,
    version: r.version,
  };
}

/**
 * The bestuur's measures: every required one (untracked ones as "niet gestart") and every one
 * it tracks that its classification no longer requires.
 */
export const listTracked = (
  db: Kysely<DB>,
  ctx: TenantCtx,
  filter: { status?: MeasureStatus; overdue?: 'true' | 'false'; q?: string } = {},
) => inScope(db, tenantScope(ctx), (tx) => trackedIn(tx, ctx.tenantId, filter));

/** The same, inside a transaction the caller already holds. */
export async function trackedIn(
  tx: Tx,
  bestuurId: string,
  filter: { status?: MeasureStatus; overdue?: 'true' | 'false'; q?: string } = {},
  /** The required measures, when the caller has derived them already. */
  known?: RequiredMeasure[],
): Promise<TrackedMeasure[]> {
  const required = known ?? (await requiredMeasuresIn(tx, bestuurId));
  const rows = await repo.listTracked(tx, bestuurId);
  const list = await latest(tx);
  const measures = new Map(list.snapshot.measures.map((m) => [m.code, m]));
  const tracked = new Map(rows.map((r) => [r.measure_code, r]));
  const requiredCodes = new Set(required.map((m) => m.code));
  const codes = [...new Set([...requiredCodes, ...tracked.keys()])].sort();
  const q = filter.q?.toLowerCase();
  return codes
    .map((code) => toTracked(measures.get(code), code, requiredCodes.has(code), tracked.get(code) ?? untracked(code)))
    .filter(
      (m) =>
        (!filter.status || m.status === filter.status) &&
        (!filter.overdue || String(m.overdue) === filter.overdue) &&
        (!q ||
          m.code.toLowerCase().includes(q) ||
          m.title.nl.toLowerCase().includes(q) ||
          m.title.en.toLowerCase().includes(q)),
    );
}

const toEvidence = (e: repo.EvidenceRow): Evidence => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  url: e.url,
  fileName: e.file_name,
  contentType: e.content_type,
  size: e.size,
  uploadedBy: e.uploaded_by,
  uploadedAt: iso(e.uploaded_at) as string,
});

async function measureOf(tx: Tx, code: string): Promise<TemplateMeasure> {
  const m = (await latest(tx)).snapshot.measures.find((x) => x.code === code);
  if (!m) throw notFound();
  return m;
}

/** One measure with why it is required, what it serves, its comments and evidence. */
export async function getTracked(db: Kysely<DB>, ctx: TenantCtx, code: string) {
  const [required] = await listRequiredMeasures(db, ctx, code);
  return inScope(db, tenantScope(ctx), async (tx) => {
    const measure = await measureOf(tx, code);
    const row = (await repo.findTracked(tx, ctx.tenantId, code)) ?? untracked(code);
    return {
      ...toTracked(measure, code, required !== undefined, row),
      guidance: { nl: measure.guidance.nl, en: measure.guidance.en },
      reasons: (required?.reasons ?? []) as RequiredMeasure['reasons'],
      serves: required?.serves ?? measure.mappings.map((x) => `${x.framework}:${x.requirement}`),
      comments: (await repo.listComments(tx, ctx.tenantId, code)).map((c) => ({
        id: c.id,
        authorName: c.author_name,
        body: c.body,
        createdAt: iso(c.created_at) as string,
      })),
      evidence: (await repo.listEvidence(tx, ctx.tenantId, code)).map(toEvidence),
    };
  });
}

const audited = (r: repo.TrackedRow) => ({
  status: r.status,
  owner: r.owner_name,
  dueDate: r.due_date,
  documentation: r.documentation,
  implementation: r.implementation,
  naReason: r.na_reason,
  reviewDate: r.review_date,
});

export type Changes = Omit<MeasureTrackingUpdate, 'version'>;

/** The tracking after a change, checked: an owner who is a member, "not applicable" with a reason and an approver. */
async function nextTracking(tx: Tx, ctx: TenantCtx, current: repo.TrackedRow, input: Changes): Promise<repo.Tracking> {
  const status = input.status ?? (current.status as MeasureStatus);
  const ownerId = input.ownerId === undefined ? current.owner_id : input.ownerId;
  if (ownerId && ownerId !== current.owner_id && !(await repo.activeMember(tx, ctx.tenantId, ownerId)))
    throw invalid('ownerId', 'owner_not_member');
  const next: repo.Tracking = {
    status,
    ownerId,
    dueDate: input.dueDate === undefined ? current.due_date : input.dueDate,
    documentation: input.documentation === undefined ? current.documentation : input.documentation,
    implementation: input.implementation === undefined ? current.implementation : input.implementation,
    naReason: null,
    naApprovedBy: null,
    naApprovedAt: null,
    reviewDate: input.reviewDate === undefined ? current.review_date : input.reviewDate,
  };
  if (status === 'niet-van-toepassing') {
    const reason = input.naReason ?? current.na_reason;
    if (!reason) throw invalid('naReason', 'na_reason_required');
    const approvedAgain =
      current.status !== status || (input.naReason !== undefined && input.naReason !== current.na_reason);
    if (approvedAgain && !ctx.permissions.has('risks.accept')) throw new AppError('NOT_APPLICABLE_NEEDS_APPROVAL');
    const stored = await tx
      .selectFrom('bestuur_measures')
      .select(['na_approved_by', 'na_approved_at'])
      .where('bestuur_id', '=', ctx.tenantId)
      .where('measure_code', '=', current.measure_code)
      .executeTakeFirst();
    Object.assign(next, {
      naReason: reason,
      naApprovedBy: approvedAgain ? ctx.userId : (stored?.na_approved_by ?? ctx.userId),
      naApprovedAt: approvedAgain ? new Date() : (stored?.na_approved_at ?? new Date()),
    });
  }
  return next;
}

/** Saves one measure's tracking in the caller's transaction; `stale` when the version was not the current one. */
export async function save(tx: Tx, ctx: TenantCtx, code: string, version: number, input: Changes) {
  const current = (await repo.findTracked(tx, ctx.tenantId, code)) ?? untracked(code);
  if (current.version !== version) return { stale: current };
  const next = await nextTracking(tx, ctx, current, input);
  const saved =
    version === 0
      ? await repo.insertTracking(tx, ctx.tenantId, code, next)
      : await repo.updateTracking(tx, ctx.tenantId, code, version, next);
  if (!saved) return { stale: (await repo.findTracked(tx, ctx.tenantId, code)) ?? current };
  const after = (await repo.findTracked(tx, ctx.tenantId, code)) as repo.TrackedRow;
  await recordAudit(tx, ctx, {
    action: version === 0 ? 'create' : 'update',
    objectType: 'measure',
    objectId: code,
    objectLabel: code,
    ...diff(audited(current), audited(after)),
    bestuurId: ctx.tenantId,
  });
  return { after };
}

/** Changes the tracking of one measure; version 0 starts tracking it. 409 when someone else was first. */
export async function updateTracking(db: Kysely<DB>, ctx: TenantCtx, code: string, input: MeasureTrackingUpdate) {
  await inScope(db, tenantScope(ctx), async (tx) => {
    const measure = await measureOf(tx, code);
    const { stale } = await save(tx, ctx, code, input.version, input);
    if (stale) throw conflict(toTracked(measure, code, true, stale));
  });
  return (await listTracked(db, ctx)).find((m) => m.code === code) as TrackedMeasure;
}

/** The same change for many measures, all or nothing: one stale measure and none changes (409 lists them). */
export async function bulkUpdate(
  db: Kysely<DB>,
  ctx: TenantCtx,
  input: { items: { code: string; version: number }[]; changes: Changes },
) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const codes = new Set((await latest(tx)).snapshot.measures.map((m) => m.code));
    const unknown = input.items.filter((i) => !codes.has(i.code));
    if (unknown.length)
      throw new AppError('VALIDATION_FAILED', {
        issues: unknown.map((i) => ({ path: ['items', i.code], code: 'custom', message: 'measure_not_required' })),
      });
    const stale: { code: string; version: number }[] = [];
    for (const item of input.items) {
      const r = await save(tx, ctx, item.code, item.version, input.changes);
      if (r.stale) stale.push({ code: item.code, version: r.stale.version });
    }
    // Throwing rolls back every change made above.
    if (stale.length) throw conflict(stale);
    return { updated: input.items.length };
  });
}

export async function addComment(db: Kysely<DB>, ctx: TenantCtx, code: string, body: string) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    await measureOf(tx, code);
    await repo.ensureTracked(tx, ctx.tenantId, code);
    const { id } = await repo.insertComment(tx, ctx.tenantId, code, ctx.userId, body);
    await recordAudit(tx, ctx, {
      action: 'create',
      objectType: 'measure_comment',
      objectId: id,
      objectLabel: code,
      after: { measure: code, body: body.slice(0, 500) },
      bestuurId: ctx.tenantId,
    });
    const [c] = (await repo.listComments(tx, ctx.tenantId, code)).filter((x) => x.id === id);
    return { id: c.id, authorName: c.author_name, body: c.body, createdAt: iso(c.created_at) as string };
  });
}

async function storeEvidence(db: Kysely<DB>, ctx: TenantCtx, code: string, e: repo.NewEvidence): Promise<Evidence> {
  return inScope(db, tenantScope(ctx), async (tx) => {
    await measureOf(tx, code);
    await repo.ensureTracked(tx, ctx.tenantId, code);
    const { id } = await repo.insertEvidence(tx, ctx.tenantId, code, ctx.userId, e);
    await recordAudit(tx, ctx, {
      action: 'create',
      objectType: 'evidence',
      objectId: id,
      objectLabel: e.title,
      after: {
        measure: code,
        kind: e.kind,
        title: e.title,
        url: e.url ?? null,
        fileName: e.fileName ?? null,
        sha256: e.sha256 ?? null,
      },
      bestuurId: ctx.tenantId,
    });
    return toEvidence((await repo.findEvidence(tx, ctx.tenantId, code, id)) as repo.EvidenceRow);
  });
}

/** A file as evidence: its declared type must be allowed and match its content. */
export function addEvidenceFile(
  db: Kysely<DB>,
  ctx: TenantCtx,
  code: string,
  file: { contentType?: string; fileName?: string; title?: string; content: Buffer },
) {
  const type = evidenceType(file.contentType, file.content);
  if (!type) throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED');
  const fileName = safeFileName(file.fileName);
  if (!fileName) throw invalid('fileName', 'file_name_required');
  return storeEvidence(db, ctx, code, {
    kind: 'file',
    title: safeFileName(file.title) ?? fileName,
    fileName,
    contentType: type,
    content: file.content,
    sha256: createHash('sha256').update(file.content).digest('hex'),
  });
}

export const addEvidenceLink = (db: Kysely<DB>, ctx: TenantCtx, code: string, link: { title: string; url: string }) =>
  storeEvidence(db, ctx, code, { kind: 'link', title: link.title, url: link.url });

export async function evidenceFile(db: Kysely<DB>, ctx: TenantCtx, code: string, id: string) {
  const row = await inScope(db, tenantScope(ctx), (tx) => repo.evidenceContent(tx, ctx.tenantId, code, id));
  if (row?.kind !== 'file' || !row.content) throw notFound();
  return {
    fileName: row.file_name as string,
    contentType: row.content_type as string,
    content: Buffer.from(row.content),
  };
}

export async function deleteEvidence(db: Kysely<DB>, ctx: TenantCtx, code: string, id: string): Promise<void> {
  await inScope(db, tenantScope(ctx), async (tx) => {
    const e = await repo.findEvidence(tx, ctx.tenantId, code, id);
    if (!e || !(await repo.deleteEvidence(tx, ctx.tenantId, code, id))) throw notFound();
    await recordAudit(tx, ctx, {
      action: 'delete',
      objectType: 'evidence',
      objectId: id,
      objectLabel: e.title,
      before: { measure: code, kind: e.kind, title: e.title, url: e.url, fileName: e.file_name },
      bestuurId: ctx.tenantId,
    });
  });
}
