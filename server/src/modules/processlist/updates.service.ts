import type { ProcessUpdateItem, ProcessUpdates, TemplateAsset, TemplateProcess } from '@baken/contracts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import * as processes from '../processes/processes.repository.js';
import { addFromTemplate } from '../processes/processes.service.js';
import * as repo from './processlist.repository.js';
import { latest, published } from './processlist.service.js';
import { diffProcess } from './snapshot.js';

type AssetRow = Awaited<ReturnType<typeof processes.listAssets>>[number];
const FLAGS = [
  ['personalData', 'personal_data'],
  ['sensitiveData', 'sensitive_data'],
  ['kszData', 'ksz_data'],
] as const;
const DIMS = ['c', 'i', 'a'] as const;
const text = (t: { nl: string; en: string }) => ({ nl: t.nl, en: t.en });

/** The bestuur's own choices that differ from the old default: an update keeps them. */
function keptChoices(row: AssetRow, base: TemplateAsset | undefined, next: TemplateAsset) {
  if (!base) return [];
  const kept: { field: string; yours: unknown }[] = [];
  if (DIMS.some((d) => row[d] !== base.class[d] && next.class[d] !== base.class[d]))
    kept.push({ field: 'class', yours: { c: row.c, i: row.i, a: row.a, reason: row.reason } });
  for (const [field, column] of FLAGS)
    if (row[column] !== base[field] && next[field] !== base[field]) kept.push({ field, yours: row[column] });
  return kept;
}

interface Pending extends ProcessUpdateItem {
  base?: TemplateProcess;
  next?: TemplateProcess;
}

async function pending(tx: Tx, bestuurId: string) {
  const list = await latest(tx);
  const rows = await processes.listProcesses(tx, bestuurId);
  const assetRows = await processes.listAssets(tx, bestuurId);
  const byTemplate = new Map(assetRows.filter((a) => a.template_id).map((a) => [a.template_id as string, a]));
  const items: Pending[] = [];
  const adoptedDomains = new Set<string>();
  const have = new Set<string>();
  for (const p of rows) {
    if (p.template_id === null) continue;
    have.add(p.template_id);
    adoptedDomains.add(p.domain);
    const from = p.template_version ?? 1;
    if (from >= list.number) continue;
    const base = (await published(tx, from)).processes.get(p.template_id);
    const next = list.processes.get(p.template_id);
    const d = diffProcess(base, next);
    if (!d) continue;
    const assets = d.assets.flatMap((a) => {
      const row = byTemplate.get(a.id);
      if (a.kind === 'added' && row) return [];
      if (a.kind === 'removed' && !row) return [];
      const nextAsset = next?.assets.find((x) => x.id === a.id);
      const baseAsset = base?.assets.find((x) => x.id === a.id);
      const kind = a.kind === 'changed' && !row ? ('added' as const) : a.kind;
      return [{ ...a, kind, kept: row && nextAsset ? keptChoices(row, baseAsset, nextAsset) : [] }];
    });
    items.push({
      templateId: p.template_id,
      kind: base && !next ? 'removed' : 'changed',
      processId: p.id,
      domain: p.domain,
      name: d.name,
      fromVersion: from,
      toVersion: list.number,
      changes: d.changes,
      assets,
      base,
      next,
    });
  }
  for (const next of list.snapshot.processes) {
    if (have.has(next.id) || !adoptedDomains.has(next.domain)) continue;
    items.push({
      templateId: next.id,
      kind: 'added',
      processId: null,
      domain: next.domain,
      name: text(next.name),
      fromVersion: null,
      toVersion: list.number,
      changes: [],
      assets: next.assets.map((a) => ({ id: a.id, kind: 'added', name: text(a.name), changes: [], kept: [] })),
      next,
    });
  }
  return { list, items, byTemplate };
}

const strip = ({ base: _b, next: _n, ...item }: Pending): ProcessUpdateItem => item;

/** What changed in the generic list since the bestuur adopted it, against the bestuur's own copy. */
export async function listUpdates(db: Kysely<DB>, ctx: TenantCtx): Promise<ProcessUpdates> {
  const { list, items } = await inScope(db, tenantScope(ctx), (tx) => pending(tx, ctx.tenantId));
  return { latest: list.number, items: items.map(strip) };
}

/** The values an asset takes over: the new default where the bestuur kept the old one, its own choice otherwise. */
function followed(row: AssetRow, base: TemplateAsset | undefined, next: TemplateAsset, version: number) {
  const keep = <T>(yours: T, old: T | undefined, fresh: T) => (base !== undefined && yours !== old ? yours : fresh);
  const cls = { c: 0, i: 0, a: 0 };
  for (const d of DIMS) cls[d] = keep(row[d], base?.class[d], next.class[d]);
  const differs = DIMS.some((d) => cls[d] !== next.class[d]);
  return {
    name: text(next.name),
    ...cls,
    defaultC: next.class.c,
    defaultI: next.class.i,
    defaultA: next.class.a,
    defaultReason: text(next.reason),
    // A kept class that now differs from the new default still carries the bestuur's reason.
    reason: differs ? (row.reason ?? `Eigen keuze behouden bij versie ${version} van de generieke lijst.`) : row.reason,
    personalData: keep(row.personal_data, base?.personalData, next.personalData),
    sensitiveData: keep(row.sensitive_data, base?.sensitiveData, next.sensitiveData),
    kszData: keep(row.ksz_data, base?.kszData, next.kszData),
  };
}

/**
 * Takes over the chosen pending updates (or all of them) in one transaction. The bestuur's own
 * choices are kept: a class or flag it changed stays as it is, with its reason.
 */
export async function applyUpdates(
  db: Kysely<DB>,
  ctx: TenantCtx,
  input: { templateIds?: string[]; all?: true; toVersion: number },
) {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const { list, items, byTemplate } = await pending(tx, ctx.tenantId);
    if (input.toVersion !== list.number) throw conflict({ latest: list.number });
    const wanted = input.all ? null : new Set(input.templateIds);
    const unknown = [...(wanted ?? [])].filter((id) => !items.some((i) => i.templateId === id));
    if (unknown.length)
      throw new AppError('VALIDATION_FAILED', {
        issues: unknown.map((id) => ({ path: ['templateIds', id], code: 'custom', message: 'update_not_pending' })),
      });
    let assetCount = 0;
    const chosen = items.filter((i) => wanted === null || wanted.has(i.templateId));
    for (const item of chosen) {
      if (item.kind === 'added' && item.next) {
        assetCount += (await addFromTemplate(tx, ctx.tenantId, list.number, [item.next])).assets;
      } else if (item.kind === 'removed' && item.processId) {
        await repo.detachProcess(tx, ctx.tenantId, item.processId);
      } else if (item.next && item.processId) {
        await repo.followProcess(tx, ctx.tenantId, item.processId, {
          version: list.number,
          domain: item.next.domain,
          name: text(item.next.name),
          description: text(item.next.description),
        });
        for (const a of item.assets) {
          const row = byTemplate.get(a.id);
          const next = item.next.assets.find((x) => x.id === a.id);
          if (a.kind === 'removed' && row) await repo.detachAsset(tx, ctx.tenantId, row.id);
          else if (a.kind === 'changed' && row && next)
            await repo.followAsset(
              tx,
              ctx.tenantId,
              row.id,
              followed(
                row,
                item.base?.assets.find((x) => x.id === a.id),
                next,
                list.number,
              ),
            );
          else continue;
          assetCount++;
        }
        assetCount += (await addFromTemplate(tx, ctx.tenantId, list.number, [item.next])).assets;
      }
      await recordAudit(tx, ctx, {
        action: 'update',
        objectType: 'process',
        objectId: item.processId ?? item.templateId,
        objectLabel: item.name.nl,
        before: { templateVersion: item.fromVersion },
        after: {
          templateVersion: item.kind === 'removed' ? null : list.number,
          update: item.kind,
          changes: item.changes.map((c) => c.field),
          assets: item.assets.map((a) => ({ name: a.name.nl, kind: a.kind, kept: a.kept.map((k) => k.field) })),
        },
        bestuurId: ctx.tenantId,
      });
    }
    return { processes: chosen.length, assets: assetCount };
  });
}
