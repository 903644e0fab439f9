import type { RequirementCompliance } from '@baken/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncContent } from '../src/modules/catalog/catalog.service.js';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { contribution, derive } from '../src/modules/compliance/derive.js';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

/** Compliance per framework, derived from the measures through the mappings (issue 4, point 2). */
const t = await createTestApp();
const content = loadContent();
let isc: Agent;
let url: string;
let bestuurId: string;

beforeAll(async () => {
  await syncContent(t.db.app, content);
  const b = await createBestuur(t);
  bestuurId = b.id;
  url = `/api/besturen/${b.id}`;
  isc = await sessionFor(t, (await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']] })).id);
  expect((await isc.request('POST', `${url}/processes/adopt`, {})).status).toBe(200);
});

const cyfun = async (level = 'basic') =>
  (await isc.request('GET', `${url}/compliance/cyfun-2023-03-01?level=${level}`)).body as {
    counts: Record<string, number>;
    requirements: RequirementCompliance[];
  };
const track = async (code: string, status: string) => {
  const m = (await isc.request('GET', `${url}/measures/${code}`)).body;
  const res = await isc.request('PATCH', `${url}/measures/${code}`, { version: m.version, status });
  expect(res.status).toBe(200);
};

describe('the rule', () => {
  it('passes equal and superset through, gives at most partial for subset and intersect', () => {
    expect(contribution('geimplementeerd', 'equal')).toEqual({ result: 'compliant', capped: false });
    expect(contribution('geimplementeerd', 'superset')).toEqual({ result: 'compliant', capped: false });
    expect(contribution('geimplementeerd', 'subset')).toEqual({ result: 'partially-compliant', capped: true });
    expect(contribution('geimplementeerd', 'intersect')).toEqual({ result: 'partially-compliant', capped: true });
    expect(contribution('in-uitvoering', 'equal').result).toBe('partially-compliant');
    expect(contribution('gepland', 'equal').result).toBe('non-compliant');
    expect(contribution('niet-van-toepassing', 'subset').result).toBe('not-applicable');
    expect(derive([])).toBe('not-assessed');
    expect(derive([{ result: 'not-applicable' }])).toBe('not-applicable');
    expect(derive([{ result: 'not-applicable' }, { result: 'non-compliant' }])).toBe('non-compliant');
    expect(derive([{ result: 'partially-compliant' }, { result: 'compliant' }])).toBe('compliant');
  });
});

describe('compliance of a bestuur', () => {
  it('covers every framework: CyFun Basic has its 34 requirements, all not yet compliant', async () => {
    const res = await isc.request('GET', `${url}/compliance`);
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.items.map((f: { framework: string }) => [f.framework, f]));
    expect(Object.keys(byId).sort()).toEqual(content.frameworks.map((f) => f.id).sort());
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(total(byId['cyfun-2023-03-01'].counts)).toBe(34);
    expect(total(byId['nis2-art21'].counts)).toBe(10);
    expect(byId['cyfun-2023-03-01'].counts.compliant).toBe(0);
    expect(byId['cyfun-2023-03-01'].score).toBe(0);
    expect(total((await cyfun('essential')).counts)).toBe(221);
  });

  it('follows the status of the measure and says why', async () => {
    const r = (await cyfun()).requirements.find(
      (x) => x.contributions.length === 1 && ['equal', 'superset'].includes(x.contributions[0].relationship),
    ) as RequirementCompliance;
    const code = r.contributions[0].code;
    expect(r.result).toBe('non-compliant');
    expect(r.explanation.nl).toBe(`niet conform, omdat maatregel ${code} niet gestart is`);

    await track(code, 'in-uitvoering');
    let now = (await cyfun()).requirements.find((x) => x.id === r.id) as RequirementCompliance;
    expect(now.result).toBe('partially-compliant');
    expect(now.explanation).toEqual({
      nl: `gedeeltelijk conform, omdat maatregel ${code} in uitvoering is`,
      en: `partially compliant, because measure ${code} is in progress`,
    });

    await track(code, 'geimplementeerd');
    now = (await cyfun()).requirements.find((x) => x.id === r.id) as RequirementCompliance;
    expect(now.result).toBe('compliant');
    // One piece of work counts everywhere it applies.
    const all = (await isc.request('GET', `${url}/compliance`)).body.items as { counts: { compliant: number } }[];
    expect(all.filter((f) => f.counts.compliant > 0).length).toBeGreaterThan(1);
  });

  it('gives at most partial through a measure that covers a requirement only in part', async () => {
    const r = (await cyfun('essential')).requirements.find(
      (x) =>
        x.contributions.length > 0 &&
        x.contributions.every((c) => c.relationship === 'subset' || c.relationship === 'intersect'),
    ) as RequirementCompliance;
    expect(r).toBeDefined();
    for (const c of r.contributions) await track(c.code, 'geimplementeerd');
    const now = (await cyfun('essential')).requirements.find((x) => x.id === r.id) as RequirementCompliance;
    expect(now.result).toBe('partially-compliant');
    expect(now.explanation.nl).toContain('maar de vereiste slechts deels dekt');
  });

  it('takes an override with a reason, shows the derived result beside it, and lets it go again', async () => {
    const r = (await cyfun()).requirements.find((x) => x.result === 'non-compliant') as RequirementCompliance;
    const path = `${url}/compliance/cyfun-2023-03-01/overrides/${r.id}`;
    expect((await isc.request('PUT', path, { version: 0, result: 'compliant' })).status).toBe(400);
    const set = await isc.request('PUT', path, {
      version: 0,
      result: 'compliant',
      reason: 'Geregeld via de centrale dienstverlening van de provincie.',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      result: 'compliant',
      derived: 'non-compliant',
      override: { result: 'compliant', version: 1 },
      explanation: { nl: 'conform (handmatig vastgesteld)' },
    });
    const [event] = await auditEventsOf(t, bestuurId);
    expect(event).toMatchObject({ object_type: 'requirement_override', object_id: `cyfun-2023-03-01:${r.id}` });
    const stale = await isc.request('PUT', path, { version: 0, result: 'non-compliant', reason: 'x' });
    expect(stale.status).toBe(409);
    expect((await isc.request('DELETE', `${path}?version=1`)).status).toBe(204);
    const back = (await cyfun()).requirements.find((x) => x.id === r.id) as RequirementCompliance;
    expect(back).toMatchObject({ result: 'non-compliant', override: null });
    expect(
      (
        await isc.request('PUT', `${url}/compliance/cyfun-2023-03-01/overrides/NOPE-1`, {
          version: 0,
          result: 'compliant',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await isc.request('GET', `${url}/compliance/onbekend`)).status).toBe(404);
  });

  it('is read-only for a lezer', async () => {
    const lezer = await sessionFor(t, (await createUser(t, { memberOf: [[bestuurId, 'lezer']] })).id);
    expect((await lezer.request('GET', `${url}/compliance`)).status).toBe(200);
    const r = (await cyfun()).requirements[0];
    const res = await lezer.request('PUT', `${url}/compliance/cyfun-2023-03-01/overrides/${r.id}`, {
      version: 0,
      result: 'compliant',
      reason: 'x',
    });
    expect(res.status).toBe(403);
  });
});
