import fs from 'node:fs';
import {
  type BestuurRole,
  type Permission,
  bestuurRoles,
  permissions,
  readOnlyRoles,
  regionalRoles,
  rolePermissions,
} from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS_DOC, renderPermissionsDoc } from '../src/cli/permissions-doc.js';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser } from './support/factories.js';
import { sessionFor } from './support/fixtures.js';

const t = await createTestApp();
const doc = fs.readFileSync(PERMISSIONS_DOC, 'utf8');

/** Reads the table back from docs/PERMISSIONS.md: permission -> the role columns with a ✓. */
function tableOfDoc(): { roles: string[]; granted: Record<string, string[]> } {
  const rows = doc
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  const roles = rows[0].slice(2);
  const granted: Record<string, string[]> = {};
  for (const row of rows.slice(2)) {
    granted[row[0].replaceAll('`', '')] = roles.filter((_, i) => row[i + 2] === '✓');
  }
  return { roles, granted };
}

describe('the role -> permission table', () => {
  it('is what docs/PERMISSIONS.md says, to the character (regenerate: npm run docs:permissions -w server)', () => {
    expect(doc).toBe(renderPermissionsDoc());
  });

  it('reads back from the doc as the same grants as in the code', () => {
    const { roles, granted } = tableOfDoc();
    const allRoles = [...bestuurRoles, ...regionalRoles];
    expect(roles).toHaveLength(allRoles.length);
    expect(Object.keys(granted)).toEqual([...permissions]);
    for (const p of permissions) {
      const expected = allRoles.map((r, i) => (rolePermissions[r].includes(p) ? roles[i] : null)).filter(Boolean);
      expect(granted[p], p).toEqual(expected);
    }
  });

  it('gives the read-only roles nothing that changes anything', () => {
    expect([...readOnlyRoles].sort()).toEqual(['auditor', 'lezer']);
    for (const role of readOnlyRoles) {
      const writes = rolePermissions[role].filter((p) => /\.(edit|manage|contribute|accept|create)$/.test(p));
      expect(writes, role).toEqual([]);
    }
  });

  it('keeps bestuur roles and regional roles apart, and leaves no permission unused', () => {
    const regional = (p: Permission) => p.startsWith('region.') || p.startsWith('platform.');
    for (const r of bestuurRoles) expect(rolePermissions[r].filter(regional), r).toEqual([]);
    for (const r of regionalRoles)
      expect(
        rolePermissions[r].filter((p) => !regional(p)),
        r,
      ).toEqual([]);
    const used = new Set(Object.values(rolePermissions).flat());
    expect(permissions.filter((p) => !used.has(p))).toEqual([]);
  });
});

describe('the server enforces the table', () => {
  it('lets each bestuur role do exactly what its permissions say', async () => {
    const bestuur = await createBestuur(t);
    const base = `/api/besturen/${bestuur.id}`;
    // Each call is harmless when allowed (a stale version, an existing member), so the roles can share one bestuur.
    const checks: [Permission, (role: BestuurRole, email: string) => [string, string, unknown?]][] = [
      ['members.view', () => ['GET', `${base}/members`]],
      ['members.manage', (_, email) => ['POST', `${base}/members`, { email, displayName: 'Dubbel', role: 'lezer' }]],
      ['bestuur.edit', () => ['PATCH', base, { version: 999, population: 1 }]],
      ['audit.view', () => ['GET', `${base}/audit-events`]],
      ['audit.export', () => ['GET', `${base}/audit-events/export`]],
      ['apiTokens.create', () => ['POST', '/api/me/tokens', { bestuurId: bestuur.id, name: 'check' }]],
    ];
    for (const role of bestuurRoles) {
      const user = await createUser(t, { memberOf: [[bestuur.id, role]] });
      const agent = await sessionFor(t, user.id);
      for (const [permission, call] of checks) {
        const [method, url, body] = call(role, user.email);
        const res = await agent.request(method as 'GET', url, body);
        const allowed = rolePermissions[role].includes(permission);
        if (allowed) expect([200, 201, 409], `${role} ${permission}`).toContain(res.status);
        else expect(res.status, `${role} ${permission}`).toBe(403);
      }
    }
  });
});
