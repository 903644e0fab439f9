import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BestuurProcess } from '@baken/contracts';
import { type Kysely, sql } from 'kysely';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../src/platform/db/index.js';
import { inScope } from '../src/platform/tenancy.js';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

/** The continuity plan as a Word document, and the coach's review of a submission (issue 6). */
const t = await createTestApp();
let isc: Agent;
let coach: Agent;
let otherCoach: Agent;
let url: string;
let bestuurId: string;
let bestuurName: string;
let processes: BestuurProcess[];

const zeros = [0, 0, 0, 0, 0, 0];
const impacts = {
  dienstverlening: [2, 3, 4, 4, 4, 4],
  financieel: zeros,
  juridisch: zeros,
  reputatie: zeros,
  veiligheid: zeros,
  persoonsgegevens: zeros,
};

beforeAll(async () => {
  const b = await createBestuur(t, { name: `Gemeente Zonnedaele-${Math.random().toString(36).slice(2, 6)}` });
  bestuurId = b.id;
  bestuurName = b.name;
  url = `/api/besturen/${b.id}/continuity`;
  isc = await sessionFor(t, (await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']] })).id);
  coach = await sessionFor(t, (await createUser(t, { regionalRoles: ['coach'], name: 'Lotte Coach' })).id);
  otherCoach = await sessionFor(t, (await createUser(t, { regionalRoles: ['coach'] })).id);
  await isc.request('POST', `/api/besturen/${b.id}/processes/adopt`, { domains: ['burgerzaken'] });
  processes = (await isc.request('GET', `/api/besturen/${b.id}/processes`)).body.items;
  const app = await isc.request('POST', `/api/besturen/${b.id}/applications`, {
    name: 'Rijksregister-koppeling',
    hosting: 'saas',
  });
  await isc.request('PUT', `${url}/applications/${app.body.id}`, {
    version: 0,
    recoveryTimeHours: 8,
    procedure: 'Verbinding herstarten via de leverancier; bij uitval het noodnummer bellen.',
  });
  const saved = await isc.request('PUT', `${url}/bia/${processes[0].id}`, {
    version: 0,
    impacts,
    rtoHours: 24,
    rpoHours: 4,
    minimumServiceLevel: 'Spoedaanvragen van identiteitskaarten blijven mogelijk.',
    peakPeriods: 'Juni en juli (reisperiode)',
    keyRoles: ['Diensthoofd burgerzaken'],
    locations: ['Gemeentehuis'],
    applicationIds: [app.body.id],
    supplierIds: [],
    processIds: [],
    notes: null,
  });
  expect(saved.status).toBe(200);
  await isc.request('PUT', `${url}/plan/strategies/${processes[0].id}`, {
    version: 0,
    strategy: 'andere-locatie',
    description: 'Het loket verhuist naar het sociaal huis.',
    procedure: 'Stap 1: laptops ophalen.\nStap 2: loket openen in het sociaal huis.',
  });
  const plan = await isc.request('PATCH', `${url}/plan`, {
    version: 0,
    scope: 'Alle diensten van de gemeente.',
    crisisTeam: [
      {
        role: 'Crisiscoördinator',
        name: 'An Peeters',
        phone: '+32 470 12 34 56',
        deputyName: 'Bart Claes',
        deputyPhone: '+32 470 65 43 21',
      },
    ],
    callTree: 'De coördinator belt de diensthoofden.',
    meetingPlace: 'Raadzaal van het gemeentehuis',
    activationCriteria: 'Een kritiek proces ligt langer dan de helft van zijn RTO stil.',
    communication: {
      staff: 'Intranet en sms',
      citizens: 'Website en sociale media',
      press: 'Woordvoerder',
      authorities: 'Gouverneur',
    },
    documentControl: {
      documentVersion: '1.0',
      approvedBy: 'college',
      approvedOn: '2026-03-02',
      nextReview: '2027-03-01',
    },
  });
  expect(plan.status).toBe(200);
  await isc.request('POST', `${url}/exercises`, {
    title: 'Hersteltest back-up',
    kind: 'technische-test',
    heldOn: '2026-02-10',
    findings: 'Terugzetten duurde 6 uur.',
    actions: [{ description: 'Draaiboek aanvullen', owner: 'ICT', due: '2026-04-01', done: false }],
  });
});

describe('the plan as a Word document', () => {
  it('is a DOCX in Dutch with its tables, readable by LibreOffice', async () => {
    const res = await isc.request('GET', `${url}/plan/docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(String(res.headers['content-disposition'])).toMatch(
      /bedrijfscontinuiteitsplan-gemeente-zonnedaele-[a-z0-9]+\.docx/,
    );
    expect(res.raw.subarray(0, 2).toString()).toBe('PK');
    if (spawnSync('soffice', ['--version']).status !== 0) {
      console.warn(
        'SKIPPED the LibreOffice check: soffice is not installed (apt-get install libreoffice-writer-nogui)',
      );
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcp-'));
    fs.writeFileSync(path.join(dir, 'plan.docx'), res.raw);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        dir,
        path.join(dir, 'plan.docx'),
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
    const text = fs.readFileSync(path.join(dir, 'plan.txt'), 'utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    for (const expected of [
      'Bedrijfscontinuïteitsplan',
      bestuurName,
      'Goedgekeurd: door het college van burgemeester en schepenen op 2026-03-02',
      '1. Toepassingsgebied',
      'Alle diensten van de gemeente.',
      '2. Crisisorganisatie',
      'An Peeters',
      '+32 470 65 43 21',
      'Raadzaal van het gemeentehuis',
      '4. Kritieke processen en strategie',
      processes[0].name.nl,
      'Uitwijken naar een andere locatie',
      'Stap 2: loket openen in het sociaal huis.',
      '5. Herstel van toepassingen',
      'Rijksregister-koppeling',
      'Verbinding herstarten via de leverancier',
      '6. Communicatie',
      'Website en sociale media',
      '7. Oefeningen',
      'Hersteltest back-up',
      'Draaiboek aanvullen',
      '8. Documentbeheer',
      'Bijlage: business impact analyse',
    ])
      expect(text).toContain(expected);
    // Table cells come out one per line: the strategy table's row for the critical process.
    expect(text).toMatch(new RegExp(`${processes[0].name.nl}\\s+1 dag\\s+1 dag\\s+4 uur\\s+Uitwijken`));
  }, 180_000);
});

describe('the plan as a PDF', () => {
  it('has the same sections and tables, in Dutch', async () => {
    const res = await isc.request('GET', `${url}/plan/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(res.raw)), { mergePages: true });
    for (const expected of [
      'Bedrijfscontinuïteitsplan',
      '2. Crisisorganisatie',
      'An Peeters',
      '4. Kritieke processen en strategie',
      'Uitwijken naar een andere locatie',
      'Rijksregister-koppeling',
      'Draaiboek aanvullen',
      'Bijlage: business impact analyse',
      processes[0].name.nl,
    ])
      expect(text).toContain(expected);
  });
});

describe('the review by the coach', () => {
  let reviewId: string;
  it('takes a snapshot at submission; one open submission per subject', async () => {
    const res = await isc.request('POST', `${url}/reviews`, { subject: 'plan', message: 'Graag uw feedback.' });
    expect(res.status).toBe(201);
    reviewId = res.body.id;
    expect(res.body).toMatchObject({ state: 'ingediend', subject: 'plan', bestuurName, version: 1 });
    expect(res.body.sections.map((s: { key: string }) => s.key)).toContain('crisisorganisatie');
    expect(res.body.events[0]).toMatchObject({ kind: 'ingediend', body: 'Graag uw feedback.', authorSide: 'bestuur' });
    const again = await isc.request('POST', `${url}/reviews`, { subject: 'plan' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REVIEW_OPEN');
    // A change after submission does not reach the coach's copy.
    await isc.request('PATCH', `${url}/plan`, { version: 1, scope: 'Gewijzigd na indiening.' });
    const seen = await coach.request('GET', `/api/region/continuity/reviews/${reviewId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.snapshot.sections.scope).toBe('Alle diensten van de gemeente.');
  });

  it('lets the coach comment per section and return it; both see the history', async () => {
    const list = await coach.request('GET', '/api/region/continuity/reviews?state=ingediend');
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(reviewId);
    const bad = await coach.request('POST', `/api/region/continuity/reviews/${reviewId}/comments`, {
      section: 'nergens',
      body: 'x',
    });
    expect(bad.status).toBe(400);
    const comment = await coach.request('POST', `/api/region/continuity/reviews/${reviewId}/comments`, {
      section: 'crisisorganisatie',
      body: 'Voeg een plaatsvervanger voor ICT toe.',
    });
    expect(comment.status).toBe(200);
    expect(comment.body.comments).toBe(1);
    const stale = await otherCoach.request('POST', `/api/region/continuity/reviews/${reviewId}/decision`, {
      version: 2,
      decision: 'aanvaard',
    });
    expect(stale.status).toBe(409);
    const returned = await coach.request('POST', `/api/region/continuity/reviews/${reviewId}/decision`, {
      version: 1,
      decision: 'teruggestuurd',
      message: 'Bijna klaar.',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'teruggestuurd', decidedBy: 'Lotte Coach', version: 2 });
    const mine = await isc.request('GET', `${url}/reviews/${reviewId}`);
    expect(
      mine.body.events.map((e: { kind: string; section: string | null; authorSide: string }) => [
        e.kind,
        e.section,
        e.authorSide,
      ]),
    ).toEqual([
      ['ingediend', null, 'bestuur'],
      ['opmerking', 'crisisorganisatie', 'coach'],
      ['teruggestuurd', null, 'coach'],
    ]);
    expect(
      (
        await coach.request('POST', `/api/region/continuity/reviews/${reviewId}/decision`, {
          version: 2,
          decision: 'aanvaard',
        })
      ).status,
    ).toBe(409);
    const audit = (await auditEventsOf(t, bestuurId)).filter((e) => e.object_type === 'continuity_review');
    expect(audit.map((e) => e.after)).toContainEqual({ state: 'teruggestuurd' });
    // Returned: the bestuur can submit again, and the coach can accept the new one.
    const second = await isc.request('POST', `${url}/reviews`, { subject: 'plan' });
    expect(second.status).toBe(201);
    expect(second.body.snapshot.sections.scope).toBe('Gewijzigd na indiening.');
    const accepted = await coach.request('POST', `/api/region/continuity/reviews/${second.body.id}/decision`, {
      version: 1,
      decision: 'aanvaard',
    });
    expect(accepted.body.state).toBe('aanvaard');
    const history = await isc.request('GET', `${url}/reviews`);
    expect(history.body.items.map((r: { state: string }) => r.state)).toEqual(['aanvaard', 'teruggestuurd']);
  });

  it('submits a BIA with a section per process', async () => {
    const res = await isc.request('POST', `${url}/reviews`, { subject: 'bia' });
    expect(res.status).toBe(201);
    expect(res.body.sections.map((s: { key: string }) => s.key)).toContain(`proces:${processes[0].id}`);
    expect(res.body.snapshot.items.find((b: { processId: string }) => b.processId === processes[0].id)).toMatchObject({
      rtoHours: 24,
      mtpd: '1d',
      critical: true,
    });
  });

  it('is closed to bestuur users: 403 on the regional routes, their own only', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/region/continuity/reviews', undefined],
      ['GET', `/api/region/continuity/reviews/${reviewId}`, undefined],
      ['POST', `/api/region/continuity/reviews/${reviewId}/comments`, { body: 'Van een bestuur' }],
      ['POST', `/api/region/continuity/reviews/${reviewId}/decision`, { version: 2, decision: 'aanvaard' }],
    ] as const) {
      const res = await isc.request(method, path, body);
      expect(res.status).toBe(403);
    }
    const toezicht = await sessionFor(t, (await createUser(t, { regionalRoles: ['toezichthouder'] })).id);
    expect((await toezicht.request('GET', '/api/region/continuity/reviews')).status).toBe(403);
  });

  it("gives the coach submissions only: none of the bestuur's own routes, no other table", async () => {
    expect((await coach.request('GET', `${url}/plan`)).status).toBe(404);
    expect((await coach.request('GET', `${url}/bia`)).status).toBe(404);
    expect((await coach.request('GET', `${url}/reviews`)).status).toBe(404);
    const coachId = (await coach.request('GET', '/api/auth/session')).body.user.id as string;
    // The database itself: in a coach's scope the review tables are readable, the BIA is not.
    const count = (tx: Kysely<DB>, table: string) =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE bestuur_id = ${bestuurId}`
        .execute(tx)
        .then((r) => r.rows[0].n);
    const rows = await inScope(t.db.app, { userId: coachId }, async (tx) => ({
      reviews: await count(tx, 'bestuur_bc_reviews'),
      bia: await count(tx, 'bestuur_bia'),
      plan: await count(tx, 'bestuur_bc_plans'),
    }));
    expect(rows).toEqual({ reviews: 3, bia: 0, plan: 0 });
  });
});
