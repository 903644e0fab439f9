import {
  type AdoptRequest,
  type AdoptResult,
  type AssetClassificationUpdate,
  type BestuurAsset,
  type BestuurProcess,
  REASONS_IN_LIST,
  type RequiredMeasure,
} from '@baken/contracts';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { inScope } from '../../platform/tenancy.js';
import { type Content, loadContent } from '../catalog/content.loader.js';
import * as repo from './processes.repository.js';
import { requiredMeasures } from './required-measures.js';

const scope = (ctx: TenantCtx) => ({ tenantId: ctx.tenantId, userId: ctx.userId });
const text = (t: { nl: string; en: string }) => ({ nl: t.nl, en: t.en });

// content/ changes only with a release: read and check it once per process.
let cached: Content | undefined;
const content = (): Content => {
  cached ??= loadContent();
  return cached;
};

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: [path], code: 'custom', message }] });

/**
 * Copies the generic process list (all of it, or the chosen domains) into the bestuur's own
 * list. What the bestuur already adopted stays as it is; only what is missing is added.
 */
export async function adopt(db: Kysely<DB>, ctx: TenantCtx, input: AdoptRequest): Promise<AdoptResult> {
  const { processes, processDomains } = content();
  const known = new Set(processDomains.map((d) => d.id));
  const unknown = input.domains?.find((d) => !known.has(d));
  if (unknown) throw invalid('domains', 'process_domain_unknown');
  const chosen = input.domains ? processes.filter((p) => input.domains?.includes(p.domain)) : processes;

  return inScope(db, scope(ctx), async (tx) => {
    const added = await repo.insertMissingProcesses(
      tx,
      ctx.tenantId,
      chosen.map((p) => ({ templateId: p.id, domain: p.domain, name: text(p.name), description: text(p.description) })),
    );
    const processIds = await repo.processIdsByTemplate(tx, ctx.tenantId);
    const addedAssets = await repo.insertMissingAssets(
      tx,
      ctx.tenantId,
      processIds,
      chosen.flatMap((p) =>
        p.assets.map((a) => ({
          processTemplateId: p.id,
          templateId: a.id,
          name: text(a.name),
          class: a.class,
          personalData: a.personalData,
          sensitiveData: a.sensitiveData,
          kszData: a.kszData,
        })),
      ),
    );
    const result = { processes: added, assets: addedAssets };
    if (added + addedAssets > 0) {
      await recordAudit(tx, ctx, {
        action: 'create',
        objectType: 'process_list',
        objectId: ctx.tenantId,
        after: { ...result, domains: input.domains ?? 'all' },
        bestuurId: ctx.tenantId,
      });
    }
    return result;
  });
}

export async function listProcesses(db: Kysely<DB>, ctx: TenantCtx): Promise<BestuurProcess[]> {
  const [processes, assets] = await inScope(db, scope(ctx), async (tx) => [
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
  return inScope(db, scope(ctx), async (tx) => {
    const row = await repo.findAsset(tx, ctx.tenantId, id);
    if (!row) throw notFound();
    const current = repo.toAsset(row);
    if (differsFromDefault(current, input) && !input.reason) throw invalid('reason', 'classification_reason_required');
    const updated = await repo.updateClassification(tx, ctx.tenantId, id, { ...input, reason: input.reason ?? null });
    if (!updated) throw conflict(current);
    const after = repo.toAsset((await repo.findAsset(tx, ctx.tenantId, id)) as typeof row);
    const audited = (a: BestuurAsset) => ({ c: a.class.c, i: a.class.i, a: a.class.a, reason: a.reason });
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
export async function listRequiredMeasures(db: Kysely<DB>, ctx: TenantCtx, only?: string): Promise<RequiredMeasure[]> {
  const rows = await inScope(db, scope(ctx), (tx) => repo.applicableAssets(tx, ctx.tenantId));
  const names = new Map(rows.map((r) => [r.id, r.name as RequiredMeasure['title']]));
  const assets = rows.map((r) => ({
    id: r.id,
    class: { c: r.c, i: r.i, a: r.a },
    personalData: r.personal_data,
    kszData: r.ksz_data,
  }));
  const measures = content().measures.filter((m) => only === undefined || m.code === only);
  const titles = new Map(measures.map((m) => [m.code, text(m.title)]));
  // NIS2 follows from the bestuur's activities, which Baken does not record yet.
  return requiredMeasures(measures, assets, { nis2: false }).map((m) => {
    const strongest = [...m.reasons].sort(
      (a, b) => (b.kind === 'class' ? b.assetClass : 0) - (a.kind === 'class' ? a.assetClass : 0),
    );
    const shown = only === undefined ? strongest.slice(0, REASONS_IN_LIST) : strongest;
    return {
      code: m.code,
      title: titles.get(m.code) as RequiredMeasure['title'],
      reasons: shown.map((r) =>
        r.kind === 'baseline' ? r : { ...r, assetName: names.get(r.assetId) as RequiredMeasure['title'] },
      ),
      reasonCount: m.reasons.length,
      assetCount: new Set(m.reasons.flatMap((r) => (r.kind === 'class' ? [r.assetId] : []))).size,
      serves: m.serves,
    };
  });
}

/** One required measure with every reason; 404 when the measure is not required (or unknown). */
export async function getRequiredMeasure(db: Kysely<DB>, ctx: TenantCtx, code: string): Promise<RequiredMeasure> {
  const [found] = await listRequiredMeasures(db, ctx, code);
  if (!found) throw notFound();
  return found;
}
