import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { type CyfunNode, requirementsAt } from '../src/modules/cyfun/scoring.js';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

/** CyberFundamentals self-assessments of a bestuur (issue 4, point 3). */
const t = await createTestApp();
const content = loadContent();
const nodes = content.frameworks.find((f) => f.id === 'cyfun-2023-03-01')?.nodes as CyfunNode[];
const basic = requirementsAt(nodes, 'basic');
let isc: Agent;
let url: string;
let bestuurId: string;

beforeAll(async () => {
  const b = await createBestuur(t);
  bestuurId = b.id;
  url = `/api/besturen/${b.id}`;
  isc = await sessionFor(t, (await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']] })).id);
  expect((await isc.request('POST', `${url}/processes/adopt`, {})).status).toBe(200);
});

describe('a CyberFundamentals self-assessment', () => {
  // A measure of the register mapped to a Basic requirement of CyFun 2023.
  const measure = content.measures.find((m) =>
    m.mappings.some((x) => x.framework === 'cyfun-2023-03-01' && basic.some((r) => r.id === x.requirement)),
  );
  const requirement = measure?.mappings.find(
    (x) => x.framework === 'cyfun-2023-03-01' && basic.some((r) => r.id === x.requirement),
  )?.requirement as string;

  it('is pre-filled from the maturity of the mapped measures, and incomplete until every requirement is answered', async () => {
    expect(measure).toBeDefined();
    const tracked = await isc.request('PATCH', `${url}/measures/${measure?.code}`, {
      version: 0,
      status: 'in-uitvoering',
      documentation: 3,
      implementation: 2,
    });
    expect(tracked.status).toBe(200);
    const res = await isc.request('POST', `${url}/cyfun-assessments`, { edition: '2023-03-01', level: 'basic' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ edition: '2023-03-01', level: 'basic', requirements: 34, version: 1 });
    expect(res.body.rows).toHaveLength(34);
    const row = res.body.rows.find((r: { id: string }) => r.id === requirement);
    expect(row).toMatchObject({ source: 'measures' });
    expect(row.documentation).toBeLessThanOrEqual(3);
    expect(row.implementation).toBeLessThanOrEqual(2);
    expect(res.body.result).toMatchObject({ complete: false, total: null, passed: null });
    expect(res.body.result.missing).toHaveLength(34 - res.body.answered);
    const [event] = await auditEventsOf(t, bestuurId);
    expect(event).toMatchObject({ action: 'create', object_type: 'cyfun_assessment', object_id: res.body.id });
  });

  it('scores exactly as the official method once complete: the worked check passes Basic at 2.5', async () => {
    const [a] = (await isc.request('GET', `${url}/cyfun-assessments`)).body.items;
    const answers = basic.map((r) => ({ id: r.id, documentation: 2, implementation: 3 }));
    const res = await isc.request('PATCH', `${url}/cyfun-assessments/${a.id}`, { version: a.version, answers });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ complete: true, missing: [], total: 2.5, passed: true, failures: [] });
    expect(res.body.rows.every((r: { source: string }) => r.source === 'manual')).toBe(true);

    const key = basic.find((r) => r.keyMeasure)?.id as string;
    const lower = await isc.request('PATCH', `${url}/cyfun-assessments/${a.id}`, {
      version: res.body.version,
      answers: [{ id: key, documentation: 2, implementation: 2 }],
    });
    expect(lower.body.result.passed).toBe(false);
    // The key measure fails; the total drops just under 2.5 with it.
    expect(lower.body.result.failures).toEqual([
      { criterion: 'keyMeasure', id: key, value: 2, threshold: 2.5 },
      { criterion: 'total', value: expect.closeTo(2.4933, 3), threshold: 2.5 },
    ]);

    const na = await isc.request('PATCH', `${url}/cyfun-assessments/${a.id}`, {
      version: lower.body.version,
      answers: [{ id: key, notApplicable: true }],
    });
    expect(na.body.result.failures).toContainEqual(
      expect.objectContaining({ criterion: 'notApplicableNotAllowed', id: key, reason: 'keyMeasure' }),
    );
    const cleared = await isc.request('PATCH', `${url}/cyfun-assessments/${a.id}`, {
      version: na.body.version,
      answers: [{ id: key, clear: true }],
    });
    expect(cleared.body.result).toMatchObject({ complete: false, missing: [key] });
    const list = (await isc.request('GET', `${url}/cyfun-assessments`)).body.items;
    expect(list[0]).toMatchObject({ answered: 33, requirements: 34, total: null });
  });

  it('refuses a stale version, a requirement outside the level, and a lezer', async () => {
    const [a] = (await isc.request('GET', `${url}/cyfun-assessments`)).body.items;
    const stale = await isc.request('PATCH', `${url}/cyfun-assessments/${a.id}`, { version: 1, answers: [] });
    expect(stale.status).toBe(409);
    const essentialOnly = requirementsAt(nodes, 'essential').find((r) => !basic.some((b) => b.id === r.id))?.id;
    const outside = await isc.request('PATCH', `${url}/cyfun-assessments/${a.id}`, {
      version: a.version,
      answers: [{ id: essentialOnly, documentation: 3, implementation: 3 }],
    });
    expect(outside.status).toBe(400);
    const lezer = await sessionFor(t, (await createUser(t, { memberOf: [[bestuurId, 'lezer']] })).id);
    expect((await lezer.request('GET', `${url}/cyfun-assessments/${a.id}`)).status).toBe(200);
    expect((await lezer.request('PATCH', `${url}/cyfun-assessments/${a.id}`, { version: a.version })).status).toBe(403);
    expect((await isc.request('GET', `${url}/cyfun-assessments/${a.id}`)).body.version).toBe(a.version);
  });

  it('takes other not-applicable rules for Basic and is deleted with its answers', async () => {
    const created = await isc.request('POST', `${url}/cyfun-assessments`, {
      edition: '2025',
      level: 'basic',
      prefill: false,
    });
    expect(created.body.answered).toBe(0);
    const res = await isc.request('PATCH', `${url}/cyfun-assessments/${created.body.id}`, {
      version: 1,
      naRules: { basic: { max: 2, score: 2.5 } },
    });
    expect(res.body.naRules.basic).toEqual({ max: 2, score: 2.5 });
    expect(res.body.naRules.essential).toEqual({ max: 5, score: 3 });
    expect((await isc.request('DELETE', `${url}/cyfun-assessments/${created.body.id}?version=2`)).status).toBe(204);
    expect(await t.raw('SELECT * FROM bestuur_cyfun_answers WHERE assessment_id = $1', [created.body.id])).toEqual([]);
  });

  it('exports to a workbook with the columns of the official tool and takes scores back from it, all or nothing', async () => {
    const created = await isc.request('POST', `${url}/cyfun-assessments`, {
      edition: '2023-03-01',
      level: 'basic',
      prefill: false,
    });
    const id = created.body.id as string;
    const filled = await isc.request('PATCH', `${url}/cyfun-assessments/${id}`, {
      version: 1,
      answers: basic.map((r) => ({ id: r.id, documentation: 2, implementation: 3 })),
    });
    const res = await isc.request('GET', `${url}/cyfun-assessments/${id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/cyberfundamentals-.*-2023-03-01-basic-\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const ws = wb.getWorksheet('Zelfevaluatie') as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1, 15)).toEqual([
      'ID',
      'Titel',
      'Niveau',
      'Sleutelmaatregel',
      'Documentatie',
      'Implementatie',
      'Niet van toepassing',
      'Subcategorie',
      'Subcategorie documentatie',
      'Subcategorie implementatie',
      'Categorie',
      'Categorie documentatie',
      'Categorie implementatie',
      'Categorie maturiteit',
    ]);
    expect(ws.rowCount).toBe(35);
    const key = basic.find((r) => r.keyMeasure)?.id as string;
    const keyRow = (ws.getColumn(1).values as unknown[]).indexOf(key);
    expect(ws.getRow(keyRow).getCell(4).value).toBe('ja');
    expect(ws.getRow(keyRow).getCell(3).value).toBe('Basis');
    expect(ws.getRow(keyRow).getCell(14).value).toBe(2.5);
    const result = wb.getWorksheet('Resultaat') as ExcelJS.Worksheet;
    expect(result.getRow(7).values).toEqual([undefined, 'Totale maturiteit', 2.5]);
    expect(result.getRow(8).values).toEqual([undefined, 'Geslaagd', 'ja']);

    // Change two scores in the sheet; one bad row refuses the whole file.
    ws.getRow(keyRow).getCell(5).value = 4;
    ws.getRow(keyRow).getCell(6).value = 4;
    ws.getRow(2).getCell(5).value = 7;
    const bad = await isc.request(
      'POST',
      `${url}/cyfun-assessments/${id}/import?version=${filled.body.version}`,
      Buffer.from(await wb.xlsx.writeBuffer()),
      { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('IMPORT_HAS_ERRORS');
    expect(bad.body.details.errors).toEqual([
      { row: 2, column: 'documentation', message: 'Documentatie moet een geheel getal van 1 tot 5 zijn.' },
    ]);
    expect((await isc.request('GET', `${url}/cyfun-assessments/${id}`)).body.version).toBe(filled.body.version);

    ws.getRow(2).getCell(5).value = 2;
    const ok = await isc.request(
      'POST',
      `${url}/cyfun-assessments/${id}/import?version=${filled.body.version}`,
      Buffer.from(await wb.xlsx.writeBuffer()),
      { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.rows.find((r: { id: string }) => r.id === key)).toMatchObject({
      documentation: 4,
      implementation: 4,
    });
    expect(ok.body.result.total).toBeGreaterThan(2.5);
    const garbage = await isc.request(
      'POST',
      `${url}/cyfun-assessments/${id}/import?version=${ok.body.version}`,
      Buffer.from('geen werkmap'),
      {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    );
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('IMPORT_FILE_INVALID');
  });
});
