import { BestuurIndicators, MeasureRanking, OwnMonitoring, VulnerableList } from '@baken/contracts';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { drainQueue } from '../src/modules/monitoring/refresher.js';
import { inScope } from '../src/platform/tenancy.js';
import { type TestApp, createTestApp } from './support/app.js';
import { type Agent, createUser } from './support/factories.js';
import { sessionFor } from './support/fixtures.js';
import { type MonitoredBestuur, monitoringWorld, overviewOf } from './support/monitoring.js';

/**
 * Regional monitoring (issue 5): precomputed indicators, overview, vulnerable, ranking, peers,
 * sharing. Snapshots and exports: monitoring-exports.test.ts.
 */
const t: TestApp = await createTestApp();
let supervisor: Agent;
let coach: Agent;
let besturen: MonitoredBestuur[];
let a: MonitoredBestuur;
let url: string;
let riskMeasure: string;

beforeAll(async () => {
  ({ supervisor, coach, besturen, a, url, riskMeasure } = await monitoringWorld(t));
});

const overview = (query?: string) => overviewOf(supervisor, query);

describe('indicators', () => {
  it('are kept current: a change queues the bestuur, the worker recomputes it', async () => {
    const before = (await overview()).items.find((i) => i.bestuurId === a.id) as BestuurIndicators;
    expect(before.measuresImplemented).toBe(1);
    expect(before.measuresRequired).toBeGreaterThan(1);
    expect(before.risksHigh).toBe(1);
    expect(before.assets).toBeGreaterThan(0);
    expect(before.lastActivity).not.toBeNull();

    const items = (await a.isc.request('GET', `${url}/measures`)).body.items;
    const next = items.find((m: { status: string }) => m.status === 'niet-gestart');
    await a.isc.request('PATCH', `${url}/measures/${next.code}`, { version: 0, status: 'geimplementeerd' });
    const queued = await t.raw('SELECT bestuur_id FROM indicator_queue');
    expect(queued.map((r) => r.bestuur_id)).toEqual([a.id]);
    expect(await drainQueue(t.db.app)).toBe(1);
    expect(await t.raw('SELECT * FROM indicator_queue')).toEqual([]);
    const after = (await overview()).items.find((i) => i.bestuurId === a.id) as BestuurIndicators;
    expect(after.measuresImplemented).toBe(2);
    expect(after.implementedShare).toBeCloseTo((100 * 2) / after.measuresRequired, 0);
  });

  it('are computed once per change when several processes drain the queue; a dead claim expires', async () => {
    await t.raw('SELECT indicator_queue_all()');
    const queued = (await t.raw('SELECT count(*)::int AS n FROM indicator_queue'))[0].n as number;
    expect(queued).toBeGreaterThanOrEqual(6);
    // Two workers at once (on PostgreSQL two connections): each bestuur is claimed by one.
    const [first, second] = await Promise.all([drainQueue(t.db.app), drainQueue(t.db.app, { parallel: 2 })]);
    expect(first + second).toBe(queued);
    expect(await t.raw('SELECT * FROM indicator_queue')).toEqual([]);
    // A process claimed a bestuur and died: the others leave it until the lease ends.
    await t.raw('SELECT indicator_queue_all()');
    await t.raw("SELECT * FROM indicator_queue_claim(1, 120, '00000000-0000-0000-0000-00000000dead')");
    expect(await drainQueue(t.db.app)).toBe(queued - 1);
    const left = await t.raw('SELECT bestuur_id FROM indicator_queue');
    expect(left).toHaveLength(1);
    await t.raw("UPDATE indicator_queue SET claimed_until = now() - interval '1 second'");
    expect(await drainQueue(t.db.app)).toBe(1);
    expect(await t.raw('SELECT * FROM indicator_queue')).toEqual([]);
  });

  it('are readable by the region only, and by a bestuur for itself only (row-level security)', async () => {
    const db = t.db.app;
    const count = (rows: unknown[]) => rows.length;
    const read = (tx: typeof db) => tx.selectFrom('bestuur_indicators').select('bestuur_id').execute();
    expect(count(await inScope(db, {}, read))).toBe(0);
    const ownRows = await inScope(db, { tenantId: besturen[1].id }, read);
    expect(ownRows.map((r) => r.bestuur_id)).toEqual([besturen[1].id]);
    expect(count(await inScope(db, { region: true }, read))).toBe(6);
    // A bestuur's scope cannot write another's indicators.
    await expect(
      inScope(db, { tenantId: besturen[1].id }, (tx) =>
        tx.updateTable('bestuur_indicators').set({ risks_high: 99 }).where('bestuur_id', '=', a.id).execute(),
      ),
    ).resolves.toEqual([expect.objectContaining({ numUpdatedRows: 0n })]);
  });
});

describe('the overview', () => {
  it('lists every bestuur with scores, statuses and counts only, with totals and distributions', async () => {
    const o = await overview();
    expect(o.items).toHaveLength(6);
    expect(o.totals.besturen).toBe(6);
    expect(o.totals.risksHigh).toBe(1);
    expect(o.totals.continuity.geen).toBe(6);
    expect(o.distributions.readiness).toHaveLength(10);
    expect(o.distributions.readiness.reduce((n, b) => n + b.count, 0)).toBe(6);
    // Nothing but the schema's fields: no free text, no risk details, no evidence.
    const allowed = Object.keys(BestuurIndicators.shape).sort();
    for (const item of (await supervisor.request('GET', '/api/region/monitoring/overview')).body.items) {
      expect(Object.keys(item).sort()).toEqual(allowed);
    }
    expect(JSON.stringify(o)).not.toContain('Ransomware');
  });

  it('filters by kind, province and size, and sorts', async () => {
    expect((await overview('?kind=gemeente')).items).toHaveLength(0);
    expect((await overview('?province=limburg&size=25k-50k')).items).toHaveLength(6);
    expect((await overview('?province=Limburg&size=tot-10k')).items).toHaveLength(0);
    const sorted = await overview('?province=Limburg&sort=risksHigh&dir=desc');
    expect(sorted.items[0].bestuurId).toBe(a.id);
    const byName = await overview('?sort=name&dir=desc');
    expect(byName.items.map((i) => i.name)).toEqual(
      besturen
        .map((b) => b.name)
        .sort()
        .reverse(),
    );
    expect((await supervisor.request('GET', '/api/region/monitoring/overview?sort=evil')).status).toBe(400);
  });

  it('keeps an answer until the indicators change, then builds it again', async () => {
    expect((await overview()).items).toHaveLength(6);
    const stored = await t.raw("SELECT key, stamp FROM monitoring_cache WHERE key = 'overview?province=Limburg'");
    expect(stored).toHaveLength(1);
    // Deactivating a bestuur queues it; once recomputed, the stored answer is stale.
    await t.raw('UPDATE besturen SET active = false WHERE id = $1', [besturen[5].id]);
    expect(await drainQueue(t.db.app)).toBe(1);
    expect((await overview()).items).toHaveLength(5);
    const again = await t.raw("SELECT stamp FROM monitoring_cache WHERE key = 'overview?province=Limburg'");
    expect(again[0].stamp).not.toBe(stored[0].stamp);
    await t.raw('UPDATE besturen SET active = true WHERE id = $1', [besturen[5].id]);
    await drainQueue(t.db.app);
    expect((await overview()).items).toHaveLength(6);
    // Nothing of it is readable outside the regional scope.
    const outside = await inScope(t.db.app, { tenantId: a.id }, (tx) =>
      tx
        .selectFrom('monitoring_cache' as never)
        .selectAll()
        .execute(),
    );
    expect(outside).toEqual([]);
  });

  it('sends the stored gzip bytes to a client that accepts them', async () => {
    const plain = await supervisor.request('GET', '/api/region/monitoring/overview?province=Limburg');
    const zipped = await t.app.inject({
      method: 'GET',
      url: '/api/region/monitoring/overview?province=Limburg',
      headers: { cookie: `baken_session=${supervisor.cookie}`, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.raw.length);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.body);
  });

  it('answers 304 to a browser holding the current answer, and 200 once a bestuur is recomputed', async () => {
    const ask = (path: string, etag?: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/region/monitoring/${path}`,
        headers: { cookie: `baken_session=${supervisor.cookie}`, ...(etag ? { 'if-none-match': etag } : {}) },
      });
    const first = await ask('overview?province=Limburg');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w.-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const same = await ask('overview?province=Limburg', etag);
    expect(same.statusCode).toBe(304);
    expect(same.rawPayload.length).toBe(0);
    expect(same.headers.etag).toBe(etag);
    // A stale or foreign tag gets the whole answer.
    expect((await ask('overview?province=Limburg', 'W/"0-0-0"')).statusCode).toBe(200);
    expect((await ask('overview?province=Limburg', '"not-ours"')).statusCode).toBe(200);
    // A recomputed bestuur changes the overview's tag.
    await a.isc.request('PATCH', `${url}/measures/${riskMeasure}`, {
      version: (await a.isc.request('GET', `${url}/measures/${riskMeasure}`)).body.version,
      dueDate: '2027-03-31',
    });
    expect(await drainQueue(t.db.app)).toBe(1);
    const changed = await ask('overview?province=Limburg', etag);
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('is not for bestuur users', async () => {
    for (const path of ['overview', 'vulnerable', 'measures', 'trend', `besturen/${a.id}`, 'weights', 'snapshots']) {
      expect((await a.isc.request('GET', `/api/region/monitoring/${path}`)).status).toBe(403);
    }
  });
});

describe('vulnerable besturen', () => {
  it('ranks with documented factors and the reasons per bestuur', async () => {
    const res = await supervisor.request('GET', '/api/region/monitoring/vulnerable?province=Limburg');
    const list = VulnerableList.parse(res.body);
    expect(list.items).toHaveLength(6);
    const ofA = list.items.find((i) => i.bestuurId === a.id);
    const idle = list.items.find((i) => i.bestuurId === besturen[1].id);
    // B–F never did anything: no activity, no maturity, no continuity plan.
    expect(idle?.reasons.map((r) => r.factor)).toEqual(
      expect.arrayContaining(['maturity', 'continuity', 'inactivity']),
    );
    expect(ofA?.reasons.map((r) => r.factor)).toContain('highRisks');
    expect(ofA?.reasons.map((r) => r.factor)).not.toContain('inactivity');
    for (const item of list.items) {
      const sum = item.reasons.reduce((n, r) => n + r.points, 0);
      expect(Math.abs(sum - item.vulnerability)).toBeLessThan(0.5);
    }
    // Each reason carries the facts behind its value, the same as the bestuur's indicators.
    const indicators = (await overview()).items.find((i) => i.bestuurId === a.id);
    const facts = Object.fromEntries((ofA?.reasons ?? []).map((r) => [r.factor, r]));
    expect(facts.highRisks).toMatchObject({ risksHigh: indicators?.risksHigh });
    expect(facts.continuity).toMatchObject({ continuity: 'geen' });
    expect(facts.maturity).toMatchObject({ readinessScore: indicators?.readinessScore });
    if (facts.highClass) {
      expect(facts.highClass).toMatchObject({ assetsHigh: indicators?.assetsHigh, assets: indicators?.assets });
    }
    expect(idle?.reasons.find((r) => r.factor === 'inactivity')).toMatchObject({ daysInactive: null, value: 1 });
    // Forty days without activity: the fact in whole days, the value in months of the six.
    await t.raw(
      "UPDATE bestuur_indicators SET last_activity = now() - interval '40 days 2 hours' WHERE bestuur_id = $1",
      [a.id],
    );
    const later = VulnerableList.parse(
      (await supervisor.request('GET', '/api/region/monitoring/vulnerable?province=Limburg')).body,
    );
    const inactivity = later.items.find((i) => i.bestuurId === a.id)?.reasons.find((r) => r.factor === 'inactivity');
    expect(inactivity).toMatchObject({ daysInactive: 40 });
    expect(inactivity?.value).toBeCloseTo(40.08 / (30.4 * 6), 2);
    await drainQueue(t.db.app);
    await t.raw('SELECT indicator_queue_all()');
    await drainQueue(t.db.app);
  });

  it('uses the weights the supervisor sets (409 when stale; the coach may not)', async () => {
    const current = (await supervisor.request('GET', '/api/region/monitoring/weights')).body;
    expect(current.version).toBe(0);
    const onlyRisks = { maturity: 0, continuity: 0, highClass: 0, inactivity: 0, highRisks: 1, overdue: 0 };
    expect(
      (await coach.request('PUT', '/api/region/monitoring/weights', { version: 0, weights: onlyRisks })).status,
    ).toBe(403);
    const set = await supervisor.request('PUT', '/api/region/monitoring/weights', { version: 0, weights: onlyRisks });
    expect(set.status).toBe(200);
    expect(set.body.version).toBe(1);
    const stale = await supervisor.request('PUT', '/api/region/monitoring/weights', { version: 0, weights: onlyRisks });
    expect(stale.status).toBe(409);
    const zero = { ...onlyRisks, highRisks: 0 };
    expect(
      (await supervisor.request('PUT', '/api/region/monitoring/weights', { version: 1, weights: zero })).status,
    ).toBe(400);
    const list = VulnerableList.parse(
      (await supervisor.request('GET', '/api/region/monitoring/vulnerable?province=Limburg')).body,
    );
    expect(list.items[0]).toMatchObject({ bestuurId: a.id, vulnerability: 20 });
    expect(list.items[1].vulnerability).toBe(0);
    // Back to the defaults for the other tests.
    await supervisor.request('PUT', '/api/region/monitoring/weights', {
      version: 1,
      weights: { maturity: 3, continuity: 2, highClass: 2, inactivity: 1, highRisks: 1, overdue: 1 },
    });
  });
});

describe('the measure ranking', () => {
  it('counts per measure the besturen needing and missing it, and the weight they would shed', async () => {
    const res = await supervisor.request('GET', '/api/region/monitoring/measures?province=Limburg&limit=500');
    const ranking = MeasureRanking.parse(res.body);
    expect(ranking.items.length).toBeGreaterThan(0);
    // Only A has adopted processes: a measure is needed by A alone, or by all six when it is a baseline.
    for (const m of ranking.items) {
      expect([1, 6]).toContain(m.needed);
      expect(m.missing).toBeLessThanOrEqual(m.needed);
      expect(m.impact).toBeGreaterThanOrEqual(m.missing);
      expect(m.title.nl.length).toBeGreaterThan(0);
    }
    expect(ranking.items.some((m) => m.needed === 1)).toBe(true);
    // The measure that treats A's critical risk carries that risk's weight (1 for the top level).
    const treating = ranking.items.find((m) => m.code === riskMeasure);
    const db = t.db.app;
    const own = await inScope(db, { tenantId: a.id }, (tx) =>
      tx
        .selectFrom('bestuur_indicator_measures')
        .selectAll()
        .where('bestuur_id', '=', a.id)
        .where('code', '=', riskMeasure)
        .executeTakeFirstOrThrow(),
    );
    expect(Number(own.weight)).toBeGreaterThanOrEqual(2);
    if (!own.done) expect(treating?.impact).toBeGreaterThanOrEqual(Number(own.weight));
    // Another bestuur's scope does not see A's measure rows.
    const foreign = await inScope(db, { tenantId: besturen[1].id }, (tx) =>
      tx.selectFrom('bestuur_indicator_measures').select('bestuur_id').where('bestuur_id', '=', a.id).execute(),
    );
    expect(foreign).toEqual([]);
    const impacts = ranking.items.map((m) => m.impact);
    expect(impacts).toEqual([...impacts].sort((x, y) => y - x));
    // The measure that treats the serious risk weighs more than one that treats none.
    const measures = (await a.isc.request('GET', `${url}/measures`)).body.items;
    const implemented = measures.filter((m: { status: string }) => m.status === 'geimplementeerd');
    // A implemented them: they count as needed by A but not as missing there.
    for (const m of implemented) {
      const item = ranking.items.find((r) => r.code === m.code);
      if (item) expect(item).toMatchObject({ needed: 6, missing: 5 });
    }
  });
});

describe('peers', () => {
  it('shows medians and quartiles of at least 5 besturen of the same kind and size class', async () => {
    const res = await a.isc.request('GET', `${url}/monitoring`);
    expect(res.status).toBe(200);
    const own = OwnMonitoring.parse(res.body);
    expect(own.peers).toMatchObject({ kind: 'politiezone', sizeClass: '25k-50k', minimumPeers: 5 });
    const highRisks = own.peers.metrics.find((m) => m.metric === 'highRisks');
    expect(highRisks).toMatchObject({ own: 1, peers: 6, median: 0 });
    expect(JSON.stringify(own.peers)).not.toContain(besturen[1].id);
  });

  it('shows nothing when fewer than 5 peers exist', async () => {
    await t.raw('UPDATE besturen SET population = 60000 WHERE id = ANY($1)', [besturen.slice(2).map((b) => b.id)]);
    const own = OwnMonitoring.parse((await a.isc.request('GET', `${url}/monitoring`)).body);
    expect(own.peers.metrics).toEqual([]);
    await t.raw('UPDATE besturen SET population = 30000 WHERE id = ANY($1)', [besturen.slice(2).map((b) => b.id)]);
  });
});

describe('sharing with the coach', () => {
  it('gives the coach names and free text only when the bestuur shares; the supervisor never', async () => {
    const detail = async (agent: Agent) => (await agent.request('GET', `/api/region/monitoring/besturen/${a.id}`)).body;
    expect((await detail(coach)).shared).toBeNull();
    expect((await detail(supervisor)).shared).toBeNull();
    const beheerder = await sessionFor(t, (await createUser(t, { memberOf: [[a.id, 'beheerder']] })).id);
    expect((await a.isc.request('PUT', `${url}/monitoring/sharing`, { shareWithCoach: true })).status).toBe(403);
    const on = await beheerder.request('PUT', `${url}/monitoring/sharing`, { shareWithCoach: true });
    expect(on.status).toBe(200);
    expect(on.body.shareWithCoach).toBe(true);
    await drainQueue(t.db.app);
    const shared = (await detail(coach)).shared;
    expect(shared.topRisks).toEqual([
      { title: 'Ransomware op het dossierbeheer', level: 'kritiek', levelName: { nl: 'Kritiek', en: 'Critical' } },
    ]);
    expect((await detail(supervisor)).shared).toBeNull();
    const audit = await t.raw("SELECT after FROM audit_events WHERE bestuur_id = $1 AND object_type = 'bestuur'", [
      a.id,
    ]);
    expect(audit.at(-1)?.after).toEqual({ shareWithCoach: true });
    await beheerder.request('PUT', `${url}/monitoring/sharing`, { shareWithCoach: false });
    expect((await detail(coach)).shared).toBeNull();
  });

  it('answers 404 for an unknown bestuur', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect((await supervisor.request('GET', `/api/region/monitoring/besturen/${id}`)).status).toBe(404);
    }
  });
});
