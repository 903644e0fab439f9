import type { BestuurProcess, Risk } from '@baken/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { matrixOf } from '../src/modules/risks/matrix.js';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

/** The risk register on the bestuur's own matrix (issue 4, point 4). */
const t = await createTestApp();
let isc: Agent;
let dpo: Agent;
let iscId: string;
let url: string;
let bestuurId: string;
let process: BestuurProcess;

beforeAll(async () => {
  const b = await createBestuur(t);
  bestuurId = b.id;
  url = `/api/besturen/${b.id}`;
  const u = await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']], name: 'Ilse ISC' });
  iscId = u.id;
  isc = await sessionFor(t, u.id);
  dpo = await sessionFor(t, (await createUser(t, { memberOf: [[b.id, 'dpo']] })).id);
  await isc.request('POST', `${url}/processes/adopt`, { domains: ['burgerzaken'] });
  [process] = (await isc.request('GET', `${url}/processes`)).body.items;
});

describe('the risk matrix', () => {
  it('is 4 by 4 by default and can be set from 3 to 5 steps; a grid that does not fit is refused', async () => {
    const res = await isc.request('GET', `${url}/risk-matrix`);
    expect(res.body.version).toBe(0);
    expect(res.body.matrix.likelihood).toHaveLength(4);
    expect(res.body.matrix.impact).toHaveLength(4);
    const bad = await isc.request('PUT', `${url}/risk-matrix`, {
      version: 0,
      matrix: { ...matrixOf(5, 5), grid: matrixOf(4, 4).grid },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues[0].message).toBe(
      'Het raster heeft een rij per stap van waarschijnlijkheid en een kolom per stap van impact.',
    );
    const set = await isc.request('PUT', `${url}/risk-matrix`, { version: 0, matrix: matrixOf(5, 5) });
    expect(set.status).toBe(200);
    expect(set.body.version).toBe(1);
    expect((await isc.request('PUT', `${url}/risk-matrix`, { version: 0, matrix: matrixOf(3, 3) })).status).toBe(409);
  });
});

describe('the risk register', () => {
  let risk: Risk;

  it('proposes the typical risks of adopted processes with an impact from their classes', async () => {
    const res = await isc.request('GET', `${url}/risks/proposals`);
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((p: { processId: string }) => p.processId === process.id);
    expect(mine.length).toBeGreaterThan(0);
    const highest = Math.max(process.class?.c ?? 1, process.class?.i ?? 1, process.class?.a ?? 1);
    expect(mine[0].impact).toBe(Math.round(((highest - 1) / 4) * 4) + 1);

    const created = await isc.request('POST', `${url}/risks`, {
      title: mine[0].title.nl,
      processId: process.id,
      threatId: 'ransomware',
      qualities: ['c', 'a'],
      likelihood: 4,
      impact: 5,
      treatment: 'verminderen',
      residualLikelihood: 2,
      residualImpact: 3,
      measureCodes: ['BC-01', 'BC-02'],
      ownerId: iscId,
      reviewDate: '2027-06-30',
    });
    expect(created.status).toBe(201);
    risk = created.body;
    expect(risk).toMatchObject({
      threatName: { nl: 'Ransomware' },
      processName: process.name,
      inherentLevel: { id: 'kritiek' },
      residualLevel: { id: 'laag' }, // 2 × 3 of 25: the lowest quarter
      measures: [{ code: 'BC-01' }, { code: 'BC-02' }],
      ownerName: 'Ilse ISC',
      acceptance: null,
      version: 1,
    });
    const after = (await isc.request('GET', `${url}/risks/proposals`)).body.items;
    expect(
      after.some(
        (p: { processId: string; title: { nl: string } }) =>
          p.processId === process.id && p.title.nl === mine[0].title.nl,
      ),
    ).toBe(false);
    const [event] = await auditEventsOf(t, bestuurId);
    expect(event).toMatchObject({ action: 'create', object_type: 'risk', object_id: risk.id });
  });

  it('refuses values outside the matrix, an unknown threat and another bestuur’s process', async () => {
    const other = await createBestuur(t);
    const otherIsc = await sessionFor(
      t,
      (await createUser(t, { memberOf: [[other.id, 'informatieveiligheidsconsulent']] })).id,
    );
    await otherIsc.request('POST', `/api/besturen/${other.id}/processes/adopt`, { domains: ['burgerzaken'] });
    const [foreign] = (await otherIsc.request('GET', `/api/besturen/${other.id}/processes`)).body.items;
    const base = { title: 'x', qualities: ['c'], likelihood: 2, impact: 2 };
    expect(
      (await isc.request('POST', `${url}/risks`, { ...base, threatId: 'meteoriet' })).body.details.issues[0].path,
    ).toEqual(['threatId']);
    expect((await isc.request('POST', `${url}/risks`, { ...base, processId: foreign.id })).status).toBe(400);
    const risks = (await isc.request('GET', `${url}/risks`)).body.items;
    expect(risks).toHaveLength(1);
    // A smaller matrix cannot be set while a risk has a value outside it.
    const smaller = await isc.request('PUT', `${url}/risk-matrix`, { version: 1, matrix: matrixOf(3, 3) });
    expect(smaller.status).toBe(400);
    expect(smaller.body.details.issues[0].message).toContain('buiten de nieuwe matrix');
  });

  it('is formally accepted only by who may accept risks, with who, when and until when', async () => {
    const noTreatment = await isc.request('PATCH', `${url}/risks/${risk.id}`, {
      version: 1,
      acceptUntil: '2027-12-31',
    });
    expect(noTreatment.status).toBe(400);
    const byDpo = await dpo.request('PATCH', `${url}/risks/${risk.id}`, {
      version: 1,
      treatment: 'aanvaarden',
      acceptUntil: '2027-12-31',
    });
    expect(byDpo.status).toBe(403);
    const accepted = await isc.request('PATCH', `${url}/risks/${risk.id}`, {
      version: 1,
      treatment: 'aanvaarden',
      acceptUntil: '2027-12-31',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.acceptance).toEqual({ by: 'Ilse ISC', at: expect.any(String), until: '2027-12-31' });
    // Another change keeps the acceptance; leaving "aanvaarden" ends it.
    const kept = await dpo.request('PATCH', `${url}/risks/${risk.id}`, { version: 2, reviewDate: '2027-01-31' });
    expect(kept.body.acceptance).toMatchObject({ until: '2027-12-31' });
    const reduced = await dpo.request('PATCH', `${url}/risks/${risk.id}`, { version: 3, treatment: 'verminderen' });
    expect(reduced.body.acceptance).toBeNull();
    const stale = await dpo.request('PATCH', `${url}/risks/${risk.id}`, { version: 3, impact: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.version).toBe(4);
    risk = reduced.body;
  });

  it('shows inherent beside residual in a heat map, and deletes', async () => {
    await isc.request('POST', `${url}/risks`, {
      title: 'Phishing',
      threatId: 'phishing',
      qualities: ['c'],
      likelihood: 4,
      impact: 5,
    });
    const map = (await isc.request('GET', `${url}/risks/heatmap`)).body;
    expect(map.inherent[3][4]).toBe(2);
    expect(map.residual[1][2]).toBe(1);
    expect(map.inherent.flat().reduce((a: number, b: number) => a + b, 0)).toBe(2);
    expect((await isc.request('DELETE', `${url}/risks/${risk.id}?version=${risk.version}`)).status).toBe(204);
    expect(await t.raw('SELECT * FROM bestuur_risk_measures WHERE risk_id = $1', [risk.id])).toEqual([]);
  });

  it('serves the threat catalogue to every signed-in user', async () => {
    const res = await dpo.request('GET', '/api/catalog/threats');
    expect(res.body.items.length).toBeGreaterThanOrEqual(40);
    expect(res.body.items.find((x: { id: string }) => x.id === 'paper-loss')).toMatchObject({ affects: ['c', 'a'] });
  });
});
