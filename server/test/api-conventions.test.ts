import { randomUUID } from 'node:crypto';
import { errorCodes, errorMessages } from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import { agentFor, createBestuur, createUser } from './support/factories.js';
import { sessionFor } from './support/fixtures.js';

const t = await createTestApp();

interface Operation {
  summary?: string;
  security?: unknown[];
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

/**
 * Every route the running app serves, read from Fastify's own route tree (one line per
 * node; each level indents four characters and adds its segment to the parent's).
 */
function appRoutes(): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│├└─\s]*?)([^│├└─\s].*) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4 - 1;
    stack.length = depth;
    stack[depth] = m[2];
    for (const method of m[3].split(', ')) out.push(`${method} ${stack.join('').replace(/:(\w+)/g, '{$1}')}`);
  }
  return out;
}

const openapi = async () => (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Doc;
const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, method, op })),
  );

async function signedIn(language: 'nl' | 'en' = 'nl') {
  const bestuur = await createBestuur(t);
  const user = await createUser(t, { memberOf: [[bestuur.id, 'beheerder']] });
  await t.raw('UPDATE users SET language = $1 WHERE id = $2', [language, user.id]);
  return { bestuur, user, agent: await sessionFor(t, user.id) };
}

describe('platform routes', () => {
  it('reports health and the kind of database under test', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('documents every route in OpenAPI 3.1, each with a summary', async () => {
    const doc = await openapi();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const served = appRoutes().filter(
      (r) => !r.startsWith('HEAD ') && !/^\w+ \/api\/(docs|openapi\.json)/.test(r) && !r.endsWith(' /*'),
    );
    // The parser itself must see the deepest routes, or the comparison proves nothing.
    expect(served).toContain('PATCH /api/besturen/{bestuurId}/members/{memberId}');
    expect(served).toContain('DELETE /api/me/tokens/{id}');
    expect(served.length).toBeGreaterThanOrEqual(20);
    const documented = operations(doc);
    expect(documented.map((o) => o.key).sort()).toEqual([...served].sort());
    for (const { key, op } of documented) expect(op.summary?.trim(), key).toBeTruthy();
  });

  it('serves the API documentation as HTML', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });

  it('asks for a sign-in on every GET route that is not public', async () => {
    const doc = await openapi();
    const closed = operations(doc).filter(
      (o) => o.method === 'get' && !(Array.isArray(o.op.security) && o.op.security.length === 0),
    );
    expect(closed.length).toBeGreaterThanOrEqual(10);
    for (const { key, path } of closed) {
      const res = await t.app.inject({ method: 'GET', url: path.replace(/\{\w+\}/g, randomUUID()) });
      expect(res.statusCode, key).toBe(401);
      expect(res.json(), key).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});

describe('errors', () => {
  it('answers an unknown API path with 404 NOT_FOUND', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await t.app.inject({ method, url: '/api/x' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'Niet gevonden.' });
    }
  });

  it('answers a malformed JSON body with 400 and a code', async () => {
    const { bestuur, agent } = await signedIn();
    const res = await agent.request('POST', `/api/besturen/${bestuur.id}/members`, '{"email": ', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'De invoer is ongeldig.' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().code).toBe('VALIDATION_FAILED');
  });

  it('gives every error a code and a message, in Dutch by default and in English on request', async () => {
    const { bestuur, agent } = await signedIn();
    const anonymous = agentFor(t, {});
    const noCsrf = agentFor(t, { cookie: agent.cookie });
    const url = `/api/besturen/${bestuur.id}`;
    const cases: [string, (h: Record<string, string>) => ReturnType<typeof agent.request>][] = [
      ['VALIDATION_FAILED', (h) => agent.request('GET', '/api/besturen?page=0', undefined, h)],
      ['UNAUTHENTICATED', (h) => anonymous.request('GET', '/api/me', undefined, h)],
      ['UNAUTHENTICATED', (h) => agentFor(t, { bearer: 'bkn_unknown' }).request('GET', url, undefined, h)],
      ['CSRF_INVALID', (h) => noCsrf.request('PATCH', url, { version: 1, name: 'Zonder CSRF' }, h)],
      [
        'FORBIDDEN',
        (h) =>
          agent.request(
            'POST',
            '/api/besturen',
            { kind: 'andere', name: 'Nee', nisCode: null, kboNumber: null, population: null, province: null },
            h,
          ),
      ],
      ['NOT_FOUND', (h) => agent.request('GET', `/api/besturen/${randomUUID()}`, undefined, h)],
      ['VERSION_CONFLICT', (h) => agent.request('PATCH', url, { version: 99, name: 'Te laat' }, h)],
    ];
    for (const [code, call] of cases) {
      const nl = await call({});
      expect(nl.body, code).toMatchObject({ code, message: errorMessages[code as keyof typeof errorMessages].nl });
      expect(nl.status).toBeGreaterThanOrEqual(400);
      const en = await call({ 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' });
      expect(en.body, code).toMatchObject({ code, message: errorMessages[code as keyof typeof errorMessages].en });
      expect(errorCodes).toContain(en.body.code);
    }
  });

  it('localises the issues of a validation error too', async () => {
    const { agent } = await signedIn();
    const nl = await agent.request('GET', '/api/besturen?pageSize=201');
    expect(nl.status).toBe(400);
    expect(nl.body.details.issues).toEqual([
      { path: ['pageSize'], code: 'too_big', message: expect.stringMatching(/^Te groot/) },
    ]);
    const en = await agent.request('GET', '/api/besturen?pageSize=201', undefined, { 'accept-language': 'en' });
    expect(en.body.details.issues[0].message).toMatch(/^Too big/);
  });

  it('follows the language of the signed-in user when the request names none', async () => {
    const { agent } = await signedIn('en');
    const res = await agent.request('GET', `/api/besturen/${randomUUID()}`);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'Not found.' });
    const nl = await agent.request('GET', `/api/besturen/${randomUUID()}`, undefined, { 'accept-language': 'nl-BE' });
    expect(nl.body.message).toBe('Niet gevonden.');
  });

  it('refuses page sizes above 200 on every list', async () => {
    const { bestuur, agent } = await signedIn();
    const lists = ['/api/besturen', `/api/besturen/${bestuur.id}/members`, `/api/besturen/${bestuur.id}/audit-events`];
    for (const list of lists) {
      expect((await agent.request('GET', `${list}?pageSize=200`)).status, list).toBe(200);
      const res = await agent.request('GET', `${list}?pageSize=201`);
      expect(res.status, list).toBe(400);
      expect(res.body.details.issues[0].path).toEqual(['pageSize']);
    }
    const platform = await sessionFor(t, (await createUser(t, { regionalRoles: ['platformbeheerder'] })).id);
    expect((await platform.request('GET', '/api/platform/audit-events?pageSize=201')).status).toBe(400);
  });
});

describe('request ids', () => {
  it('puts an x-request-id on every answer, also on errors, and keeps a sensible one it was given', async () => {
    const { agent } = await signedIn();
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await t.app.inject({ method: 'GET', url: '/api/x' }),
      await t.app.inject({ method: 'GET', url: '/api/me' }),
      await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer nope' } }),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x' } }),
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
      await t.app.inject({ method: 'GET', url: '/api/docs' }),
    ];
    const csrf = await agentFor(t, { cookie: agent.cookie }).request('PATCH', '/api/me', { version: 1 });
    expect(csrf.status).toBe(403);
    const ids = [...answers.map((a) => a.headers['x-request-id']), csrf.headers['x-request-id']];
    for (const id of ids) expect(id).toMatch(/^[\w-]{8,64}$/);
    expect(new Set(ids).size).toBe(ids.length);

    const given = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-42' } });
    expect(given.headers['x-request-id']).toBe('trace-42');
    const odd = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'a b<c>' } });
    expect(odd.headers['x-request-id']).not.toBe('a b<c>');
  });
});
