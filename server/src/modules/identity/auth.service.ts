import { type Lang, type SessionInfo, permissionsOf } from '@baken/contracts';
import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config.js';
import type { Principal } from '../../platform/context.js';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../platform/crypto.js';
import type { DB } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail.js';
import { RateLimiter } from '../../platform/rate-limit.js';
import { recordAudit } from '../../platform/audit.js';
import { inScope } from '../../platform/tenancy.js';
import * as repo from './identity.repository.js';
import { passwordMail } from './mails.js';

export interface AuthDeps {
  db: Kysely<DB>;
  config: Config;
  mailer: Mailer;
}

export interface NewSession {
  cookieValue: string;
  expiresAt: Date;
}

const limiters = new WeakMap<Config, RateLimiter>();
function limiter(config: Config) {
  let l = limiters.get(config);
  if (!l) {
    l = new RateLimiter(config.LOGIN_RATE_PER_MINUTE, 60_000);
    limiters.set(config, l);
  }
  return l;
}

function formatUntil(date: Date, lang: Lang) {
  return date.toLocaleTimeString(lang === 'nl' ? 'nl-BE' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  });
}

/** Starts a session for a user who has proven who they are (password or OpenID Connect). */
export async function startSession(
  deps: AuthDeps,
  userId: string,
  meta: { requestId: string; userAgent: string | null; method: 'password' | 'oidc' },
): Promise<NewSession> {
  const cookieValue = randomToken(32);
  const expiresAt = new Date(Date.now() + deps.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
  await inScope(deps.db, { userId }, async (tx) => {
    const user = await repo.findUserById(tx, userId);
    await repo.recordSuccessfulLogin(tx, userId);
    await repo.insertSession(tx, {
      id: sha256(cookieValue),
      userId,
      csrfToken: randomToken(24),
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      tx,
      { userId, actorName: user?.display_name ?? null, requestId: meta.requestId },
      {
        action: 'sign_in',
        objectType: 'user',
        objectId: userId,
        objectLabel: user?.display_name,
        after: { method: meta.method },
        bestuurId: null,
      },
    );
  });
  return { cookieValue, expiresAt };
}

/** Checks e-mail and password, with a rate limit per address and client and a lock-out per account. */
export async function login(
  deps: AuthDeps,
  input: { email: string; password: string },
  meta: { ip: string; requestId: string; userAgent: string | null; lang: Lang },
): Promise<NewSession> {
  const wait = Math.max(limiter(deps.config).hit(`ip:${meta.ip}`), limiter(deps.config).hit(`email:${input.email}`));
  if (wait > 0) throw new AppError('RATE_LIMITED', { retryAfterSeconds: wait }, {}, { 'retry-after': String(wait) });

  const user = await repo.findUserByEmail(deps.db, input.email);
  if (user?.locked_until && user.locked_until > new Date()) {
    throw new AppError(
      'ACCOUNT_LOCKED',
      { lockedUntil: user.locked_until.toISOString() },
      {
        until: formatUntil(user.locked_until, meta.lang),
      },
    );
  }
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok) {
    if (user) {
      const r = await repo.recordFailedLogin(
        deps.db,
        user.id,
        deps.config.LOGIN_MAX_FAILURES,
        deps.config.LOGIN_LOCK_MINUTES,
      );
      if (r.locked_until && r.locked_until > new Date()) {
        throw new AppError(
          'ACCOUNT_LOCKED',
          { lockedUntil: r.locked_until.toISOString() },
          {
            until: formatUntil(r.locked_until, meta.lang),
          },
        );
      }
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!user.active) throw new AppError('ACCOUNT_INACTIVE');
  return startSession(deps, user.id, { ...meta, method: 'password' });
}

export async function logout(deps: AuthDeps, principal: Principal, requestId: string) {
  if (!principal.sessionId) return;
  await inScope(deps.db, { userId: principal.userId }, async (tx) => {
    await repo.deleteSession(tx, principal.sessionId as string);
    await recordAudit(
      tx,
      { userId: principal.userId, actorName: principal.displayName, requestId },
      {
        action: 'sign_out',
        objectType: 'user',
        objectId: principal.userId,
        objectLabel: principal.displayName,
        bestuurId: null,
      },
    );
  });
}

export function sessionInfo(principal: Principal): SessionInfo {
  return {
    user: {
      id: principal.userId,
      email: principal.email,
      displayName: principal.displayName,
      language: principal.language,
      regionalRoles: principal.regionalRoles,
      regionalPermissions: [...permissionsOf(principal.regionalRoles)],
    },
    memberships: principal.memberships.map((m) => ({ ...m, permissions: [...permissionsOf([m.role])] })),
    csrfToken: principal.csrfToken ?? '',
  };
}

const RESET_VALID_MS = 60 * 60_000;
export const INVITE_VALID_MS = 7 * 24 * 60 * 60_000;

/** Creates a one-time link to set a password and returns it (the caller mails it). */
export async function createPasswordLink(
  deps: Pick<AuthDeps, 'config'>,
  tx: Parameters<typeof repo.insertPasswordToken>[0],
  userId: string,
  purpose: 'reset' | 'invite',
): Promise<string> {
  const token = randomToken(32);
  await repo.insertPasswordToken(tx, {
    id: sha256(token),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + (purpose === 'reset' ? RESET_VALID_MS : INVITE_VALID_MS)),
  });
  return `${deps.config.publicUrl}/wachtwoord-herstellen?token=${encodeURIComponent(token)}`;
}

/** Always succeeds, so the answer does not tell whether an account exists. */
export async function requestPasswordReset(deps: AuthDeps, email: string) {
  const limited = limiter(deps.config).hit(`reset:${email}`) > 0;
  if (limited) return;
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user?.active) return;
  const link = await inScope(deps.db, { userId: user.id }, (tx) => createPasswordLink(deps, tx, user.id, 'reset'));
  await deps.mailer.send(passwordMail('reset', user.language as Lang, user.email, link));
}

export async function confirmPasswordReset(deps: AuthDeps, token: string, password: string, requestId: string) {
  const passwordHash = await hashPassword(password);
  await inScope(deps.db, {}, async (tx) => {
    const used = await repo.consumePasswordToken(tx, sha256(token));
    if (!used) throw new AppError('RESET_TOKEN_INVALID');
    const user = await repo.updateUser(tx, used.user_id, null, { password_hash: passwordHash });
    if (!user) throw new AppError('RESET_TOKEN_INVALID');
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await repo.deleteSessionsOfUser(tx, user.id);
    await repo.retirePasswordTokensOfUser(tx, user.id);
    await recordAudit(
      tx,
      { userId: user.id, actorName: user.display_name, requestId },
      {
        action: 'update',
        objectType: 'user',
        objectId: user.id,
        objectLabel: user.display_name,
        after: { password: used.purpose === 'invite' ? 'set' : 'reset' },
        bestuurId: null,
      },
    );
  });
}
