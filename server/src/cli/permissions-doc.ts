import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BestuurRole,
  type Permission,
  type RegionalRole,
  bestuurRoles,
  permissions,
  regionalRoles,
  rolePermissions,
} from '@baken/contracts';

/** Where the generated table lives, from the repository root. */
export const PERMISSIONS_DOC = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../docs/PERMISSIONS.md',
);

const roleNames: Record<BestuurRole | RegionalRole, string> = {
  beheerder: 'Beheerder',
  informatieveiligheidsconsulent: 'Informatieveiligheidsconsulent',
  dpo: 'DPO',
  proceseigenaar: 'Proceseigenaar',
  medewerker: 'Medewerker',
  lezer: 'Lezer',
  auditor: 'Auditor',
  coach: 'Coach',
  toezichthouder: 'Toezichthouder',
  platformbeheerder: 'Platformbeheerder',
};

const descriptions: Record<Permission, string> = {
  'bestuur.view': 'See the details of the bestuur',
  'bestuur.edit': 'Change the details of the bestuur (not whether it is active)',
  'members.view': 'See the members and their roles',
  'members.manage': 'Invite members; change their role or end date; deactivate them',
  'audit.view': 'Read the audit trail of the bestuur',
  'audit.export': 'Export the audit trail of the bestuur as xlsx',
  'isms.view': 'Read the ISMS: processes, risks, measures, reports',
  'isms.contribute': 'Fill in the parts of the ISMS assigned to you',
  'isms.edit': 'Change the ISMS',
  'risks.accept': 'Accept a risk on behalf of the bestuur',
  'apiTokens.create': 'Create personal API tokens for the bestuur',
  'region.besturen.view': 'See every bestuur',
  'region.monitoring.view': 'See the regional monitoring of all besturen',
  'region.monitoring.manage': 'Set the weights of the vulnerability score; take a monthly snapshot by hand',
  'region.content.manage': 'Manage shared content: frameworks, measures, process list',
  'region.reviews': 'Review the work of besturen',
  'platform.besturen.manage': 'Add besturen; change or deactivate any bestuur',
  'platform.audit.view': 'Read the platform trail: sign-ins and profile changes',
};

/** The role -> permission table of packages/contracts as markdown: roles as columns, permissions as rows. */
export function renderPermissionsDoc(): string {
  const roles = [...bestuurRoles, ...regionalRoles];
  const header = ['Permission', 'Description', ...roles.map((r) => roleNames[r])];
  const rows = permissions.map((p) => [
    `\`${p}\``,
    descriptions[p],
    ...roles.map((r) => (rolePermissions[r].includes(p) ? '✓' : '')),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  return [
    '# Permissions',
    '',
    'Generated from `packages/contracts/src/permissions.ts` by `server/src/cli/permissions-doc.ts`',
    '(`npm run docs:permissions -w server`). Do not edit by hand: a test compares this file with',
    'the generated text.',
    '',
    `Roles within a bestuur: ${bestuurRoles.map((r) => roleNames[r]).join(', ')}.`,
    `Regional roles: ${regionalRoles.map((r) => roleNames[r]).join(', ')}.`,
    'A member of a bestuur gets the permissions of their role in that bestuur only; an outsider',
    'gets 404 for everything of a bestuur they are not an active member of.',
    '',
    line(header),
    line(['---', '---', ...roles.map(() => ':-:')]),
    ...rows.map(line),
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(PERMISSIONS_DOC, renderPermissionsDoc());
  console.log(`wrote ${PERMISSIONS_DOC}`);
}
