import type { BestuurAsset, BestuurRole, ClassificationRow, ClassificationSheet } from '@baken/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

const t = await createTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NL = ['Domein', 'Proces', 'Van toepassing', 'Sleutel', 'Informatie-asset', 'V', 'I', 'B'];
const EN = ['Domain', 'Process', 'Applicable', 'Key', 'Information asset', 'C', 'I', 'A'];

async function adopted(role: BestuurRole = 'informatieveiligheidsconsulent', name?: string) {
  const bestuur = await createBestuur(t, name ? { name } : {});
  const user = await createUser(t, { memberOf: [[bestuur.id, role]] });
  const agent = await sessionFor(t, user.id);
  const url = `/api/besturen/${bestuur.id}`;
  const isc = await sessionFor(
    t,
    (await createUser(t, { memberOf: [[bestuur.id, 'informatieveiligheidsconsulent']] })).id,
  );
  expect((await isc.request('POST', `${url}/processes/adopt`, {})).status).toBe(200);
  const sheet = (await agent.request('GET', `${url}/classification`)).body as ClassificationSheet;
  return { bestuur, agent, url, sheet, rows: sheet.rows };
}

const assetsOf = (bestuurId: string) =>
  t.raw('SELECT * FROM bestuur_assets WHERE bestuur_id = $1 ORDER BY id', [bestuurId]);

async function workbookOf(res: { raw: Buffer }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.raw as never);
  return wb;
}
const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
/** The sheet row of an asset, found by its key column (D). */
const rowOf = (ws: ExcelJS.Worksheet, assetId: string) => {
  for (let n = 2; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(4).value === assetId) return ws.getRow(n);
  throw new Error(`no row for ${assetId}`);
};
const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const upload = (agent: Awaited<ReturnType<typeof adopted>>['agent'], url: string, body: Buffer | string, type = XLSX) =>
  agent.request('POST', url, body, { 'content-type': type });

/** Assets picked for a test: one whose class can go up, with a default to differ from. */
const raisable = (rows: ClassificationRow[], skip = 0) =>
  rows.filter((r) => r.asset.defaultClass && r.asset.class.c < 5)[skip].asset as BestuurAsset;

describe('the classification table', () => {
  it('lists every asset with its process and the domains in use', async () => {
    const { rows, sheet } = await adopted('lezer');
    const [{ n }] = await t.raw(
      'SELECT count(*)::int AS n FROM bestuur_assets WHERE bestuur_id = (SELECT bestuur_id FROM bestuur_assets WHERE id = $1)',
      [rows[0].asset.id],
    );
    expect(rows).toHaveLength(n as number);
    expect(new Set(rows.map((r) => r.domain))).toEqual(new Set(sheet.domains.map((d) => d.id)));
    expect(sheet.domains[0].name.nl).toBeTruthy();
    expect(rows[0]).toMatchObject({ processId: rows[0].asset.processId, applicable: true });
  });
});

describe('bulk classification', () => {
  it('changes every changed item in one go, one event per changed asset, and skips the unchanged', async () => {
    const { bestuur, agent, url, rows } = await adopted();
    const [a, b, c] = [raisable(rows, 0), raisable(rows, 1), raisable(rows, 2)];
    const events = (await auditEventsOf(t, bestuur.id)).length;
    const res = await agent.request('POST', `${url}/assets/classify`, {
      items: [
        { id: a.id, version: a.version, ...a.class, c: a.class.c + 1, reason: 'Ook medische gegevens.' },
        {
          id: b.id,
          version: b.version,
          ...b.class,
          i: b.class.i === 5 ? 4 : b.class.i + 1,
          reason: 'Fouten kosten geld.',
        },
        { id: c.id, version: c.version, ...c.class },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.unchanged).toBe(1);
    expect(res.body.items.map((x: BestuurAsset) => x.id)).toEqual([a.id, b.id]);
    expect(res.body.items[0]).toMatchObject({
      class: { ...a.class, c: a.class.c + 1 },
      version: 2,
      reason: 'Ook medische gegevens.',
    });

    const trail = await auditEventsOf(t, bestuur.id);
    expect(trail.length).toBe(events + 2);
    const event = trail.find((e) => e.object_id === a.id);
    expect(event).toMatchObject({ action: 'update', object_type: 'asset', object_label: a.name.nl });
    expect(event?.before).toEqual({ c: a.class.c, reason: null });
    expect(event?.after).toEqual({ c: a.class.c + 1, reason: 'Ook medische gegevens.' });
  });

  it('refuses the whole batch when one item lacks a reason, naming the item', async () => {
    const { bestuur, agent, url, rows } = await adopted();
    const [a, b] = [raisable(rows, 0), raisable(rows, 1)];
    const before = await assetsOf(bestuur.id);
    const res = await agent.request('POST', `${url}/assets/classify`, {
      items: [
        { id: a.id, version: 1, ...a.class, c: a.class.c + 1, reason: 'Goede reden.' },
        { id: b.id, version: 1, ...b.class, c: b.class.c + 1 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.details.issues).toEqual([
      {
        path: ['items', '1', 'reason'],
        code: 'classification_reason_required',
        message: 'Geef een reden wanneer de classificatie afwijkt van de standaardklasse.',
      },
    ]);
    expect(await assetsOf(bestuur.id)).toEqual(before);
  });

  it('answers 409 with the current state of every stale item, and changes nothing', async () => {
    const { bestuur, agent, url, rows } = await adopted();
    const [a, b] = [raisable(rows, 0), raisable(rows, 1)];
    const patched = await agent.request('PATCH', `${url}/assets/${b.id}`, {
      version: 1,
      ...b.class,
      c: b.class.c + 1,
      reason: 'Een collega was sneller.',
    });
    expect(patched.status).toBe(200);
    const before = await assetsOf(bestuur.id);
    const res = await agent.request('POST', `${url}/assets/classify`, {
      items: [
        { id: a.id, version: 1, ...a.class, c: a.class.c + 1, reason: 'Goede reden.' },
        { id: b.id, version: 1, ...b.class, a: b.class.a === 1 ? 2 : 1, reason: 'Verouderd.' },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    expect(res.body.details.current).toEqual([patched.body]);
    expect(await assetsOf(bestuur.id)).toEqual(before);
  });

  it('treats an asset of another bestuur as missing, and refuses duplicates and bad classes', async () => {
    const { bestuur, agent, url, rows } = await adopted();
    const other = await adopted();
    const foreign = other.rows[0].asset;
    const mine = raisable(rows);
    const theirs = await assetsOf(other.bestuur.id);
    const before = await assetsOf(bestuur.id);

    const res = await agent.request('POST', `${url}/assets/classify`, {
      items: [
        { id: mine.id, version: 1, ...mine.class, c: mine.class.c + 1, reason: 'Goede reden.' },
        { id: foreign.id, version: 1, ...foreign.class, c: foreign.class.c === 5 ? 4 : 5, reason: 'Overname.' },
      ],
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', details: { items: [1] } });
    const unknown = await agent.request('POST', `${url}/assets/classify`, {
      items: [{ id: '00000000-0000-4000-8000-000000000000', version: 1, c: 1, i: 1, a: 1, reason: 'x' }],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ ...res.body, details: { items: [0] } });

    const twice = { id: mine.id, version: 1, ...mine.class };
    const dup = await agent.request('POST', `${url}/assets/classify`, { items: [twice, twice] });
    expect(dup.status).toBe(400);
    expect(dup.body.details.issues[0]).toMatchObject({
      path: ['items', '1', 'id'],
      code: 'classification_item_duplicate',
    });
    const bad = await agent.request('POST', `${url}/assets/classify`, { items: [{ ...twice, c: 6 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues[0].path).toEqual(['items', '0', 'c']);
    expect((await agent.request('POST', `${url}/assets/classify`, { items: [] })).status).toBe(400);

    expect(await assetsOf(bestuur.id)).toEqual(before);
    expect(await assetsOf(other.bestuur.id)).toEqual(theirs);
  });

  it('is for those who may edit: a lezer gets 403', async () => {
    const { agent, url, rows } = await adopted('lezer');
    const a = rows[0].asset;
    const res = await agent.request('POST', `${url}/assets/classify`, {
      items: [{ id: a.id, version: 1, ...a.class }],
    });
    expect(res.status).toBe(403);
  });
});

describe('exporting the process list', () => {
  it('gives a Dutch workbook by default: one row per asset, frozen header, class validation, an explanation', async () => {
    const { agent, url, rows } = await adopted('lezer', 'Gemeente Sint-Pieters-Kapelle');
    const res = await agent.request('GET', `${url}/processes/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="proceslijst-gemeente-sint-pieters-kapelle-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const wb = await workbookOf(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Proceslijst', 'Uitleg']);
    const ws = wb.getWorksheet('Proceslijst') as ExcelJS.Worksheet;
    expect(header(ws)).toEqual([
      ...NL,
      'Standaard V',
      'Standaard I',
      'Standaard B',
      'Reden',
      'Persoonsgegevens',
      'Gevoelige gegevens',
      'KSZ-gegevens',
      'Versie',
      'Reden standaardklasse',
    ]);
    expect(ws.rowCount).toBe(rows.length + 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const { asset, processName } = rows[0];
    const row = rowOf(ws, asset.id);
    expect((row.values as unknown[]).slice(2, 18)).toEqual([
      processName.nl,
      'ja',
      asset.id,
      asset.name.nl,
      asset.class.c,
      asset.class.i,
      asset.class.a,
      asset.defaultClass?.c,
      asset.defaultClass?.i,
      asset.defaultClass?.a,
      '',
      asset.personalData ? 'ja' : 'nee',
      asset.sensitiveData ? 'ja' : 'nee',
      asset.kszData ? 'ja' : 'nee',
      1,
      asset.defaultReason?.nl,
    ]);
    expect(row.getCell(6).dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [1, 5] });
    expect(row.getCell(13).dataValidation).toMatchObject({ type: 'list', formulae: ['"ja,nee"'] });
    const help = wb.getWorksheet('Uitleg') as ExcelJS.Worksheet;
    expect(help.getRow(2).getCell(1).value).toBe('1');
    expect(String(help.getRow(6).getCell(2).value)).toMatch(/voortbestaan/);
  });

  it('speaks English with lang=en or Accept-Language: en', async () => {
    const { agent, url, rows } = await adopted('lezer');
    for (const res of [
      await agent.request('GET', `${url}/processes/export?lang=en`),
      await agent.request('GET', `${url}/processes/export`, undefined, { 'accept-language': 'en' }),
    ]) {
      expect(res.headers['content-disposition']).toMatch(/filename="process-list-/);
      const wb = await workbookOf(res);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Process list', 'Explanation']);
      const ws = wb.worksheets[0];
      expect(header(ws).slice(0, 8)).toEqual(EN);
      expect(header(ws).slice(-2)).toEqual(['Version', 'Reason for the default']);
      const row = rowOf(ws, rows[0].asset.id);
      expect(row.getCell(2).value).toBe(rows[0].processName.en);
      expect(row.getCell(3).value).toBe('yes');
    }
    expect((await agent.request('GET', `${url}/processes/export?lang=fr`)).status).toBe(400);
  });
});

describe('importing an edited process list', () => {
  async function exported(world: Awaited<ReturnType<typeof adopted>>, lang = 'nl') {
    const wb = await workbookOf(await world.agent.request('GET', `${world.url}/processes/export?lang=${lang}`));
    return { wb, ws: wb.worksheets[0] };
  }

  it('previews exactly the changed cells, saves nothing, then applies them with their audit events', async () => {
    const world = await adopted();
    const { bestuur, agent, url, rows } = world;
    const [a, b] = [raisable(rows, 0), raisable(rows, 1)];
    const { wb, ws } = await exported(world);
    const rowA = rowOf(ws, a.id);
    rowA.getCell(6).value = a.class.c + 1;
    rowA.getCell(12).value = 'Bevat ook gegevens van minderjarigen.';
    const rowB = rowOf(ws, b.id);
    rowB.getCell(15).value = b.kszData ? 'nee' : 'ja';
    rowB.getCell(5).value = 'Een andere naam (wordt genegeerd)';
    const file = await bytes(wb);
    const before = await assetsOf(bestuur.id);
    const events = (await auditEventsOf(t, bestuur.id)).length;

    const preview = await upload(agent, `${url}/processes/import/preview`, file);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      changes: [
        { row: rowA.number, assetId: a.id, assetName: a.name, field: 'c', before: a.class.c, after: a.class.c + 1 },
        {
          row: rowA.number,
          assetId: a.id,
          assetName: a.name,
          field: 'reason',
          before: null,
          after: 'Bevat ook gegevens van minderjarigen.',
        },
        { row: rowB.number, assetId: b.id, assetName: b.name, field: 'kszData', before: b.kszData, after: !b.kszData },
      ].sort((x, y) => x.row - y.row),
      errors: [],
      unchanged: rows.length - 2,
      ignoredColumns: [
        'Domein',
        'Proces',
        'Van toepassing',
        'Informatie-asset',
        'Standaard V',
        'Standaard I',
        'Standaard B',
        'Reden standaardklasse',
      ],
    });
    expect(await assetsOf(bestuur.id)).toEqual(before);
    expect((await auditEventsOf(t, bestuur.id)).length).toBe(events);

    const applied = await upload(agent, `${url}/processes/import/apply`, file);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ assets: 2, unchanged: rows.length - 2, changes: preview.body.changes });
    const [storedA] = await t.raw('SELECT * FROM bestuur_assets WHERE id = $1', [a.id]);
    expect(storedA).toMatchObject({ c: a.class.c + 1, reason: 'Bevat ook gegevens van minderjarigen.', version: 2 });
    const [storedB] = await t.raw('SELECT * FROM bestuur_assets WHERE id = $1', [b.id]);
    expect(storedB).toMatchObject({ ksz_data: !b.kszData, version: 2, name: b.name });
    const trail = await auditEventsOf(t, bestuur.id);
    expect(trail.length).toBe(events + 2);
    expect(trail.find((e) => e.object_id === b.id)).toMatchObject({
      object_type: 'asset',
      before: { kszData: b.kszData },
      after: { kszData: !b.kszData },
    });

    // The same workbook again changes nothing: its rows are what is stored now.
    const again = await upload(agent, `${url}/processes/import/preview`, file);
    expect(again.body).toMatchObject({ changes: [], errors: [], unchanged: rows.length });
  });

  it('reads an English workbook too, and answers in English', async () => {
    const world = await adopted();
    const a = raisable(world.rows);
    const { wb, ws } = await exported(world, 'en');
    rowOf(ws, a.id).getCell(6).value = a.class.c + 1;
    // Formatting far below the list (no values) is not a row.
    ws.getRow(9000).getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const res = await world.agent.request('POST', `${world.url}/processes/import/preview`, await bytes(wb), {
      'content-type': XLSX,
      'accept-language': 'en',
    });
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual([]);
    expect(res.body.errors).toEqual([
      {
        row: rowOf(ws, a.id).number,
        column: 'Reason',
        code: 'reason_required',
        message: 'Give a reason when the classification differs from the default class.',
      },
    ]);
  });

  it('lists every bad row, and a workbook with one bad row changes nothing', async () => {
    const world = await adopted();
    const { bestuur, agent, url, rows } = world;
    const other = await adopted();
    const [good, big, word, noReason, flag, dup] = [0, 1, 2, 3, 4, 5].map((n) => raisable(rows, n));
    const { wb, ws } = await exported(world);
    const at = (id: string) => rowOf(ws, id);
    at(good.id).getCell(6).value = good.class.c + 1;
    at(good.id).getCell(12).value = 'Goede reden.';
    at(big.id).getCell(7).value = 7;
    at(big.id).getCell(12).value = 'Reden.';
    at(word.id).getCell(8).value = 'hoog';
    at(noReason.id).getCell(6).value = noReason.class.c + 1;
    at(flag.id).getCell(13).value = 'misschien';
    const extra = (values: unknown[]) => ws.addRow(values).number;
    const dupRow = extra(['', '', '', dup.id, '', 1, 1, 1, '', '', '', 'Dubbel.', 'nee', 'nee', 'nee', 1]);
    const foreignRow = extra([
      '',
      '',
      '',
      other.rows[0].asset.id,
      '',
      5,
      5,
      5,
      '',
      '',
      '',
      'Overname.',
      'ja',
      'ja',
      'ja',
      1,
    ]);
    const unknownRow = extra([
      '',
      '',
      '',
      '00000000-0000-4000-8000-000000000000',
      '',
      5,
      5,
      5,
      '',
      '',
      '',
      'x',
      'ja',
      'ja',
      'ja',
      1,
    ]);
    const newRow = extra(['', 'Nieuw proces', '', '', 'Nieuw', 3, 3, 3, '', '', '', 'x', 'ja', 'ja', 'ja', '']);
    const file = await bytes(wb);
    const mine = await assetsOf(bestuur.id);
    const theirs = await assetsOf(other.bestuur.id);
    const events = (await auditEventsOf(t, bestuur.id)).length;

    const preview = await upload(agent, `${url}/processes/import/preview`, file);
    expect(preview.status).toBe(200);
    const errors = preview.body.errors.map((e: { row: number; column: string; code: string }) => [
      e.row,
      e.column,
      e.code,
    ]);
    expect(errors).toEqual(
      [
        [at(big.id).number, 'I', 'class_out_of_range'],
        [at(word.id).number, 'B', 'class_not_a_number'],
        [at(noReason.id).number, 'Reden', 'reason_required'],
        [at(flag.id).number, 'Persoonsgegevens', 'flag_invalid'],
        [dupRow, 'Sleutel', 'asset_duplicate'],
        [foreignRow, 'Sleutel', 'asset_unknown'],
        [unknownRow, 'Sleutel', 'asset_unknown'],
        [newRow, 'Sleutel', 'asset_key_missing'],
      ].sort((x, y) => (x[0] as number) - (y[0] as number)),
    );
    // Another bestuur's asset reads exactly like one that does not exist.
    const message = (row: number) => preview.body.errors.find((e: { row: number }) => e.row === row).message;
    expect(message(foreignRow)).toBe(message(unknownRow));
    expect(message(foreignRow)).toMatch(/^Onbekende sleutel/);
    expect(preview.body.changes.map((c: { assetId: string }) => c.assetId)).toEqual([good.id, good.id]);

    const applied = await upload(agent, `${url}/processes/import/apply`, file);
    expect(applied.status).toBe(400);
    expect(applied.body.code).toBe('IMPORT_HAS_ERRORS');
    expect(applied.body.details.errors).toEqual(preview.body.errors);
    expect(await assetsOf(bestuur.id)).toEqual(mine);
    expect(await assetsOf(other.bestuur.id)).toEqual(theirs);
    expect((await auditEventsOf(t, bestuur.id)).length).toBe(events);
  });

  it('refuses a row whose asset changed since the export', async () => {
    const world = await adopted();
    const a = raisable(world.rows);
    const { wb, ws } = await exported(world);
    rowOf(ws, a.id).getCell(7).value = a.class.i === 5 ? 4 : a.class.i + 1;
    rowOf(ws, a.id).getCell(12).value = 'Mijn reden.';
    await world.agent.request('PATCH', `${world.url}/assets/${a.id}`, {
      version: 1,
      ...a.class,
      c: a.class.c + 1,
      reason: 'Collega.',
    });
    const res = await upload(world.agent, `${world.url}/processes/import/apply`, await bytes(wb));
    expect(res.status).toBe(400);
    expect(res.body.details.errors).toEqual([
      {
        row: rowOf(ws, a.id).number,
        column: 'Versie',
        code: 'changed_since_export',
        message: expect.stringMatching(/gewijzigd sinds de export/),
      },
    ]);
    const [stored] = await t.raw('SELECT c, i, reason, version FROM bestuur_assets WHERE id = $1', [a.id]);
    expect(stored).toEqual({ c: a.class.c + 1, i: a.class.i, reason: 'Collega.', version: 2 });
  });

  it('gives a clear 400 for a file that is not a process list, and changes nothing', async () => {
    const { bestuur, agent, url } = await adopted();
    const before = await assetsOf(bestuur.id);
    const problem = async (body: Buffer | string, type = XLSX) => {
      const res = await upload(agent, `${url}/processes/import/preview`, body, type);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IMPORT_FILE_INVALID');
      expect(res.body.message).toMatch(/kan niet worden ingelezen/);
      return res.body.details;
    };
    expect(await problem('dit is geen werkmap')).toMatchObject({
      problem: 'not_xlsx',
      reason: expect.stringMatching(/geen Excel-werkmap/),
    });
    // A zip archive that is not a workbook.
    expect((await problem(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]))).problem).toBe('not_xlsx');
    expect((await problem(Buffer.from(''), 'application/octet-stream')).problem).toBe('not_xlsx');

    const other = new ExcelJS.Workbook();
    other.addWorksheet('Begroting').addRow(['Post', 'Bedrag']);
    expect((await problem(await bytes(other))).problem).toBe('no_sheet');

    const partial = new ExcelJS.Workbook();
    partial.addWorksheet('Proceslijst').addRow(['Sleutel', 'V', 'I', 'Reden']);
    expect(await problem(await bytes(partial))).toMatchObject({
      problem: 'missing_columns',
      reason: 'De kolommen B, Versie ontbreken in de eerste rij.',
    });

    // A small file that claims to unpack to hundreds of megabytes is refused before it is unpacked.
    const bomb = await bytes(partial);
    const directory = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(300 * 1024 * 1024, directory + 24);
    expect((await problem(bomb)).problem).toBe('too_large');
    const long = new ExcelJS.Workbook();
    const longSheet = long.addWorksheet('Proceslijst');
    longSheet.addRow(['Sleutel', 'V', 'I', 'B', 'Versie']);
    for (let n = 0; n < 5001; n++) longSheet.addRow(['00000000-0000-4000-8000-000000000000', 1, 1, 1, 1]);
    expect(await problem(await bytes(long))).toMatchObject({
      problem: 'too_many_rows',
      reason: 'De werkmap heeft meer dan 5000 rijen.',
    });

    const json = await agent.request('POST', `${url}/processes/import/apply`, { items: [] });
    expect(json.status).toBe(400);
    expect(json.body.code).toBe('IMPORT_FILE_INVALID');
    const text = await upload(agent, `${url}/processes/import/apply`, 'x', 'text/plain');
    expect(text.status).toBe(400);
    const big = await upload(agent, `${url}/processes/import/apply`, Buffer.alloc(6 * 1024 * 1024));
    expect(big.status).toBe(413);
    expect(await assetsOf(bestuur.id)).toEqual(before);
  });

  it('is for those who may edit: a lezer gets 403', async () => {
    const world = await adopted('lezer');
    const { wb } = await exported(world);
    const res = await upload(world.agent, `${world.url}/processes/import/preview`, await bytes(wb));
    expect(res.status).toBe(403);
  });
});
