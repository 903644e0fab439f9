import {
  type BestuurKind,
  type BestuurRole,
  type Lang,
  type Permission,
  type RegionalRole,
  permissionsOf,
} from '@baken/contracts';
import { AppError, notFound } from './errors.js';

export interface PrincipalMembership {
  bestuurId: string;
  bestuurName: string;
  bestuurKind: BestuurKind;
  role: BestuurRole;
}

/** Who is calling, as established by the session cookie or the API token. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  language: Lang;
  regionalRoles: RegionalRole[];
  memberships: PrincipalMembership[];
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  /** An API token works for its own bestuur only. */
  tokenBestuurId?: string;
}

/** What every service function gets first. */
export interface Ctx {
  requestId: string;
  userId: string;
  actorName: string;
  lang: Lang;
  permissions: Set<Permission>;
  regionalRoles: RegionalRole[];
}

export interface TenantCtx extends Ctx {
  tenantId: string;
}

export function userCtx(principal: Principal, requestId: string, lang: Lang): Ctx {
  return {
    requestId,
    userId: principal.userId,
    actorName: principal.displayName,
    lang,
    permissions: permissionsOf(principal.regionalRoles),
    regionalRoles: principal.regionalRoles,
  };
}

/**
 * The one access check for bestuur data. A bestuur the caller is not an active member of
 * is answered as missing, so an outsider cannot even learn that it exists.
 */
export function tenantCtx(
  principal: Principal,
  requestId: string,
  lang: Lang,
  bestuurId: string,
  permission: Permission,
): TenantCtx {
  if (principal.tokenBestuurId && principal.tokenBestuurId !== bestuurId) throw notFound();
  const membership = principal.memberships.find((m) => m.bestuurId === bestuurId);
  if (!membership) throw notFound();
  const permissions = permissionsOf([membership.role]);
  if (!permissions.has(permission)) throw new AppError('FORBIDDEN');
  return { ...userCtx(principal, requestId, lang), permissions, tenantId: bestuurId };
}

/** The check for regional and platform functions. */
export function regionalCtx(principal: Principal, requestId: string, lang: Lang, permission: Permission): Ctx {
  const ctx = userCtx(principal, requestId, lang);
  if (principal.tokenBestuurId || !ctx.permissions.has(permission)) throw new AppError('FORBIDDEN');
  return ctx;
}
