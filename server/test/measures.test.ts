import type { BestuurRole, TrackedMeasure } from '@baken/contracts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

/** Tracking the required measures of a bestuur (issue 4, point 1). */
const t = await createTestApp();

let bestuurId: string;
let url: string;
const agents = {} as Record<BestuurRole, Agent> & { iscId: string; dpoId: string };

const list = async (query = '') =>
  (await agents.informatieveiligheidsconsulent.request('GET', `${url}/measures${query}`)).body
    .items as TrackedMeasure[];
const one = async (code: string) => (await list()).find((m) => m.code === code) as TrackedMeasure;
const rowCount = async (table: string) =>
  (await t.raw(`SELECT count(*)::int AS n FROM ${table} WHERE bestuur_id = $1`, [bestuurId]))[0].n as number;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

beforeAll(async () => {
  const b = await createBestuur(t);
  bestuurId = b.id;
  url = `/api/besturen/${b.id}`;
  for (const role of ['informatieveiligheidsconsulent', 'dpo', 'medewerker', 'lezer'] as BestuurRole[]) {
    const u = await createUser(t, { memberOf: [[b.id, role]], name: `De ${role}` });
    agents[role] = await sessionFor(t, u.id);
    if (role === 'informatieveiligheidsconsulent') agents.iscId = u.id;
    if (role === 'dpo') agents.dpoId = u.id;
  }
  const adopted = await agents.informatieveiligheidsconsulent.request('POST', `${url}/processes/adopt`, {
    domains: ['burgerzaken'],
  });
  expect(adopted.status).toBe(200);
});

describe('the measure register', () => {
  it('lists every required measure, untracked ones as niet gestart with version 0', async () => {
    const required = (await agents.lezer.request('GET', `${url}/required-measures`)).body.items as { code: string }[];
    const items = await list();
    expect(items.map((m) => m.code)).toEqual(required.map((m) => m.code).sort());
    expect(items.every((m) => m.status === 'niet-gestart' && m.version === 0 && m.required)).toBe(true);
  });

  it('starts tracking with version 0, refuses a second start, an owner who is no member, and a lezer', async () => {
    const [m] = await list();
    const isc = agents.informatieveiligheidsconsulent;
    const res = await isc.request('PATCH', `${url}/measures/${m.code}`, {
      version: 0,
      status: 'gepland',
      ownerId: agents.dpoId,
      dueDate: '2027-03-31',
      documentation: 2,
      implementation: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'gepland',
      ownerId: agents.dpoId,
      ownerName: 'De dpo',
      dueDate: '2027-03-31',
      documentation: 2,
      implementation: 1,
      version: 1,
      overdue: false,
    });
    const [event] = await auditEventsOf(t, bestuurId);
    expect(event).toMatchObject({ action: 'create', object_type: 'measure', object_id: m.code });
    expect(event.after).toMatchObject({ status: 'gepland', owner: 'De dpo', documentation: 2 });

    const again = await isc.request('PATCH', `${url}/measures/${m.code}`, { version: 0, status: 'in-uitvoering' });
    expect(again.status).toBe(409);
    expect(again.body.details.current).toMatchObject({ code: m.code, version: 1, status: 'gepland' });

    const stranger = (await createUser(t, { memberOf: [[(await createBestuur(t)).id, 'beheerder']] })).id;
    const noMember = await isc.request('PATCH', `${url}/measures/${m.code}`, { version: 1, ownerId: stranger });
    expect(noMember.status).toBe(400);
    expect(noMember.body.details.issues[0]).toMatchObject({ path: ['ownerId'] });
    expect(
      (await agents.lezer.request('PATCH', `${url}/measures/${m.code}`, { version: 1, status: 'gepland' })).status,
    ).toBe(403);
    expect((await one(m.code)).version).toBe(1);
    expect((await isc.request('PATCH', `${url}/measures/XX-99`, { version: 0, status: 'gepland' })).status).toBe(404);
  });

  it('marks a measure not applicable only with a reason and the approval of who may accept risks', async () => {
    const m = (await list())[1];
    const noReason = await agents.informatieveiligheidsconsulent.request('PATCH', `${url}/measures/${m.code}`, {
      version: 0,
      status: 'niet-van-toepassing',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.issues[0].message).toBe(
      'Geef een reden waarom deze maatregel niet van toepassing is.',
    );
    const dpo = await agents.dpo.request('PATCH', `${url}/measures/${m.code}`, {
      version: 0,
      status: 'niet-van-toepassing',
      naReason: 'Geen eigen servers.',
    });
    expect(dpo.status).toBe(403);
    expect(dpo.body.code).toBe('NOT_APPLICABLE_NEEDS_APPROVAL');
    const ok = await agents.informatieveiligheidsconsulent.request('PATCH', `${url}/measures/${m.code}`, {
      version: 0,
      status: 'niet-van-toepassing',
      naReason: 'Geen eigen servers.',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      naReason: 'Geen eigen servers.',
      naApprovedBy: 'De informatieveiligheidsconsulent',
    });
    expect(ok.body.naApprovedAt).toEqual(expect.any(String));
    // Back to in progress: the approval goes with it.
    const back = await agents.dpo.request('PATCH', `${url}/measures/${m.code}`, {
      version: 1,
      status: 'in-uitvoering',
    });
    expect(back.body).toMatchObject({ status: 'in-uitvoering', naReason: null, naApprovedBy: null });
  });

  it('highlights what is overdue and filters on it', async () => {
    const m = (await list())[2];
    const res = await agents.dpo.request('PATCH', `${url}/measures/${m.code}`, {
      version: 0,
      status: 'in-uitvoering',
      dueDate: '2020-01-31',
    });
    expect(res.body.overdue).toBe(true);
    expect((await list('?overdue=true')).map((x) => x.code)).toContain(m.code);
    const done = await agents.dpo.request('PATCH', `${url}/measures/${m.code}`, {
      version: 1,
      status: 'geimplementeerd',
    });
    expect(done.body.overdue).toBe(false);
    const review = await agents.dpo.request('PATCH', `${url}/measures/${m.code}`, {
      version: 2,
      reviewDate: '2021-06-01',
    });
    expect(review.body.overdue).toBe(true);
  });

  it('changes many measures at once, all or nothing', async () => {
    const items = (await list()).slice(3, 6);
    const stale = [
      ...items.map((m) => ({ code: m.code, version: m.version })),
      { code: (await list())[0].code, version: 0 },
    ];
    const before = await rowCount('bestuur_measures');
    const refused = await agents.dpo.request('POST', `${url}/measures/bulk`, {
      items: stale,
      changes: { status: 'gepland', ownerId: agents.iscId },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.details.current).toEqual([{ code: stale[3].code, version: expect.any(Number) }]);
    expect(await rowCount('bestuur_measures')).toBe(before);

    const ok = await agents.dpo.request('POST', `${url}/measures/bulk`, {
      items: items.map((m) => ({ code: m.code, version: m.version })),
      changes: { status: 'gepland', ownerId: agents.iscId },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ updated: 3 });
    for (const m of items)
      expect(await one(m.code)).toMatchObject({ status: 'gepland', ownerName: 'De informatieveiligheidsconsulent' });
  });

  it('takes comments from a medewerker, not from a lezer', async () => {
    const m = (await list())[6];
    const res = await agents.medewerker.request('POST', `${url}/measures/${m.code}/comments`, {
      body: 'Offerte gevraagd.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ authorName: 'De medewerker', body: 'Offerte gevraagd.' });
    expect((await agents.lezer.request('POST', `${url}/measures/${m.code}/comments`, { body: 'x' })).status).toBe(403);
    const detail = await agents.lezer.request('GET', `${url}/measures/${m.code}`);
    expect(detail.status).toBe(200);
    expect(detail.body.comments).toHaveLength(1);
    expect(detail.body.reasons.length).toBeGreaterThan(0);
    expect(detail.body.guidance.nl.length).toBeGreaterThan(10);
    expect((await one(m.code)).commentCount).toBe(1);
  });
});

describe('evidence', () => {
  let code: string;
  beforeAll(async () => {
    code = (await list())[7].code;
  });
  const upload = (body: Buffer, type: string, name = 'beleid.pdf', agent = agents.medewerker) =>
    agent.request('POST', `${url}/measures/${code}/evidence`, body, {
      'content-type': type,
      'x-file-name': encodeURIComponent(name),
    });

  it('stores a real file and gives the same bytes back, safely', async () => {
    const res = await upload(PDF, 'application/pdf', 'Beleid wachtwoorden é.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'file',
      fileName: 'Beleid wachtwoorden é.pdf',
      size: PDF.length,
      contentType: 'application/pdf',
    });
    const down = await agents.lezer.request('GET', `${url}/measures/${code}/evidence/${res.body.id}`);
    expect(down.status).toBe(200);
    expect(Buffer.compare(down.raw, PDF)).toBe(0);
    expect(down.headers['content-disposition']).toContain("filename*=UTF-8''Beleid%20wachtwoorden%20%C3%A9.pdf");
    expect(down.headers['x-content-type-options']).toBe('nosniff');

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Bewijs').addRow(['Back-up getest', '2026-10-01']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const sheet = await upload(xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'test.xlsx');
    expect(sheet.status).toBe(201);

    // Windows browsers declare a .csv as application/vnd.ms-excel: text content makes it a CSV.
    const csv = await upload(
      Buffer.from('datum;test\n2026-10-01;herstel ok\n'),
      'application/vnd.ms-excel',
      'tests.csv',
    );
    expect(csv.status).toBe(201);
    expect(csv.body.contentType).toBe('text/csv');
    expect((await agents.dpo.request('DELETE', `${url}/measures/${code}/evidence/${csv.body.id}`)).status).toBe(204);
    const xls = await upload(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'application/vnd.ms-excel',
      'oud.xls',
    );
    expect(xls.status).toBe(415);
  });

  it('refuses a file whose content is not what it claims, an unknown type and a file too large: nothing stored', async () => {
    const before = await rowCount('bestuur_measure_evidence');
    const events = (await auditEventsOf(t, bestuurId)).length;
    const fake = await upload(Buffer.from('MZ\x90\x00 this is a program'), 'application/pdf', 'virus.pdf');
    expect(fake.status).toBe(415);
    expect(fake.body.code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
    expect((await upload(Buffer.from('<html></html>'), 'text/html', 'x.html')).status).toBe(415);
    expect(
      (await upload(PDF, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x.xlsx')).status,
    ).toBe(415);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(big, 'application/pdf', 'groot.pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await rowCount('bestuur_measure_evidence')).toBe(before);
    expect((await auditEventsOf(t, bestuurId)).length).toBe(events);
  });

  it('takes links (http or https only) and removes evidence', async () => {
    const bad = await agents.medewerker.request('POST', `${url}/measures/${code}/evidence-links`, {
      title: 'Script',
      url: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(400);
    const link = await agents.medewerker.request('POST', `${url}/measures/${code}/evidence-links`, {
      title: 'Procedure op intranet',
      url: 'https://intranet.heidebeek.be/procedures/back-up',
    });
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({ kind: 'link', url: 'https://intranet.heidebeek.be/procedures/back-up' });
    expect((await agents.medewerker.request('DELETE', `${url}/measures/${code}/evidence/${link.body.id}`)).status).toBe(
      403,
    );
    expect((await agents.dpo.request('DELETE', `${url}/measures/${code}/evidence/${link.body.id}`)).status).toBe(204);
    const detail = await agents.lezer.request('GET', `${url}/measures/${code}`);
    expect(detail.body.evidence.map((e: { kind: string }) => e.kind)).toEqual(['file', 'file']);
    const [event] = await auditEventsOf(t, bestuurId);
    expect(event).toMatchObject({ action: 'delete', object_type: 'evidence', object_id: link.body.id });
  });
});

describe('the register as a workbook', () => {
  const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  const open = async (raw: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw as never);
    return wb;
  };

  it('round-trips: export, edit, preview with errors per row, apply all or nothing', async () => {
    const isc = agents.informatieveiligheidsconsulent;
    const res = await isc.request('GET', `${url}/measures/export`);
    expect(res.status).toBe(200);
    const wb = await open(res.raw);
    const ws = wb.getWorksheet('Maatregelen') as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Code',
      'Maatregel',
      'Vereist',
      'Status',
      'Eigenaar (e-mail)',
      'Streefdatum',
      'Documentatie',
      'Implementatie',
      'Reden niet van toepassing',
      'Reviewdatum',
      'Versie',
    ]);
    const items = await list();
    expect(ws.rowCount).toBe(items.length + 1);
    // Two edits on an untracked measure, one bad cell elsewhere.
    const untracked = items.find((m) => m.version === 0) as TrackedMeasure;
    const at = (ws.getColumn(1).values as unknown[]).indexOf(untracked.code);
    ws.getRow(at).getCell(4).value = 'in uitvoering';
    ws.getRow(at).getCell(7).value = 3;
    ws.getRow(at === 2 ? 3 : 2).getCell(8).value = 9;
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    const preview = await isc.request('POST', `${url}/measures/import/preview`, edited, XLSX);
    expect(preview.status).toBe(200);
    expect(preview.body.applied).toBe(false);
    expect(preview.body.changes).toEqual([
      { row: at, code: untracked.code, field: 'status', before: 'niet-gestart', after: 'in-uitvoering' },
      { row: at, code: untracked.code, field: 'documentation', before: null, after: 3 },
    ]);
    expect(preview.body.errors).toEqual([
      { row: at === 2 ? 3 : 2, column: 'implementation', message: 'Een geheel getal van 1 tot 5.' },
    ]);
    const refused = await isc.request('POST', `${url}/measures/import/apply`, edited, XLSX);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('IMPORT_HAS_ERRORS');
    expect((await one(untracked.code)).version).toBe(0);

    ws.getRow(at === 2 ? 3 : 2).getCell(8).value = null;
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const applied = await isc.request('POST', `${url}/measures/import/apply`, fixed, XLSX);
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(true);
    expect(await one(untracked.code)).toMatchObject({ status: 'in-uitvoering', documentation: 3, version: 1 });
    // The same workbook again: its version is old now.
    const stale = await isc.request('POST', `${url}/measures/import/preview`, fixed, XLSX);
    expect(stale.body.errors).toContainEqual(
      expect.objectContaining({ row: at, column: 'version', message: 'Gewijzigd sinds de export: exporteer opnieuw.' }),
    );
  });
});
