import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { startSession } from './auth.service.js';
import { setSessionCookie } from './auth.routes.js';
import { type OidcTransaction, finishOidc, safeReturnTo, startOidc } from './oidc.service.js';

const OIDC_COOKIE = 'baken_oidc';
const tags = ['auth'];

export async function oidcRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const cookieOptions = { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax' as const, secure: config.production };

  r.get(
    '/api/auth/oidc/start',
    {
      schema: {
        tags,
        summary: 'Start sign-in with OpenID Connect (authorization code with PKCE); redirects to the provider',
        security: [],
        querystring: z.object({ returnTo: z.string().max(500).optional() }),
      },
    },
    async (request, reply) => {
      const { url, tx } = await startOidc(config, request.query.returnTo);
      reply.setCookie(OIDC_COOKIE, Buffer.from(JSON.stringify(tx)).toString('base64url'), {
        ...cookieOptions,
        maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  );

  r.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        tags,
        summary: 'Where the provider sends the user back; starts the Baken session',
        security: [],
        querystring: z.record(z.string(), z.string()),
      },
    },
    async (request, reply) => {
      reply.clearCookie(OIDC_COOKIE, cookieOptions);
      try {
        const raw = request.cookies[OIDC_COOKIE];
        if (!raw) throw new AppError('OIDC_FAILED', { reason: 'no sign-in in progress' });
        let tx: OidcTransaction;
        try {
          tx = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
        } catch {
          throw new AppError('OIDC_FAILED', { reason: 'unreadable sign-in state' });
        }
        const callbackUrl = new URL(request.url, config.publicUrl);
        const user = await finishOidc(
          { db: app.deps.db.app, config, mailer: app.deps.mailer },
          callbackUrl,
          tx,
          request.id,
        );
        const session = await startSession({ db: app.deps.db.app, config, mailer: app.deps.mailer }, user.id, {
          requestId: request.id,
          userAgent: request.headers['user-agent'] ?? null,
          method: 'oidc',
        });
        setSessionCookie(app, reply, session);
        // The cookie is not signed: check the target again rather than trust what comes back.
        return reply.redirect(safeReturnTo(tx.returnTo), 302);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        request.log.warn({ code: err.code }, 'OpenID Connect sign-in refused');
        return reply.redirect(`/aanmelden?fout=${err.code}`, 302);
      }
    },
  );
}
