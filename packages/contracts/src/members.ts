import { z } from 'zod';
import { Email, Id, PageQuery, Timestamp, Version } from './common.js';
import { BestuurRole } from './permissions.js';

export const Member = z.object({
  id: Id,
  bestuurId: Id,
  userId: Id,
  email: z.string(),
  displayName: z.string(),
  role: BestuurRole,
  endsAt: z.iso.date().nullable(),
  active: z.boolean(),
  invitedAt: Timestamp,
  lastSignInAt: Timestamp.nullable(),
  version: z.number().int(),
});
export type Member = z.infer<typeof Member>;

export const MemberInvite = z
  .object({
    email: Email,
    displayName: z.string().trim().min(1).max(200),
    role: BestuurRole,
    endsAt: z.iso.date().nullable().default(null),
  })
  .refine((v) => v.role !== 'auditor' || v.endsAt !== null, {
    path: ['endsAt'],
    message: 'auditor_requires_end_date',
  });
export type MemberInvite = z.infer<typeof MemberInvite>;

/** The platform admin invites a beheerder, e.g. the first one of a new bestuur. */
export const AdministratorInvite = z.object({
  email: Email,
  displayName: z.string().trim().min(1).max(200),
});
export type AdministratorInvite = z.infer<typeof AdministratorInvite>;

export const MemberUpdate = z.object({
  version: Version,
  role: BestuurRole.optional(),
  endsAt: z.iso.date().nullable().optional(),
  active: z.boolean().optional(),
});
export type MemberUpdate = z.infer<typeof MemberUpdate>;

export const MemberListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: BestuurRole.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const MemberParams = z.object({ bestuurId: Id, memberId: Id });
