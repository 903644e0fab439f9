import type {
  ComplianceResult,
  Contribution,
  FrameworkCompliance,
  RequirementCompliance,
  TrackedMeasure,
} from '@baken/contracts';
import { type Kysely, sql } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import { type Tx, inScope, tenantScope } from '../../platform/tenancy.js';
import { trackedIn } from '../measures/measures.service.js';
import { latest } from '../processlist/processlist.service.js';
import { contribution, derive, explain } from './derive.js';

export type Level = 'basic' | 'important' | 'essential';
const levelRank: Record<Level, number> = { basic: 0, important: 1, essential: 2 };

interface Framework {
  id: string;
  name: { nl: string; en: string };
  kind: string;
}
interface Node {
  framework_id: string;
  id: string;
  title: unknown;
  levels: string[];
  key_measure_at: string | null;
}

const frameworks = (tx: Tx) =>
  tx
    .selectFrom('frameworks')
    .select(['id', 'name', 'kind'])
    .where('source', '=', 'content')
    .orderBy('id')
    .execute() as Promise<Framework[]>;

/**
 * Every assessable requirement of the catalogue. They change only when content/ is synchronised
 * or a library imported: kept in memory and read again when the newest change differs.
 */
let nodeCache: { stamp: string; nodes: Node[] } | undefined;
async function catalogNodes(tx: Tx): Promise<Node[]> {
  const { stamp } = await tx
    .selectFrom('framework_nodes')
    .select(sql<string>`coalesce(max(updated_at)::text, '') || ':' || count(*)`.as('stamp'))
    .executeTakeFirstOrThrow();
  if (nodeCache?.stamp !== stamp) {
    const nodes = (await tx
      .selectFrom('framework_nodes')
      .select(['framework_id', 'id', 'title', 'levels', 'key_measure_at'])
      .where('assessable', '=', true)
      .where('retired_at', 'is', null)
      .orderBy('framework_id')
      .orderBy('position')
      .execute()) as Node[];
    nodeCache = { stamp, nodes };
  }
  return nodeCache.nodes;
}

const overridesOf = (tx: Tx, bestuurId: string, frameworkId?: string) => {
  let q = tx
    .selectFrom('bestuur_requirement_overrides as o')
    .leftJoin('users as u', 'u.id', 'o.set_by')
    .select([
      'o.framework_id',
      'o.requirement_id',
      'o.result',
      'o.reason',
      'u.display_name as by',
      'o.set_at',
      'o.version',
    ])
    .where('o.bestuur_id', '=', bestuurId);
  if (frameworkId) q = q.where('o.framework_id', '=', frameworkId);
  return q.execute();
};

type OverrideRow = Awaited<ReturnType<typeof overridesOf>>[number];

/** The requirements of a framework a bestuur is measured on: for CyFun those of the level. */
const inLevel = (f: Framework, n: Node, level: Level) => f.kind !== 'cyfun' || n.levels.includes(level);
const keyAt = (n: Node, level: Level) =>
  n.key_measure_at && levelRank[n.key_measure_at as Level] <= levelRank[level] ? n.key_measure_at : null;

/**
 * Every requirement's result for the bestuur, derived from the status of its measures through
 * the mappings of the newest generic list, with the bestuur's overrides on top.
 */
const compute = (db: Kysely<DB>, ctx: TenantCtx, only: string | undefined, level: Level) =>
  inScope(db, tenantScope(ctx), async (tx) =>
    complianceIn(tx, ctx.tenantId, await trackedIn(tx, ctx.tenantId), only, level),
  );

/**
 * The same, inside a transaction the caller holds, from the bestuur's tracked measures the
 * caller already has (the dashboard needs them too: computed once per request).
 */
export async function complianceIn(
  tx: Tx,
  bestuurId: string,
  measures: TrackedMeasure[],
  only: string | undefined,
  level: Level,
): Promise<(FrameworkCompliance & { requirements: RequirementCompliance[] })[]> {
  const fws = (await frameworks(tx)).filter((f) => only === undefined || f.id === only);
  if (only !== undefined && fws.length === 0) throw notFound();
  const nodes = (await catalogNodes(tx)).filter((n) => fws.some((f) => f.id === n.framework_id));
  const list = await latest(tx);
  const overrides = await overridesOf(tx, bestuurId, only);
  const mine = new Map<string, TrackedMeasure>(measures.map((m) => [m.code, m]));
  // Requirement -> the bestuur's measures mapped to it.
  const links = new Map<string, Contribution[]>();
  for (const m of list.snapshot.measures) {
    const tracked = mine.get(m.code);
    if (!tracked) continue;
    for (const x of m.mappings) {
      const key = `${x.framework}\u0000${x.requirement}`;
      const c = contribution(tracked.status, x.relationship);
      const entry = { code: m.code, title: tracked.title, status: tracked.status, relationship: x.relationship, ...c };
      links.set(key, [...(links.get(key) ?? []), entry]);
    }
  }
  const overrideOf = new Map(overrides.map((o) => [`${o.framework_id}\u0000${o.requirement_id}`, o]));
  return fws.map((f) => {
    const requirements: RequirementCompliance[] = nodes
      .filter((n) => n.framework_id === f.id && inLevel(f, n, level))
      .map((n) => {
        const key = `${f.id}\u0000${n.id}`;
        const contributions = links.get(key) ?? [];
        const derived = derive(contributions);
        const o = overrideOf.get(key) as OverrideRow | undefined;
        const result = (o?.result as ComplianceResult | undefined) ?? derived;
        return {
          id: n.id,
          title: n.title as RequirementCompliance['title'],
          levels: n.levels,
          keyMeasure: keyAt(n, level),
          derived,
          result,
          explanation: explain(result, contributions, o !== undefined),
          contributions,
          override: o
            ? {
                result: o.result as ComplianceResult,
                reason: o.reason,
                by: o.by,
                at: new Date(o.set_at).toISOString(),
                version: o.version,
              }
            : null,
        };
      });
    return { ...summary(f, f.kind === 'cyfun' ? level : null, requirements), requirements };
  });
}

function summary(f: Framework, level: string | null, requirements: RequirementCompliance[]): FrameworkCompliance {
  const counts = {
    compliant: 0,
    'partially-compliant': 0,
    'non-compliant': 0,
    'not-assessed': 0,
    'not-applicable': 0,
  };
  for (const r of requirements) counts[r.result]++;
  const scored = counts.compliant + counts['partially-compliant'] + counts['non-compliant'];
  return {
    framework: f.id,
    name: { nl: f.name.nl, en: f.name.en },
    level,
    counts,
    score:
      scored === 0 ? null : Math.round(((counts.compliant + counts['partially-compliant'] / 2) / scored) * 1000) / 10,
  };
}

/** A framework's summary without its requirements. */
export const summaryOf = ({ requirements: _, ...s }: FrameworkCompliance & { requirements: unknown }) => s;

/** Compliance with every framework, in one computation. */
export async function overview(db: Kysely<DB>, ctx: TenantCtx, level: Level = 'basic') {
  return (await compute(db, ctx, undefined, level)).map(summaryOf);
}

export async function frameworkDetail(db: Kysely<DB>, ctx: TenantCtx, frameworkId: string, level: Level = 'basic') {
  const [f] = await compute(db, ctx, frameworkId, level);
  return f;
}

async function requirementExists(tx: Tx, frameworkId: string, requirementId: string) {
  const n = await tx
    .selectFrom('framework_nodes')
    .select('id')
    .where('framework_id', '=', frameworkId)
    .where('id', '=', requirementId)
    .where('assessable', '=', true)
    .executeTakeFirst();
  if (!n) throw notFound();
}

const findOverride = async (tx: Tx, bestuurId: string, frameworkId: string, requirementId: string) =>
  (await overridesOf(tx, bestuurId, frameworkId)).find((o) => o.requirement_id === requirementId);

/** Sets the result of a requirement by hand, with the reason; version 0 for a first override. */
export async function setOverride(
  db: Kysely<DB>,
  ctx: TenantCtx,
  frameworkId: string,
  requirementId: string,
  input: { version: number; result: ComplianceResult; reason: string },
) {
  await inScope(db, tenantScope(ctx), async (tx) => {
    await requirementExists(tx, frameworkId, requirementId);
    const current = await findOverride(tx, ctx.tenantId, frameworkId, requirementId);
    if ((current?.version ?? 0) !== input.version) throw conflict(current ?? null);
    const saved =
      input.version === 0
        ? await tx
            .insertInto('bestuur_requirement_overrides')
            .values({
              bestuur_id: ctx.tenantId,
              framework_id: frameworkId,
              requirement_id: requirementId,
              result: input.result,
              reason: input.reason,
              set_by: ctx.userId,
            })
            .onConflict((oc) => oc.columns(['bestuur_id', 'framework_id', 'requirement_id']).doNothing())
            .returning('version')
            .executeTakeFirst()
        : await tx
            .updateTable('bestuur_requirement_overrides')
            .set((eb) => ({
              result: input.result,
              reason: input.reason,
              set_by: ctx.userId,
              set_at: new Date(),
              version: eb('version', '+', 1),
            }))
            .where('bestuur_id', '=', ctx.tenantId)
            .where('framework_id', '=', frameworkId)
            .where('requirement_id', '=', requirementId)
            .where('version', '=', input.version)
            .returning('version')
            .executeTakeFirst();
    if (!saved) throw conflict((await findOverride(tx, ctx.tenantId, frameworkId, requirementId)) ?? null);
    await recordAudit(tx, ctx, {
      action: input.version === 0 ? 'create' : 'update',
      objectType: 'requirement_override',
      objectId: `${frameworkId}:${requirementId}`,
      objectLabel: `${frameworkId} ${requirementId}`,
      ...diff(
        { result: current?.result ?? null, reason: current?.reason ?? null },
        { result: input.result, reason: input.reason },
      ),
      bestuurId: ctx.tenantId,
    });
  });
  const detail = await frameworkDetail(db, ctx, frameworkId, 'essential');
  return detail.requirements.find((r) => r.id === requirementId) as RequirementCompliance;
}

/** Removes an override: the derived result counts again. */
export async function removeOverride(
  db: Kysely<DB>,
  ctx: TenantCtx,
  frameworkId: string,
  requirementId: string,
  version: number,
) {
  await inScope(db, tenantScope(ctx), async (tx) => {
    const current = await findOverride(tx, ctx.tenantId, frameworkId, requirementId);
    if (!current) throw notFound();
    const gone = await tx
      .deleteFrom('bestuur_requirement_overrides')
      .where('bestuur_id', '=', ctx.tenantId)
      .where('framework_id', '=', frameworkId)
      .where('requirement_id', '=', requirementId)
      .where('version', '=', version)
      .returning('version')
      .executeTakeFirst();
    if (!gone) throw conflict(current);
    await recordAudit(tx, ctx, {
      action: 'delete',
      objectType: 'requirement_override',
      objectId: `${frameworkId}:${requirementId}`,
      objectLabel: `${frameworkId} ${requirementId}`,
      before: { result: current.result, reason: current.reason },
      bestuurId: ctx.tenantId,
    });
  });
}
