import {
  Bestuur,
  BestuurCreate,
  BestuurListQuery,
  BestuurParams,
  BestuurUpdate,
  ErrorBody,
  pageOf,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../platform/auth.js';
import { forRegion, forUser } from '../../platform/request.js';
import * as service from './besturen.service.js';

const tags = ['besturen'];

export async function besturenRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;

  r.get(
    '/api/besturen',
    {
      schema: {
        tags,
        summary: 'Besturen you can see: your own, or all of them for regional roles',
        querystring: BestuurListQuery,
        response: { 200: pageOf(Bestuur), 401: ErrorBody },
      },
    },
    async (request) => service.listBesturen(db(), forUser(request), requirePrincipal(request), request.query),
  );

  r.post(
    '/api/besturen',
    {
      schema: {
        tags,
        summary: 'Add a bestuur (platform admin)',
        body: BestuurCreate,
        response: { 201: Bestuur, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const created = await service.createBestuur(db(), forRegion(request, 'platform.besturen.manage'), request.body);
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api/besturen/:bestuurId',
    { schema: { tags, summary: 'One bestuur', params: BestuurParams, response: { 200: Bestuur, 404: ErrorBody } } },
    async (request) => service.getBestuur(db(), forUser(request), requirePrincipal(request), request.params.bestuurId),
  );

  r.patch(
    '/api/besturen/:bestuurId',
    {
      schema: {
        tags,
        summary: 'Change the details of a bestuur (platform admin, or a member with bestuur.edit)',
        params: BestuurParams,
        body: BestuurUpdate,
        response: { 200: Bestuur, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) =>
      service.updateBestuur(db(), forUser(request), requirePrincipal(request), request.params.bestuurId, request.body),
  );
}
