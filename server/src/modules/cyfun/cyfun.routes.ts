import {
  BestuurParams,
  CyfunAnswersUpdate,
  CyfunAssessment,
  CyfunAssessmentList,
  CyfunAssessmentParams,
  ErrorBody,
  ExportQuery,
  IMPORT_MAX_BYTES,
  NewCyfunAssessment,
  VersionQuery,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forTenant } from '../../platform/request.js';
import * as service from './assessments.service.js';

const tags = ['cyberfundamentals'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export async function cyfunRoutes(app: FastifyInstance) {
  // A workbook to import arrives as the raw request body.
  app.addContentTypeParser(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;
  const base = '/api/besturen/:bestuurId/cyfun-assessments';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'The CyberFundamentals self-assessments of the bestuur with their total and result',
        params: BestuurParams,
        response: { 200: CyfunAssessmentList, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => ({
      items: await service.listAssessments(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start a self-assessment of an edition and level, pre-filled from the measure register',
        params: BestuurParams,
        body: NewCyfunAssessment,
        response: { 201: CyfunAssessment, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createAssessment(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
        ),
  );

  r.get(
    `${base}/:assessmentId`,
    {
      schema: {
        tags,
        summary: 'One self-assessment: every requirement of the level with its scores, and the result',
        params: CyfunAssessmentParams,
        response: { 200: CyfunAssessment, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      service.getAssessment(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.view'),
        request.params.assessmentId,
      ),
  );

  r.patch(
    `${base}/:assessmentId`,
    {
      schema: {
        tags,
        summary: 'Save scores (or not applicable, or clear), the title or the not-applicable rules',
        params: CyfunAssessmentParams,
        body: CyfunAnswersUpdate,
        response: { 200: CyfunAssessment, ...errors },
      },
    },
    async (request) =>
      service.updateAssessment(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.assessmentId,
        request.body,
      ),
  );

  r.get(
    `${base}/:assessmentId/export`,
    {
      schema: {
        tags,
        summary: 'The self-assessment as an Excel workbook with the columns of the official tool (Dutch, or lang=en)',
        params: CyfunAssessmentParams,
        querystring: ExportQuery,
        response: { 200: z.any(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.view');
      const { body, fileName } = await service.exportAssessment(
        db(),
        ctx,
        request.params.assessmentId,
        request.query.lang ?? ctx.lang,
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(body);
    },
  );

  r.post(
    `${base}/:assessmentId/import`,
    {
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Take the scores of a self-assessment sheet over (the xlsx as the body): all or nothing',
        params: CyfunAssessmentParams,
        querystring: VersionQuery,
        response: { 200: CyfunAssessment, ...errors },
      },
    },
    async (request) =>
      service.importAssessment(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.assessmentId,
        request.query.version,
        request.body,
      ),
  );

  r.delete(
    `${base}/:assessmentId`,
    {
      schema: {
        tags,
        summary: 'Delete a self-assessment',
        params: CyfunAssessmentParams,
        querystring: VersionQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.deleteAssessment(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.assessmentId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );
}
