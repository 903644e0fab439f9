import { z } from 'zod';
import { Email, Id, Language } from './common.js';
import { BestuurKind } from './besturen.js';
import { bestuurRoles, permissions, regionalRoles } from './permissions.js';

export const Password = z.string().min(12).max(200);

export const LoginRequest = z.object({
  email: Email,
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const MembershipSummary = z.object({
  bestuurId: Id,
  bestuurName: z.string(),
  bestuurKind: BestuurKind,
  role: z.enum(bestuurRoles),
  permissions: z.array(z.enum(permissions)),
});
export type MembershipSummary = z.infer<typeof MembershipSummary>;

export const SessionUser = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  language: Language,
  regionalRoles: z.array(z.enum(regionalRoles)),
  regionalPermissions: z.array(z.enum(permissions)),
});

export const SessionInfo = z.object({
  user: SessionUser,
  memberships: z.array(MembershipSummary),
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const PasswordResetRequest = z.object({ email: Email });
export const PasswordResetConfirm = z.object({
  token: z.string().min(20).max(200),
  password: Password,
});

export const AuthProviders = z.object({
  local: z.literal(true),
  oidc: z.object({ enabled: z.boolean(), label: z.string() }),
});
export type AuthProviders = z.infer<typeof AuthProviders>;
