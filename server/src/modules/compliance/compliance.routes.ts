import {
  BestuurParams,
  ComplianceOverview,
  ComplianceParams,
  ComplianceQuery,
  ErrorBody,
  FrameworkComplianceDetail,
  OverrideDeleteQuery,
  OverrideParams,
  OverrideUpdate,
  RequirementCompliance,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forTenant } from '../../platform/request.js';
import * as service from './compliance.service.js';

const tags = ['compliance'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export async function complianceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;

  r.get(
    '/api/besturen/:bestuurId/compliance',
    {
      schema: {
        tags,
        summary:
          'Compliance with every framework, derived from the measures (CyFun at the given level, Basic by default)',
        params: BestuurParams,
        querystring: ComplianceQuery,
        response: { 200: ComplianceOverview, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => ({
      items: await service.overview(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.view'),
        request.query.level,
      ),
    }),
  );

  r.get(
    '/api/besturen/:bestuurId/compliance/:frameworkId',
    {
      schema: {
        tags,
        summary: 'Every requirement of a framework with its result, why, the measures behind it and any override',
        params: ComplianceParams,
        querystring: ComplianceQuery,
        response: { 200: FrameworkComplianceDetail, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      service.frameworkDetail(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.view'),
        request.params.frameworkId,
        request.query.level,
      ),
  );

  r.put(
    '/api/besturen/:bestuurId/compliance/:frameworkId/overrides/:requirementId',
    {
      schema: {
        tags,
        summary: 'Set the result of a requirement by hand, with the reason (version 0 for a first override)',
        params: OverrideParams,
        body: OverrideUpdate,
        response: { 200: RequirementCompliance, ...errors },
      },
    },
    async (request) =>
      service.setOverride(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.frameworkId,
        request.params.requirementId,
        request.body,
      ),
  );

  r.delete(
    '/api/besturen/:bestuurId/compliance/:frameworkId/overrides/:requirementId',
    {
      schema: {
        tags,
        summary: 'Remove an override: the derived result counts again',
        params: OverrideParams,
        querystring: OverrideDeleteQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.removeOverride(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.frameworkId,
        request.params.requirementId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );
}
