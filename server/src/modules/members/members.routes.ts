import {
  AdministratorInvite,
  BestuurParams,
  ErrorBody,
  Member,
  MemberInvite,
  MemberListQuery,
  MemberParams,
  MemberUpdate,
  pageOf,
} from '@baken/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../platform/auth.js';
import { forTenant, forUser } from '../../platform/request.js';
import * as service from './members.service.js';

const tags = ['members'];

export async function membersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = () => ({ db: app.deps.db.app, config: app.deps.config, mailer: app.deps.mailer });

  r.get(
    '/api/besturen/:bestuurId/members',
    {
      schema: {
        tags,
        summary: 'Members of the bestuur',
        params: BestuurParams,
        querystring: MemberListQuery,
        response: { 200: pageOf(Member), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) =>
      service.listMembers(app.deps.db.app, forTenant(request, request.params.bestuurId, 'members.view'), request.query),
  );

  r.post(
    '/api/besturen/:bestuurId/members',
    {
      schema: {
        tags,
        summary: 'Invite someone by e-mail with a role',
        params: BestuurParams,
        body: MemberInvite,
        response: { 201: Member, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const ctx = forTenant(request, request.params.bestuurId, 'members.manage');
      return reply.status(201).send(await service.inviteMember(deps(), ctx, request.body));
    },
  );

  r.post(
    '/api/besturen/:bestuurId/administrators',
    {
      schema: {
        tags,
        summary: 'Invite a beheerder for the bestuur, e.g. its first member (platform admin)',
        params: BestuurParams,
        body: AdministratorInvite,
        response: { 201: Member, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const member = await service.inviteAdministrator(
        deps(),
        forUser(request),
        requirePrincipal(request),
        request.params.bestuurId,
        request.body,
      );
      return reply.status(201).send(member);
    },
  );

  r.patch(
    '/api/besturen/:bestuurId/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Change the role or end date of a member, or (de)activate them',
        params: MemberParams,
        body: MemberUpdate,
        response: { 200: Member, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) =>
      service.updateMember(
        app.deps.db.app,
        forTenant(request, request.params.bestuurId, 'members.manage'),
        request.params.memberId,
        request.body,
      ),
  );
}
