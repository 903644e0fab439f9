import { AuditEvent, AuditFilter, AuditListQuery, BestuurParams, ErrorBody, pageOf } from '@baken/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forRegion, forTenant } from '../../platform/request.js';
import * as service from './audittrail.service.js';

const tags = ['audit trail'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsxResponse = z.any().describe('xlsx workbook');

function sendXlsx(reply: FastifyReply, name: string, body: Buffer) {
  const day = new Date().toISOString().slice(0, 10);
  return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}-${day}.xlsx"`).send(body);
}

export async function audittrailRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;

  r.get(
    '/api/besturen/:bestuurId/audit-events',
    {
      schema: {
        tags,
        summary: 'The audit trail of the bestuur, newest first, filterable',
        params: BestuurParams,
        querystring: AuditListQuery,
        response: { 200: pageOf(AuditEvent), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      service.listEvents(db(), forTenant(request, request.params.bestuurId, 'audit.view'), request.query),
  );

  r.get(
    '/api/besturen/:bestuurId/audit-events/export',
    {
      schema: {
        tags,
        summary: 'The filtered audit trail of the bestuur as an Excel workbook',
        params: BestuurParams,
        querystring: AuditFilter,
        response: { 200: xlsxResponse, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'audit.export');
      return sendXlsx(reply, 'audittrail', await service.exportEvents(db(), ctx, request.query));
    },
  );

  r.get(
    '/api/platform/audit-events',
    {
      schema: {
        tags,
        summary: 'Platform-level events: sign-ins, profiles (platform admin)',
        querystring: AuditListQuery,
        response: { 200: pageOf(AuditEvent), 403: ErrorBody },
      },
    },
    async (request) => service.listEvents(db(), forRegion(request, 'platform.audit.view'), request.query),
  );

  r.get(
    '/api/platform/audit-events/export',
    {
      schema: {
        tags,
        summary: 'Platform-level events as an Excel workbook (platform admin)',
        querystring: AuditFilter,
        response: { 200: xlsxResponse, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const ctx = forRegion(request, 'platform.audit.view');
      return sendXlsx(reply, 'platform-audittrail', await service.exportEvents(db(), ctx, request.query));
    },
  );
}
