import { randomUUID } from 'node:crypto';
import type { BestuurRole } from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser } from './support/factories.js';
import { auditCount, auditEventsOf, sessionFor, snapshot, tokenAgent } from './support/fixtures.js';

const t = await createTestApp();

const email = () => `lid-${randomUUID().slice(0, 8)}@test.example`;
const ids = (body: { items: { id: string }[] }) => body.items.map((m) => m.id);

/** A bestuur with a manager of the given role, signed in. */
async function bestuurWith(role: BestuurRole = 'beheerder') {
  const bestuur = await createBestuur(t);
  const user = await createUser(t, { memberOf: [[bestuur.id, role]] });
  return { bestuur, user, agent: await sessionFor(t, user.id), url: `/api/besturen/${bestuur.id}/members` };
}
const membership = async (id: string) => (await t.raw('SELECT * FROM memberships WHERE id = $1', [id]))[0];

describe('listing members', () => {
  it('pages with a total and filters on text, role and active', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const add = async (name: string, role: BestuurRole) =>
      (await createUser(t, { name, memberOf: [[bestuur.id, role]] })).memberships[bestuur.id];
    const anna = await add('Anna Peeters', 'lezer');
    const bart = await add('Bart Claes', 'medewerker');
    const carla = await add('Carla Peeters', 'lezer');
    const dirk = await add('Dirk Janssens', 'auditor');
    await t.raw('UPDATE memberships SET active = false WHERE id = $1', [carla]);

    const p2 = await agent.request('GET', `${url}?pageSize=2&page=2`);
    expect(p2.status).toBe(200);
    expect(p2.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(ids(p2.body)).toEqual([carla, dirk]);
    expect((await agent.request('GET', `${url}?pageSize=2&page=9`)).body).toMatchObject({ items: [], total: 5 });
    expect(ids((await agent.request('GET', `${url}?q=peeters`)).body)).toEqual([anna, carla]);
    expect(ids((await agent.request('GET', `${url}?role=lezer`)).body)).toEqual([anna, carla]);
    expect(ids((await agent.request('GET', `${url}?active=false`)).body)).toEqual([carla]);
    expect(ids((await agent.request('GET', `${url}?active=true&role=lezer`)).body)).toEqual([anna]);

    const first = (await agent.request('GET', `${url}?q=bart`)).body.items[0];
    expect(first).toMatchObject({ id: bart, bestuurId: bestuur.id, displayName: 'Bart Claes', role: 'medewerker' });
    expect(first).toMatchObject({ endsAt: null, active: true, lastSignInAt: null, version: 1 });
    expect((await agent.request('GET', `${url}?q=dirk`)).body.items[0].endsAt).toBe('2099-12-31');
  });

  it('is open to every member, also a lezer', async () => {
    const { bestuur, url } = await bestuurWith();
    const lezer = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);
    const res = await lezer.request('GET', url);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
  });
});

describe('inviting', () => {
  it('creates an account without password for a new address, mails a Dutch invitation and records it', async () => {
    const { bestuur, user, agent, url } = await bestuurWith('informatieveiligheidsconsulent');
    const address = email();
    const res = await agent.request('POST', url, {
      email: `  ${address.toUpperCase()} `,
      displayName: 'Nieuw Lid',
      role: 'medewerker',
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: address, displayName: 'Nieuw Lid', role: 'medewerker', active: true });
    const [account] = await t.raw('SELECT id, password_hash, language FROM users WHERE email = $1', [address]);
    expect(account).toMatchObject({ password_hash: null, language: 'nl', id: res.body.userId });
    expect(await membership(res.body.id)).toMatchObject({
      bestuur_id: bestuur.id,
      role: 'medewerker',
      invited_by: user.id,
    });

    const mail = t.outbox.at(-1);
    expect(mail?.to).toBe(address);
    expect(mail?.subject).toBe(`Baken: u bent uitgenodigd voor ${bestuur.name}`);
    expect(mail?.text).toMatch(/Kies uw wachtwoord via deze link/);
    expect(mail?.text).toContain('http://baken.test/');

    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({
      action: 'invite',
      object_type: 'membership',
      object_id: res.body.id,
      actor_id: user.id,
    });
    expect(event.after).toEqual({ email: address, role: 'medewerker', endsAt: null, active: true });
  });

  it('adds an existing user of another bestuur and tells them in their own language', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const other = await createBestuur(t);
    const existing = await createUser(t, { memberOf: [[other.id, 'beheerder']] });
    await t.raw("UPDATE users SET language = 'en' WHERE id = $1", [existing.id]);
    const [before] = await t.raw('SELECT password_hash FROM users WHERE id = $1', [existing.id]);

    const res = await agent.request('POST', url, { email: existing.email, displayName: 'Genegeerd', role: 'lezer' });
    expect(res.status).toBe(201);
    expect(res.body.userId).toBe(existing.id);
    expect(t.outbox.at(-1)).toMatchObject({
      to: existing.email,
      subject: `Baken: you now have access to ${bestuur.name}`,
    });
    expect(await t.raw('SELECT password_hash FROM users WHERE id = $1', [existing.id])).toEqual([before]);
    expect(await t.raw('SELECT 1 FROM password_tokens WHERE user_id = $1', [existing.id])).toEqual([]);
    expect(await auditCount(t, bestuur.id)).toBe(1);
  });

  it('refuses someone who is already a member, also a deactivated one, and leaves no trace', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const member = await createUser(t, { memberOf: [[bestuur.id, 'lezer']] });
    const gone = await createUser(t, { memberOf: [[bestuur.id, 'lezer']] });
    await t.raw('UPDATE memberships SET active = false WHERE id = $1', [gone.memberships[bestuur.id]]);
    const before = await snapshot(t, bestuur.id);
    const mails = t.outbox.length;

    for (const address of [member.email.toUpperCase(), gone.email]) {
      const res = await agent.request('POST', url, { email: address, displayName: 'Dubbel', role: 'beheerder' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'MEMBER_EXISTS', message: 'Deze persoon is al lid van dit bestuur.' });
    }
    expect(await snapshot(t, bestuur.id)).toEqual(before);
    expect(t.outbox.length).toBe(mails);
  });

  it('gives an auditor an end date, always', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const address = email();
    const res = await agent.request('POST', url, { email: address, displayName: 'Audi Tor', role: 'auditor' });
    expect(res.status).toBe(400);
    expect(res.body.details.issues).toEqual([
      { path: ['endsAt'], code: 'auditor_requires_end_date', message: 'Een auditor krijgt altijd een einddatum.' },
    ]);
    expect(await t.raw('SELECT 1 FROM users WHERE email = $1', [address])).toEqual([]);
    const ok = await agent.request('POST', url, {
      email: address,
      displayName: 'Audi Tor',
      role: 'auditor',
      endsAt: '2031-03-31',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.endsAt).toBe('2031-03-31');
    expect(await auditCount(t, bestuur.id)).toBe(1);
  });

  it('is not for members without members.manage', async () => {
    const { bestuur, url } = await bestuurWith();
    for (const role of ['lezer', 'medewerker', 'dpo', 'auditor'] as const) {
      const agent = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, role]] })).id);
      const address = email();
      const res = await agent.request('POST', url, { email: address, displayName: 'X', role: 'lezer' });
      expect(res.status, role).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(await t.raw('SELECT 1 FROM users WHERE email = $1', [address])).toEqual([]);
    }
  });
});

describe('changing a member', () => {
  const setup = async () => {
    const ctx = await bestuurWith('informatieveiligheidsconsulent');
    const target = await createUser(t, { memberOf: [[ctx.bestuur.id, 'lezer']] });
    const id = target.memberships[ctx.bestuur.id];
    return { ...ctx, target, id, memberUrl: `${ctx.url}/${id}` };
  };

  it('changes role, end date and active, each with a version and an audit event of what changed', async () => {
    const { bestuur, agent, id, memberUrl } = await setup();
    const steps: [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>][] = [
      [{ role: 'medewerker' }, { role: 'lezer' }, { role: 'medewerker' }],
      [{ endsAt: '2030-06-30' }, { endsAt: null }, { endsAt: '2030-06-30' }],
      [{ active: false }, { active: true }, { active: false }],
    ];
    let version = 1;
    for (const [change, before, after] of steps) {
      const res = await agent.request('PATCH', memberUrl, { version, ...change });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, version: version + 1, ...change });
      version += 1;
      const [event] = await auditEventsOf(t, bestuur.id);
      expect(event).toMatchObject({ action: 'update', object_type: 'membership', object_id: id });
      expect([event.before, event.after]).toEqual([before, after]);
    }
    expect(await membership(id)).toMatchObject({ role: 'medewerker', active: false, version: 4 });
    expect(await auditCount(t, bestuur.id)).toBe(3);
  });

  it('answers a stale version with 409 and the member as stored', async () => {
    const { agent, url, target, memberUrl } = await setup();
    expect((await agent.request('PATCH', memberUrl, { version: 1, role: 'dpo' })).status).toBe(200);
    const res = await agent.request('PATCH', memberUrl, { version: 1, role: 'medewerker' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    const listed = (await agent.request('GET', `${url}?q=${encodeURIComponent(target.email)}`)).body.items[0];
    expect(res.body.details.current).toEqual(listed);
    expect(listed).toMatchObject({ role: 'dpo', version: 2 });
  });

  it('does not let you change yourself', async () => {
    const { bestuur, user, agent, url } = await bestuurWith();
    const own = user.memberships[bestuur.id];
    const res = await agent.request('PATCH', `${url}/${own}`, { version: 1, role: 'lezer' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('SELF_CHANGE');
    expect(await membership(own)).toMatchObject({ role: 'beheerder', version: 1 });
  });

  it('needs an end date to make someone auditor, and members.manage to change anyone', async () => {
    const { bestuur, agent, id, memberUrl } = await setup();
    const res = await agent.request('PATCH', memberUrl, { version: 1, role: 'auditor' });
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0]).toMatchObject({ path: ['endsAt'], code: 'auditor_requires_end_date' });
    const lezer = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);
    expect((await lezer.request('PATCH', memberUrl, { version: 1, role: 'beheerder' })).status).toBe(403);
    expect(await membership(id)).toMatchObject({ role: 'lezer', version: 1 });
    const ok = await agent.request('PATCH', memberUrl, { version: 1, role: 'auditor', endsAt: '2030-01-31' });
    expect(ok.body).toMatchObject({ role: 'auditor', endsAt: '2030-01-31' });
  });

  it('keeps at least one active beheerder', async () => {
    const { bestuur, agent } = await bestuurWith('informatieveiligheidsconsulent');
    const admin = await createUser(t, { memberOf: [[bestuur.id, 'beheerder']] });
    const adminUrl = `/api/besturen/${bestuur.id}/members/${admin.memberships[bestuur.id]}`;
    const before = await snapshot(t, bestuur.id);
    for (const change of [{ active: false }, { role: 'lezer' }, { endsAt: '2020-01-01' }]) {
      const res = await agent.request('PATCH', adminUrl, { version: 1, ...change });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('LAST_ADMIN');
    }
    expect(await snapshot(t, bestuur.id)).toEqual(before);
    await createUser(t, { memberOf: [[bestuur.id, 'beheerder']] });
    expect((await agent.request('PATCH', adminUrl, { version: 1, role: 'lezer' })).status).toBe(200);
  });
});

describe('losing access', () => {
  it('takes effect on the next request of a deactivated member, also through an API token', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const other = await createBestuur(t);
    const member = await createUser(t, {
      memberOf: [
        [bestuur.id, 'informatieveiligheidsconsulent'],
        [other.id, 'lezer'],
      ],
    });
    const session = await sessionFor(t, member.id);
    const token = await tokenAgent(t, session, bestuur.id);
    expect((await session.request('GET', url)).status).toBe(200);
    expect((await token.request('GET', url)).status).toBe(200);

    const off = await agent.request('PATCH', `${url}/${member.memberships[bestuur.id]}`, { version: 1, active: false });
    expect(off.status).toBe(200);

    expect((await session.request('GET', url)).status).toBe(404);
    expect((await session.request('GET', `/api/besturen/${bestuur.id}`)).status).toBe(404);
    expect((await token.request('GET', url)).status).toBe(404);
    const listed = (await session.request('GET', '/api/auth/session')).body.memberships;
    expect(listed.map((m: { bestuurId: string }) => m.bestuurId)).toEqual([other.id]);
  });

  it('ends with an end date in the past and comes back when reactivated', async () => {
    const { agent, url } = await bestuurWith();
    const bestuurId = url.split('/')[3];
    const member = await createUser(t, { memberOf: [[bestuurId, 'medewerker']] });
    const session = await sessionFor(t, member.id);
    const memberUrl = `${url}/${member.memberships[bestuurId]}`;
    expect((await agent.request('PATCH', memberUrl, { version: 1, endsAt: '2020-12-31' })).status).toBe(200);
    expect((await session.request('GET', url)).status).toBe(404);
    expect((await agent.request('PATCH', memberUrl, { version: 2, endsAt: null })).status).toBe(200);
    expect((await session.request('GET', url)).status).toBe(200);
  });
});
