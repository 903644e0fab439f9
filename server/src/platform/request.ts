import type { Permission } from '@baken/contracts';
import type { FastifyRequest } from 'fastify';
import { requirePrincipal } from './auth.js';
import { type Ctx, type TenantCtx, regionalCtx, tenantCtx, userCtx } from './context.js';
import { AppError, languageOf } from './errors.js';

/** Route helpers: turn a request into the context a service takes first. */
export const forUser = (request: FastifyRequest): Ctx =>
  userCtx(requirePrincipal(request), request.id, languageOf(request));

export const forTenant = (request: FastifyRequest, bestuurId: string, permission: Permission): TenantCtx =>
  tenantCtx(requirePrincipal(request), request.id, languageOf(request), bestuurId, permission);

export const forRegion = (request: FastifyRequest, permission: Permission): Ctx =>
  regionalCtx(requirePrincipal(request), request.id, languageOf(request), permission);

/** The account itself (profile, password, tokens) is changed by the person, never by a script's token. */
export function forAccount(request: FastifyRequest): Ctx {
  if (requirePrincipal(request).via === 'token') throw new AppError('FORBIDDEN');
  return forUser(request);
}
