import {
  AuthProviders,
  ErrorBody,
  LoginRequest,
  PasswordResetConfirm,
  PasswordResetRequest,
  SessionInfo,
} from '@baken/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, principalOfSession, requirePrincipal } from '../../platform/auth.js';
import { languageOf } from '../../platform/errors.js';
import * as auth from './auth.service.js';

const tags = ['auth'];

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, session: auth.NewSession) {
  reply.setCookie(SESSION_COOKIE, session.cookieValue, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.deps.config.production,
    expires: session.expiresAt,
  });
}

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = () => ({ db: app.deps.db.app, config: app.deps.config, mailer: app.deps.mailer });

  r.get(
    '/api/auth/providers',
    { schema: { tags, summary: 'Sign-in methods on offer', security: [], response: { 200: AuthProviders } } },
    async () => ({
      local: true as const,
      oidc: { enabled: app.deps.config.oidcEnabled, label: app.deps.config.OIDC_LABEL },
    }),
  );

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        security: [],
        body: LoginRequest,
        response: { 200: SessionInfo, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const session = await auth.login(deps(), request.body, {
        ip: request.ip,
        requestId: request.id,
        userAgent: request.headers['user-agent'] ?? null,
        lang: languageOf(request),
      });
      setSessionCookie(app, reply, session);
      const principal = await principalOfSession(app, session.cookieValue);
      if (!principal) throw new Error('a session just created must be readable');
      return auth.sessionInfo(principal);
    },
  );

  r.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'The current session, with the CSRF token',
        response: { 200: SessionInfo, 401: ErrorBody },
      },
    },
    async (request) => auth.sessionInfo(requirePrincipal(request)),
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.principal) await auth.logout(deps(), request.principal, request.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        tags,
        summary: 'Mail a link to set a new password (always 202)',
        security: [],
        body: PasswordResetRequest,
        response: { 202: z.object({ status: z.literal('accepted') }) },
      },
    },
    async (request, reply) => {
      await auth.requestPasswordReset(deps(), request.body.email);
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  r.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password with the mailed token; ends every session of the user',
        security: [],
        body: PasswordResetConfirm,
        response: { 204: z.null(), 400: ErrorBody },
      },
    },
    async (request, reply) => {
      await auth.confirmPasswordReset(deps(), request.body.token, request.body.password, request.id);
      return reply.status(204).send(null);
    },
  );
}
