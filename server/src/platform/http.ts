import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { registerAuthentication } from './auth.js';
import { randomToken } from './crypto.js';
import { registerErrorHandler, sendError, languageOf, notFound } from './errors.js';
import type { Deps } from './types.js';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

// Request ids: unique per process and cheap (no random bytes per request); the prefix
// tells processes apart in shared logs.
const idPrefix = randomToken(4);
let idSeq = 0;
const nextRequestId = () => `${idPrefix}-${(++idSeq).toString(36)}`;

/** A hop count or a list of addresses; 0 means no proxy is trusted. */
function trustProxyOf(setting: number | string[]): FastifyServerOptions['trustProxy'] {
  if (Array.isArray(setting)) return setting;
  return setting === 0 ? false : (_address: string, hop: number) => hop < setting;
}

/** The bare Fastify instance with the house conventions; modules add their routes. */
export async function createHttp(deps: Deps, logger: Logger): Promise<FastifyInstance> {
  const options: FastifyServerOptions = {
    loggerInstance: logger as unknown as FastifyInstance['log'],
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : nextRequestId();
    },
    requestIdHeader: false,
    // Never trust X-Forwarded-For by default: it would let a client pick its own address
    // and step around the per-address sign-in limit.
    trustProxy: trustProxyOf(deps.config.TRUST_PROXY),
    bodyLimit: 1024 * 1024,
  };
  const app = Fastify(options) as unknown as FastifyInstance;
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Baken API',
        version: '0.1.0',
        description:
          'REST API of Baken. Sign in with POST /api/auth/login (session cookie; send X-CSRF-Token on changes) ' +
          'or use a personal API token: Authorization: Bearer bkn_... . Errors are { code, message, details }; ' +
          'the message follows Accept-Language (nl, en).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'baken_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerErrorHandler(app);
  registerAuthentication(app);
  return app;
}

/**
 * The web app loads only its own files; Mantine writes its theme into a <style> element,
 * hence inline styles. No framing (clickjacking), no foreign form targets.
 */
const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Serves the built web app, with index.html for every client-side route. */
export async function serveWeb(app: FastifyInstance, dist = WEB_DIST) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'web app not built: run npm run build -w web');
    return;
  }
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: false });
  const index = fs.readFileSync(path.join(dist, 'index.html'));
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    if (file.startsWith('api/')) return sendError(reply, languageOf(request), notFound());
    if (file && fs.existsSync(path.join(dist, file)) && !file.includes('..')) return reply.sendFile(file);
    return reply
      .type('text/html')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', WEB_CSP)
      .send(index);
  });
}
