import type { ApiToken, ApiTokenCreate, Me, MeUpdate, PasswordChange } from '@baken/contracts';
import type { z } from 'zod';
import type { Kysely } from 'kysely';
import { diff, recordAudit } from '../../platform/audit.js';
import { type Ctx, type Principal, tenantCtx } from '../../platform/context.js';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../platform/crypto.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { TOKEN_PREFIX } from '../../platform/auth.js';
import { inScope } from '../../platform/tenancy.js';
import * as repo from './identity.repository.js';

export async function getMe(db: Kysely<DB>, ctx: Ctx): Promise<Me> {
  const user = await repo.findUserById(db, ctx.userId);
  if (!user) throw notFound();
  return repo.toMe(user);
}

export async function updateMe(db: Kysely<DB>, ctx: Ctx, input: z.infer<typeof MeUpdate>): Promise<Me> {
  return inScope(db, { userId: ctx.userId }, async (tx) => {
    const current = await repo.findUserById(tx, ctx.userId);
    if (!current) throw notFound();
    const updated = await repo.updateUser(tx, ctx.userId, input.version, {
      ...(input.displayName !== undefined && { display_name: input.displayName }),
      ...(input.language !== undefined && { language: input.language }),
    });
    if (!updated) throw conflict(repo.toMe(current));
    const change = diff(repo.toMe(current), repo.toMe(updated));
    await recordAudit(tx, ctx, {
      action: 'update',
      objectType: 'user',
      objectId: ctx.userId,
      objectLabel: updated.display_name,
      ...change,
      bestuurId: null,
    });
    return repo.toMe(updated);
  });
}

export async function changePassword(
  db: Kysely<DB>,
  ctx: Ctx,
  principal: Principal,
  input: z.infer<typeof PasswordChange>,
) {
  const user = await repo.findUserById(db, ctx.userId);
  if (!user) throw notFound();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw new AppError('PASSWORD_INCORRECT');
  const hash = await hashPassword(input.newPassword);
  await inScope(db, { userId: ctx.userId }, async (tx) => {
    await repo.updateUser(tx, ctx.userId, null, { password_hash: hash });
    // Other sessions end; the one in use stays.
    await tx
      .deleteFrom('sessions')
      .where('user_id', '=', ctx.userId)
      .where('id', '!=', principal.sessionId ?? '')
      .execute();
    await repo.retirePasswordTokensOfUser(tx, ctx.userId);
    await recordAudit(tx, ctx, {
      action: 'update',
      objectType: 'user',
      objectId: ctx.userId,
      objectLabel: user.display_name,
      after: { password: 'changed' },
      bestuurId: null,
    });
  });
}

export async function listTokens(db: Kysely<DB>, ctx: Ctx): Promise<ApiToken[]> {
  const rows = await inScope(db, { userId: ctx.userId }, (tx) => repo.listTokensOfUser(tx, ctx.userId));
  return rows.map(repo.toApiToken);
}

/** The secret is returned here once; only its hash is kept. */
export async function createToken(
  db: Kysely<DB>,
  principal: Principal,
  ctx: Ctx,
  input: z.infer<typeof ApiTokenCreate>,
): Promise<ApiToken & { token: string }> {
  const tctx = tenantCtx(principal, ctx.requestId, ctx.lang, input.bestuurId, 'apiTokens.create');
  const secret = `${TOKEN_PREFIX}${randomToken(30)}`;
  return inScope(db, { tenantId: tctx.tenantId, userId: ctx.userId }, async (tx) => {
    const { id } = await repo.insertToken(tx, {
      bestuurId: tctx.tenantId,
      userId: ctx.userId,
      name: input.name,
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      hash: sha256(secret),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    });
    const row = await repo.findTokenOfUser(tx, ctx.userId, id);
    if (!row) throw new Error('token just created must be readable');
    const token = repo.toApiToken(row);
    await recordAudit(tx, ctx, {
      action: 'create',
      objectType: 'api_token',
      objectId: id,
      objectLabel: input.name,
      after: { name: token.name, prefix: token.prefix, expiresAt: token.expiresAt, userId: ctx.userId },
      bestuurId: tctx.tenantId,
    });
    return { ...token, token: secret };
  });
}

export async function revokeToken(db: Kysely<DB>, ctx: Ctx, id: string) {
  const found = await inScope(db, { userId: ctx.userId }, (tx) => repo.findTokenOfUser(tx, ctx.userId, id));
  if (!found) throw notFound();
  // Revocation and its audit event are written in the scope of the token's bestuur.
  await inScope(db, { tenantId: found.bestuur_id, userId: ctx.userId }, async (tx) => {
    const result = await repo.revokeToken(tx, ctx.userId, id);
    if (Number(result[0]?.numUpdatedRows ?? 0) === 0) return;
    await recordAudit(tx, ctx, {
      action: 'revoke',
      objectType: 'api_token',
      objectId: id,
      objectLabel: found.name,
      before: { revokedAt: null },
      after: { revokedAt: new Date().toISOString() },
      bestuurId: found.bestuur_id,
    });
  });
}
