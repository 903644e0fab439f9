import {
  BestuurParams,
  EVIDENCE_MAX_BYTES,
  ErrorBody,
  Evidence,
  ExportQuery,
  IMPORT_MAX_BYTES,
  RegisterImportResult,
  EvidenceParams,
  MeasureBulkResult,
  MeasureBulkUpdate,
  MeasureTrackingUpdate,
  NewComment,
  NewEvidenceLink,
  TrackedMeasure,
  TrackedMeasureDetail,
  TrackedMeasureList,
  TrackedMeasureParams,
  TrackedMeasureQuery,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendDownload } from '../../platform/download.js';
import { forTenant } from '../../platform/request.js';
import * as service from './measures.service.js';
import * as register from './register.service.js';

const tags = ['measures'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function measuresRoutes(app: FastifyInstance) {
  // An evidence file arrives as the raw request body; its type is checked against its bytes.
  // Plain text too: Fastify's own text parser would hand over a string under a smaller limit.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;
  const base = '/api/besturen/:bestuurId/measures';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'The measures of the bestuur: every required one and every one it tracks, with status and owner',
        params: BestuurParams,
        querystring: TrackedMeasureQuery,
        response: { 200: TrackedMeasureList, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => ({
      items: await service.listTracked(db(), forTenant(request, request.params.bestuurId, 'isms.view'), request.query),
    }),
  );

  r.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: 'The measure register as an Excel workbook to edit offline (Dutch, or lang=en)',
        params: BestuurParams,
        querystring: ExportQuery,
        response: { 200: z.any(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.view');
      return sendDownload(reply, 'xlsx', await register.exportRegister(db(), ctx, request.query.lang ?? ctx.lang));
    },
  );

  for (const step of ['preview', 'apply'] as const)
    r.post(
      `${base}/import/${step}`,
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags,
          summary:
            step === 'preview'
              ? 'The changes an edited register workbook would make, and its errors per row; saves nothing'
              : 'Apply an edited register workbook: all or nothing, only without errors',
          params: BestuurParams,
          response: { 200: RegisterImportResult, ...errors },
        },
      },
      async (request) =>
        register.importRegister(
          db(),
          forTenant(request, request.params.bestuurId, 'isms.edit'),
          request.body,
          step === 'apply',
        ),
    );

  r.get(
    `${base}/:code`,
    {
      schema: {
        tags,
        summary: 'One measure: tracking, why it is required, what it serves, comments and evidence',
        params: TrackedMeasureParams,
        response: { 200: TrackedMeasureDetail, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      service.getTracked(db(), forTenant(request, request.params.bestuurId, 'isms.view'), request.params.code),
  );

  r.patch(
    `${base}/:code`,
    {
      schema: {
        tags,
        summary: 'Track a measure: status, owner, dates, maturity; "niet van toepassing" needs a reason and approval',
        params: TrackedMeasureParams,
        body: MeasureTrackingUpdate,
        response: { 200: TrackedMeasure, ...errors },
      },
    },
    async (request) =>
      service.updateTracking(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.code,
        request.body,
      ),
  );

  r.post(
    `${base}/bulk`,
    {
      schema: {
        tags,
        summary: 'The same change for many measures (status, owner, dates): all or nothing',
        params: BestuurParams,
        body: MeasureBulkUpdate,
        response: { 200: MeasureBulkResult, ...errors },
      },
    },
    async (request) =>
      service.bulkUpdate(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
  );

  r.post(
    `${base}/:code/comments`,
    {
      schema: {
        tags,
        summary: 'Comment on a measure',
        params: TrackedMeasureParams,
        body: NewComment,
        response: { 201: TrackedMeasureDetail.shape.comments.element, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addComment(
            db(),
            forTenant(request, request.params.bestuurId, 'isms.contribute'),
            request.params.code,
            request.body.body,
          ),
        ),
  );

  r.post(
    `${base}/:code/evidence`,
    {
      bodyLimit: EVIDENCE_MAX_BYTES,
      schema: {
        tags,
        summary:
          'Upload a file as evidence (the file as the body, its type as Content-Type, its name URL-encoded in X-File-Name)',
        params: TrackedMeasureParams,
        headers: z.object({ 'x-file-name': z.string().max(1000), 'x-evidence-title': z.string().max(1000).optional() }),
        response: { 201: Evidence, 413: ErrorBody, 415: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.contribute');
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const evidence = await service.addEvidenceFile(db(), ctx, request.params.code, {
        contentType: header(request.headers['content-type']),
        fileName: request.headers['x-file-name'],
        title: request.headers['x-evidence-title'],
        content,
      });
      return reply.status(201).send(evidence);
    },
  );

  r.post(
    `${base}/:code/evidence-links`,
    {
      schema: {
        tags,
        summary: 'Add a link (http or https) as evidence',
        params: TrackedMeasureParams,
        body: NewEvidenceLink,
        response: { 201: Evidence, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addEvidenceLink(
            db(),
            forTenant(request, request.params.bestuurId, 'isms.contribute'),
            request.params.code,
            request.body,
          ),
        ),
  );

  r.get(
    `${base}/:code/evidence/:evidenceId`,
    {
      schema: {
        tags,
        summary: 'Download an evidence file',
        params: EvidenceParams,
        response: { 200: z.any(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.view');
      const file = await service.evidenceFile(db(), ctx, request.params.code, request.params.evidenceId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.content);
    },
  );

  r.delete(
    `${base}/:code/evidence/:evidenceId`,
    {
      schema: {
        tags,
        summary: 'Remove evidence',
        params: EvidenceParams,
        response: { 204: z.null(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      await service.deleteEvidence(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.code,
        request.params.evidenceId,
      );
      return reply.status(204).send(null);
    },
  );
}
