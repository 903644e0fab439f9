import {
  ErrorBody,
  FrameworkSummary,
  MeasureDetail,
  MeasureListQuery,
  MeasureParams,
  MeasureSummary,
  SecurityDomain,
  pageOf,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forUser } from '../../platform/request.js';
import * as service from './catalog.service.js';

const tags = ['catalog'];

/** The catalogue is global: every signed-in user reads it, whatever bestuur or role. */
export async function catalogRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;

  r.get(
    '/api/catalog/security-domains',
    {
      schema: {
        tags,
        summary: 'The security domains that group the measures',
        response: { 200: z.object({ items: z.array(SecurityDomain) }), 401: ErrorBody },
      },
    },
    async (request) => ({ items: await service.listSecurityDomains(db(), forUser(request)) }),
  );

  r.get(
    '/api/catalog/frameworks',
    {
      schema: {
        tags,
        summary: 'The frameworks of the catalogue, with their number of assessable requirements',
        response: { 200: z.object({ items: z.array(FrameworkSummary) }), 401: ErrorBody },
      },
    },
    async (request) => ({ items: await service.listFrameworks(db(), forUser(request)) }),
  );

  r.get(
    '/api/catalog/measures',
    {
      schema: {
        tags,
        summary: 'Measures, searched by code or title and filtered by security domain or framework served',
        querystring: MeasureListQuery,
        response: { 200: pageOf(MeasureSummary), 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request) => service.listMeasures(db(), forUser(request), request.query),
  );

  r.get(
    '/api/catalog/measures/:code',
    {
      schema: {
        tags,
        summary: 'A measure with its guidance and the framework requirements it serves',
        params: MeasureParams,
        response: { 200: MeasureDetail, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => service.getMeasure(db(), forUser(request), request.params.code),
  );
}
