import { randomUUID } from 'node:crypto';
import {
  type Bestuur,
  type BestuurCreate,
  type BestuurListQuery,
  type BestuurUpdate,
  kindsWithNisCode,
} from '@baken/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { diff, recordAudit } from '../../platform/audit.js';
import { type Ctx, type Principal, tenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { inScope } from '../../platform/tenancy.js';
import * as repo from './besturen.repository.js';

function checkNisCode(kind: string, nisCode: string | null | undefined) {
  if (nisCode && !kindsWithNisCode.includes(kind as never)) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: ['nisCode'], code: 'custom', message: 'nis_code_not_applicable' }],
    });
  }
}

function mapUnique(err: unknown): never {
  const which = repo.uniqueViolation(err);
  if (which === 'kbo') throw new AppError('KBO_TAKEN');
  if (which === 'nis') throw new AppError('NIS_CODE_TAKEN');
  throw err;
}

/** Regional roles see every bestuur; everyone else the besturen they are a member of. */
export async function listBesturen(
  db: Kysely<DB>,
  ctx: Ctx,
  principal: Principal,
  query: z.infer<typeof BestuurListQuery>,
) {
  const all = ctx.permissions.has('region.besturen.view') && !principal.tokenBestuurId;
  const ids = all ? undefined : principal.memberships.map((m) => m.bestuurId);
  const { rows, total } = await repo.list(db, {
    q: query.q,
    kind: query.kind,
    ids,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(repo.toBestuur), total, page: query.page, pageSize: query.pageSize };
}

export function canSee(ctx: Ctx, principal: Principal, id: string) {
  if (principal.tokenBestuurId)
    return principal.tokenBestuurId === id && principal.memberships.some((m) => m.bestuurId === id);
  return ctx.permissions.has('region.besturen.view') || principal.memberships.some((m) => m.bestuurId === id);
}

export async function getBestuur(db: Kysely<DB>, ctx: Ctx, principal: Principal, id: string): Promise<Bestuur> {
  if (!canSee(ctx, principal, id)) throw notFound();
  const row = await repo.find(db, id);
  if (!row) throw notFound();
  return repo.toBestuur(row);
}

export async function createBestuur(db: Kysely<DB>, ctx: Ctx, input: BestuurCreate): Promise<Bestuur> {
  checkNisCode(input.kind, input.nisCode);
  const id = randomUUID();
  return inScope(db, { tenantId: id, userId: ctx.userId }, async (tx) => {
    const row = await repo.insert(tx, id, input).catch(mapUnique);
    const created = repo.toBestuur(row);
    await recordAudit(tx, ctx, {
      action: 'create',
      objectType: 'bestuur',
      objectId: id,
      objectLabel: created.name,
      after: { ...created, createdAt: undefined, updatedAt: undefined, version: undefined },
      bestuurId: id,
    });
    return created;
  });
}

/**
 * The platform admin may change everything; a member with bestuur.edit the details of
 * their own bestuur, but not whether it is active.
 */
export async function updateBestuur(
  db: Kysely<DB>,
  ctx: Ctx,
  principal: Principal,
  id: string,
  input: BestuurUpdate,
): Promise<Bestuur> {
  const platformAdmin = ctx.permissions.has('platform.besturen.manage') && !principal.tokenBestuurId;
  if (!platformAdmin) {
    tenantCtx(principal, ctx.requestId, ctx.lang, id, 'bestuur.edit');
    if (input.active !== undefined) throw new AppError('FORBIDDEN');
  }
  return inScope(db, { tenantId: id, userId: ctx.userId }, async (tx) => {
    const current = await repo.find(tx, id);
    if (!current) throw notFound();
    checkNisCode(input.kind ?? current.kind, input.nisCode === undefined ? current.nis_code : input.nisCode);
    const row = await repo.update(tx, id, input).catch(mapUnique);
    if (!row) throw conflict(repo.toBestuur(current));
    const after = repo.toBestuur(row);
    await recordAudit(tx, ctx, {
      action: 'update',
      objectType: 'bestuur',
      objectId: id,
      objectLabel: after.name,
      ...diff(repo.toBestuur(current), after),
      bestuurId: id,
    });
    return after;
  });
}
