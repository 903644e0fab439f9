import {
  ErrorBody,
  IPDC_CSV_MAX_BYTES,
  IpdcConcept,
  IpdcConceptListQuery,
  IpdcImportQuery,
  IpdcImportResult,
  ProcessProducts,
  ProcessProductsUpdate,
  ProductProcessParams,
  pageOf,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { forRegion, forTenant, forUser } from '../../platform/request.js';
import { asBytes, diagramsRoutes } from './diagrams.routes.js';
import * as service from './products.service.js';

const tags = ['products'];

/** A file sent as the request body arrives as bytes; JSON bodies keep the usual parser. */
const FILE_TYPES = ['text/csv', 'application/csv', 'application/xml', 'text/xml', 'application/octet-stream'];

export async function productsRoutes(app: FastifyInstance) {
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;

  r.post(
    '/api/catalog/ipdc-concepts/import',
    {
      bodyLimit: IPDC_CSV_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Import IPDC concepts from a CSV file (text/csv body, ; or , separated); all or nothing, dryRun=true only counts (Vo-CRT coach)',
        querystring: IpdcImportQuery,
        response: { 200: IpdcImportResult, 400: ErrorBody, 403: ErrorBody, 413: ErrorBody },
      },
    },
    async (request) => {
      const ctx = forRegion(request, 'region.content.manage');
      return service.importConcepts(db(), ctx, ctx.lang, asBytes(request.body), {
        dryRun: request.query.dryRun === 'true',
        fileName: request.query.fileName,
      });
    },
  );

  r.get(
    '/api/catalog/ipdc-concepts',
    {
      schema: {
        tags,
        summary: 'IPDC concepts of the shared catalogue, searched by name or keyword and filtered by type or theme',
        querystring: IpdcConceptListQuery,
        response: { 200: pageOf(IpdcConcept), 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request) => service.listConcepts(db(), forUser(request), request.query),
  );

  r.get(
    '/api/besturen/:bestuurId/processes/:processId/products',
    {
      schema: {
        tags,
        summary: 'The IPDC products linked to a process, with concepts that match its IPDC codes as suggestions',
        params: ProductProcessParams,
        response: { 200: ProcessProducts, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      service.getProcessProducts(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.view'),
        request.params.processId,
      ),
  );

  r.put(
    '/api/besturen/:bestuurId/processes/:processId/products',
    {
      schema: {
        tags,
        summary: 'Set the IPDC products of a process (the full set of concept ids)',
        params: ProductProcessParams,
        body: ProcessProductsUpdate,
        response: { 200: ProcessProducts, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      service.setProcessProducts(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.processId,
        request.body.conceptIds,
      ),
  );

  await diagramsRoutes(app);
}
