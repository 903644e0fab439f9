import type { Bia, BiaUpdate, BestuurProcess } from '@baken/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { continuityContent } from '../src/modules/continuity/content.js';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

/** Business continuity (issue 6): self-evaluation, BIA, checks, plan with versions. */
const t = await createTestApp();
let isc: Agent;
let lezer: Agent;
let url: string;
let bestuurId: string;
let processes: BestuurProcess[];

const flat = (level: number): BiaUpdate['impacts'] => ({
  dienstverlening: [0, 0, 0, 0, 0, 0],
  financieel: [0, 0, 0, 0, 0, 0],
  juridisch: [0, 0, 0, 0, 0, 0],
  reputatie: [0, 0, 0, 0, 0, 0],
  veiligheid: [0, 0, 0, 0, 0, 0],
  persoonsgegevens: [level, level, level, level, level, level],
});
const biaBody = (over: Partial<BiaUpdate> = {}): BiaUpdate => ({
  version: 0,
  impacts: flat(0),
  rtoHours: null,
  rpoHours: null,
  minimumServiceLevel: null,
  peakPeriods: null,
  keyRoles: [],
  locations: [],
  applicationIds: [],
  supplierIds: [],
  processIds: [],
  notes: null,
  ...over,
});

beforeAll(async () => {
  const b = await createBestuur(t);
  bestuurId = b.id;
  url = `/api/besturen/${b.id}/continuity`;
  isc = await sessionFor(
    t,
    (await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']], name: 'Ilse ISC' })).id,
  );
  lezer = await sessionFor(t, (await createUser(t, { memberOf: [[b.id, 'lezer']] })).id);
  expect(
    (await isc.request('POST', `/api/besturen/${b.id}/processes/adopt`, { domains: ['burgerzaken'] })).status,
  ).toBe(200);
  processes = (await isc.request('GET', `/api/besturen/${b.id}/processes`)).body.items;
});

describe('the self-evaluation', () => {
  it('has ten questions in our own words with advice per answer, in Dutch and English', async () => {
    const res = await isc.request('GET', '/api/continuity/self-evaluation/questions');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(10);
    for (const q of res.body.items) {
      expect(q.question.nl).toMatch(/\?$/);
      expect(q.question.en).toMatch(/\?$/);
      for (const a of ['ja', 'deels', 'nee']) expect(q.advice[a].nl.length).toBeGreaterThan(20);
    }
  });

  it('scores yes 2, partly 1, no 0, gives the advice per answer and keeps the history', async () => {
    const qs = continuityContent().questions;
    const answers = (pick: (i: number) => 'ja' | 'deels' | 'nee') =>
      qs.map((q, i) => ({ questionId: q.id, answer: pick(i), note: i === 0 ? 'Aangeduid door het college' : null }));
    const first = await isc.request('POST', `${url}/self-evaluations`, { answers: answers(() => 'nee') });
    expect(first.status).toBe(201);
    expect(first.body.score).toEqual({ points: 0, max: 20, percent: 0 });
    expect(first.body.previous).toBeNull();
    expect(first.body.answers[0].advice).toEqual(qs[0].advice.nee);
    expect(first.body.answers[0].note).toBe('Aangeduid door het college');
    const second = await isc.request('POST', `${url}/self-evaluations`, {
      answers: answers((i) => (i < 4 ? 'ja' : i < 7 ? 'deels' : 'nee')),
    });
    expect(second.body.score).toEqual({ points: 11, max: 20, percent: 55 });
    expect(second.body.counts).toEqual({ ja: 4, deels: 3, nee: 3 });
    expect(second.body.answers[5]).toMatchObject({ answer: 'deels', points: 1, advice: qs[5].advice.deels });
    expect(second.body.previous).toMatchObject({ id: first.body.id, score: { points: 0 } });
    expect(second.body.previous.answers[qs[0].id]).toBe('nee');
    const history = await lezer.request('GET', `${url}/self-evaluations`);
    expect(history.body.items.map((e: { score: { points: number } }) => e.score.points)).toEqual([11, 0]);
    expect(history.body.items[0].createdBy).toBe('Ilse ISC');
  });

  it('refuses an evaluation that misses or repeats a question, and a reader may not record one', async () => {
    const qs = continuityContent().questions;
    const short = qs.slice(1).map((q) => ({ questionId: q.id, answer: 'ja' }));
    const res = await isc.request('POST', `${url}/self-evaluations`, { answers: short });
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0].message).toBe('Beantwoord elke vraag van de zelfevaluatie precies één keer.');
    const all = qs.map((q) => ({ questionId: q.id, answer: 'ja' }));
    expect((await lezer.request('POST', `${url}/self-evaluations`, { answers: all })).status).toBe(403);
  });
});

describe('the business impact analysis', () => {
  it('proposes impacts, RTO and RPO from the availability class and the applications holding the assets', async () => {
    const p = processes[0];
    const app = await isc.request('POST', `/api/besturen/${bestuurId}/applications`, {
      name: 'Burgerzaken-suite',
      hosting: 'saas',
    });
    expect(app.status).toBe(201);
    await isc.request('PUT', `/api/besturen/${bestuurId}/applications/${app.body.id}/assets`, {
      version: 1,
      assetIds: [p.assets[0].id],
    });
    const res = await isc.request('GET', `${url}/bia/${p.id}`);
    expect(res.status).toBe(200);
    const a = Math.max(...p.assets.map((x) => x.class.a));
    const profile = continuityContent().defaults.profiles.find((x) => x.availability === a);
    expect(res.body).toMatchObject({ saved: false, version: 0, availabilityClass: a, rtoHours: profile?.rtoHours });
    expect(res.body.impacts.dienstverlening).toEqual(profile?.impacts.dienstverlening);
    expect(res.body.dependencies.applications).toEqual([
      { id: app.body.id, name: 'Burgerzaken-suite', recoveryTimeHours: null },
    ]);
    // The MTPD of the profile at the default unacceptable level 3 matches the class (decision 0009).
    expect(res.body.mtpd).toBe({ 5: '4h', 4: '1d', 3: '3d', 2: '2w', 1: null }[a]);
  });

  it('gives the MTPD as the first time point at which any area reaches the unacceptable level', async () => {
    const p = processes[1];
    const impacts = { ...flat(0), financieel: [0, 1, 2, 2, 3, 4], reputatie: [0, 0, 1, 3, 3, 3] };
    const res = await isc.request('PUT', `${url}/bia/${p.id}`, biaBody({ impacts, rtoHours: 72, rpoHours: 24 }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ saved: true, version: 1, mtpd: '1w', mtpdHours: 168, critical: false });
    const critical = await isc.request('PUT', `${url}/bia/${p.id}`, {
      ...biaBody({ impacts: { ...impacts, veiligheid: [0, 3, 4, 4, 4, 4] }, rtoHours: 24, rpoHours: 4 }),
      version: 1,
    });
    expect(critical.body).toMatchObject({ version: 2, mtpd: '1d', critical: true });
    const audit = (await auditEventsOf(t, bestuurId)).find((e) => e.object_type === 'bia' && e.action === 'update');
    expect(audit?.after).toMatchObject({ mtpd: '1d', rtoHours: 24 });
    expect(audit?.before).toMatchObject({ mtpd: '1w', rtoHours: 72 });
  });

  it('refuses an RTO beyond the MTPD, an impact that decreases, and an unknown dependency', async () => {
    const p = processes[2];
    const late = await isc.request('PUT', `${url}/bia/${p.id}`, biaBody({ impacts: flat(3), rtoHours: 8 }));
    expect(late.status).toBe(400);
    expect(late.body.details.issues[0]).toMatchObject({ path: ['rtoHours'] });
    expect(late.body.details.issues[0].message).toMatch(/^De hersteltijd \(RTO\) mag niet langer zijn/);
    const down = await isc.request(
      'PUT',
      `${url}/bia/${p.id}`,
      biaBody({ impacts: { ...flat(0), juridisch: [2, 1, 1, 1, 1, 1] } }),
    );
    expect(down.status).toBe(400);
    expect(down.body.details.issues[0].message).toMatch(/kan met de tijd niet afnemen/);
    const other = await createBestuur(t);
    const foreign = await t.raw(
      "INSERT INTO bestuur_applications (bestuur_id, name, hosting) VALUES ($1, 'Elders', 'saas') RETURNING id",
      [other.id],
    );
    const unknown = await isc.request(
      'PUT',
      `${url}/bia/${p.id}`,
      biaBody({ applicationIds: [foreign[0].id as string] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.issues[0].path).toEqual(['applicationIds']);
    const self = await isc.request('PUT', `${url}/bia/${p.id}`, biaBody({ processIds: [p.id] }));
    expect(self.status).toBe(400);
    expect(await t.raw('SELECT * FROM bestuur_bia WHERE process_id = $1', [p.id])).toEqual([]);
  });

  it('answers a stale version with 409 and the current BIA', async () => {
    const p = processes[1];
    const res = await isc.request('PUT', `${url}/bia/${p.id}`, { ...biaBody(), version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.details.current).toMatchObject({ processId: p.id, version: 2 });
  });

  it('lists every applicable process most urgent first; the threshold setting changes what is critical', async () => {
    const list = await lezer.request('GET', `${url}/bia`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(processes.length);
    expect(list.body.counts.saved).toBe(1);
    const hours = list.body.items.map((x: Bia) => x.mtpdHours ?? 1e9);
    expect(hours).toEqual([...hours].sort((a: number, b: number) => a - b));
    const set = await isc.request('PUT', `${url}/settings`, {
      version: 0,
      unacceptableLevel: 4,
      criticalThreshold: '4h',
    });
    expect(set.status).toBe(200);
    expect(set.body.version).toBe(1);
    const after = await isc.request('GET', `${url}/bia/${processes[1].id}`);
    // veiligheid reaches 4 at 3d: MTPD 3d, not critical under a 4h threshold.
    expect(after.body).toMatchObject({ mtpd: '3d', critical: false });
    expect(
      (await isc.request('PUT', `${url}/settings`, { version: 0, unacceptableLevel: 3, criticalThreshold: '3d' }))
        .status,
    ).toBe(409);
    const back = await isc.request('PUT', `${url}/settings`, {
      version: 1,
      unacceptableLevel: 3,
      criticalThreshold: '3d',
    });
    expect(back.body).toMatchObject({ version: 2, criticalThreshold: '3d' });
    const framework = await lezer.request('GET', `${url}/bia-framework`);
    expect(framework.body.impactAreas).toHaveLength(6);
    expect(framework.body.timePoints.map((x: { id: string }) => x.id)).toEqual(['4h', '1d', '3d', '1w', '2w', '1m']);
    expect(framework.body.settings.version).toBe(2);
  });
});

describe('recovery, checks and the plan', () => {
  let appId: string;
  it('orders the applications critical processes need and flags one slower than an RTO', async () => {
    const apps = await isc.request('GET', `${url}/applications`);
    appId = apps.body.items[0].applicationId;
    const p = processes[1];
    const current = (await isc.request('GET', `${url}/bia/${p.id}`)).body as Bia;
    const saved = await isc.request('PUT', `${url}/bia/${p.id}`, {
      ...biaBody({ impacts: current.impacts, rtoHours: 24, rpoHours: 4 }),
      version: current.version,
      applicationIds: [appId],
    });
    expect(saved.status).toBe(200);
    const slow = await isc.request('PUT', `${url}/applications/${appId}`, {
      version: 0,
      recoveryTimeHours: 48,
      procedure: 'Terugzetten vanuit de back-up bij de leverancier.',
    });
    expect(slow.status).toBe(200);
    expect(slow.body).toMatchObject({ requiredHours: 24, order: 1, recoveryTimeHours: 48, version: 1 });
    const checks = (await lezer.request('GET', `${url}/checks`)).body.items as {
      code: string;
      message: { nl: string };
    }[];
    const codes = checks.map((c) => c.code);
    expect(codes).toContain('application_slower_than_rto');
    expect(checks.find((c) => c.code === 'application_slower_than_rto')?.message.nl).toBe(
      `Burgerzaken-suite heeft 2 d nodig om te herstellen, maar ${p.name.nl} moet binnen 1 d terug draaien (RTO).`,
    );
    expect(codes).toContain('critical_without_procedure');
    expect(codes).toContain('no_recent_exercise');
  });

  it('keeps the plan with versions and an audit trail; checks clear as the plan fills in', async () => {
    const p = processes[1];
    const first = await isc.request('PATCH', `${url}/plan`, {
      version: 0,
      scope: 'Alle diensten van het gemeentehuis en het sociaal huis.',
      crisisTeam: [
        {
          role: 'Crisiscoördinator',
          name: 'An Peeters',
          phone: '+32 470 12 34 56',
          deputyName: 'Bart Claes',
          deputyPhone: null,
        },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    expect(first.body.strategies.map((s: { processId: string }) => s.processId)).toContain(p.id);
    const stale = await isc.request('PATCH', `${url}/plan`, { version: 0, meetingPlace: 'Raadzaal' });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.sections.scope).toMatch(/^Alle diensten/);
    const bad = await isc.request('PATCH', `${url}/plan`, {
      version: 1,
      crisisTeam: [{ role: 'ICT', name: 'Cas', phone: 'bel me', deputyName: null, deputyPhone: null }],
    });
    expect(bad.status).toBe(400);
    let checks = (await isc.request('GET', `${url}/checks`)).body.items;
    expect(checks.filter((c: { code: string }) => c.code === 'crisis_member_without_phone')).toEqual([
      expect.objectContaining({ subject: { kind: 'crisis-member', id: '0', name: 'Bart Claes' } }),
    ]);
    const strategy = await isc.request('PUT', `${url}/plan/strategies/${p.id}`, {
      version: 0,
      strategy: 'manueel',
      description: 'Aanvragen op papier noteren.',
      procedure: '1. Papieren formulieren nemen.\n2. Later inbrengen.',
    });
    expect(strategy.status).toBe(200);
    expect(strategy.body.version).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    const ex = await isc.request('POST', `${url}/exercises`, {
      title: 'Tafeloefening ransomware',
      kind: 'tafeloefening',
      heldOn: today,
      findings: 'De belboom was niet actueel.',
      actions: [{ description: 'Belboom bijwerken', owner: 'An Peeters', due: null, done: false }],
    });
    expect(ex.status).toBe(201);
    expect(ex.body.openActions).toBe(1);
    checks = (await isc.request('GET', `${url}/checks`)).body.items;
    const codes = checks.map((c: { code: string }) => c.code);
    expect(codes).not.toContain('no_recent_exercise');
    expect(
      checks.filter(
        (c: { code: string; subject: { id: string } | null }) =>
          c.code === 'critical_without_procedure' && c.subject?.id === p.id,
      ),
    ).toEqual([]);
    const done = await isc.request('PATCH', `${url}/exercises/${ex.body.id}`, {
      version: 1,
      actions: [{ description: 'Belboom bijwerken', owner: 'An Peeters', due: null, done: true }],
    });
    expect(done.body).toMatchObject({ version: 2, openActions: 0 });
    expect((await isc.request('DELETE', `${url}/exercises/${ex.body.id}?version=1`)).status).toBe(409);
    const types = (await auditEventsOf(t, bestuurId)).map((e) => e.object_type);
    for (const x of ['continuity_plan', 'continuity_strategy', 'continuity_exercise', 'application_recovery'])
      expect(types).toContain(x);
    expect((await lezer.request('PATCH', `${url}/plan`, { version: 1, meetingPlace: 'Raadzaal' })).status).toBe(403);
  });
});
