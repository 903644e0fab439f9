import {
  BestuurParams,
  ErrorBody,
  HeatMap,
  NewRisk,
  Risk,
  RiskDeleteQuery,
  RiskList,
  RiskMatrixState,
  RiskMatrixUpdate,
  RiskParams,
  RiskProposalList,
  RiskUpdate,
  ThreatList,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forTenant, forUser } from '../../platform/request.js';
import * as matrix from './matrix.service.js';
import * as service from './risks.service.js';

const tags = ['risks'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export async function risksRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;
  const base = '/api/besturen/:bestuurId';

  r.get(
    '/api/catalog/threats',
    {
      schema: { tags, summary: 'The threat catalogue the risk register starts from', response: { 200: ThreatList } },
    },
    async (request) => {
      forUser(request);
      return { items: service.threatCatalogue() };
    },
  );

  r.get(
    `${base}/risk-matrix`,
    {
      schema: {
        tags,
        summary: "The bestuur's risk matrix (4 by 4 by default, version 0 until it is set)",
        params: BestuurParams,
        response: { 200: RiskMatrixState, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => matrix.getMatrix(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
  );

  r.put(
    `${base}/risk-matrix`,
    {
      schema: {
        tags,
        summary: 'Set the risk matrix: 3 to 5 steps, labels, levels with colours, the level of each cell',
        params: BestuurParams,
        body: RiskMatrixUpdate,
        response: { 200: RiskMatrixState, ...errors },
      },
    },
    async (request) => matrix.setMatrix(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
  );

  r.get(
    `${base}/risks`,
    {
      schema: {
        tags,
        summary: 'The risk register with inherent and residual levels',
        params: BestuurParams,
        response: { 200: RiskList, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => ({
      items: await service.listRisks(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.get(
    `${base}/risks/heatmap`,
    {
      schema: {
        tags,
        summary: 'How many risks sit in each cell of the matrix, inherent beside residual',
        params: BestuurParams,
        response: { 200: HeatMap, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => matrix.heatMap(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
  );

  r.get(
    `${base}/risks/proposals`,
    {
      schema: {
        tags,
        summary: 'Typical risks of the adopted processes not in the register yet, with an impact from the classes',
        params: BestuurParams,
        response: { 200: RiskProposalList, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => ({
      items: await service.proposals(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.post(
    `${base}/risks`,
    {
      schema: {
        tags,
        summary: 'Register a risk',
        params: BestuurParams,
        body: NewRisk,
        response: { 201: Risk, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createRisk(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body)),
  );

  r.get(
    `${base}/risks/:riskId`,
    {
      schema: {
        tags,
        summary: 'One risk',
        params: RiskParams,
        response: { 200: Risk, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      service.getRisk(db(), forTenant(request, request.params.bestuurId, 'isms.view'), request.params.riskId),
  );

  r.patch(
    `${base}/risks/:riskId`,
    {
      schema: {
        tags,
        summary: 'Change a risk: levels, treatment, measures, owner; formal acceptance needs risks.accept',
        params: RiskParams,
        body: RiskUpdate,
        response: { 200: Risk, ...errors },
      },
    },
    async (request) =>
      service.updateRisk(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.riskId,
        request.body,
      ),
  );

  r.delete(
    `${base}/risks/:riskId`,
    {
      schema: {
        tags,
        summary: 'Delete a risk',
        params: RiskParams,
        querystring: RiskDeleteQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteRisk(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.riskId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );
}
