import {
  ApiToken,
  ApiTokenCreate,
  ApiTokenCreated,
  ErrorBody,
  IdParams,
  Me,
  MeUpdate,
  PasswordChange,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../platform/auth.js';
import { forAccount, forUser } from '../../platform/request.js';
import * as me from './me.service.js';

const tags = ['me'];

export async function meRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;

  r.get(
    '/api/me',
    { schema: { tags, summary: 'Your profile', response: { 200: Me, 401: ErrorBody } } },
    async (request) => me.getMe(db(), forUser(request)),
  );

  r.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Change your name or language (not with an API token)',
        body: MeUpdate,
        response: { 200: Me, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => me.updateMe(db(), forAccount(request), request.body),
  );

  r.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password; your other sessions end',
        body: PasswordChange,
        response: { 204: z.null(), 400: ErrorBody },
      },
    },
    async (request, reply) => {
      await me.changePassword(db(), forAccount(request), requirePrincipal(request), request.body);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/me/tokens',
    {
      schema: { tags, summary: 'Your personal API tokens', response: { 200: z.object({ items: z.array(ApiToken) }) } },
    },
    async (request) => ({ items: await me.listTokens(db(), forAccount(request)) }),
  );

  r.post(
    '/api/me/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token for one of your besturen; the secret is shown once',
        body: ApiTokenCreate,
        response: { 201: ApiTokenCreated, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const created = await me.createToken(db(), requirePrincipal(request), forAccount(request), request.body);
      return reply.status(201).send(created);
    },
  );

  r.delete(
    '/api/me/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: IdParams,
        response: { 204: z.null(), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      await me.revokeToken(db(), forAccount(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
