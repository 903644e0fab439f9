import type { Lang, RegionalRole } from '@baken/contracts';
import { sql } from 'kysely';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal, PrincipalMembership } from './context.js';
import { safeEqual, sha256 } from './crypto.js';
import { AppError } from './errors.js';

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
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const { db } = app.deps;
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      if (!bearer.startsWith(TOKEN_PREFIX)) throw new AppError('UNAUTHENTICATED');
      const { rows } = await sql<PrincipalRow>`SELECT * FROM auth_api_token(${sha256(bearer)})`.execute(db.app);
      if (!rows[0]) throw new AppError('UNAUTHENTICATED');
      request.principal = toPrincipal(rows[0], 'token');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const principal = await principalOfSession(app, cookie);
    if (!principal) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
        throw new AppError('CSRF_INVALID');
      }
    }
    request.principal = principal;
  });
}

/** The principal behind a session cookie value, or null when the session is unknown or timed out. */
export async function principalOfSession(app: FastifyInstance, cookieValue: string): Promise<Principal | null> {
  const sessionId = sha256(cookieValue);
  const { rows } = await sql<PrincipalRow>`SELECT * FROM auth_session(${sessionId}, ${app.deps.config.SESSION_IDLE_MINUTES})`.execute(
    app.deps.db.app,
  );
  return rows[0] ? toPrincipal(rows[0], 'session', sessionId) : null;
}

/** The signed-in caller, or a 401. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}
