import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { IPDC_CONCEPT_PREFIX, type IpdcConcept, type ProcessProducts } from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

const t = await createTestApp();
const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => fs.readFileSync(path.join(here, 'fixtures/products', name));
const CSV = { 'content-type': 'text/csv' };

const coach = await sessionFor(t, (await createUser(t, { regionalRoles: ['coach'] })).id);
const conceptCount = async () => (await t.raw('SELECT count(*)::int AS n FROM ipdc_concepts'))[0].n as number;
const concepts = () => t.raw('SELECT * FROM ipdc_concepts ORDER BY id');
const platformEvents = () =>
  t.raw("SELECT * FROM audit_events WHERE bestuur_id IS NULL AND object_type = 'ipdc_concepts' ORDER BY occurred_at");
const importCsv = (body: Buffer | string, query = '', agent = coach, headers: Record<string, string> = CSV) =>
  agent.request('POST', `/api/catalog/ipdc-concepts/import${query}`, body, headers);

/** A CSV with fresh concept ids, so a test's counts do not depend on the others. */
function freshCsv(rows: { name: string; type?: string; themes?: string }[]) {
  const ids = rows.map(() => randomUUID());
  const lines = rows.map((r, i) => `${ids[i]};${r.name};${r.type ?? 'Bewijs'};${r.themes ?? 'BurgerOverheid'}`);
  return { ids: ids.map((id) => IPDC_CONCEPT_PREFIX + id), csv: ['id;naam;type;themas', ...lines].join('\r\n') };
}

describe('importing IPDC concepts from CSV', () => {
  it('previews a real file (BOM, ; separator, quoted fields, a line break in a cell) without writing', async () => {
    const res = await importCsv(fixture('ipdc-concepten.csv'), '?dryRun=true&fileName=ipdc-concepten.csv');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dryRun: true,
      rows: 6,
      added: 6,
      updated: 0,
      unchanged: 0,
      ignoredColumns: ['opmerking'],
    });
    expect(await conceptCount()).toBe(0);
    expect(await platformEvents()).toEqual([]);
  });

  it('imports it, normalising bare uuids to the concept URI, with one platform audit event', async () => {
    const res = await importCsv(fixture('ipdc-concepten.csv'), '?fileName=ipdc-concepten.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, rows: 6, added: 6, updated: 0, unchanged: 0 });

    const rows = await concepts();
    expect(rows).toHaveLength(6);
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    const permit = byId.get(`${IPDC_CONCEPT_PREFIX}0f6a8c52-3b1e-4d7a-9c41-2a5e7b9d1c03`);
    expect(permit).toMatchObject({
      name_nl: 'Omgevingsvergunning voor het bouwen van een woning',
      name_en: 'Environmental permit to build a house',
      product_type: 'Toelating',
      themes: ['BouwenWonen'],
      target_groups: ['Burger', 'Onderneming'],
      keywords: ['bouwen', 'vergunning'],
      source_file: 'ipdc-concepten.csv',
    });
    const grant = byId.get(`${IPDC_CONCEPT_PREFIX}0f6a8c52-3b1e-4d7a-9c41-2a5e7b9d1c04`);
    expect(grant?.description).toBe('Een tegemoetkoming voor dakisolatie, "hoogrendementsglas" of een warmtepomp.');
    expect(grant?.themes).toEqual(['MilieuEnergie', 'BouwenWonen']);
    const lending = byId.get(`${IPDC_CONCEPT_PREFIX}0f6a8c52-3b1e-4d7a-9c41-2a5e7b9d1c06`);
    expect(lending?.description).toBe('Verenigingen lenen tafels, stoelen en een podium\nvoor een buurtfeest.');

    const events = await platformEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'update', object_label: 'ipdc-concepten.csv', bestuur_id: null });
    expect(events[0].after).toMatchObject({ rows: 6, added: 6, updated: 0 });
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await concepts();
    const res = await importCsv(fixture('ipdc-concepten.csv'), '?fileName=ipdc-concepten.csv');
    expect(res.body).toMatchObject({ rows: 6, added: 0, updated: 0, unchanged: 6 });
    expect(await concepts()).toEqual(before);
    expect(await platformEvents()).toHaveLength(1);
  });

  it('reads a comma-separated file with English headers and counts a changed concept as updated', async () => {
    const added = await importCsv(fixture('ipdc-concepten-komma.csv'));
    expect(added.body).toMatchObject({ rows: 2, added: 2, updated: 0, unchanged: 0 });

    const text = fixture('ipdc-concepten-komma.csv')
      .toString('utf8')
      .replace('Huwelijksaangifte', 'Aangifte van huwelijk');
    const preview = await importCsv(text, '?dryRun=true');
    expect(preview.body).toMatchObject({ dryRun: true, added: 0, updated: 1, unchanged: 1 });
    const res = await importCsv(text);
    expect(res.body).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    const [row] = await t.raw('SELECT name_nl FROM ipdc_concepts WHERE id = $1', [
      `${IPDC_CONCEPT_PREFIX}0f6a8c52-3b1e-4d7a-9c41-2a5e7b9d1c07`,
    ]);
    expect(row.name_nl).toBe('Aangifte van huwelijk');
  });

  it('refuses a file with bad rows as a whole, naming each row, column and problem in Dutch or English', async () => {
    const before = await concepts();
    const events = (await platformEvents()).length;
    const res = await importCsv(fixture('ipdc-fouten.csv'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IPDC_IMPORT_INVALID');
    expect(res.body.message).toMatch(/er is niets ingelezen/);
    const errors = res.body.details.errors.map((e: { row: number; column: string; code: string }) => [
      e.row,
      e.column,
      e.code,
    ]);
    expect(errors).toEqual([
      [3, 'concept-id', 'id_invalid'],
      [4, 'naam', 'name_missing'],
      [5, 'producttype', 'type_unknown'],
      [6, "thema's", 'theme_unknown'],
      [7, 'doelgroepen', 'target_group_unknown'],
      [8, 'concept-id', 'id_duplicate'],
    ]);
    expect(res.body.details.errorCount).toBe(6);
    expect(res.body.details.errors[0].message).toMatch(/Geen geldige concept-id/);
    expect(await concepts()).toEqual(before);
    expect(await platformEvents()).toHaveLength(events);

    const en = await importCsv(fixture('ipdc-fouten.csv'), '', coach, { ...CSV, 'accept-language': 'en' });
    expect(en.body.message).toMatch(/nothing was imported/);
    expect(en.body.details.errors[1].message).toBe('The name (Dutch) is missing.');
  });

  it('refuses a header without the required columns, an empty file, an open quote and non-UTF-8 text', async () => {
    const before = await concepts();
    const cases: [Buffer | string, string][] = [
      ['titel;type\nIets;Bewijs', 'column_missing'],
      ['', 'file_empty'],
      [`id;naam\n${randomUUID()};"Niet gesloten`, 'quote_unclosed'],
      [Buffer.from([0x69, 0x64, 0x3b, 0x6e, 0x61, 0x61, 0x6d, 0x0a, 0xff, 0xfe]), 'file_encoding'],
    ];
    for (const [body, code] of cases) {
      const res = await importCsv(body);
      expect(res.status, code).toBe(400);
      expect(res.body.details.errors[0].code, code).toBe(code);
    }
    expect(await concepts()).toEqual(before);
  });

  it('accepts codes in any case and as code-list URIs', async () => {
    const { ids, csv } = freshCsv([
      { name: 'Met URI', type: 'https://productencatalogus.data.vlaanderen.be/id/concept/Type/Toelating' },
      { name: 'Kleine letters', type: 'toelating', themes: 'bouwenwonen|MILIEUENERGIE' },
    ]);
    expect((await importCsv(csv)).body).toMatchObject({ added: 2 });
    const rows = await t.raw('SELECT product_type, themes FROM ipdc_concepts WHERE id = ANY($1) ORDER BY name_nl', [
      ids,
    ]);
    expect(rows).toEqual([
      { product_type: 'Toelating', themes: ['BouwenWonen', 'MilieuEnergie'] },
      { product_type: 'Toelating', themes: ['BurgerOverheid'] },
    ]);
  });

  it('is for the Vo-CRT coach: a bestuur user or a supervisor gets 403, nobody signed in 401', async () => {
    const bestuur = await createBestuur(t);
    const isc = await sessionFor(
      t,
      (await createUser(t, { memberOf: [[bestuur.id, 'informatieveiligheidsconsulent']] })).id,
    );
    const supervisor = await sessionFor(t, (await createUser(t, { regionalRoles: ['toezichthouder'] })).id);
    const { csv } = freshCsv([{ name: 'Mag niet' }]);
    const before = await conceptCount();
    for (const agent of [isc, supervisor]) expect((await importCsv(csv, '', agent)).status).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/ipdc-concepts/import',
      payload: csv,
      headers: CSV,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await conceptCount()).toBe(before);
  });

  it('refuses a file above 10 MB with 413', async () => {
    const before = await conceptCount();
    const res = await importCsv(Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await conceptCount()).toBe(before);
  });
});

describe('browsing IPDC concepts', () => {
  it('lets every signed-in user search by name or keyword and filter by type and theme, paginated', async () => {
    const bestuur = await createBestuur(t);
    const reader = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);
    const list = async (query: string) =>
      (await reader.request('GET', `/api/catalog/ipdc-concepts${query}`)).body as {
        items: IpdcConcept[];
        total: number;
      };

    const all = await list('?pageSize=200');
    expect(all.total).toBe(await conceptCount());
    expect((await list('?q=isolatie')).items.map((c) => c.name.nl)).toEqual(['Premie voor energiezuinig renoveren']);
    expect((await list('?q=BEVOLKINGSREGISTER')).items.map((c) => c.name.nl)).toEqual([
      'Uittreksel uit het bevolkingsregister',
    ]);
    const permits = await list('?type=Toelating&theme=BouwenWonen');
    expect(permits.items.every((c) => c.productType === 'Toelating' && c.themes.includes('BouwenWonen'))).toBe(true);
    expect(permits.items.map((c) => c.name.nl)).toContain('Omgevingsvergunning voor het bouwen van een woning');
    const page2 = await list('?pageSize=2&page=2');
    expect(page2.items).toHaveLength(2);
    expect(page2.items.map((c) => c.id)).toEqual(all.items.slice(2, 4).map((c) => c.id));
    expect((await reader.request('GET', '/api/catalog/ipdc-concepts?type=Vergunning')).status).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/catalog/ipdc-concepts' })).statusCode).toBe(401);
  });
});

describe('linking products to a process', () => {
  const content = loadContent();
  const template = content.processes.find((p) => p.id === 'bz-identiteitskaarten');

  async function adopted(role: 'informatieveiligheidsconsulent' | 'lezer' = 'informatieveiligheidsconsulent') {
    const bestuur = await createBestuur(t);
    const isc = await sessionFor(
      t,
      (await createUser(t, { memberOf: [[bestuur.id, 'informatieveiligheidsconsulent']] })).id,
    );
    const url = `/api/besturen/${bestuur.id}`;
    expect((await isc.request('POST', `${url}/processes/adopt`, { domains: ['burgerzaken'] })).status).toBe(200);
    const [p] = await t.raw('SELECT id FROM bestuur_processes WHERE bestuur_id = $1 AND template_id = $2', [
      bestuur.id,
      'bz-identiteitskaarten',
    ]);
    const agent =
      role === 'lezer' ? await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id) : isc;
    return { bestuur, agent, url: `${url}/processes/${p.id}/products` };
  }

  it("suggests concepts matching the generic process's IPDC codes, matching type first", async () => {
    expect(template?.ipdc).toEqual({ themes: ['BurgerOverheid'], types: ['Bewijs'] });
    const { agent, url } = await adopted();
    const res = await agent.request('GET', url);
    expect(res.status).toBe(200);
    const body = res.body as ProcessProducts;
    expect(body.ipdc).toEqual({ themes: ['BurgerOverheid'], types: ['Bewijs'] });
    expect(body.items).toEqual([]);
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions.every((c) => c.themes.includes('BurgerOverheid'))).toBe(true);
    const firstOther = body.suggestions.findIndex((c) => c.productType !== 'Bewijs');
    expect(firstOther).toBeGreaterThan(0);
    expect(body.suggestions.slice(firstOther).every((c) => c.productType !== 'Bewijs')).toBe(true);
  });

  it('sets the full set of links, audited, and leaves the suggestions without what is linked', async () => {
    const { bestuur, agent, url } = await adopted();
    const eid = `${IPDC_CONCEPT_PREFIX}0f6a8c52-3b1e-4d7a-9c41-2a5e7b9d1c01`;
    const res = await agent.request('PUT', url, {
      conceptIds: [eid, '0f6a8c52-3b1e-4d7a-9c41-2a5e7b9d1c02', eid],
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: IpdcConcept) => c.id).sort()).toEqual([
      eid,
      `${IPDC_CONCEPT_PREFIX}0f6a8c52-3b1e-4d7a-9c41-2a5e7b9d1c02`,
    ]);
    expect(res.body.suggestions.map((c: IpdcConcept) => c.id)).not.toContain(eid);
    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({
      action: 'update',
      object_type: 'process_products',
      object_label: 'Elektronische identiteitskaarten',
    });
    expect(event.before).toEqual({ conceptIds: [] });
    expect((event.after as { conceptIds: string[] }).conceptIds).toHaveLength(2);

    const again = await agent.request('PUT', url, {
      conceptIds: [eid, `${IPDC_CONCEPT_PREFIX}0f6a8c52-3b1e-4d7a-9c41-2a5e7b9d1c02`],
    });
    expect(again.status).toBe(200);
    expect((await auditEventsOf(t, bestuur.id))[0].id).toBe(event.id);

    const fewer = await agent.request('PUT', url, { conceptIds: [eid] });
    expect(fewer.body.items.map((c: IpdcConcept) => c.id)).toEqual([eid]);
    expect((await agent.request('GET', url)).body.items.map((c: IpdcConcept) => c.id)).toEqual([eid]);
  });

  it('refuses unknown and malformed concept ids and changes nothing', async () => {
    const { bestuur, agent, url } = await adopted();
    const unknown = `${IPDC_CONCEPT_PREFIX}${randomUUID()}`;
    const res = await agent.request('PUT', url, {
      conceptIds: [`${IPDC_CONCEPT_PREFIX}0f6a8c52-3b1e-4d7a-9c41-2a5e7b9d1c01`, unknown],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'IPDC_CONCEPT_UNKNOWN', details: { unknown: [unknown] } });
    const bad = await agent.request('PUT', url, { conceptIds: ['geen-id'] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues[0]).toMatchObject({ code: 'ipdc_concept_id_invalid', path: ['conceptIds', '0'] });
    expect(await t.raw('SELECT * FROM bestuur_process_products WHERE bestuur_id = $1', [bestuur.id])).toEqual([]);
  });

  it('lets a lezer read but not change, and answers 404 for a process that is not there', async () => {
    const { agent, url, bestuur } = await adopted('lezer');
    expect((await agent.request('GET', url)).status).toBe(200);
    expect((await agent.request('PUT', url, { conceptIds: [] })).status).toBe(403);
    const missing = `/api/besturen/${bestuur.id}/processes/${randomUUID()}/products`;
    expect((await agent.request('GET', missing)).status).toBe(404);
  });
});

describe('the import-ipdc command', () => {
  it('imports a file and prints the counts as JSON; the same file again adds nothing', async () => {
    // The command opens the embedded database of its own data folder, as an operator runs it.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-ipdc-'));
    const { DATABASE_URL: _d, TEST_DATABASE_URL: _t, NODE_ENV: _n, ...env } = process.env;
    const file = path.join(here, 'fixtures/products/ipdc-concepten.csv');
    const run = async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', 'import-ipdc', file, '--json'],
        { cwd: path.join(here, '..'), env: { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' } },
      );
      return JSON.parse(stdout.trim().split('\n').pop() as string);
    };
    try {
      expect(await run()).toEqual({ added: 6, updated: 0, unchanged: 0, rows: 6, dryRun: false });
      expect(await run()).toEqual({ added: 0, updated: 0, unchanged: 6, rows: 6, dryRun: false });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
