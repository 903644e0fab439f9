import { beforeAll, describe, expect, it } from 'vitest';
import { syncContent } from '../src/modules/catalog/catalog.service.js';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { type CyfunNode, requirementsAt } from '../src/modules/cyfun/scoring.js';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { sessionFor } from './support/fixtures.js';

/** The bestuur's dashboard (issue 4, point 5). */
const t = await createTestApp();
const content = loadContent();
let isc: Agent;
let url: string;

beforeAll(async () => {
  await syncContent(t.db.app, content);
  const b = await createBestuur(t);
  url = `/api/besturen/${b.id}`;
  isc = await sessionFor(t, (await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']] })).id);
  await isc.request('POST', `${url}/processes/adopt`, { domains: ['burgerzaken'] });
});

describe('the dashboard', () => {
  it('reads readiness from the register until there is a self-assessment, and counts progress per month', async () => {
    const [first, second] = (await isc.request('GET', `${url}/measures`)).body.items;
    await isc.request('PATCH', `${url}/measures/${first.code}`, { version: 0, status: 'geimplementeerd' });
    await isc.request('PATCH', `${url}/measures/${second.code}`, {
      version: 0,
      status: 'in-uitvoering',
      dueDate: '2020-01-01',
    });
    await isc.request('POST', `${url}/risks`, { title: 'Klein', qualities: ['c'], likelihood: 1, impact: 1 });
    await isc.request('POST', `${url}/risks`, { title: 'Groot', qualities: ['a'], likelihood: 4, impact: 4 });

    const res = await isc.request('GET', `${url}/dashboard`);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.compliance.map((f: { framework: string }) => f.framework)).toContain('cyfun-2023-03-01');
    expect(d.readiness).toMatchObject({ target: 'basic', basis: 'measures', passed: false, assessmentId: null });
    expect(d.readiness.blockingRequirements.length).toBeGreaterThan(0);
    expect(d.readiness.blockingRequirements[0].keyMeasure).toBe(true);
    expect(d.measures.byStatus).toMatchObject({ geimplementeerd: 1, 'in-uitvoering': 1 });
    expect(d.measures.overdue.map((m: { code: string }) => m.code)).toEqual([second.code]);
    expect(d.topRisks.map((r: { title: string }) => r.title)).toEqual(['Groot', 'Klein']);
    expect(d.progress).toHaveLength(12);
    expect(d.progress.at(-1)).toEqual({ month: new Date().toISOString().slice(0, 7), implemented: 1 });
  });

  it('reads readiness from the newest complete Basic self-assessment, with what blocks it', async () => {
    const nodes = content.frameworks.find((f) => f.id === 'cyfun-2023-03-01')?.nodes as CyfunNode[];
    const basic = requirementsAt(nodes, 'basic');
    const key = basic.find((r) => r.keyMeasure)?.id as string;
    const created = await isc.request('POST', `${url}/cyfun-assessments`, {
      edition: '2023-03-01',
      level: 'basic',
      prefill: false,
    });
    const answers = basic.map((r) => ({
      id: r.id,
      documentation: r.id === key ? 1 : 3,
      implementation: r.id === key ? 2 : 3,
    }));
    await isc.request('PATCH', `${url}/cyfun-assessments/${created.body.id}`, { version: 1, answers });
    const d = (await isc.request('GET', `${url}/dashboard`)).body;
    expect(d.readiness).toMatchObject({ basis: 'assessment', assessmentId: created.body.id, passed: false });
    expect(d.readiness.failures).toEqual([{ criterion: 'keyMeasure', id: key, value: 1.5, threshold: 2.5 }]);
    expect(d.readiness.blockingRequirements).toEqual([expect.objectContaining({ id: key, keyMeasure: true })]);
  });
});
