import type { AdministratorInvite, Lang, Member, MemberInvite, MemberListQuery, MemberUpdate } from '@baken/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { diff, recordAudit } from '../../platform/audit.js';
import type { Ctx, Principal, TenantCtx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { Mail, Mailer } from '../../platform/mail.js';
import { inScope, tenantScope } from '../../platform/tenancy.js';
import type { Config } from '../../platform/config.js';
import { createPasswordLink } from '../identity/auth.service.js';
import * as users from '../identity/identity.repository.js';
import { passwordMail } from '../identity/mails.js';
import * as repo from './members.repository.js';

export interface MemberDeps {
  db: Kysely<DB>;
  config: Config;
  mailer: Mailer;
}

export async function listMembers(db: Kysely<DB>, ctx: TenantCtx, query: z.infer<typeof MemberListQuery>) {
  const { rows, total } = await inScope(db, tenantScope(ctx), (tx) =>
    repo.list(tx, ctx.tenantId, {
      q: query.q,
      role: query.role,
      active: query.active === undefined ? undefined : query.active === 'true',
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
  );
  return { items: rows.map(repo.toMember), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Adds a person to the bestuur. Someone new gets an account without a password and a
 * link to choose one; someone who already has an account is told they have access.
 */
export async function inviteMember(deps: MemberDeps, ctx: TenantCtx, input: MemberInvite): Promise<Member> {
  let mail: Mail | null = null;
  const member = await inScope(deps.db, tenantScope(ctx), async (tx) => {
    const bestuur = await tx
      .selectFrom('besturen')
      .select('name')
      .where('id', '=', ctx.tenantId)
      .executeTakeFirstOrThrow();
    let user = await users.findUserByEmail(tx, input.email);
    const params = { bestuur: bestuur.name, inviter: ctx.actorName };
    if (!user) {
      user = await users.insertUser(tx, { email: input.email, displayName: input.displayName, language: ctx.lang });
      const link = await createPasswordLink(deps, tx, user.id, 'invite');
      mail = passwordMail('invite', ctx.lang, user.email, link, params);
    } else {
      if (await repo.findByUser(tx, ctx.tenantId, user.id)) throw new AppError('MEMBER_EXISTS');
      mail = passwordMail('added', user.language as Lang, user.email, `${deps.config.publicUrl}/aanmelden`, params);
    }
    const { id } = await repo.insert(tx, {
      bestuurId: ctx.tenantId,
      userId: user.id,
      role: input.role,
      endsAt: input.endsAt,
      invitedBy: ctx.userId,
    });
    const created = repo.toMember(
      (await repo.find(tx, ctx.tenantId, id)) as NonNullable<Awaited<ReturnType<typeof repo.find>>>,
    );
    await recordAudit(tx, ctx, {
      action: 'invite',
      objectType: 'membership',
      objectId: id,
      objectLabel: created.displayName,
      after: { email: created.email, role: created.role, endsAt: created.endsAt, active: true },
      bestuurId: ctx.tenantId,
    });
    return created;
  });
  // Sent after the commit: a failed transaction sends nothing.
  if (mail) await deps.mailer.send(mail);
  return member;
}

/**
 * The platform admin gives a bestuur a beheerder: the way into a bestuur that has no
 * member yet. Anyone else is told the bestuur does not exist.
 */
export async function inviteAdministrator(
  deps: MemberDeps,
  ctx: Ctx,
  principal: Principal,
  bestuurId: string,
  input: AdministratorInvite,
): Promise<Member> {
  if (principal.via === 'token' || !ctx.permissions.has('platform.besturen.manage')) throw notFound();
  const exists = await deps.db.selectFrom('besturen').select('id').where('id', '=', bestuurId).executeTakeFirst();
  if (!exists) throw notFound();
  return inviteMember(deps, { ...ctx, tenantId: bestuurId }, { ...input, role: 'beheerder', endsAt: null });
}

export async function updateMember(db: Kysely<DB>, ctx: TenantCtx, id: string, input: MemberUpdate): Promise<Member> {
  return inScope(db, tenantScope(ctx), async (tx) => {
    const currentRow = await repo.find(tx, ctx.tenantId, id);
    if (!currentRow) throw notFound();
    if (currentRow.user_id === ctx.userId) throw new AppError('SELF_CHANGE');
    const current = repo.toMember(currentRow);
    const role = input.role ?? current.role;
    const endsAt = input.endsAt === undefined ? current.endsAt : input.endsAt;
    if (role === 'auditor' && !endsAt) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: ['endsAt'], code: 'custom', message: 'auditor_requires_end_date' }],
      });
    }
    await repo.lockAdmins(tx, ctx.tenantId);
    const wasAdmin = (await repo.countActiveAdmins(tx, ctx.tenantId)) > 0;
    const updated = await repo.update(tx, ctx.tenantId, id, input);
    if (!updated) throw conflict(current);
    // Checked after the write, on what is stored: the transaction undoes a change that leaves no beheerder.
    if (wasAdmin && (await repo.countActiveAdmins(tx, ctx.tenantId)) === 0) throw new AppError('LAST_ADMIN');
    const after = repo.toMember((await repo.find(tx, ctx.tenantId, id)) as typeof currentRow);
    await recordAudit(tx, ctx, {
      action: 'update',
      objectType: 'membership',
      objectId: id,
      objectLabel: after.displayName,
      ...diff(current, after),
      bestuurId: ctx.tenantId,
    });
    return after;
  });
}
