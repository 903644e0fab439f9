import { beforeAll, describe, expect, it } from 'vitest';
import { syncContent } from '../src/modules/catalog/catalog.service.js';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { type CyfunNode, requirementsAt } from '../src/modules/cyfun/scoring.js';
import { lastMonths, monthOf, monthlyProgress } from '../src/modules/dashboard/progress.js';
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

describe('progress over time', () => {
  it('counts months in Brussels, twelve of them, oldest first', () => {
    expect(monthOf(new Date('2026-02-28T23:30:00Z'))).toBe('2026-03');
    expect(monthOf(new Date('2026-07-31T21:59:00Z'))).toBe('2026-07');
    expect(monthOf(new Date('2026-07-31T22:30:00Z'))).toBe('2026-08');
    expect(lastMonths(new Date('2026-01-15T12:00:00Z'))).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(lastMonths(new Date('2025-12-31T23:30:00Z'), 2)).toEqual(['2025-12', '2026-01']);
  });

  it('counts back from the register as it is, so rows without history count from before the first month', () => {
    const at = (iso: string) => new Date(iso);
    const points = monthlyProgress(
      3,
      [
        { at: at('2026-03-10T10:00:00Z'), delta: 1 },
        { at: at('2026-05-02T10:00:00Z'), delta: 1 },
        { at: at('2026-05-20T10:00:00Z'), delta: -1 },
        { at: at('2026-09-01T10:00:00Z'), delta: 1 },
        // before the window: changes nothing that is shown
        { at: at('2025-06-01T10:00:00Z'), delta: 1 },
      ],
      at('2026-11-23T04:00:00Z'),
    );
    expect(points.map((p) => p.month)).toEqual(lastMonths(at('2026-11-23T04:00:00Z')));
    // 3 now; one became implemented in September, one in March; May's two cancel out; one has no history.
    expect(points.map((p) => p.implemented)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3]);
    expect(monthlyProgress(0, [], at('2026-11-23T04:00:00Z')).every((p) => p.implemented === 0)).toBe(true);
    // never below zero, even with a trail that does not add up
    expect(monthlyProgress(0, [{ at: at('2026-11-01T10:00:00Z'), delta: 1 }], at('2026-11-23T04:00:00Z'))[0]).toEqual({
      month: '2025-12',
      implemented: 0,
    });
  });

  it('follows the status of required measures only: straight to implemented, not applicable, rows without history', async () => {
    const b = await createBestuur(t);
    const u = `/api/besturen/${b.id}`;
    const agent = await sessionFor(
      t,
      (await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']] })).id,
    );
    await agent.request('POST', `${u}/processes/adopt`, { domains: ['burgerzaken'] });
    const items: { code: string }[] = (await agent.request('GET', `${u}/measures`)).body.items;
    const [a, nvt, c, d, f] = items.map((m) => m.code);
    const patch = async (code: string, body: Record<string, unknown>) => {
      const res = await agent.request('PATCH', `${u}/measures/${code}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.version as number;
    };
    // tracked with "geimplementeerd" from the start
    await patch(a as string, { version: 0, status: 'geimplementeerd' });
    // implemented, then not applicable: counts no longer
    const v = await patch(nvt as string, { version: 0, status: 'geimplementeerd' });
    await patch(nvt as string, { version: v, status: 'niet-van-toepassing', naReason: 'Geen loket meer.' });
    // in progress, implemented, then only a date changes
    let vc = await patch(c as string, { version: 0, status: 'in-uitvoering', dueDate: '2030-01-01' });
    vc = await patch(c as string, { version: vc, status: 'geimplementeerd' });
    await patch(c as string, { version: vc, reviewDate: '2030-06-30', documentation: 4 });
    // not applicable first, implemented after all
    const vd = await patch(d as string, { version: 0, status: 'niet-van-toepassing', naReason: 'Eerst niet.' });
    await patch(d as string, { version: vd, status: 'geimplementeerd' });
    // a measure the bestuur tracks but does not need: not in the figures
    const requiredCodes = new Set(items.map((m) => m.code));
    const extra = content.measures.find((m) => !requiredCodes.has(m.code))?.code as string;
    await patch(extra, { version: 0, status: 'geimplementeerd' });
    // a row written without an audit event (as the demo data did), implemented three months ago per a later event
    await t.raw(
      "INSERT INTO bestuur_measures (bestuur_id, measure_code, status, documentation, implementation) VALUES ($1, $2, 'geimplementeerd', 3, 3)",
      [b.id, f],
    );
    const back = new Date();
    back.setUTCDate(15);
    back.setUTCMonth(back.getUTCMonth() - 3);
    await t.raw(
      'INSERT INTO audit_events (bestuur_id, occurred_at, action, object_type, object_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [b.id, back.toISOString(), 'create', 'measure', f, { status: 'niet-gestart' }, { status: 'geimplementeerd' }],
    );
    // and one more that never had an event at all
    const g = items[5]?.code as string;
    await t.raw("INSERT INTO bestuur_measures (bestuur_id, measure_code, status) VALUES ($1, $2, 'geimplementeerd')", [
      b.id,
      g,
    ]);

    const dash = (await agent.request('GET', `${u}/dashboard`)).body;
    // a, c, d, f and g; not nvt, not the measure that is not required
    expect(dash.measures.byStatus.geimplementeerd).toBe(5);
    expect(dash.measures.byStatus['niet-van-toepassing']).toBe(1);
    expect(dash.progress.map((p: { month: string }) => p.month)).toEqual(lastMonths(new Date()));
    expect(dash.progress.map((p: { implemented: number }) => p.implemented)).toEqual([
      1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 5,
    ]);
  });
});
