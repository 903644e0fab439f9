import {
  ApplicationRecovery,
  ApplicationRecoveryList,
  ApplicationRecoveryParams,
  ApplicationRecoveryUpdate,
  BestuurParams,
  Bia,
  BiaFramework,
  BiaList,
  BiaParams,
  BiaUpdate,
  ContinuityCheckList,
  ContinuitySettings,
  ContinuitySettingsUpdate,
  ErrorBody,
  Exercise,
  ExerciseDeleteQuery,
  ExerciseList,
  ExerciseParams,
  ExerciseUpdate,
  NewExercise,
  NewSelfEvaluation,
  Plan,
  PlanUpdate,
  SelfEvaluation,
  SelfEvaluationList,
  SelfEvaluationParams,
  SelfEvaluationQuestionList,
  StrategyState,
  StrategyUpdate,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendDownload } from '../../platform/download.js';
import { forTenant, forUser } from '../../platform/request.js';
import * as bia from './bia.service.js';
import * as exercises from './exercises.service.js';
import * as exporter from './export.service.js';
import * as plan from './plan.service.js';
import * as recovery from './recovery.service.js';
import { continuityReviewRoutes } from './review.routes.js';
import * as selfeval from './selfeval.service.js';

const tags = ['continuity'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const read = { 403: ErrorBody, 404: ErrorBody };

/** Business continuity of a bestuur (issue 6): self-evaluation, BIA, checks, plan, exports. */
export async function continuityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;
  const base = '/api/besturen/:bestuurId/continuity';

  r.get(
    '/api/continuity/self-evaluation/questions',
    {
      schema: {
        tags,
        summary: 'The ten questions of the continuity self-evaluation with the advice per answer',
        response: { 200: SelfEvaluationQuestionList },
      },
    },
    async (request) => {
      forUser(request);
      return { items: selfeval.questions() };
    },
  );

  r.get(
    `${base}/self-evaluations`,
    {
      schema: {
        tags,
        summary: 'The self-evaluations of the bestuur, newest first, with their scores',
        params: BestuurParams,
        response: { 200: SelfEvaluationList, ...read },
      },
    },
    async (request) => ({
      items: await selfeval.listSelfEvaluations(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.post(
    `${base}/self-evaluations`,
    {
      schema: {
        tags,
        summary: 'Record a self-evaluation: every question answered yes, partly or no, with notes',
        params: BestuurParams,
        body: NewSelfEvaluation,
        response: { 201: SelfEvaluation, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await selfeval.createSelfEvaluation(
            db(),
            forTenant(request, request.params.bestuurId, 'isms.edit'),
            request.body,
          ),
        ),
  );

  r.get(
    `${base}/self-evaluations/:evaluationId`,
    {
      schema: {
        tags,
        summary: 'One self-evaluation with the score and advice per question, beside the previous one',
        params: SelfEvaluationParams,
        response: { 200: SelfEvaluation, ...read },
      },
    },
    async (request) =>
      selfeval.getSelfEvaluation(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.view'),
        request.params.evaluationId,
      ),
  );

  r.get(
    `${base}/bia-framework`,
    {
      schema: {
        tags,
        summary: 'Impact areas with their scale, time points and the bestuur settings: what a BIA form needs',
        params: BestuurParams,
        response: { 200: BiaFramework, ...read },
      },
    },
    async (request) => bia.framework(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
  );

  r.put(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: 'Set the unacceptable impact level and the critical threshold (version 0 the first time)',
        params: BestuurParams,
        body: ContinuitySettingsUpdate,
        response: { 200: ContinuitySettings, ...errors },
      },
    },
    async (request) => bia.setSettings(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
  );

  r.get(
    `${base}/bia`,
    {
      schema: {
        tags,
        summary:
          'The BIA overview: every applicable process with MTPD, RTO, RPO and whether it is critical, most urgent first',
        params: BestuurParams,
        response: { 200: BiaList, ...read },
      },
    },
    async (request) => bia.listBia(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
  );

  r.get(
    `${base}/bia/:processId`,
    {
      schema: {
        tags,
        summary: "A process's BIA, or the proposal from its availability class when none is saved",
        params: BiaParams,
        response: { 200: Bia, ...read },
      },
    },
    async (request) =>
      bia.getBia(db(), forTenant(request, request.params.bestuurId, 'isms.view'), request.params.processId),
  );

  r.put(
    `${base}/bia/:processId`,
    {
      schema: {
        tags,
        summary: "Save a process's BIA (version 0 the first time); the RTO may not exceed the MTPD",
        params: BiaParams,
        body: BiaUpdate,
        response: { 200: Bia, ...errors },
      },
    },
    async (request) =>
      bia.saveBia(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.processId,
        request.body,
      ),
  );

  r.get(
    `${base}/applications`,
    {
      schema: {
        tags,
        summary:
          'The applications with their recovery time and procedure, the processes that need them and the recovery order',
        params: BestuurParams,
        response: { 200: ApplicationRecoveryList, ...read },
      },
    },
    async (request) => ({
      items: await recovery.listRecovery(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.put(
    `${base}/applications/:applicationId`,
    {
      schema: {
        tags,
        summary: "Set an application's recovery time and recovery procedure (version 0 the first time)",
        params: ApplicationRecoveryParams,
        body: ApplicationRecoveryUpdate,
        response: { 200: ApplicationRecovery, ...errors },
      },
    },
    async (request) =>
      recovery.setRecovery(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.applicationId,
        request.body,
      ),
  );

  r.get(
    `${base}/checks`,
    {
      schema: {
        tags,
        summary:
          'Consistency checks: slow applications, critical processes without a procedure, exercises, crisis-team phones',
        params: BestuurParams,
        response: { 200: ContinuityCheckList, ...read },
      },
    },
    async (request) => ({
      items: await plan.listChecks(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.get(
    `${base}/plan`,
    {
      schema: {
        tags,
        summary:
          'The continuity plan: its sections, the strategy per critical process, the recovery order and the exercises',
        params: BestuurParams,
        response: { 200: Plan, ...read },
      },
    },
    async (request) => plan.getPlan(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
  );

  r.patch(
    `${base}/plan`,
    {
      schema: {
        tags,
        summary: 'Change sections of the plan (version 0 the first time)',
        params: BestuurParams,
        body: PlanUpdate,
        response: { 200: Plan, ...errors },
      },
    },
    async (request) => plan.updatePlan(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
  );

  r.put(
    `${base}/plan/strategies/:processId`,
    {
      schema: {
        tags,
        summary: "Set a process's continuity strategy and emergency procedure (version 0 the first time)",
        params: BiaParams,
        body: StrategyUpdate,
        response: { 200: StrategyState, ...errors },
      },
    },
    async (request) =>
      plan.setStrategy(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.processId,
        request.body,
      ),
  );

  r.get(
    `${base}/plan/docx`,
    {
      schema: {
        tags,
        summary: 'The continuity plan as a Word document in Dutch, with its tables and the BIA as an annex',
        params: BestuurParams,
        response: { 200: z.any(), ...read },
      },
    },
    async (request, reply) => {
      return sendDownload(
        reply,
        'docx',
        await exporter.exportDocx(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
      );
    },
  );

  r.get(
    `${base}/plan/pdf`,
    {
      schema: {
        tags,
        summary: 'The continuity plan as a PDF in Dutch, with the same sections and tables as the Word document',
        params: BestuurParams,
        response: { 200: z.any(), ...read },
      },
    },
    async (request, reply) => {
      return sendDownload(
        reply,
        'pdf',
        await exporter.exportPdf(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
      );
    },
  );

  r.get(
    `${base}/exercises`,
    {
      schema: {
        tags,
        summary: 'Exercises of the plan, planned and held, newest first',
        params: BestuurParams,
        response: { 200: ExerciseList, ...read },
      },
    },
    async (request) => ({
      items: await exercises.listExercises(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.post(
    `${base}/exercises`,
    {
      schema: {
        tags,
        summary: 'Plan or record an exercise, with findings and actions',
        params: BestuurParams,
        body: NewExercise,
        response: { 201: Exercise, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await exercises.createExercise(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body),
        ),
  );

  r.patch(
    `${base}/exercises/:exerciseId`,
    {
      schema: {
        tags,
        summary: 'Change an exercise: held on, findings, actions',
        params: ExerciseParams,
        body: ExerciseUpdate,
        response: { 200: Exercise, ...errors },
      },
    },
    async (request) =>
      exercises.updateExercise(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.exerciseId,
        request.body,
      ),
  );

  r.delete(
    `${base}/exercises/:exerciseId`,
    {
      schema: {
        tags,
        summary: 'Delete an exercise (with its current version)',
        params: ExerciseParams,
        querystring: ExerciseDeleteQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await exercises.deleteExercise(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.exerciseId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );

  await continuityReviewRoutes(app);
}
