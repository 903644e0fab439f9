import {
  BestuurParams,
  BulkClassifyRequest,
  BulkClassifyResult,
  ClassificationSheet,
  ErrorBody,
  ExportQuery,
  IMPORT_MAX_BYTES,
  ImportApplyResult,
  ImportPreview,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FILE_TYPES, sendDownload } from '../../platform/download.js';
import { forTenant } from '../../platform/request.js';
import * as service from './transfer.service.js';

const tags = ['processes'];
const XLSX = FILE_TYPES.xlsx;

/**
 * Bulk classification and the process list as a workbook: export, and import with a preview
 * before anything is saved. The workbook arrives as the raw request body.
 */
export async function transferRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;

  // Only the routes of this plugin take a workbook: any body that is not JSON or text arrives as
  // bytes (also one without a content type), and the import checks that it is a workbook.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  r.get(
    '/api/besturen/:bestuurId/classification',
    {
      schema: {
        tags,
        summary: 'Every information asset of the bestuur with its process, for the classification table',
        params: BestuurParams,
        response: { 200: ClassificationSheet, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => service.classificationSheet(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
  );

  r.post(
    '/api/besturen/:bestuurId/assets/classify',
    {
      schema: {
        tags,
        summary: 'Classify many information assets at once, all or nothing (409 lists the stale ones)',
        params: BestuurParams,
        body: BulkClassifyRequest,
        response: { 200: BulkClassifyResult, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) =>
      service.bulkClassify(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
  );

  r.get(
    '/api/besturen/:bestuurId/processes/export',
    {
      schema: {
        tags,
        summary: 'The process list with its classes as an Excel workbook (Dutch, or English with lang=en)',
        params: BestuurParams,
        querystring: ExportQuery,
        response: { 200: z.any().describe('xlsx workbook'), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.view');
      return sendDownload(reply, 'xlsx', await service.exportProcessList(db(), ctx, request.query.lang ?? ctx.lang));
    },
  );

  const importSchema = (summary: string, ok: z.ZodType) => ({
    tags,
    summary,
    params: BestuurParams,
    consumes: [XLSX],
    response: { 200: ok, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody },
  });

  r.post(
    '/api/besturen/:bestuurId/processes/import/preview',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      schema: importSchema(
        'What importing an edited process list workbook would change, and its errors per row; saves nothing',
        ImportPreview,
      ),
    },
    async (request) =>
      service.previewImport(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
  );

  r.post(
    '/api/besturen/:bestuurId/processes/import/apply',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      schema: importSchema(
        'Import an edited process list workbook: checked again, then all its changes or none (400 with the errors)',
        ImportApplyResult,
      ),
    },
    async (request) =>
      service.applyImport(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
  );
}
