import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser, signIn } from './support/factories.js';

const t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });

async function platformAdmin() {
  const admin = await createUser(t, { regionalRoles: ['platformbeheerder'] });
  return signIn(t, admin.email, admin.password);
}

describe('the platform admin gives a bestuur its beheerder', () => {
  it('invites the first beheerder of a new bestuur, who gets an e-mail and can then manage it', async () => {
    const admin = await platformAdmin();
    const created = await admin.request('POST', '/api/besturen', {
      kind: 'politiezone',
      name: `Politiezone Nieuw-${Date.now()}`,
      nisCode: null,
      kboNumber: null,
      population: 50_000,
      province: 'antwerpen',
    });
    expect(created.status).toBe(201);
    const email = `korpschef-${Date.now()}@test.example`;
    const res = await admin.request('POST', `/api/besturen/${created.body.id}/administrators`, {
      email,
      displayName: 'Korpschef',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, role: 'beheerder', active: true, bestuurId: created.body.id });
    const mail = t.outbox.find((m) => m.to === email);
    expect(mail?.subject).toContain(created.body.name);
    const events = await t.raw(
      "SELECT actor_name, action FROM audit_events WHERE bestuur_id = $1 AND object_type = 'membership'",
      [created.body.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].action).toBe('invite');

    // The platform admin is not a member: the bestuur's own lists stay closed to them.
    expect((await admin.request('GET', `/api/besturen/${created.body.id}/members`)).status).toBe(404);
  });

  it('is refused as missing to everyone else, and changes nothing', async () => {
    const bestuur = await createBestuur(t);
    const coach = await createUser(t, { regionalRoles: ['coach'] });
    const member = await createUser(t, { memberOf: [[bestuur.id, 'beheerder']] });
    for (const who of [coach, member]) {
      const agent = await signIn(t, who.email, who.password);
      const res = await agent.request('POST', `/api/besturen/${bestuur.id}/administrators`, {
        email: `indringer-${Date.now()}@test.example`,
        displayName: 'Indringer',
      });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const members = await t.raw('SELECT count(*)::int AS n FROM memberships WHERE bestuur_id = $1', [bestuur.id]);
    expect(members[0].n).toBe(1);
  });

  it('answers 404 for a bestuur that does not exist', async () => {
    const admin = await platformAdmin();
    const res = await admin.request('POST', '/api/besturen/00000000-0000-4000-8000-000000000000/administrators', {
      email: 'niemand@test.example',
      displayName: 'Niemand',
    });
    expect(res.status).toBe(404);
  });
});
