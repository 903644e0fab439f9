import { errorMessages } from '@baken/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncContent } from '../src/modules/catalog/catalog.service.js';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import type { Measure } from '../src/modules/catalog/content.schema.js';
import { createTestApp } from './support/app.js';
import { agentFor, createBestuur, createUser } from './support/factories.js';
import { sessionFor } from './support/fixtures.js';

const t = await createTestApp();
// The real content/: the expectations below are derived from it, not typed in by hand.
const content = loadContent();
const codes = (measures: Measure[]) => measures.map((m) => m.code).sort();
const served = (framework: string) => content.measures.filter((m) => m.mappings.some((x) => x.framework === framework));

async function member() {
  const bestuur = await createBestuur(t);
  return sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);
}

/** Every page of a list, to compare whole results with content/. */
async function all(agent: Awaited<ReturnType<typeof member>>, query: string) {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const res = await agent.request('GET', `/api/catalog/measures?pageSize=200&page=${page}&${query}`);
    expect(res.status, query).toBe(200);
    out.push(...res.body.items.map((m: { code: string }) => m.code));
    if (out.length >= res.body.total) return out;
  }
}

beforeAll(async () => {
  await syncContent(t.db.app, content);
});

describe('catalogue: measures', () => {
  it('pages through all measures in code order with a total', async () => {
    const agent = await member();
    const first = await agent.request('GET', '/api/catalog/measures?pageSize=10');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: content.measures.length, page: 1, pageSize: 10 });
    expect(first.body.items).toHaveLength(10);
    const sorted = codes(content.measures);
    const third = await agent.request('GET', '/api/catalog/measures?pageSize=10&page=3');
    expect(third.body.items.map((m: { code: string }) => m.code)).toEqual(sorted.slice(20, 30));
    const beyond = await agent.request('GET', '/api/catalog/measures?pageSize=10&page=999');
    expect(beyond.body).toMatchObject({ items: [], total: content.measures.length });
    expect(await all(agent, '')).toEqual(sorted);
  });

  it('filters by security domain and by the framework a measure serves', async () => {
    const agent = await member();
    const access = content.measures.filter((m) => m.domain === 'access-management');
    expect(access.length).toBeGreaterThan(1);
    expect(await all(agent, 'domain=access-management')).toEqual(codes(access));
    for (const framework of ['nis2-art21', 'gdpr-art32', 'ksz-minimum-norms']) {
      const expected = codes(served(framework));
      expect(expected.length, framework).toBeGreaterThan(0);
      expect(expected.length, framework).toBeLessThan(content.measures.length);
      expect(await all(agent, `framework=${framework}`), framework).toEqual(expected);
    }
    const both = codes(served('nis2-art21').filter((m) => m.domain === 'access-management'));
    expect(await all(agent, 'framework=nis2-art21&domain=access-management')).toEqual(both);
    expect(await all(agent, 'domain=no-such-domain')).toEqual([]);
  });

  it('searches the code and the Dutch and English titles, case-insensitively', async () => {
    const agent = await member();
    const matches = (q: string) =>
      codes(
        content.measures.filter((m) =>
          [m.code, m.title.nl, m.title.en].some((s) => s.toLowerCase().includes(q.toLowerCase())),
        ),
      );
    expect(await all(agent, 'q=tb-0')).toEqual(matches('tb-0'));
    expect(matches('tb-0').length).toBeGreaterThan(1);
    const tb01 = content.measures.find((m) => m.code === 'TB-01') as Measure;
    const nlWord = 'uitstroom';
    const enWord = 'joiner-mover';
    expect(tb01.title.nl).toContain(nlWord);
    expect(tb01.title.en).toContain(enWord);
    expect(await all(agent, `q=${nlWord.toUpperCase()}`)).toEqual(matches(nlWord));
    expect(await all(agent, `q=${enWord}`)).toEqual(matches(enWord));
    expect(await all(agent, `q=${encodeURIComponent('100%_')}`)).toEqual([]);
  });

  it('carries both languages and the class rule in the summary', async () => {
    const agent = await member();
    const res = await agent.request('GET', '/api/catalog/measures?q=TB-01', undefined, { 'accept-language': 'en' });
    const tb01 = content.measures.find((m) => m.code === 'TB-01') as Measure;
    expect(res.body.items[0]).toEqual({
      code: 'TB-01',
      domain: 'access-management',
      type: tb01.type,
      title: { nl: tb01.title.nl, en: tb01.title.en },
      applies: 'always',
      conditions: { personalData: false, ksz: false, nis2: false },
    });
    const ruled = content.measures.find((m) => m.applies !== 'always' && m.applies.c != null) as Measure;
    const rule = ruled.applies as { c?: number | null; i?: number | null; a?: number | null };
    const found = await agent.request('GET', `/api/catalog/measures?q=${ruled.code}`);
    expect(found.body.items[0].applies).toEqual({ c: rule.c ?? null, i: rule.i ?? null, a: rule.a ?? null });
  });

  it('refuses page sizes above 200', async () => {
    const res = await (await member()).request('GET', '/api/catalog/measures?pageSize=201');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('catalogue: one measure', () => {
  it('gives the guidance and every framework requirement it serves, with titles in both languages', async () => {
    const agent = await member();
    const measure = content.measures.find((m) =>
      m.mappings.some((x) => x.framework === 'nis2-art21' && x.requirement === '21.2.i'),
    ) as Measure;
    const res = await agent.request('GET', `/api/catalog/measures/${measure.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: measure.code, title: measure.title, guidance: measure.guidance });
    const key = (s: { frameworkId: string; nodeId: string; relationship: string }) =>
      `${s.frameworkId} ${s.nodeId} ${s.relationship}`;
    expect(res.body.serves.map(key).sort()).toEqual(
      measure.mappings
        .map((x) => key({ frameworkId: x.framework, nodeId: x.requirement, relationship: x.relationship }))
        .sort(),
    );
    const nis2 = content.frameworks.find((f) => f.id === 'nis2-art21');
    const node = nis2?.nodes.find((n) => n.id === '21.2.i');
    expect(res.body.serves).toContainEqual({
      frameworkId: 'nis2-art21',
      frameworkName: { nl: nis2?.name.nl, en: nis2?.name.en },
      frameworkKind: 'nis2',
      nodeId: '21.2.i',
      nodeTitle: { nl: node?.title.nl, en: node?.title.en },
      relationship: 'subset',
    });
  });

  it('answers 404 NOT_FOUND for an unknown code, in Dutch by default and in English on request', async () => {
    const agent = await member();
    const nl = await agent.request('GET', '/api/catalog/measures/XX-99');
    expect(nl.status).toBe(404);
    expect(nl.body).toEqual({ code: 'NOT_FOUND', message: errorMessages.NOT_FOUND.nl });
    const en = await agent.request('GET', '/api/catalog/measures/XX-99', undefined, { 'accept-language': 'en' });
    expect(en.body).toEqual({ code: 'NOT_FOUND', message: errorMessages.NOT_FOUND.en });
  });

  it('does not show a retired measure', async () => {
    const agent = await member();
    const code = codes(content.measures).at(-1) as string;
    await t.raw('UPDATE measures SET retired_at = now() WHERE code = $1', [code]);
    try {
      expect((await agent.request('GET', `/api/catalog/measures/${code}`)).status).toBe(404);
      expect(await all(agent, '')).not.toContain(code);
    } finally {
      await t.raw('UPDATE measures SET retired_at = NULL WHERE code = $1', [code]);
    }
  });
});

describe('catalogue: domains and frameworks', () => {
  it('lists the security domains with both names', async () => {
    const res = await (await member()).request('GET', '/api/catalog/security-domains');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(content.securityDomains.length);
    const access = content.securityDomains.find((d) => d.id === 'access-management');
    expect(res.body.items).toContainEqual({
      id: 'access-management',
      name: { nl: access?.name.nl, en: access?.name.en },
    });
  });

  it('lists the frameworks with the number of assessable requirements', async () => {
    const res = await (await member()).request('GET', '/api/catalog/frameworks');
    expect(res.status).toBe(200);
    expect(res.body.items.map((f: { id: string }) => f.id).sort()).toEqual(content.frameworks.map((f) => f.id).sort());
    for (const f of content.frameworks) {
      expect(res.body.items, f.id).toContainEqual({
        id: f.id,
        name: { nl: f.name.nl, en: f.name.en },
        kind: f.kind,
        publisher: f.publisher,
        edition: f.edition,
        assessable: f.nodes.filter((n) => n.assessable).length,
      });
    }
  });
});

describe('catalogue: who may read', () => {
  const urls = [
    '/api/catalog/security-domains',
    '/api/catalog/frameworks',
    '/api/catalog/measures',
    '/api/catalog/measures/TB-01',
  ];

  it('asks for a sign-in', async () => {
    const anonymous = agentFor(t, {});
    for (const url of urls) {
      const res = await anonymous.request('GET', url);
      expect(res.status, url).toBe(401);
      expect(res.body, url).toEqual({ code: 'UNAUTHENTICATED', message: errorMessages.UNAUTHENTICATED.nl });
    }
  });

  it('is open to every signed-in user: a lezer, an auditor, a regional coach without bestuur', async () => {
    const bestuur = await createBestuur(t);
    const users = [
      await createUser(t, { memberOf: [[bestuur.id, 'auditor']] }),
      await createUser(t, { regionalRoles: ['coach'] }),
      await createUser(t),
    ];
    for (const user of users) {
      const agent = await sessionFor(t, user.id);
      for (const url of urls) expect((await agent.request('GET', url)).status, url).toBe(200);
    }
  });
});
