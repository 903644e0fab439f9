import {
  ApplicabilityReportParams,
  ApplicabilityReportQuery,
  BestuurParams,
  CyfunAssessmentParams,
  ErrorBody,
  ReportQuery,
} from '@baken/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendDownload } from '../../platform/download.js';
import { forTenant } from '../../platform/request.js';
import * as service from './reports.service.js';

const tags = ['reports'];
const errors = { 403: ErrorBody, 404: ErrorBody };
const file = z.any().describe('the report file');

const send = (reply: FastifyReply, format: service.Format, report: service.Report) =>
  sendDownload(reply, format, report);

/** Reports of a bestuur: Dutch unless lang=en or the request prefers English, like the other exports. */
export async function reportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;
  const base = '/api/besturen/:bestuurId/reports';

  for (const format of ['xlsx', 'pdf'] as const) {
    r.get(
      `${base}/statement-of-applicability/:frameworkId/${format}`,
      {
        schema: {
          tags,
          summary: `The statement of applicability of a framework as ${format} (CyFun at the given level, Basic by default)`,
          params: ApplicabilityReportParams,
          querystring: ApplicabilityReportQuery,
          response: { 200: file, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = forTenant(request, request.params.bestuurId, 'isms.view');
        const { level, lang } = request.query;
        return send(
          reply,
          format,
          await service.applicability(db(), ctx, request.params.frameworkId, level, lang ?? ctx.lang, format),
        );
      },
    );

    r.get(
      `${base}/risk-register/${format}`,
      {
        schema: {
          tags,
          summary: `The risk register as ${format}, with the levels on the bestuur's matrix`,
          params: BestuurParams,
          querystring: ReportQuery,
          response: { 200: file, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = forTenant(request, request.params.bestuurId, 'isms.view');
        return send(reply, format, await service.riskRegister(db(), ctx, request.query.lang ?? ctx.lang, format));
      },
    );
  }

  r.get(
    `${base}/cyfun-result/:assessmentId/pdf`,
    {
      schema: {
        tags,
        summary:
          'The result of a CyberFundamentals self-assessment as PDF: criteria, key measures, charts per function',
        params: CyfunAssessmentParams,
        querystring: ReportQuery,
        response: { 200: file, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'isms.view');
      return send(
        reply,
        'pdf',
        await service.cyfunResult(db(), ctx, request.params.assessmentId, request.query.lang ?? ctx.lang),
      );
    },
  );
}
