import {
  Application,
  ApplicationAssetsUpdate,
  ApplicationCreate,
  ApplicationKindList,
  ApplicationList,
  ApplicationParams,
  ApplicationProposalList,
  ApplicationUpdate,
  AssetParams,
  BestuurParams,
  ErrorBody,
  Supplier,
  SupplierCreate,
  SupplierList,
  SupplierParams,
  SupplierUpdate,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forTenant, forUser } from '../../platform/request.js';
import * as service from './registers.service.js';

const tags = ['registers'];
const read = { 403: ErrorBody, 404: ErrorBody };
const write = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The registers of a bestuur: suppliers, and applications linked to information assets. */
export async function registersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;
  const base = '/api/besturen/:bestuurId';

  r.get(
    '/api/application-kinds',
    {
      schema: {
        tags,
        summary: 'The kinds of applications of the generic process list',
        response: { 200: ApplicationKindList, 401: ErrorBody },
      },
    },
    async (request) => {
      forUser(request);
      return { items: service.listApplicationKinds() };
    },
  );

  r.get(
    `${base}/suppliers`,
    {
      schema: {
        tags,
        summary: 'The suppliers of the bestuur',
        params: BestuurParams,
        response: { 200: SupplierList, ...read },
      },
    },
    async (request) => ({
      items: await service.listSuppliers(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.post(
    `${base}/suppliers`,
    {
      schema: {
        tags,
        summary: 'Register a supplier',
        params: BestuurParams,
        body: SupplierCreate,
        response: { 201: Supplier, ...write },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.edit');
      return reply.status(201).send(await service.createSupplier(db(), ctx, request.body));
    },
  );

  r.get(
    `${base}/suppliers/:supplierId`,
    { schema: { tags, summary: 'One supplier', params: SupplierParams, response: { 200: Supplier, ...read } } },
    async (request) =>
      service.getSupplier(db(), forTenant(request, request.params.bestuurId, 'isms.view'), request.params.supplierId),
  );

  r.patch(
    `${base}/suppliers/:supplierId`,
    {
      schema: {
        tags,
        summary: 'Change a supplier; the version read must still be current',
        params: SupplierParams,
        body: SupplierUpdate,
        response: { 200: Supplier, ...write },
      },
    },
    async (request) =>
      service.updateSupplier(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.supplierId,
        request.body,
      ),
  );

  r.delete(
    `${base}/suppliers/:supplierId`,
    {
      schema: {
        tags,
        summary: 'Delete a supplier that provides no application of the bestuur',
        params: SupplierParams,
        response: { 204: z.null(), ...write },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.edit');
      await service.deleteSupplier(db(), ctx, request.params.supplierId);
      return reply.status(204).send(null);
    },
  );

  r.get(
    `${base}/applications`,
    {
      schema: {
        tags,
        summary: 'The applications of the bestuur, each with the highest class of its information assets',
        params: BestuurParams,
        response: { 200: ApplicationList, ...read },
      },
    },
    async (request) => ({
      items: await service.listApplications(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.get(
    `${base}/applications/proposals`,
    {
      schema: {
        tags,
        summary: 'Application kinds the adopted processes use and no application of the bestuur has yet',
        params: BestuurParams,
        response: { 200: ApplicationProposalList, ...read },
      },
    },
    async (request) => ({
      items: await service.listProposals(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.post(
    `${base}/applications`,
    {
      schema: {
        tags,
        summary: 'Register an application',
        params: BestuurParams,
        body: ApplicationCreate,
        response: { 201: Application, ...write },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.edit');
      return reply.status(201).send(await service.createApplication(db(), ctx, request.body));
    },
  );

  r.get(
    `${base}/applications/:applicationId`,
    {
      schema: {
        tags,
        summary: 'One application with its information assets, class and processes',
        params: ApplicationParams,
        response: { 200: Application, ...read },
      },
    },
    async (request) =>
      service.getApplication(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.view'),
        request.params.applicationId,
      ),
  );

  r.patch(
    `${base}/applications/:applicationId`,
    {
      schema: {
        tags,
        summary: 'Change an application; the version read must still be current',
        params: ApplicationParams,
        body: ApplicationUpdate,
        response: { 200: Application, ...write },
      },
    },
    async (request) =>
      service.updateApplication(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.applicationId,
        request.body,
      ),
  );

  r.delete(
    `${base}/applications/:applicationId`,
    {
      schema: {
        tags,
        summary: 'Delete an application and its links to information assets',
        params: ApplicationParams,
        response: { 204: z.null(), ...write },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.edit');
      await service.deleteApplication(db(), ctx, request.params.applicationId);
      return reply.status(204).send(null);
    },
  );

  r.put(
    `${base}/applications/:applicationId/assets`,
    {
      schema: {
        tags,
        summary: 'Set the information assets an application holds; the version read must still be current',
        params: ApplicationParams,
        body: ApplicationAssetsUpdate,
        response: { 200: Application, ...write },
      },
    },
    async (request) =>
      service.setApplicationAssets(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.applicationId,
        request.body,
      ),
  );

  r.get(
    `${base}/assets/:assetId/applications`,
    {
      schema: {
        tags,
        summary: 'The applications that hold an information asset',
        params: AssetParams,
        response: { 200: ApplicationList, ...read },
      },
    },
    async (request) => ({
      items: await service.applicationsOfAsset(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.view'),
        request.params.assetId,
      ),
    }),
  );
}
