import {
  BPMN_MAX_BYTES,
  DiagramDeleteQuery,
  DiagramInfo,
  DiagramInfoResult,
  DiagramUploadQuery,
  ErrorBody,
  ProductProcessParams,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forTenant } from '../../platform/request.js';
import * as service from './diagrams.service.js';

const tags = ['products'];

/** A file body as bytes; a text/plain body arrives as a string from Fastify's own parser. */
export const asBytes = (body: unknown): Buffer =>
  Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '', 'utf8');

/** `attachment` with an ASCII fallback and the exact name in RFC 5987 form. */
function disposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Registered by productsRoutes, inside its scope (the file body parser). */
export async function diagramsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;
  const path = '/api/besturen/:bestuurId/processes/:processId/diagram';

  r.get(
    `${path}/info`,
    {
      schema: {
        tags,
        summary: 'Whether a process has a BPMN diagram, and who attached which file when',
        params: ProductProcessParams,
        response: { 200: DiagramInfoResult, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      service.diagramInfo(db(), forTenant(request, request.params.bestuurId, 'isms.view'), request.params.processId),
  );

  r.get(
    path,
    {
      schema: {
        tags,
        summary: 'The BPMN file of a process (application/xml, as a download)',
        params: ProductProcessParams,
        response: { 200: z.any().describe('BPMN 2.0 XML'), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.view');
      const file = await service.diagramFile(db(), ctx, request.params.processId);
      // A user's XML is never rendered by the browser as a page of ours (it could carry script).
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', disposition(file.fileName))
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.xml, 'utf8'));
    },
  );

  r.put(
    path,
    {
      bodyLimit: BPMN_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Attach or replace the BPMN 2.0 file of a process (XML body, at most 2 MB; version of the diagram it replaces)',
        params: ProductProcessParams,
        querystring: DiagramUploadQuery,
        response: { 200: DiagramInfo, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody },
      },
    },
    async (request) =>
      service.putDiagram(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.processId,
        asBytes(request.body),
        request.query,
      ),
  );

  r.delete(
    path,
    {
      schema: {
        tags,
        summary: 'Remove the BPMN diagram of a process (with its current version)',
        params: ProductProcessParams,
        querystring: DiagramDeleteQuery,
        response: { 204: z.null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      await service.deleteDiagram(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.processId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );
}
