import {
  ErrorBody,
  NewReview,
  RegionReviewParams,
  RegionReviewQuery,
  Review,
  ReviewComment,
  ReviewDecision,
  ReviewList,
  ReviewParams,
  BestuurParams,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { forRegion, forTenant } from '../../platform/request.js';
import * as review from './review.service.js';

const tags = ['continuity review'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const read = { 403: ErrorBody, 404: ErrorBody };

/** The bestuur submits its BIA or plan; the coach (region.reviews) comments, returns or accepts. */
export async function continuityReviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db.app;
  const base = '/api/besturen/:bestuurId/continuity/reviews';
  const region = '/api/region/continuity/reviews';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Submissions of the BIA and the plan to the coach, newest first, with their state',
        params: BestuurParams,
        response: { 200: ReviewList, ...read },
      },
    },
    async (request) => ({
      items: await review.listReviews(db(), forTenant(request, request.params.bestuurId, 'isms.view')),
    }),
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Submit the BIA or the plan to the coach, as it is now (one open submission per subject)',
        params: BestuurParams,
        body: NewReview,
        response: { 201: Review, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await review.submitReview(db(), forTenant(request, request.params.bestuurId, 'isms.edit'), request.body)),
  );

  r.get(
    `${base}/:reviewId`,
    {
      schema: {
        tags,
        summary: 'One submission: what was submitted, its sections, comments and decisions',
        params: ReviewParams,
        response: { 200: Review, ...read },
      },
    },
    async (request) =>
      review.getReview(db(), forTenant(request, request.params.bestuurId, 'isms.view'), request.params.reviewId),
  );

  r.post(
    `${base}/:reviewId/comments`,
    {
      schema: {
        tags,
        summary: "Answer the coach's comments, on a section or on the whole",
        params: ReviewParams,
        body: ReviewComment,
        response: { 200: Review, ...errors },
      },
    },
    async (request) =>
      review.commentAsBestuur(
        db(),
        forTenant(request, request.params.bestuurId, 'isms.edit'),
        request.params.reviewId,
        request.body,
      ),
  );

  r.get(
    region,
    {
      schema: {
        tags,
        summary: "The coach's submissions of every bestuur (state=ingediend for those waiting)",
        querystring: RegionReviewQuery,
        response: { 200: ReviewList, ...read },
      },
    },
    async (request) => ({
      items: await review.coachList(db(), forRegion(request, 'region.reviews'), request.query.state),
    }),
  );

  r.get(
    `${region}/:reviewId`,
    {
      schema: {
        tags,
        summary: 'One submission as the coach sees it: the snapshot, sections and history',
        params: RegionReviewParams,
        response: { 200: Review, ...read },
      },
    },
    async (request) => review.coachGet(db(), forRegion(request, 'region.reviews'), request.params.reviewId),
  );

  r.post(
    `${region}/:reviewId/comments`,
    {
      schema: {
        tags,
        summary: 'Comment on a section of a submission (or on the whole)',
        params: RegionReviewParams,
        body: ReviewComment,
        response: { 200: Review, ...errors },
      },
    },
    async (request) =>
      review.coachComment(db(), forRegion(request, 'region.reviews'), request.params.reviewId, request.body),
  );

  r.post(
    `${region}/:reviewId/decision`,
    {
      schema: {
        tags,
        summary: 'Return the submission to the bestuur or accept it',
        params: RegionReviewParams,
        body: ReviewDecision,
        response: { 200: Review, ...errors },
      },
    },
    async (request) =>
      review.coachDecide(db(), forRegion(request, 'region.reviews'), request.params.reviewId, request.body),
  );
}
