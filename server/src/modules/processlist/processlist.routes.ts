import {
  ApplyUpdatesRequest,
  ApplyUpdatesResult,
  BestuurParams,
  DiffQuery,
  Draft,
  DraftMeasureBody,
  DraftMeasureParams,
  DraftMeta,
  DraftProcessBody,
  DraftProcessParams,
  DraftVersionQuery,
  ErrorBody,
  ListDiff,
  ListDomains,
  ListSnapshot,
  ListVersion,
  ListVersionList,
  ProcessUpdates,
  PublishRequest,
  VersionNumberParams,
} from '@baken/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/errors.js';
import { forRegion, forTenant, forUser } from '../../platform/request.js';
import * as service from './processlist.service.js';
import * as updates from './updates.service.js';

const tags = ['process list'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export async function processListRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;
  const coach = (request: FastifyRequest) => forRegion(request, 'region.content.manage');

  r.get(
    '/api/process-list/versions',
    {
      schema: {
        tags,
        summary: 'The published versions of the generic process list, newest first',
        response: { 200: ListVersionList },
      },
    },
    async (request) => {
      forUser(request);
      return { items: await service.listVersions(db()) };
    },
  );

  r.get(
    '/api/process-list/domains',
    {
      schema: {
        tags,
        summary: "The newest version's process domains (those with processes) and application kinds",
        response: { 200: ListDomains },
      },
    },
    async (request) => {
      forUser(request);
      return service.domains(db());
    },
  );

  r.get(
    '/api/process-list/versions/:number',
    {
      schema: {
        tags,
        summary: 'One published version: process domains, processes with their assets, measures',
        params: VersionNumberParams,
        response: { 200: ListSnapshot, 404: ErrorBody },
      },
    },
    async (request) => {
      forUser(request);
      const number = Number(request.params.number);
      if (!Number.isInteger(number) || number < 1) throw notFound();
      return service.versionSnapshot(db(), number);
    },
  );

  r.get(
    '/api/process-list/diff',
    {
      schema: {
        tags,
        summary: 'What differs between two versions, or between a version and the draft (without `to`)',
        querystring: DiffQuery,
        response: { 200: ListDiff, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      if (request.query.to === undefined) coach(request);
      else forUser(request);
      return service.diff(db(), request.query.from, request.query.to);
    },
  );

  r.get(
    '/api/process-list/draft',
    {
      schema: {
        tags,
        summary: 'The draft of the next version (coach)',
        response: { 200: Draft, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      coach(request);
      return service.getDraft(db());
    },
  );

  r.post(
    '/api/process-list/draft',
    {
      schema: {
        tags,
        summary: 'Start the draft as a copy of the newest version, or get the draft that exists (coach)',
        response: { 200: DraftMeta, 403: ErrorBody },
      },
    },
    async (request) => service.startDraft(db(), coach(request)),
  );

  r.delete(
    '/api/process-list/draft',
    {
      schema: {
        tags,
        summary: 'Discard the draft (coach)',
        querystring: DraftVersionQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.discardDraft(db(), coach(request), request.query.draftVersion);
      return reply.status(204).send(null);
    },
  );

  r.put(
    '/api/process-list/draft/processes/:processId',
    {
      schema: {
        tags,
        summary: 'Add or replace a process of the draft with its assets; the whole list is checked (coach)',
        params: DraftProcessParams,
        body: DraftProcessBody,
        response: { 200: DraftMeta, ...errors },
      },
    },
    async (request) =>
      service.saveDraftProcess(
        db(),
        coach(request),
        request.params.processId,
        request.body.draftVersion,
        request.body.process,
      ),
  );

  r.delete(
    '/api/process-list/draft/processes/:processId',
    {
      schema: {
        tags,
        summary: 'Remove a process from the draft (coach)',
        params: DraftProcessParams,
        querystring: DraftVersionQuery,
        response: { 200: DraftMeta, ...errors },
      },
    },
    async (request) =>
      service.deleteDraftProcess(db(), coach(request), request.params.processId, request.query.draftVersion),
  );

  r.put(
    '/api/process-list/draft/measures/:code',
    {
      schema: {
        tags,
        summary: 'Add or replace a measure of the draft with its class rule and mappings (coach)',
        params: DraftMeasureParams,
        body: DraftMeasureBody,
        response: { 200: DraftMeta, ...errors },
      },
    },
    async (request) =>
      service.saveDraftMeasure(
        db(),
        coach(request),
        request.params.code,
        request.body.draftVersion,
        request.body.measure,
      ),
  );

  r.delete(
    '/api/process-list/draft/measures/:code',
    {
      schema: {
        tags,
        summary: 'Remove a measure from the draft (coach)',
        params: DraftMeasureParams,
        querystring: DraftVersionQuery,
        response: { 200: DraftMeta, ...errors },
      },
    },
    async (request) =>
      service.deleteDraftMeasure(db(), coach(request), request.params.code, request.query.draftVersion),
  );

  r.post(
    '/api/process-list/publish',
    {
      schema: {
        tags,
        summary: 'Publish the draft as the next version with release notes; a published version never changes (coach)',
        body: PublishRequest,
        response: { 201: ListVersion, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.publish(db(), coach(request), request.body.draftVersion, request.body.releaseNotes)),
  );

  r.get(
    '/api/besturen/:bestuurId/process-updates',
    {
      schema: {
        tags,
        summary: 'What changed in the generic list since the bestuur adopted it, against its own copy',
        params: BestuurParams,
        response: { 200: ProcessUpdates, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => updates.listUpdates(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
  );

  r.post(
    '/api/besturen/:bestuurId/process-updates/apply',
    {
      schema: {
        tags,
        summary: 'Take over chosen updates of the generic list, or all; the bestuur keeps its own choices',
        params: BestuurParams,
        body: ApplyUpdatesRequest,
        response: { 200: ApplyUpdatesResult, ...errors },
      },
    },
    async (request) =>
      updates.applyUpdates(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
  );
}
