import { randomUUID } from 'node:crypto';
import type { BestuurKind, BestuurRole, RegionalRole } from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, dottedKbo, freshKbo, sessionFor, tokenAgent } from './support/fixtures.js';

const t = await createTestApp();

const tag = () => randomUUID().slice(0, 8);
const nis = () => String(10_000 + Math.floor(Math.random() * 89_999));
const newBestuur = (over: Record<string, unknown> = {}) => ({
  kind: 'gemeente' as BestuurKind,
  name: `Gemeente ${tag()}`,
  nisCode: nis(),
  kboNumber: dottedKbo(freshKbo()),
  population: 15_000,
  province: 'limburg',
  ...over,
});

const regional = async (...roles: RegionalRole[]) => sessionFor(t, (await createUser(t, { regionalRoles: roles })).id);
const admin = await regional('platformbeheerder');
const memberAgent = async (bestuurId: string, role: BestuurRole) =>
  sessionFor(t, (await createUser(t, { memberOf: [[bestuurId, role]] })).id);

async function create(over: Record<string, unknown> = {}) {
  const res = await admin.request('POST', '/api/besturen', newBestuur(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; version: number; kboNumber: string; nisCode: string };
}
const stored = async (id: string) => (await t.raw('SELECT * FROM besturen WHERE id = $1', [id]))[0];
const issuesOf = (body: { details: { issues: { path: string[]; message: string; code: string }[] } }) =>
  body.details.issues;

describe('creating a bestuur', () => {
  it('lets the platform admin add one, stores the KBO number as digits and writes one audit event', async () => {
    const kbo = freshKbo();
    const input = newBestuur({ kboNumber: dottedKbo(kbo), province: 'west-vlaanderen' });
    const res = await admin.request('POST', '/api/besturen', input);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...input, kboNumber: kbo, active: true, version: 1 });
    expect(await stored(res.body.id)).toMatchObject({ kbo_number: kbo, nis_code: input.nisCode, population: 15_000 });
    const events = await auditEventsOf(t, res.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'create', object_type: 'bestuur', object_id: res.body.id, before: null });
    expect(events[0].after).toEqual({
      id: res.body.id,
      kind: 'gemeente',
      name: input.name,
      nisCode: input.nisCode,
      kboNumber: kbo,
      population: 15_000,
      province: 'west-vlaanderen',
      active: true,
    });
  });

  it('refuses a KBO number with a wrong check, in Dutch by default and in English on request', async () => {
    const input = newBestuur({ kboNumber: '0207.451.228' });
    const nl = await admin.request('POST', '/api/besturen', input);
    expect(nl.status).toBe(400);
    expect(nl.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'De invoer is ongeldig.' });
    expect(issuesOf(nl.body)).toEqual([
      { path: ['kboNumber'], code: 'kbo_invalid', message: expect.stringContaining('Geen geldig ondernemingsnummer') },
    ]);

    const en = await admin.request('POST', '/api/besturen', input, { 'accept-language': 'en' });
    expect(en.body.message).toBe('The input is invalid.');
    expect(issuesOf(en.body)[0].message).toMatch(/^Not a valid enterprise number/);
    expect(await t.raw('SELECT id FROM besturen WHERE name = $1', [input.name])).toEqual([]);
  });

  it('gives only a gemeente, stad or OCMW a NIS code, and only one of five digits', async () => {
    const pz = await admin.request('POST', '/api/besturen', newBestuur({ kind: 'politiezone' }));
    expect(pz.status).toBe(400);
    expect(issuesOf(pz.body)).toEqual([
      {
        path: ['nisCode'],
        code: 'nis_code_not_applicable',
        message: 'Alleen een gemeente, stad of OCMW heeft een NIS-code.',
      },
    ]);
    const short = await admin.request('POST', '/api/besturen', newBestuur({ nisCode: '7109' }));
    expect(short.status).toBe(400);
    expect(issuesOf(short.body)[0]).toMatchObject({ path: ['nisCode'], message: 'Een NIS-code heeft 5 cijfers.' });
    expect((await create({ kind: 'politiezone', nisCode: null })).nisCode).toBeNull();
  });

  it('refuses a KBO number that is taken, however it is typed, and leaves no trace', async () => {
    const first = await create();
    const input = newBestuur({ kboNumber: `BE ${first.kboNumber}` });
    const res = await admin.request('POST', '/api/besturen', input);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'KBO_TAKEN',
      message: 'Er bestaat al een bestuur met dit ondernemingsnummer.',
    });
    expect(await t.raw('SELECT id FROM besturen WHERE kbo_number = $1', [first.kboNumber])).toEqual([{ id: first.id }]);
    expect(await t.raw('SELECT id FROM audit_events WHERE object_label = $1', [input.name])).toEqual([]);
  });

  it('refuses a NIS code taken by the same kind, but lets a gemeente and its OCMW share one', async () => {
    const gemeente = await create();
    const twin = await admin.request('POST', '/api/besturen', newBestuur({ nisCode: gemeente.nisCode }));
    expect(twin.status).toBe(409);
    expect(twin.body.code).toBe('NIS_CODE_TAKEN');
    expect((await create({ kind: 'ocmw', nisCode: gemeente.nisCode })).nisCode).toBe(gemeente.nisCode);
  });

  it('is for the platform admin only', async () => {
    const own = await createBestuur(t);
    const beheerder = await memberAgent(own.id, 'beheerder');
    const others: Agent[] = [await regional('coach'), await regional('toezichthouder'), beheerder];
    others.push(await tokenAgent(t, beheerder, own.id));
    for (const agent of others) {
      const input = newBestuur();
      const res = await agent.request('POST', '/api/besturen', input);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(await t.raw('SELECT id FROM besturen WHERE name = $1', [input.name])).toEqual([]);
    }
  });
});

describe('listing besturen', () => {
  const marker = `Lijst${tag()}`;
  const made: { id: string; name: string; nisCode: string }[] = [];
  const setup = async () => {
    if (made.length) return made;
    made.push(await create({ name: `${marker} A`, kind: 'gemeente' }));
    made.push(await create({ name: `${marker} B`, kind: 'stad' }));
    made.push(await create({ name: `${marker} C`, kind: 'ocmw' }));
    return made;
  };

  it('shows every bestuur to coach, supervisor and platform admin: paged, with total, searchable and filtered', async () => {
    const [a, b, c] = await setup();
    for (const agent of [await regional('coach'), await regional('toezichthouder'), admin]) {
      const p1 = await agent.request('GET', `/api/besturen?q=${marker}&pageSize=2`);
      expect(p1.status).toBe(200);
      expect(p1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(p1.body.items.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
      const p2 = await agent.request('GET', `/api/besturen?q=${marker}&pageSize=2&page=2`);
      expect(p2.body).toMatchObject({ total: 3, page: 2 });
      expect(p2.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
      const past = await agent.request('GET', `/api/besturen?q=${marker}&pageSize=2&page=5`);
      expect(past.body).toMatchObject({ items: [], total: 3, page: 5 });

      const stad = await agent.request('GET', `/api/besturen?q=${marker}&kind=stad`);
      expect(stad.body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
      const byNis = await agent.request('GET', `/api/besturen?q=${c.nisCode}`);
      expect(byNis.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
      expect((await agent.request('GET', `/api/besturen/${c.id}`)).body.name).toBe(c.name);
    }
    const all = await admin.request('GET', '/api/besturen?pageSize=200');
    expect(all.body.total).toBe(Number((await t.raw('SELECT count(*)::int AS n FROM besturen'))[0].n));
  });

  it('shows a member only their own besturen, and an API token only its own', async () => {
    const [a, b, c] = await setup();
    const user = await createUser(t, {
      memberOf: [
        [a.id, 'lezer'],
        [b.id, 'beheerder'],
      ],
    });
    const agent = await sessionFor(t, user.id);
    const mine = await agent.request('GET', `/api/besturen?q=${marker}`);
    expect(mine.body).toMatchObject({ total: 2 });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    expect((await agent.request('GET', `/api/besturen?q=${encodeURIComponent(c.name)}`)).body).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await agent.request('GET', `/api/besturen/${c.id}`)).status).toBe(404);

    const token = await tokenAgent(t, agent, b.id);
    const viaToken = await token.request('GET', '/api/besturen');
    expect(viaToken.body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect((await token.request('GET', `/api/besturen/${a.id}`)).status).toBe(404);
  });
});

describe('changing a bestuur', () => {
  it('raises the version and records only the changed fields', async () => {
    const b = await create({ population: 100 });
    const res = await admin.request('PATCH', `/api/besturen/${b.id}`, {
      version: 1,
      name: `${b.name} (nieuw)`,
      population: 200,
      province: 'limburg',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, name: `${b.name} (nieuw)`, population: 200 });
    expect(await stored(b.id)).toMatchObject({ version: 2, population: 200 });
    const [event, created] = await auditEventsOf(t, b.id);
    expect(created.action).toBe('create');
    expect(event).toMatchObject({ action: 'update', object_type: 'bestuur', object_id: b.id });
    expect(event.before).toEqual({ name: b.name, population: 100 });
    expect(event.after).toEqual({ name: `${b.name} (nieuw)`, population: 200 });
  });

  it('answers a stale version with 409 and the stored object, and changes nothing', async () => {
    const b = await create();
    expect((await admin.request('PATCH', `/api/besturen/${b.id}`, { version: 1, population: 1 })).status).toBe(200);
    const res = await admin.request('PATCH', `/api/besturen/${b.id}`, { version: 1, population: 2 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    const current = await admin.request('GET', `/api/besturen/${b.id}`);
    expect(res.body.details.current).toEqual(current.body);
    expect(current.body).toMatchObject({ version: 2, population: 1 });
    expect(await auditEventsOf(t, b.id)).toHaveLength(2);
  });

  it('lets a beheerder edit their own bestuur, but not switch it off', async () => {
    const own = await createBestuur(t);
    const beheerder = await memberAgent(own.id, 'beheerder');
    const ok = await beheerder.request('PATCH', `/api/besturen/${own.id}`, { version: 1, population: 4321 });
    expect(ok.status).toBe(200);
    const off = await beheerder.request('PATCH', `/api/besturen/${own.id}`, { version: 2, active: false });
    expect(off.status).toBe(403);
    expect(off.body.code).toBe('FORBIDDEN');
    expect(await stored(own.id)).toMatchObject({ active: true, version: 2, population: 4321 });
  });

  it('refuses members without bestuur.edit', async () => {
    const own = await createBestuur(t);
    for (const role of ['lezer', 'informatieveiligheidsconsulent', 'auditor'] as const) {
      const res = await (await memberAgent(own.id, role)).request('PATCH', `/api/besturen/${own.id}`, {
        version: 1,
        name: 'Niet toegestaan',
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect(await stored(own.id)).toMatchObject({ name: own.name, version: 1 });
  });

  it('keeps the rules on NIS code and KBO number when changing', async () => {
    const taken = await create();
    const pz = await create({ kind: 'politiezone', nisCode: null });
    const nisRes = await admin.request('PATCH', `/api/besturen/${pz.id}`, { version: 1, nisCode: '71099' });
    expect(nisRes.status).toBe(400);
    expect(issuesOf(nisRes.body)[0]).toMatchObject({ path: ['nisCode'], code: 'nis_code_not_applicable' });
    const kboRes = await admin.request('PATCH', `/api/besturen/${pz.id}`, { version: 1, kboNumber: taken.kboNumber });
    expect(kboRes.status).toBe(409);
    expect(kboRes.body.code).toBe('KBO_TAKEN');
    expect(await stored(pz.id)).toMatchObject({ version: 1, nis_code: null, kbo_number: pz.kboNumber });
    expect(
      (await admin.request('PATCH', `/api/besturen/${randomUUID()}`, { version: 1, name: 'Nergens' })).status,
    ).toBe(404);
  });

  it('cuts the members of a bestuur the platform admin switches off', async () => {
    const own = await createBestuur(t);
    const member = await memberAgent(own.id, 'beheerder');
    expect((await member.request('GET', `/api/besturen/${own.id}/members`)).status).toBe(200);
    const off = await admin.request('PATCH', `/api/besturen/${own.id}`, { version: 1, active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await member.request('GET', `/api/besturen/${own.id}/members`)).status).toBe(404);
    const session = await member.request('GET', '/api/auth/session');
    expect(session.body.memberships).toEqual([]);
  });
});
