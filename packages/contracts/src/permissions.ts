import { z } from 'zod';

/**
 * The one permission enum and the one role -> permission table. docs/PERMISSIONS.md is
 * generated from this file (npm run docs:permissions -w server) and checked by a test.
 */
export const bestuurRoles = [
  'beheerder',
  'informatieveiligheidsconsulent',
  'dpo',
  'proceseigenaar',
  'medewerker',
  'lezer',
  'auditor',
] as const;
export const BestuurRole = z.enum(bestuurRoles);
export type BestuurRole = z.infer<typeof BestuurRole>;

export const regionalRoles = ['coach', 'toezichthouder', 'platformbeheerder'] as const;
export const RegionalRole = z.enum(regionalRoles);
export type RegionalRole = z.infer<typeof RegionalRole>;

export const permissions = [
  // within one bestuur
  'bestuur.view',
  'bestuur.edit',
  'members.view',
  'members.manage',
  'audit.view',
  'audit.export',
  'isms.view',
  'isms.contribute',
  'isms.edit',
  'risks.accept',
  'apiTokens.create',
  // regional
  'region.besturen.view',
  'region.monitoring.view',
  'region.monitoring.manage',
  'region.content.manage',
  'region.reviews',
  'platform.besturen.manage',
  'platform.audit.view',
] as const;
export const Permission = z.enum(permissions);
export type Permission = z.infer<typeof Permission>;

const bestuurBase: Permission[] = ['bestuur.view', 'members.view', 'isms.view'];

export const rolePermissions: Record<BestuurRole | RegionalRole, readonly Permission[]> = {
  beheerder: [...bestuurBase, 'bestuur.edit', 'members.manage', 'audit.view', 'audit.export', 'apiTokens.create'],
  informatieveiligheidsconsulent: [
    ...bestuurBase,
    'members.manage',
    'audit.view',
    'audit.export',
    'isms.contribute',
    'isms.edit',
    'risks.accept',
    'apiTokens.create',
  ],
  dpo: [...bestuurBase, 'audit.view', 'audit.export', 'isms.contribute', 'isms.edit', 'apiTokens.create'],
  proceseigenaar: [...bestuurBase, 'isms.contribute', 'isms.edit'],
  medewerker: [...bestuurBase, 'isms.contribute'],
  lezer: [...bestuurBase],
  auditor: [...bestuurBase, 'audit.view', 'audit.export'],
  coach: ['region.besturen.view', 'region.monitoring.view', 'region.content.manage', 'region.reviews'],
  toezichthouder: ['region.besturen.view', 'region.monitoring.view', 'region.monitoring.manage'],
  platformbeheerder: ['region.besturen.view', 'platform.besturen.manage', 'platform.audit.view'],
};

/** Roles whose members may only read; the auditor role also carries an end date. */
export const readOnlyRoles: readonly BestuurRole[] = ['lezer', 'auditor'];

export function permissionsOf(roles: readonly (BestuurRole | RegionalRole)[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of rolePermissions[r]) out.add(p);
  return out;
}
