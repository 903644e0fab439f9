import type { ApiToken, Me } from '@baken/contracts';
import type { Selectable } from 'kysely';
import type { ApiTokensTable, UsersTable } from '../../platform/db/schema.js';
import type { Tx } from '../../platform/tenancy.js';

export type UserRow = Selectable<UsersTable>;

export const toMe = (u: UserRow): Me => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  language: u.language as Me['language'],
  hasPassword: u.password_hash !== null,
  version: u.version,
});

export const findUserByEmail = (tx: Tx, email: string) =>
  tx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (tx: Tx, id: string) =>
  tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByOidcSubject = (tx: Tx, subject: string) =>
  tx.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();

export async function insertUser(
  tx: Tx,
  values: {
    email: string;
    displayName: string;
    language?: string;
    passwordHash?: string | null;
    regionalRoles?: string[];
  },
) {
  return tx
    .insertInto('users')
    .values({
      email: values.email,
      display_name: values.displayName,
      language: values.language ?? 'nl',
      password_hash: values.passwordHash ?? null,
      regional_roles: values.regionalRoles ?? [],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Optimistic update: returns undefined when the version no longer matches. */
export function updateUser(
  tx: Tx,
  id: string,
  version: number | null,
  set: Partial<{ display_name: string; language: string; password_hash: string; oidc_subject: string }>,
) {
  let q = tx
    .updateTable('users')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  return q.returningAll().executeTakeFirst();
}

export async function recordFailedLogin(tx: Tx, id: string, maxFailures: number, lockMinutes: number) {
  return tx
    .updateTable('users')
    .set((eb) => ({
      failed_logins: eb
        .case()
        .when('failed_logins', '>=', maxFailures - 1)
        .then(0)
        .else(eb('failed_logins', '+', 1))
        .end(),
      locked_until: eb
        .case()
        .when('failed_logins', '>=', maxFailures - 1)
        .then(new Date(Date.now() + lockMinutes * 60_000))
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', id)
    .returning(['locked_until', 'failed_logins'])
    .executeTakeFirstOrThrow();
}

export const recordSuccessfulLogin = (tx: Tx, id: string) =>
  tx
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_sign_in_at: new Date() })
    .where('id', '=', id)
    .execute();

export const insertSession = (
  tx: Tx,
  s: { id: string; userId: string; csrfToken: string; expiresAt: Date; userAgent: string | null },
) =>
  tx
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt, user_agent: s.userAgent })
    .execute();

export const deleteSession = (tx: Tx, id: string) => tx.deleteFrom('sessions').where('id', '=', id).execute();

export const deleteSessionsOfUser = (tx: Tx, userId: string) =>
  tx.deleteFrom('sessions').where('user_id', '=', userId).execute();

export const insertPasswordToken = (tx: Tx, t: { id: string; userId: string; purpose: string; expiresAt: Date }) =>
  tx
    .insertInto('password_tokens')
    .values({ id: t.id, user_id: t.userId, purpose: t.purpose, expires_at: t.expiresAt })
    .execute();

/** Marks a valid, unused token as used and returns its user; undefined when it cannot be used. */
export const consumePasswordToken = (tx: Tx, id: string) =>
  tx
    .updateTable('password_tokens')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['user_id', 'purpose'])
    .executeTakeFirst();

/** Once a password is set, links mailed earlier must not be able to set it again. */
export const retirePasswordTokensOfUser = (tx: Tx, userId: string) =>
  tx
    .updateTable('password_tokens')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();

// API tokens: rows are visible to their owner (app.user_id) under row-level security.

type TokenRow = Selectable<ApiTokensTable> & { bestuur_name: string };

export const toApiToken = (t: TokenRow): ApiToken => ({
  id: t.id,
  bestuurId: t.bestuur_id,
  bestuurName: t.bestuur_name,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.created_at.toISOString(),
  expiresAt: t.expires_at?.toISOString() ?? null,
  lastUsedAt: t.last_used_at?.toISOString() ?? null,
  revokedAt: t.revoked_at?.toISOString() ?? null,
});

const tokenQuery = (tx: Tx) =>
  tx
    .selectFrom('api_tokens as t')
    .innerJoin('besturen as b', 'b.id', 't.bestuur_id')
    .selectAll('t')
    .select('b.name as bestuur_name');

export const listTokensOfUser = (tx: Tx, userId: string) =>
  tokenQuery(tx).where('t.user_id', '=', userId).orderBy('t.created_at', 'desc').execute();

export const findTokenOfUser = (tx: Tx, userId: string, id: string) =>
  tokenQuery(tx).where('t.user_id', '=', userId).where('t.id', '=', id).executeTakeFirst();

export const insertToken = (
  tx: Tx,
  t: { bestuurId: string; userId: string; name: string; prefix: string; hash: string; expiresAt: Date | null },
) =>
  tx
    .insertInto('api_tokens')
    .values({
      bestuur_id: t.bestuurId,
      user_id: t.userId,
      name: t.name,
      prefix: t.prefix,
      token_hash: t.hash,
      expires_at: t.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const revokeToken = (tx: Tx, userId: string, id: string) =>
  tx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
