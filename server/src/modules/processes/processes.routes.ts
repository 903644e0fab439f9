import {
  AdoptRequest,
  AdoptResult,
  AssetClassificationUpdate,
  AssetParams,
  BestuurAsset,
  BestuurParams,
  BestuurProcessList,
  ErrorBody,
  NewOwnAsset,
  NewOwnProcess,
  ProcessParams,
  ProcessUpdate,
  BestuurProcess,
  VersionQuery,
  RequiredMeasure,
  RequiredMeasureList,
  RequiredMeasureParams,
} from '@baken/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { forTenant } from '../../platform/request.js';
import * as service from './processes.service.js';

const tags = ['processes'];

export async function processesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;

  r.post(
    '/api/besturen/:bestuurId/processes/adopt',
    {
      schema: {
        tags,
        summary: 'Adopt the generic process list, all of it or the chosen domains; adds only what is missing',
        params: BestuurParams,
        body: AdoptRequest,
        response: { 200: AdoptResult, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => service.adopt(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
  );

  r.get(
    '/api/besturen/:bestuurId/processes',
    {
      schema: {
        tags,
        summary: 'The processes of the bestuur with their information assets and classes',
        params: BestuurParams,
        response: { 200: BestuurProcessList, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => ({
      items: await service.listProcesses(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.patch(
    '/api/besturen/:bestuurId/assets/:assetId',
    {
      schema: {
        tags,
        summary: 'Classify an information asset; a class other than the default needs a reason',
        params: AssetParams,
        body: AssetClassificationUpdate,
        response: { 200: BestuurAsset, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) =>
      service.classifyAsset(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.assetId,
        request.body,
      ),
  );

  r.get(
    '/api/besturen/:bestuurId/required-measures',
    {
      schema: {
        tags,
        summary: 'The minimum measures that follow from the classification, each with its reasons',
        params: BestuurParams,
        response: { 200: RequiredMeasureList, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => ({
      items: await service.listRequiredMeasures(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.get(
    '/api/besturen/:bestuurId/required-measures/:code',
    {
      schema: {
        tags,
        summary: 'One required measure with every asset and class that requires it',
        params: RequiredMeasureParams,
        response: { 200: RequiredMeasure, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      service.getRequiredMeasure(db(), forTenant(request, request.params.bestuurId, 'isms.view'), request.params.code),
  );

  const edit = (request: FastifyRequest & { params: { bestuurId: string } }) =>
    forTenant(request, request.params.bestuurId, 'isms.edit');
  const changeErrors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  r.post(
    '/api/besturen/:bestuurId/processes',
    {
      schema: {
        tags,
        summary: "Add a process of the bestuur's own, outside the generic list",
        params: BestuurParams,
        body: NewOwnProcess,
        response: { 201: BestuurProcess, ...changeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createOwnProcess(db(), edit(request), request.body)),
  );

  r.patch(
    '/api/besturen/:bestuurId/processes/:processId',
    {
      schema: {
        tags,
        summary: 'Mark a process (not) applicable with a reason; rename an own process',
        params: ProcessParams,
        body: ProcessUpdate,
        response: { 200: BestuurProcess, ...changeErrors },
      },
    },
    async (request) => service.updateProcess(db(), edit(request), request.params.processId, request.body),
  );

  r.delete(
    '/api/besturen/:bestuurId/processes/:processId',
    {
      schema: {
        tags,
        summary: "Delete a process of the bestuur's own with its assets",
        params: ProcessParams,
        querystring: VersionQuery,
        response: { 204: z.null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      await service.deleteProcess(db(), edit(request), request.params.processId, request.query.version);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/besturen/:bestuurId/processes/:processId/assets',
    {
      schema: {
        tags,
        summary: "Add an information asset of the bestuur's own to a process",
        params: ProcessParams,
        body: NewOwnAsset,
        response: { 201: BestuurAsset, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createOwnAsset(db(), edit(request), request.params.processId, request.body)),
  );

  r.delete(
    '/api/besturen/:bestuurId/assets/:assetId',
    {
      schema: {
        tags,
        summary: "Delete an information asset of the bestuur's own",
        params: AssetParams,
        querystring: VersionQuery,
        response: { 204: z.null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      await service.deleteAsset(db(), edit(request), request.params.assetId, request.query.version);
      return reply.code(204).send(null);
    },
  );
}
