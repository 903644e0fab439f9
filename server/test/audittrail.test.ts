import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser, signIn } from './support/factories.js';
import { auditCount, sessionFor, snapshot } from './support/fixtures.js';

const t = await createTestApp();

const email = () => `audit-${randomUUID().slice(0, 8)}@test.example`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheetOf(res: { raw: Buffer }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.raw as never);
  const ws = wb.worksheets[0];
  const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
  return { name: ws.name, header: rows[0].slice(1), data: rows.slice(1).map((r) => r.slice(1)) };
}

/** A bestuur with a beheerder, four real changes and three older events written straight to the table. */
async function bestuurWithHistory() {
  const bestuur = await createBestuur(t);
  const admin = await createUser(t, { memberOf: [[bestuur.id, 'beheerder']] });
  const agent = await sessionFor(t, admin.id);
  const url = `/api/besturen/${bestuur.id}`;
  const invited: { id: string; requestId: string }[] = [];
  for (const name of ['Eerste Lid', 'Tweede Lid']) {
    const res = await agent.request('POST', `${url}/members`, { email: email(), displayName: name, role: 'lezer' });
    expect(res.status).toBe(201);
    invited.push({ id: res.body.id, requestId: String(res.headers['x-request-id']) });
  }
  expect((await agent.request('PATCH', `${url}/members/${invited[0].id}`, { version: 1, role: 'dpo' })).status).toBe(
    200,
  );
  expect((await agent.request('PATCH', url, { version: 1, population: 999 })).status).toBe(200);
  const other = randomUUID();
  for (const [at, action, type, id] of [
    ['2024-01-10T12:00:00Z', 'create', 'risk', 'r1'],
    ['2024-02-15T12:00:00Z', 'update', 'risk', 'r1'],
    ['2024-02-28T12:00:00Z', 'delete', 'risk', 'r2'],
  ]) {
    await t.raw(
      'INSERT INTO audit_events (bestuur_id, occurred_at, actor_id, actor_name, action, object_type, object_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [bestuur.id, at, other, 'Iemand Anders', action, type, id],
    );
  }
  return { bestuur, admin, agent, url, invited, other };
}

describe('one change, one event, one transaction', () => {
  beforeAll(async () => {
    // Makes the audit write itself fail for objects labelled "Faalt ...": the change before it must be undone.
    await t.raw(`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.object_label LIKE 'Faalt%' THEN RAISE EXCEPTION 'audit write refused by the test'; END IF; RETURN NEW; END $$`);
    await t.raw(
      'CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()',
    );
  });

  it('writes exactly one event for each change and none for a refused one', async () => {
    const { bestuur, agent, url, invited } = await bestuurWithHistory();
    const n = await auditCount(t, bestuur.id);
    expect(n).toBe(7);
    const refused: [string, string, unknown][] = [
      ['PATCH', url, { version: 1, name: 'Verouderd' }],
      ['PATCH', url, { version: 2, active: false }],
      ['PATCH', `${url}/members/${invited[1].id}`, { version: 9, role: 'dpo' }],
      ['POST', `${url}/members`, { email: email(), displayName: 'A', role: 'auditor' }],
    ];
    for (const [method, path, body] of refused) {
      const res = await agent.request(method as 'PATCH', path, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    expect(await auditCount(t, bestuur.id)).toBe(n);
  });

  it('leaves neither row nor event when a change is refused after its write', async () => {
    const bestuur = await createBestuur(t);
    const isc = await sessionFor(
      t,
      (await createUser(t, { memberOf: [[bestuur.id, 'informatieveiligheidsconsulent']] })).id,
    );
    const admin = await createUser(t, { memberOf: [[bestuur.id, 'beheerder']] });
    const before = await snapshot(t, bestuur.id);
    const res = await isc.request('PATCH', `/api/besturen/${bestuur.id}/members/${admin.memberships[bestuur.id]}`, {
      version: 1,
      active: false,
    });
    expect(res.body.code).toBe('LAST_ADMIN');
    expect(await snapshot(t, bestuur.id)).toEqual(before);
  });

  it('undoes the change when its audit event cannot be written', async () => {
    const bestuur = await createBestuur(t);
    const agent = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'beheerder']] })).id);
    const platform = await sessionFor(t, (await createUser(t, { regionalRoles: ['platformbeheerder'] })).id);
    const target = await createUser(t, { name: 'Faalt Lid', memberOf: [[bestuur.id, 'lezer']] });
    const before = await snapshot(t, bestuur.id);
    const mails = t.outbox.length;
    const address = email();
    const attempts: [Agent, 'POST' | 'PATCH', string, unknown][] = [
      [
        agent,
        'POST',
        `/api/besturen/${bestuur.id}/members`,
        { email: address, displayName: 'Faalt Nieuw', role: 'lezer' },
      ],
      [
        agent,
        'PATCH',
        `/api/besturen/${bestuur.id}/members/${target.memberships[bestuur.id]}`,
        { version: 1, role: 'dpo' },
      ],
      [agent, 'PATCH', `/api/besturen/${bestuur.id}`, { version: 1, name: 'Faalt Hernoemd' }],
      [
        platform,
        'POST',
        '/api/besturen',
        { kind: 'andere', name: 'Faalt Opgericht', nisCode: null, kboNumber: null, population: null, province: null },
      ],
    ];
    for (const [who, method, url, body] of attempts) {
      const res = await who.request(method, url, body);
      expect(res.status, url).toBe(500);
      expect(res.body.code).toBe('INTERNAL_ERROR');
    }
    expect(await snapshot(t, bestuur.id)).toEqual(before);
    expect(await t.raw('SELECT 1 FROM users WHERE email = $1', [address])).toEqual([]);
    expect(await t.raw("SELECT 1 FROM besturen WHERE name = 'Faalt Opgericht'")).toEqual([]);
    expect(t.outbox.length).toBe(mails);
  });
});

describe('reading the trail of a bestuur', () => {
  it('filters on object, actor, action and dates, newest first, paged with a total', async () => {
    const { bestuur, admin, agent, url, invited, other } = await bestuurWithHistory();
    const list = async (query: string) => {
      const res = await agent.request('GET', `${url}/audit-events?${query}`);
      expect(res.status, query).toBe(200);
      return res.body as { items: Record<string, unknown>[]; total: number };
    };
    const all = await list('pageSize=200');
    expect(all.total).toBe(7);
    const times = all.items.map((e) => String(e.occurredAt));
    expect(times).toEqual([...times].sort().reverse());
    const invite = all.items.find((e) => e.objectId === invited[1].id);
    expect(invite).toMatchObject({
      bestuurId: bestuur.id,
      actorId: admin.id,
      action: 'invite',
      objectLabel: 'Tweede Lid',
    });
    expect(invite?.requestId).toBe(invited[1].requestId);

    expect((await list('objectType=membership')).total).toBe(3);
    expect((await list(`objectType=membership&objectId=${invited[0].id}`)).items.map((e) => e.action)).toEqual([
      'update',
      'invite',
    ]);
    expect((await list(`actorId=${admin.id}`)).total).toBe(4);
    expect((await list(`actorId=${other}`)).total).toBe(3);
    expect((await list('action=invite')).total).toBe(2);
    expect((await list('from=2024-02-01&to=2024-02-28')).items.map((e) => e.objectId)).toEqual(['r2', 'r1']);
    expect((await list('to=2024-01-31')).items.map((e) => e.action)).toEqual(['create']);
    expect((await list('from=2024-03-01&objectType=risk')).total).toBe(0);

    const page3 = await list('pageSize=3&page=3');
    expect(page3).toMatchObject({ total: 7, page: 3, pageSize: 3 });
    expect(page3.items.map((e) => e.id)).toEqual([all.items[6].id]);
    expect(await list('pageSize=3&page=4')).toMatchObject({ items: [], total: 7 });
    expect((await agent.request('GET', `${url}/audit-events?actorId=iemand`)).status).toBe(400);
    expect((await agent.request('GET', `${url}/audit-events?from=2024-13-01`)).status).toBe(400);
  });

  it('is for members with audit.view: an auditor yes, a lezer no', async () => {
    const { bestuur, url } = await bestuurWithHistory();
    const auditor = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'auditor']] })).id);
    const lezer = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);
    expect((await auditor.request('GET', `${url}/audit-events`)).body.total).toBe(7);
    expect((await auditor.request('GET', `${url}/audit-events/export`)).status).toBe(200);
    for (const path of ['audit-events', 'audit-events/export']) {
      const res = await lezer.request('GET', `${url}/${path}`);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });
});

describe('exporting the trail', () => {
  it('gives an xlsx workbook, Dutch by default, one row per event, with the filters applied', async () => {
    const { agent, url } = await bestuurWithHistory();
    const res = await agent.request('GET', `${url}/audit-events/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="audittrail-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const sheet = await sheetOf(res);
    expect(sheet.name).toBe('Audittrail');
    expect(sheet.header).toEqual([
      'Tijdstip',
      'Door',
      'Actie',
      'Soort object',
      'Object-id',
      'Object',
      'Voor',
      'Na',
      'Verzoek-id',
    ]);
    expect(sheet.data).toHaveLength(7);
    expect(sheet.data[0][0]).toBeInstanceOf(Date);
    expect(sheet.data.map((r) => r[2])).toEqual([
      'gewijzigd',
      'gewijzigd',
      'uitgenodigd',
      'uitgenodigd',
      'verwijderd',
      'gewijzigd',
      'aangemaakt',
    ]);
    expect(JSON.parse(String(sheet.data[0][7]))).toEqual({ population: 999 });

    const filtered = await sheetOf(await agent.request('GET', `${url}/audit-events/export?action=invite`));
    expect(filtered.data.map((r) => r[5])).toEqual(['Tweede Lid', 'Eerste Lid']);
    const dated = await sheetOf(await agent.request('GET', `${url}/audit-events/export?from=2024-02-01&to=2024-02-29`));
    expect(dated.data.map((r) => r[4])).toEqual(['r2', 'r1']);
  });

  it('speaks English on request', async () => {
    const { agent, url } = await bestuurWithHistory();
    const sheet = await sheetOf(
      await agent.request('GET', `${url}/audit-events/export?action=invite`, undefined, { 'accept-language': 'en' }),
    );
    expect(sheet.name).toBe('Audit trail');
    expect(sheet.header).toEqual([
      'Time',
      'By',
      'Action',
      'Object type',
      'Object id',
      'Object',
      'Before',
      'After',
      'Request id',
    ]);
    expect(sheet.data.map((r) => r[2])).toEqual(['invited', 'invited']);
  });
});

describe('the platform trail', () => {
  it('shows the platform admin sign-ins and no bestuur events', async () => {
    const { bestuur } = await bestuurWithHistory();
    const admin = await createUser(t, { regionalRoles: ['platformbeheerder'] });
    const agent = await signIn(t, admin.email, admin.password);
    const res = await agent.request('GET', `/api/platform/audit-events?action=sign_in&actorId=${admin.id}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      bestuurId: null,
      objectType: 'user',
      objectId: admin.id,
      after: { method: 'password' },
    });

    const all = await agent.request('GET', '/api/platform/audit-events?pageSize=200');
    expect(all.body.items.length).toBeGreaterThan(0);
    expect(all.body.items.every((e: { bestuurId: string | null }) => e.bestuurId === null)).toBe(true);
    expect((await agent.request('GET', `/api/platform/audit-events?objectId=${bestuur.id}`)).body.total).toBe(0);
    expect((await agent.request('GET', '/api/platform/audit-events?objectType=membership')).body.total).toBe(0);

    const xlsx = await agent.request('GET', `/api/platform/audit-events/export?action=sign_in&actorId=${admin.id}`);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect((await sheetOf(xlsx)).data.map((r) => r[2])).toEqual(['aangemeld']);
  });

  it('is closed to coaches, supervisors and members of a bestuur', async () => {
    const bestuur = await createBestuur(t);
    const others = [
      await createUser(t, { regionalRoles: ['coach'] }),
      await createUser(t, { regionalRoles: ['toezichthouder'] }),
      await createUser(t, { memberOf: [[bestuur.id, 'beheerder']] }),
    ];
    for (const user of others) {
      const agent = await sessionFor(t, user.id);
      for (const path of ['/api/platform/audit-events', '/api/platform/audit-events/export']) {
        const res = await agent.request('GET', path);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    }
  });
});
