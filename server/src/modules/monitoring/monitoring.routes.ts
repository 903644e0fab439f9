import {
  BestuurParams,
  ErrorBody,
  MeasureRanking,
  MonitoringOverview,
  OverviewExportQuery,
  OverviewQuery,
  OwnMonitoring,
  RankingQuery,
  RegionBestuurDetail,
  RegionBestuurParams,
  SectorTrend,
  SharingUpdate,
  SnapshotList,
  SnapshotResult,
  SnapshotTrigger,
  VulnerableList,
  VulnerableQuery,
  WeightSettings,
  WeightUpdate,
} from '@baken/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { sendDownload } from '../../platform/download.js';
import { forRegion, forTenant } from '../../platform/request.js';
import { overviewWorkbook, steeringReport } from './exports.js';
import * as answers from './answers.js';
import * as service from './monitoring.service.js';

const file = z.any().describe('the file');

const tags = ['monitoring'];
const base = '/api/region/monitoring';
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The stamp (digits, dots, dashes) as a weak ETag: weak, as the gzip and the plain answer are one value. */
const etagOf = (stamp: string) => `W/"${stamp}"`;

/**
 * What the client takes (the stored gzip bytes when it accepts them) and the answer it holds:
 * a browser revalidates with If-None-Match and gets 304 while nothing changed.
 */
function asking(request: FastifyRequest): answers.Asking {
  const encoding = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) ? 'gzip' : 'identity';
  const given = request.headers['if-none-match']?.match(/^W\/"([\w.-]{1,80})"$/)?.[1];
  return { encoding, known: given };
}

/** PostgreSQL built the answer as JSON text (and it was stored compressed): it goes out as it is. */
function json(reply: FastifyReply, answer: answers.Answer) {
  reply
    .header('vary', 'accept-encoding')
    .header('etag', etagOf(answer.stamp))
    .header('cache-control', 'private, no-cache');
  if (answer.json === undefined && answer.gzip === undefined) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  return answer.gzip ? reply.header('content-encoding', 'gzip').send(answer.gzip) : reply.send(answer.json);
}

export async function monitoringRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;

  r.get(
    `${base}/overview`,
    {
      schema: {
        tags,
        summary:
          'Every bestuur with its indicators (scores, statuses, counts), the sector totals and distributions; filter by kind, province, size',
        querystring: OverviewQuery,
        response: { 200: MonitoringOverview, ...errors },
      },
    },
    async (request, reply) =>
      json(
        reply,
        await answers.overviewAnswer(
          db(),
          forRegion(request, 'region.monitoring.view'),
          request.query,
          asking(request),
        ),
      ),
  );

  r.get(
    `${base}/overview/xlsx`,
    {
      schema: {
        tags,
        summary: 'The overview as an Excel workbook: one row per bestuur, the sector totals on a second sheet',
        querystring: OverviewExportQuery,
        response: { 200: file, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = forRegion(request, 'region.monitoring.view');
      const { lang, ...q } = request.query;
      return sendDownload(reply, 'xlsx', await overviewWorkbook(db(), ctx, q, lang ?? ctx.lang));
    },
  );

  r.get(
    `${base}/report/pdf`,
    {
      schema: {
        tags,
        summary:
          'The report for the steering group as PDF: the sector in figures and charts, the trend, the most vulnerable besturen, the measures with the largest impact',
        querystring: OverviewExportQuery,
        response: { 200: file, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = forRegion(request, 'region.monitoring.view');
      const { lang, ...q } = request.query;
      return sendDownload(reply, 'pdf', await steeringReport(db(), ctx, q, lang ?? ctx.lang));
    },
  );

  r.get(
    `${base}/vulnerable`,
    {
      schema: {
        tags,
        summary: 'The most vulnerable besturen, with the factors of their score (docs/monitoring.md)',
        querystring: VulnerableQuery,
        response: { 200: VulnerableList, ...errors },
      },
    },
    async (request, reply) =>
      json(
        reply,
        await answers.vulnerableAnswer(
          db(),
          forRegion(request, 'region.monitoring.view'),
          request.query,
          asking(request),
        ),
      ),
  );

  r.get(
    `${base}/measures`,
    {
      schema: {
        tags,
        summary: 'Measures missing most often, and the risk the sector would shed by implementing them',
        querystring: RankingQuery,
        response: { 200: MeasureRanking, ...errors },
      },
    },
    async (request, reply) =>
      json(
        reply,
        await answers.rankingAnswer(db(), forRegion(request, 'region.monitoring.view'), request.query, asking(request)),
      ),
  );

  r.get(
    `${base}/trend`,
    {
      schema: {
        tags,
        summary: 'The sector per month, from the monthly snapshots',
        querystring: VulnerableQuery.omit({ limit: true }),
        response: { 200: SectorTrend, ...errors },
      },
    },
    async (request) => service.sectorTrend(db(), forRegion(request, 'region.monitoring.view'), request.query),
  );

  r.get(
    `${base}/besturen/:bestuurId`,
    {
      schema: {
        tags,
        summary:
          "One bestuur's indicators, the factors of its score and its trend; names and free text only for the coach of a bestuur that shares them",
        params: RegionBestuurParams,
        response: { 200: RegionBestuurDetail, ...errors },
      },
    },
    async (request) =>
      service.regionBestuur(db(), forRegion(request, 'region.monitoring.view'), request.params.bestuurId),
  );

  r.get(
    `${base}/weights`,
    {
      schema: {
        tags,
        summary: 'The weights of the vulnerability score',
        response: { 200: WeightSettings, ...errors },
      },
    },
    async (request) => {
      forRegion(request, 'region.monitoring.view');
      return service.weightSettings(db());
    },
  );

  r.put(
    `${base}/weights`,
    {
      schema: {
        tags,
        summary: 'Set the weights of the vulnerability score (version 0 the first time; 409 when stale)',
        body: WeightUpdate,
        response: { 200: WeightSettings, ...errors, 409: ErrorBody },
      },
    },
    async (request) => service.updateWeights(db(), forRegion(request, 'region.monitoring.manage'), request.body),
  );

  r.get(
    `${base}/snapshots`,
    {
      schema: {
        tags,
        summary: 'The monthly snapshots taken so far',
        response: { 200: SnapshotList, ...errors },
      },
    },
    async (request) => service.listSnapshots(db(), forRegion(request, 'region.monitoring.view')),
  );

  r.post(
    `${base}/snapshots`,
    {
      schema: {
        tags,
        summary:
          "Take the month's snapshot now (the current month, or the previous one if it was missed); existing snapshots stay as they are",
        body: SnapshotTrigger,
        response: { 200: SnapshotResult, ...errors },
      },
    },
    async (request) => {
      forRegion(request, 'region.monitoring.manage');
      const now = new Date();
      const current = service.monthOf(now);
      const previous = service.monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
      const month = request.body.month ?? current;
      if (month !== current && month !== previous)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: ['month'], code: 'custom', message: 'snapshot_month_not_open' }],
        });
      return service.takeSnapshot(db(), month);
    },
  );

  r.get(
    '/api/besturen/:bestuurId/monitoring',
    {
      schema: {
        tags,
        summary:
          'The bestuur in the monitoring: its indicators, its trend, its position among peers (medians and quartiles, at least 5 peers)',
        params: BestuurParams,
        response: { 200: OwnMonitoring, ...errors },
      },
    },
    async (request) => service.ownMonitoring(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
  );

  r.put(
    '/api/besturen/:bestuurId/monitoring/sharing',
    {
      schema: {
        tags,
        summary:
          'Share names and free text (blocking requirements, overdue measures, top risks) with the Vo-CRT coach, or stop',
        params: BestuurParams,
        body: SharingUpdate,
        response: { 200: OwnMonitoring, ...errors },
      },
    },
    async (request) =>
      service.setSharing(
        db(),
        forTenant(request, request.params.bestuurId, 'bestuur.edit'),
        request.body.shareWithCoach,
      ),
  );
}
