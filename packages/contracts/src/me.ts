import { z } from 'zod';
import { Id, Language, Timestamp, Version } from './common.js';
import { Password } from './auth.js';

export const Me = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  language: Language,
  hasPassword: z.boolean(),
  version: z.number().int(),
});
export type Me = z.infer<typeof Me>;

export const MeUpdate = z.object({
  version: Version,
  displayName: z.string().trim().min(1).max(200).optional(),
  language: Language.optional(),
});

export const PasswordChange = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

export const ApiToken = z.object({
  id: Id,
  bestuurId: Id,
  bestuurName: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenCreate = z.object({
  bestuurId: Id,
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(366).nullable().default(90),
});

/** Returned once, at creation: the secret is never shown again. */
export const ApiTokenCreated = ApiToken.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;
