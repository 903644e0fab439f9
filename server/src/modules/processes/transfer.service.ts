import type {
  BestuurAsset,
  BulkClassifyRequest,
  BulkClassifyResult,
  ClassificationSheet,
  ImportApplyResult,
  ImportPreview,
  Lang,
} from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { fileSlug } from '../../platform/xlsx.js';
import { latest } from '../processlist/processlist.service.js';
import * as processes from './processes.repository.js';
import { listProcesses } from './processes.service.js';
import { type AssetState, differsFromDefault, planImport, stateOf } from './transfer.import.js';
import * as repo from './transfer.repository.js';
import { readWorkbook, writeWorkbook } from './transfer.workbook.js';

/** The process domains of the newest published generic list (a coach may add domains). */
const processDomains = (db: Kysely<DB>, ctx: TenantCtx) =>
  inScope(db, tenantScope(ctx), async (tx) => (await latest(tx)).snapshot.processDomains);

/** Every information asset of the bestuur with its process, in the order of the process list. */
export async function classificationSheet(db: Kysely<DB>, ctx: TenantCtx): Promise<ClassificationSheet> {
  const list = await listProcesses(db, ctx);
  const used = new Set(list.map((p) => p.domain));
  return {
    domains: (await processDomains(db, ctx))
      .filter((d) => used.has(d.id))
      .map((d) => ({ id: d.id, name: { nl: d.name.nl, en: d.name.en } })),
    rows: list.flatMap((p) =>
      [...p.assets]
        .sort((x, y) => x.name.nl.localeCompare(y.name.nl, 'nl'))
        .map((asset) => ({ processId: p.id, processName: p.name, domain: p.domain, applicable: p.applicable, asset })),
    ),
  };
}

const assetsOf = async (tx: Tx, bestuurId: string) =>
  new Map((await processes.listAssets(tx, bestuurId)).map((r) => [r.id, processes.toAsset(r)] as const));

/** Writes one asset's new state with its audit event; false when someone changed it meanwhile. */
async function apply(tx: Tx, ctx: TenantCtx, asset: BestuurAsset, version: number, next: AssetState) {
  const updated = await repo.updateAsset(tx, ctx.tenantId, asset.id, version, next);
  if (!updated) return false;
  await recordAudit(tx, ctx, {
    action: 'update',
    objectType: 'asset',
    objectId: asset.id,
    objectLabel: asset.name.nl,
    ...diff({ ...stateOf(asset) }, { ...next }),
    bestuurId: ctx.tenantId,
  });
  return true;
}

const issue = (index: number, field: string, message: string) => ({
  path: ['items', String(index), field],
  code: 'custom',
  message,
});

/**
 * Classifies many assets in one transaction, all or nothing: a stale version anywhere gives 409
 * with the current state of every stale asset; a class off the default without a reason gives
 * 400 with the item's index. Items that change nothing are skipped (no event).
 */
export async function bulkClassify(
  db: Kysely<DB>,
  ctx: TenantCtx,
  input: BulkClassifyRequest,
): Promise<BulkClassifyResult> {
  const duplicates = input.items.flatMap((item, index) =>
    input.items.findIndex((other) => other.id === item.id) < index
      ? [issue(index, 'id', 'classification_item_duplicate')]
      : [],
  );
  if (duplicates.length) throw new AppError('VALIDATION_FAILED', { issues: duplicates });

  return inScope(db, tenantScope(ctx), async (tx) => {
    const assets = await assetsOf(tx, ctx.tenantId);
    const missing = input.items.flatMap((item, index) => (assets.has(item.id) ? [] : [index]));
    // Another bestuur's asset is as missing as one that never existed.
    if (missing.length) throw new AppError('NOT_FOUND', { items: missing });

    const stale = input.items.flatMap((item) => {
      const asset = assets.get(item.id) as BestuurAsset;
      return asset.version === item.version ? [] : [asset];
    });
    if (stale.length) throw conflict(stale);

    const planned = input.items.map((item) => {
      const asset = assets.get(item.id) as BestuurAsset;
      const next: AssetState = { ...stateOf(asset), c: item.c, i: item.i, a: item.a, reason: item.reason ?? null };
      return { item, asset, next };
    });
    const reasons = planned.flatMap(({ next, asset }, index) =>
      differsFromDefault(asset, next) && !next.reason ? [issue(index, 'reason', 'classification_reason_required')] : [],
    );
    if (reasons.length) throw new AppError('VALIDATION_FAILED', { issues: reasons });

    const changed = planned.filter(({ asset, next }) => JSON.stringify(stateOf(asset)) !== JSON.stringify(next));
    for (const { asset, item, next } of changed) {
      if (!(await apply(tx, ctx, asset, item.version, next))) throw conflict([asset]);
    }
    const after = changed.length ? await assetsOf(tx, ctx.tenantId) : assets;
    return {
      items: changed.map(({ asset }) => after.get(asset.id) as BestuurAsset),
      unchanged: input.items.length - changed.length,
    };
  });
}

/** The process list as an xlsx workbook, with a file name of the bestuur and the day. */
export async function exportProcessList(db: Kysely<DB>, ctx: TenantCtx, lang: Lang) {
  const sheet = await classificationSheet(db, ctx);
  const name = await inScope(db, tenantScope(ctx), (tx) => repo.bestuurName(tx, ctx.tenantId));
  const domains = new Map((await processDomains(db, ctx)).map((d) => [d.id, d.name[lang]]));
  const body = await writeWorkbook(sheet.rows, (id) => domains.get(id) ?? id, lang);
  const day = new Date().toISOString().slice(0, 10);
  const prefix = lang === 'nl' ? 'proceslijst' : 'process-list';
  return { body, fileName: `${[prefix, fileSlug(name)].filter(Boolean).join('-')}-${day}.xlsx` };
}

/** What importing the workbook would change, and what is wrong with it, per row; saves nothing. */
export async function previewImport(db: Kysely<DB>, ctx: TenantCtx, file: unknown): Promise<ImportPreview> {
  const sheet = await readWorkbook(file, ctx.lang);
  const plan = planImport(sheet, await inScope(db, tenantScope(ctx), (tx) => assetsOf(tx, ctx.tenantId)), ctx.lang);
  return {
    changes: plan.changes,
    errors: plan.errors,
    unchanged: plan.unchanged,
    ignoredColumns: sheet.ignoredColumns,
  };
}

/** Checks the workbook again and applies all of its changes in one transaction, or none. */
export async function applyImport(db: Kysely<DB>, ctx: TenantCtx, file: unknown): Promise<ImportApplyResult> {
  const sheet = await readWorkbook(file, ctx.lang);
  return inScope(db, tenantScope(ctx), async (tx) => {
    const plan = planImport(sheet, await assetsOf(tx, ctx.tenantId), ctx.lang);
    if (plan.errors.length) throw new AppError('IMPORT_HAS_ERRORS', { errors: plan.errors, changes: plan.changes });
    for (const { asset, version, next } of plan.updates) {
      if (!(await apply(tx, ctx, asset, version, next))) throw conflict([asset]);
    }
    return { changes: plan.changes, assets: plan.updates.length, unchanged: plan.unchanged };
  });
}
