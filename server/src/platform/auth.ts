import type { Lang, RegionalRole } from '@baken/contracts';
import { sql } from 'kysely';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal, PrincipalMembership } from './context.js';
import { safeEqual, sha256 } from './crypto.js';
import { AppError } from './errors.js';
import { PrincipalCache } from './principal-cache.js';

export const SESSION_COOKIE = 'baken_session';
export const TOKEN_PREFIX = 'bkn_';

interface PrincipalRow {
  user_id: string;
  email: string;
  display_name: string;
  language: Lang;
  regional_roles: RegionalRole[];
  csrf_token: string | null;
  token_bestuur_id: string | null;
  memberships: PrincipalMembership[];
}

function toPrincipal(row: PrincipalRow, via: Principal['via'], sessionId?: string): Principal {
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    language: row.language,
    regionalRoles: row.regional_roles,
    memberships: typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships,
    via,
    sessionId,
    csrfToken: row.csrf_token ?? undefined,
    tokenBestuurId: row.token_bestuur_id ?? undefined,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Establishes `request.principal` from the session cookie or a bearer API token, in one
 * round trip, and checks the CSRF token on cookie-authenticated changes.
 */
export function registerAuthentication(app: FastifyInstance) {
  const cache = new PrincipalCache(app.deps.config.AUTH_CACHE_SECONDS * 1000);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      if (!bearer.startsWith(TOKEN_PREFIX)) throw new AppError('UNAUTHENTICATED');
      const key = `t:${sha256(bearer)}`;
      let principal = cache.get(key);
      if (!principal) {
        const ticket = cache.ticket();
        const { rows } = await sql<PrincipalRow>`SELECT * FROM auth_api_token(${key.slice(2)})`.execute(
          app.deps.db.app,
        );
        if (!rows[0]) throw new AppError('UNAUTHENTICATED');
        principal = toPrincipal(rows[0], 'token');
        cache.set(key, principal, ticket);
      }
      request.principal = principal;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const key = `s:${sha256(cookie)}`;
    let principal = cache.get(key) ?? null;
    if (!principal) {
      const ticket = cache.ticket();
      principal = await principalOfSession(app, cookie);
      if (!principal) return;
      cache.set(key, principal, ticket);
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
        throw new AppError('CSRF_INVALID');
      }
    }
    request.principal = principal;
  });
  // Any change that went through may alter who someone is or may do (a role, a membership,
  // a sign-out): forget every remembered principal rather than track which one it touched.
  app.addHook('onResponse', async (request, reply) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400) cache.clear();
  });
}

/** The principal behind a session cookie value, or null when the session is unknown or timed out. */
export async function principalOfSession(app: FastifyInstance, cookieValue: string): Promise<Principal | null> {
  const sessionId = sha256(cookieValue);
  const { rows } =
    await sql<PrincipalRow>`SELECT * FROM auth_session(${sessionId}, ${app.deps.config.SESSION_IDLE_MINUTES})`.execute(
      app.deps.db.app,
    );
  return rows[0] ? toPrincipal(rows[0], 'session', sessionId) : null;
}

/** The signed-in caller, or a 401. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}
