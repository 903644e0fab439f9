import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser, signIn } from './support/factories.js';

// The cache is on here, as in production (5 s).
const t = await createTestApp({ AUTH_CACHE_SECONDS: '5', LOGIN_RATE_PER_MINUTE: '10000' });

async function setup() {
  const bestuur = await createBestuur(t);
  const admin = await createUser(t, { memberOf: [[bestuur.id, 'beheerder']] });
  const colleague = await createUser(t, { memberOf: [[bestuur.id, 'lezer']] });
  return {
    bestuur,
    colleague,
    adminAgent: await signIn(t, admin.email, admin.password),
    colleagueAgent: await signIn(t, colleague.email, colleague.password),
  };
}

describe('principal cache', () => {
  it('serves repeated requests without asking the database again', async () => {
    const { bestuur, colleague, colleagueAgent } = await setup();
    expect((await colleagueAgent.request('GET', `/api/besturen/${bestuur.id}/members`)).status).toBe(200);
    // Behind the app's back the session is gone; within the cache time the app still knows it.
    await t.raw('DELETE FROM sessions WHERE user_id = $1', [colleague.id]);
    expect((await colleagueAgent.request('GET', `/api/besturen/${bestuur.id}/members`)).status).toBe(200);
  });

  it('forgets at once when a change goes through this process: a deactivated member is out', async () => {
    const { bestuur, colleague, adminAgent, colleagueAgent } = await setup();
    expect((await colleagueAgent.request('GET', `/api/besturen/${bestuur.id}/members`)).status).toBe(200);
    const memberId = colleague.memberships[bestuur.id];
    const res = await adminAgent.request('PATCH', `/api/besturen/${bestuur.id}/members/${memberId}`, {
      version: 1,
      active: false,
    });
    expect(res.status).toBe(200);
    expect((await colleagueAgent.request('GET', `/api/besturen/${bestuur.id}/members`)).status).toBe(404);
  });

  it('forgets a session at sign-out', async () => {
    const { colleagueAgent } = await setup();
    expect((await colleagueAgent.request('GET', '/api/auth/session')).status).toBe(200);
    expect((await colleagueAgent.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await colleagueAgent.request('GET', '/api/auth/session')).status).toBe(401);
  });
});
