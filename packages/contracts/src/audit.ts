import { z } from 'zod';
import { Id, PageQuery, Timestamp } from './common.js';

export const auditActions = ['create', 'update', 'delete', 'sign_in', 'sign_out', 'invite', 'revoke'] as const;

export const AuditEvent = z.object({
  id: Id,
  bestuurId: Id.nullable(),
  occurredAt: Timestamp,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.enum(auditActions),
  objectType: z.string(),
  objectId: z.string(),
  objectLabel: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditFilter = z.object({
  objectType: z.string().max(60).optional(),
  objectId: z.string().max(80).optional(),
  actorId: Id.optional(),
  action: z.enum(auditActions).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const AuditListQuery = PageQuery.extend(AuditFilter.shape);
export type AuditListQuery = z.infer<typeof AuditListQuery>;
