import { BestuurParams, Dashboard, ErrorBody } from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { forTenant } from '../../platform/request.js';
import { dashboard } from './dashboard.service.js';

export async function dashboardRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/besturen/:bestuurId/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'The bestuur at a glance: compliance, readiness for CyFun Basic and what blocks it, overdue measures, top risks, progress',
        params: BestuurParams,
        response: { 200: Dashboard, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => dashboard(app.deps.db.app, forTenant(request, request.params.bestuurId, 'isms.view')),
  );
}
