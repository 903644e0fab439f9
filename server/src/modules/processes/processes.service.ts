import {
  type AdoptRequest,
  type AdoptResult,
  type AssetClassificationUpdate,
  type BestuurAsset,
  type BestuurProcess,
  type NewOwnAsset,
  type NewOwnProcess,
  type ProcessUpdate,
  REASONS_IN_LIST,
  type RequiredMeasure,
  type TemplateProcess,
} from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { latest } from '../processlist/processlist.service.js';
import * as repo from './processes.repository.js';
import { summariseRequiredMeasures } from './required-measures.js';

const text = (t: { nl: string; en: string }) => ({ nl: t.nl, en: t.en });
/** What a bestuur writes itself: English falls back to the Dutch. */
const ownText = (t: { nl: string; en?: string }) => ({ nl: t.nl, en: t.en || t.nl });

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: [path], code: 'custom', message }] });

/** Adds the given generic processes and their assets, as far as the bestuur lacks them; returns the counts. */
export async function addFromTemplate(tx: Tx, bestuurId: string, version: number, chosen: TemplateProcess[]) {
  const processes = await repo.insertMissingProcesses(
    tx,
    bestuurId,
    chosen.map((p) => ({
      templateId: p.id,
      templateVersion: version,
      domain: p.domain,
      name: text(p.name),
      description: text(p.description),
    })),
  );
  const processIds = await repo.processIdsByTemplate(tx, bestuurId);
  const assets = await repo.insertMissingAssets(
    tx,
    bestuurId,
    processIds,
    chosen
      .filter((p) => processIds.has(p.id))
      .flatMap((p) =>
        p.assets.map((a) => ({
          processTemplateId: p.id,
          templateId: a.id,
          name: text(a.name),
          class: a.class,
          reason: text(a.reason),
          personalData: a.personalData,
          sensitiveData: a.sensitiveData,
          kszData: a.kszData,
        })),
      ),
  );
  return { processes, assets };
}

/**
 * Copies the newest published generic process list (all of it, or the chosen domains) into
 * the bestuur's own list. What the bestuur already adopted stays as it is; only what is
 * missing is added.
 */
export async function adopt(db: Kysely<DB>, ctx: TenantCtx, input: AdoptRequest): Promise<AdoptResult> {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const list = await latest(tx);
    const { processes, processDomains } = list.snapshot;
    const known = new Set(processDomains.map((d) => d.id));
    const unknown = input.domains?.find((d) => !known.has(d));
    if (unknown) throw invalid('domains', 'process_domain_unknown');
    const chosen = input.domains ? processes.filter((p) => input.domains?.includes(p.domain)) : processes;
    const result = await addFromTemplate(tx, ctx.tenantId, list.number, chosen);
    if (result.processes + result.assets > 0) {
      await recordAudit(tx, ctx, {
        action: 'create',
        objectType: 'process_list',
        objectId: ctx.tenantId,
        after: { ...result, domains: input.domains ?? 'all', version: list.number },
        bestuurId: ctx.tenantId,
      });
    }
    return result;
  });
}

export async function listProcesses(db: Kysely<DB>, ctx: TenantCtx): Promise<BestuurProcess[]> {
  const [processes, assets] = await inScope(db, tenantScope(ctx), async (tx) => [
    await repo.listProcesses(tx, ctx.tenantId),
    await repo.listAssets(tx, ctx.tenantId),
  ]);
  const byProcess = new Map<string, BestuurAsset[]>();
  for (const row of assets) {
    const asset = repo.toAsset(row);
    byProcess.set(asset.processId, [...(byProcess.get(asset.processId) ?? []), asset]);
  }
  return processes.map((p) => repo.toProcess(p, byProcess.get(p.id) ?? []));
}

const differsFromDefault = (asset: BestuurAsset, input: AssetClassificationUpdate) =>
  asset.defaultClass !== null &&
  (input.c !== asset.defaultClass.c || input.i !== asset.defaultClass.i || input.a !== asset.defaultClass.a);

/** Classifies an asset; a class other than the generic list's needs a reason. */
export async function classifyAsset(
  db: Kysely<DB>,
  ctx: TenantCtx,
  id: string,
  input: AssetClassificationUpdate,
): Promise<BestuurAsset> {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const row = await repo.findAsset(tx, ctx.tenantId, id);
    if (!row) throw notFound();
    const current = repo.toAsset(row);
    if (differsFromDefault(current, input) && !input.reason) throw invalid('reason', 'classification_reason_required');
    if (input.name && current.templateId !== null) throw invalid('name', 'own_items_only');
    const updated = await repo.updateClassification(tx, ctx.tenantId, id, {
      ...input,
      name: input.name && ownText(input.name),
      reason: input.reason ?? null,
    });
    if (!updated) throw conflict(current);
    const after = repo.toAsset((await repo.findAsset(tx, ctx.tenantId, id)) as typeof row);
    const audited = (a: BestuurAsset) => ({
      name: a.name.nl,
      c: a.class.c,
      i: a.class.i,
      a: a.class.a,
      reason: a.reason,
      personalData: a.personalData,
      sensitiveData: a.sensitiveData,
      kszData: a.kszData,
    });
    await recordAudit(tx, ctx, {
      action: 'update',
      objectType: 'asset',
      objectId: id,
      objectLabel: after.name.nl,
      ...diff(audited(current), audited(after)),
      bestuurId: ctx.tenantId,
    });
    return after;
  });
}

/**
 * The minimum measures that follow from the classification of the bestuur's applicable assets.
 * The list carries each measure's strongest reasons and the counts; one measure carries all.
 */
export const listRequiredMeasures = (db: Kysely<DB>, ctx: TenantCtx, only?: string) =>
  inScope(db, tenantScope(ctx), (tx) => requiredMeasuresIn(tx, ctx.tenantId, only));

/** The same, inside a transaction the caller already holds. */
export async function requiredMeasuresIn(tx: Tx, bestuurId: string, only?: string): Promise<RequiredMeasure[]> {
  const rows = await repo.applicableAssets(tx, bestuurId);
  const list = await latest(tx);
  const names = new Map(rows.map((r) => [r.id, r.name as RequiredMeasure['title']]));
  const assets = rows.map((r) => ({
    id: r.id,
    class: { c: r.c, i: r.i, a: r.a },
    personalData: r.personal_data,
    kszData: r.ksz_data,
  }));
  const measures = list.snapshot.measures.filter((m) => only === undefined || m.code === only);
  const titles = new Map(measures.map((m) => [m.code, text(m.title)]));
  // NIS2 follows from the bestuur's activities, which Baken does not record yet. The list
  // shows a few reasons per measure; one measure carries all.
  const limit = only === undefined ? REASONS_IN_LIST : undefined;
  return summariseRequiredMeasures(measures, assets, { nis2: false }, limit).map((m) => ({
    code: m.code,
    title: titles.get(m.code) as RequiredMeasure['title'],
    reasons: m.reasons.map((r) =>
      r.kind === 'baseline' ? r : { ...r, assetName: names.get(r.assetId) as RequiredMeasure['title'] },
    ),
    reasonCount: m.reasonCount,
    assetCount: m.assetCount,
    serves: m.serves,
  }));
}

/** One required measure with every reason; 404 when the measure is not required (or unknown). */
export async function getRequiredMeasure(db: Kysely<DB>, ctx: TenantCtx, code: string): Promise<RequiredMeasure> {
  const [found] = await listRequiredMeasures(db, ctx, code);
  if (!found) throw notFound();
  return found;
}

async function processById(tx: Tx, bestuurId: string, id: string): Promise<BestuurProcess> {
  const row = await repo.findProcess(tx, bestuurId, id);
  if (!row) throw notFound();
  return repo.toProcess(row, (await repo.assetsOfProcess(tx, bestuurId, id)).map(repo.toAsset));
}

const auditedProcess = (p: BestuurProcess) => ({
  name: p.name.nl,
  domain: p.domain,
  description: p.description?.nl ?? null,
  applicable: p.applicable,
  notApplicableReason: p.notApplicableReason,
});

async function knownDomain(tx: Tx, domain: string) {
  const { processDomains } = (await latest(tx)).snapshot;
  if (!processDomains.some((d) => d.id === domain)) throw invalid('domain', 'process_domain_unknown');
}

/** A process of the bestuur's own, in one of the domains of the generic list. */
export async function createOwnProcess(db: Kysely<DB>, ctx: TenantCtx, input: NewOwnProcess): Promise<BestuurProcess> {
  return inScope(db, tenantScope(ctx), async (tx) => {
    await knownDomain(tx, input.domain);
    const { id } = await repo.insertOwnProcess(tx, ctx.tenantId, {
      domain: input.domain,
      name: ownText(input.name),
      description: input.description?.nl ? ownText(input.description) : null,
    });
    const created = await processById(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, {
      action: 'create',
      objectType: 'process',
      objectId: id,
      objectLabel: created.name.nl,
      after: auditedProcess(created),
      bestuurId: ctx.tenantId,
    });
    return created;
  });
}

/**
 * Marks a process (not) applicable, with a reason when it does not apply; renames or moves a
 * process of the bestuur's own. A generic process keeps the generic list's name.
 */
export async function updateProcess(
  db: Kysely<DB>,
  ctx: TenantCtx,
  id: string,
  input: ProcessUpdate,
): Promise<BestuurProcess> {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const current = await processById(tx, ctx.tenantId, id);
    const own = current.templateId === null;
    if (!own && (input.name || input.description || input.domain)) throw new AppError('TEMPLATE_ITEM_NOT_EDITABLE');
    if (input.domain && input.domain !== current.domain) await knownDomain(tx, input.domain);
    const applicable = input.applicable ?? current.applicable;
    const reason = applicable ? null : (input.notApplicableReason ?? current.notApplicableReason);
    if (!applicable && !reason) throw invalid('notApplicableReason', 'not_applicable_reason_required');
    const updated = await repo.updateProcess(tx, ctx.tenantId, id, {
      version: input.version,
      applicable,
      notApplicableReason: reason,
      domain: input.domain ?? current.domain,
      name: input.name ? ownText(input.name) : current.name,
      description: input.description ? (input.description.nl ? ownText(input.description) : null) : current.description,
    });
    if (!updated) throw conflict(current);
    const after = await processById(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, {
      action: 'update',
      objectType: 'process',
      objectId: id,
      objectLabel: after.name.nl,
      ...diff(auditedProcess(current), auditedProcess(after)),
      bestuurId: ctx.tenantId,
    });
    return after;
  });
}

/** Deletes a process of the bestuur's own with its assets; a generic process can only be marked not applicable. */
export async function deleteProcess(db: Kysely<DB>, ctx: TenantCtx, id: string, version: number): Promise<void> {
  await inScope(db, tenantScope(ctx), async (tx) => {
    const current = await processById(tx, ctx.tenantId, id);
    if (current.templateId !== null) throw new AppError('TEMPLATE_ITEM_NOT_DELETABLE');
    if (current.version !== version) throw conflict(current);
    await repo.deleteAssetsOfProcess(tx, ctx.tenantId, id);
    if (!(await repo.deleteProcess(tx, ctx.tenantId, id, version))) throw conflict(current);
    await recordAudit(tx, ctx, {
      action: 'delete',
      objectType: 'process',
      objectId: id,
      objectLabel: current.name.nl,
      before: { ...auditedProcess(current), assets: current.assets.map((a) => a.name.nl) },
      bestuurId: ctx.tenantId,
    });
  });
}

/** An information asset of the bestuur's own, in any of its processes. */
export async function createOwnAsset(
  db: Kysely<DB>,
  ctx: TenantCtx,
  processId: string,
  input: NewOwnAsset,
): Promise<BestuurAsset> {
  return inScope(db, tenantScope(ctx), async (tx) => {
    await processById(tx, ctx.tenantId, processId);
    const { id } = await repo.insertOwnAsset(tx, ctx.tenantId, processId, { ...input, name: ownText(input.name) });
    const created = repo.toAsset(
      (await repo.findAsset(tx, ctx.tenantId, id)) as NonNullable<Awaited<ReturnType<typeof repo.findAsset>>>,
    );
    await recordAudit(tx, ctx, {
      action: 'create',
      objectType: 'asset',
      objectId: id,
      objectLabel: created.name.nl,
      after: {
        process: processId,
        c: input.c,
        i: input.i,
        a: input.a,
        personalData: input.personalData,
        sensitiveData: input.sensitiveData,
        kszData: input.kszData,
      },
      bestuurId: ctx.tenantId,
    });
    return created;
  });
}

/** Deletes an asset of the bestuur's own. */
export async function deleteAsset(db: Kysely<DB>, ctx: TenantCtx, id: string, version: number): Promise<void> {
  await inScope(db, tenantScope(ctx), async (tx) => {
    const row = await repo.findAsset(tx, ctx.tenantId, id);
    if (!row) throw notFound();
    const current = repo.toAsset(row);
    if (current.templateId !== null) throw new AppError('TEMPLATE_ITEM_NOT_DELETABLE');
    if (!(await repo.deleteAsset(tx, ctx.tenantId, id, version))) throw conflict(current);
    await recordAudit(tx, ctx, {
      action: 'delete',
      objectType: 'asset',
      objectId: id,
      objectLabel: current.name.nl,
      before: { process: current.processId, c: current.class.c, i: current.class.i, a: current.class.a },
      bestuurId: ctx.tenantId,
    });
  });
}
