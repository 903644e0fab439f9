import type { Application, ApplicationProposal, BestuurAsset, BestuurProcess, BestuurRole } from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, dottedKbo, freshKbo, sessionFor } from './support/fixtures.js';

const t = await createTestApp();
const content = loadContent();
const domain = content.processDomains[0].id;

async function bestuurWith(role: BestuurRole = 'informatieveiligheidsconsulent') {
  const bestuur = await createBestuur(t);
  const user = await createUser(t, { memberOf: [[bestuur.id, role]] });
  return { bestuur, agent: await sessionFor(t, user.id), url: `/api/besturen/${bestuur.id}` };
}

/** A bestuur that adopted one domain of the generic list, with its assets at hand. */
async function adopted() {
  const world = await bestuurWith();
  expect((await world.agent.request('POST', `${world.url}/processes/adopt`, { domains: [domain] })).status).toBe(200);
  const processes = (await world.agent.request('GET', `${world.url}/processes`)).body.items as BestuurProcess[];
  const assets = processes.flatMap((p) => p.assets);
  return { ...world, processes, assets };
}

const stored = async (table: string, bestuurId: string) =>
  t.raw(`SELECT * FROM ${table} WHERE bestuur_id = $1 ORDER BY 1, 2`, [bestuurId]);

const supplierBody = () => ({
  name: 'Cipal Schaubroeck',
  kboNumber: dottedKbo(freshKbo()),
  contactEmail: 'Support@Leverancier.example',
  contactPhone: '+32 9 123 45 67',
  contractReference: 'RAAM-2025-014',
  contractStart: '2025-01-01',
  contractEnd: '2028-12-31',
  processingAgreement: 'aanwezig',
  processingAgreementDate: '2025-01-15',
  certifications: ['iso-27001', 'isae-3402'],
  notes: 'Raamcontract via de centrale aankoopcentrale.',
});

describe('suppliers', () => {
  it('are created, read, listed, changed with their version and deleted, each change audited', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const body = supplierBody();
    const created = await agent.request('POST', `${url}/suppliers`, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...body,
      kboNumber: body.kboNumber.replace(/\./g, ''),
      contactEmail: 'support@leverancier.example',
      applicationCount: 0,
      version: 1,
    });
    const id = created.body.id as string;
    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({ action: 'create', object_type: 'supplier', object_id: id });
    expect(event.after).toMatchObject({ name: body.name, certifications: body.certifications });

    expect((await agent.request('GET', `${url}/suppliers/${id}`)).body).toEqual(created.body);
    const list = await agent.request('GET', `${url}/suppliers`);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([id]);

    const changed = await agent.request('PATCH', `${url}/suppliers/${id}`, {
      version: 1,
      processingAgreement: 'ontbreekt',
      processingAgreementDate: null,
      certifications: ['iso-27001'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ processingAgreement: 'ontbreekt', version: 2, contractEnd: '2028-12-31' });
    const [update] = await auditEventsOf(t, bestuur.id);
    expect(update.before).toEqual({
      processingAgreement: 'aanwezig',
      processingAgreementDate: '2025-01-15',
      certifications: ['iso-27001', 'isae-3402'],
    });
    expect(update.after).toEqual({
      processingAgreement: 'ontbreekt',
      processingAgreementDate: null,
      certifications: ['iso-27001'],
    });

    const stale = await agent.request('PATCH', `${url}/suppliers/${id}`, { version: 1, name: 'Andere naam' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.details.current).toMatchObject({ id, version: 2, name: body.name });

    expect((await agent.request('DELETE', `${url}/suppliers/${id}`)).status).toBe(204);
    expect(await stored('bestuur_suppliers', bestuur.id)).toEqual([]);
    const [deleted] = await auditEventsOf(t, bestuur.id);
    expect(deleted).toMatchObject({ action: 'delete', object_type: 'supplier', object_id: id });
    expect((await agent.request('GET', `${url}/suppliers/${id}`)).status).toBe(404);
  });

  it('refuse bad input with Dutch messages and store nothing', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const bad = [
      [{ ...supplierBody(), kboNumber: '0207.451.228' }, 'kboNumber', 'Geen geldig ondernemingsnummer'],
      [{ ...supplierBody(), contactPhone: 'bel maar' }, 'contactPhone', 'Geen geldig telefoonnummer'],
      [{ ...supplierBody(), contractEnd: '2024-12-31' }, 'contractEnd', 'Het einde van het contract ligt voor'],
      [{ ...supplierBody(), processingAgreement: 'niet-nodig' }, 'processingAgreementDate', 'Een datum van'],
      [{ ...supplierBody(), certifications: ['iso-9001'] }, 'certifications', ''],
      [{ ...supplierBody(), name: '  ' }, 'name', ''],
    ] as const;
    for (const [body, path, message] of bad) {
      const res = await agent.request('POST', `${url}/suppliers`, body);
      expect(res.status, path).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.issues[0].path[0]).toBe(path);
      expect(res.body.details.issues[0].message).toContain(message);
    }
    const english = await agent.request(
      'POST',
      `${url}/suppliers`,
      { ...supplierBody(), contactPhone: 'x' },
      {
        'accept-language': 'en',
      },
    );
    expect(english.body.details.issues[0].message).toContain('Not a valid phone number');
    expect(await stored('bestuur_suppliers', bestuur.id)).toEqual([]);
    expect(await auditEventsOf(t, bestuur.id)).toEqual([]);
  });

  it('keep their names unique within a bestuur, not across besturen', async () => {
    const { agent, url } = await bestuurWith();
    expect((await agent.request('POST', `${url}/suppliers`, { name: 'Leverancier X' })).status).toBe(201);
    const twice = await agent.request('POST', `${url}/suppliers`, { name: 'leverancier x' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'SUPPLIER_EXISTS',
      message: expect.stringContaining('al een leverancier'),
    });
    const other = await bestuurWith();
    expect((await other.agent.request('POST', `${other.url}/suppliers`, { name: 'Leverancier X' })).status).toBe(201);
  });

  it('cannot be deleted while an application uses it: 409 naming the applications, nothing deleted', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const supplier = (await agent.request('POST', `${url}/suppliers`, { name: 'Leverancier Y' })).body;
    const app = await agent.request('POST', `${url}/applications`, {
      name: 'Burgerzaken-suite',
      hosting: 'saas',
      supplierId: supplier.id,
    });
    expect(app.status).toBe(201);
    expect(app.body.supplier).toEqual({ id: supplier.id, name: 'Leverancier Y' });
    expect((await agent.request('GET', `${url}/suppliers/${supplier.id}`)).body.applicationCount).toBe(1);
    const events = (await auditEventsOf(t, bestuur.id)).length;

    const res = await agent.request('DELETE', `${url}/suppliers/${supplier.id}`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'SUPPLIER_IN_USE',
      message: expect.stringContaining('levert nog toepassingen'),
      details: { applications: [{ id: app.body.id, name: 'Burgerzaken-suite' }] },
    });
    expect(await stored('bestuur_suppliers', bestuur.id)).toHaveLength(1);
    expect((await auditEventsOf(t, bestuur.id)).length).toBe(events);

    const unlinked = await agent.request('PATCH', `${url}/applications/${app.body.id}`, {
      version: 1,
      supplierId: null,
    });
    expect(unlinked.body.supplier).toBeNull();
    expect((await agent.request('DELETE', `${url}/suppliers/${supplier.id}`)).status).toBe(204);
  });
});

describe('applications', () => {
  it('are created, changed with their version and deleted with their links; the assets stay', async () => {
    const { bestuur, agent, url, assets } = await adopted();
    const kind = content.applicationKinds[0];
    const created = await agent.request('POST', `${url}/applications`, {
      name: 'Bevolkingsregister-toepassing',
      description: 'Beheer van het bevolkingsregister',
      kind: kind.id,
      hosting: 'on-premises',
      acmIdm: true,
      dataLocation: 'belgie',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: kind.id,
      kindName: kind.name,
      supplier: null,
      acmIdm: true,
      class: null,
      assets: [],
      processes: [],
      version: 1,
    });
    const id = created.body.id as string;
    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({ action: 'create', object_type: 'application', object_id: id });

    const changed = await agent.request('PATCH', `${url}/applications/${id}`, { version: 1, hosting: 'saas' });
    expect(changed.body).toMatchObject({ hosting: 'saas', dataLocation: 'belgie', version: 2 });
    const [update] = await auditEventsOf(t, bestuur.id);
    expect([update.before, update.after]).toEqual([{ hosting: 'on-premises' }, { hosting: 'saas' }]);
    const stale = await agent.request('PATCH', `${url}/applications/${id}`, { version: 1, hosting: 'cloud' });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current).toMatchObject({ hosting: 'saas', version: 2 });

    const linked = await agent.request('PUT', `${url}/applications/${id}/assets`, {
      version: 2,
      assetIds: [assets[0].id],
    });
    expect(linked.status).toBe(200);
    expect((await agent.request('DELETE', `${url}/applications/${id}`)).status).toBe(204);
    expect(await stored('bestuur_applications', bestuur.id)).toEqual([]);
    expect(await stored('bestuur_application_assets', bestuur.id)).toEqual([]);
    expect(await stored('bestuur_assets', bestuur.id)).toHaveLength(assets.length);
    const [deleted] = await auditEventsOf(t, bestuur.id);
    expect(deleted).toMatchObject({ action: 'delete', object_type: 'application', object_id: id });
    expect(deleted.before).toMatchObject({ hosting: 'saas', assetIds: [assets[0].id] });
  });

  it('refuse an unknown kind, a supplier of another bestuur and bad enums, changing nothing', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const other = await bestuurWith();
    const foreign = (await other.agent.request('POST', `${other.url}/suppliers`, { name: 'Vreemde leverancier' })).body;
    const bad = [
      [{ name: 'A', hosting: 'saas', kind: 'bestaat-niet' }, 'kind', 'Dit soort toepassing'],
      [{ name: 'A', hosting: 'saas', supplierId: foreign.id }, 'supplierId', 'Deze leverancier bestaat niet'],
      [{ name: 'A', hosting: 'mainframe' }, 'hosting', ''],
      [{ name: 'A', hosting: 'saas', dataLocation: 'mars' }, 'dataLocation', ''],
    ] as const;
    for (const [body, path, message] of bad) {
      const res = await agent.request('POST', `${url}/applications`, body);
      expect(res.status, path).toBe(400);
      expect(res.body.details.issues[0].path[0]).toBe(path);
      expect(res.body.details.issues[0].message).toContain(message);
    }
    expect(await stored('bestuur_applications', bestuur.id)).toEqual([]);
    expect(await auditEventsOf(t, bestuur.id)).toEqual([]);
  });

  it('take the highest class of their assets per dimension, following a reclassification', async () => {
    const { bestuur, agent, url, processes } = await adopted();
    // Two assets of two processes, so the application serves both.
    const [a1, a2] = [processes[0].assets[0], processes[1].assets[0]] as BestuurAsset[];
    const app = (await agent.request('POST', `${url}/applications`, { name: 'Zaaksysteem', hosting: 'cloud' })).body;
    const res = await agent.request('PUT', `${url}/applications/${app.id}/assets`, {
      version: app.version,
      assetIds: [a1.id, a2.id],
    });
    expect(res.status).toBe(200);
    const max = (d: 'c' | 'i' | 'a', x: BestuurAsset[]) => Math.max(...x.map((a) => a.class[d]));
    expect(res.body.class).toEqual({ c: max('c', [a1, a2]), i: max('i', [a1, a2]), a: max('a', [a1, a2]) });
    expect(res.body.assets.map((a: { id: string }) => a.id).sort()).toEqual([a1.id, a2.id].sort());
    expect(res.body.processes.map((p: { id: string }) => p.id).sort()).toEqual(
      [processes[0].id, processes[1].id].sort(),
    );
    expect(res.body.version).toBe(2);
    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({ action: 'update', object_type: 'application', object_id: app.id });
    expect(event.before).toEqual({ assetIds: [], assets: [] });
    expect(event.after).toMatchObject({ assetIds: [a1.id, a2.id].sort() });

    const raised = a1.class.c === 5 ? 4 : 5;
    const reclassified = await agent.request('PATCH', `${url}/assets/${a1.id}`, {
      version: a1.version,
      ...a1.class,
      c: raised,
      reason: 'Bevat ook medische gegevens.',
    });
    expect(reclassified.status).toBe(200);
    const after = (await agent.request('GET', `${url}/applications/${app.id}`)).body as Application;
    expect(after.class?.c).toBe(Math.max(raised, a2.class.c));

    // Fewer links, a lower class; the same set again changes nothing but the version.
    const only = await agent.request('PUT', `${url}/applications/${app.id}/assets`, { version: 2, assetIds: [a2.id] });
    expect(only.body.class).toEqual(a2.class);
    expect(only.body.processes).toEqual([{ id: processes[1].id, name: processes[1].name }]);
    const none = await agent.request('PUT', `${url}/applications/${app.id}/assets`, { version: 3, assetIds: [] });
    expect(none.body).toMatchObject({ class: null, assets: [], processes: [] });
  });

  it('cannot link an asset of another bestuur, an unknown one or a stale version: nothing changes', async () => {
    const { bestuur, agent, url, assets } = await adopted();
    const other = await adopted();
    const app = (await agent.request('POST', `${url}/applications`, { name: 'GIS', hosting: 'saas' })).body;
    await agent.request('PUT', `${url}/applications/${app.id}/assets`, { version: 1, assetIds: [assets[0].id] });
    const before = {
      links: await stored('bestuur_application_assets', bestuur.id),
      apps: await stored('bestuur_applications', bestuur.id),
      events: (await auditEventsOf(t, bestuur.id)).length,
    };

    const foreign = await agent.request('PUT', `${url}/applications/${app.id}/assets`, {
      version: 2,
      assetIds: [assets[1].id, other.assets[0].id],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details.issues[0]).toMatchObject({ path: ['assetIds', '1'], code: 'asset_unknown' });
    const twice = await agent.request('PUT', `${url}/applications/${app.id}/assets`, {
      version: 2,
      assetIds: [assets[1].id, assets[1].id],
    });
    expect(twice.status).toBe(400);
    const stale = await agent.request('PUT', `${url}/applications/${app.id}/assets`, {
      version: 1,
      assetIds: [assets[1].id],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.assets.map((a: { id: string }) => a.id)).toEqual([assets[0].id]);

    expect({
      links: await stored('bestuur_application_assets', bestuur.id),
      apps: await stored('bestuur_applications', bestuur.id),
      events: (await auditEventsOf(t, bestuur.id)).length,
    }).toEqual(before);
    expect(await stored('bestuur_application_assets', other.bestuur.id)).toEqual([]);
  });

  it('are listed per asset for the asset editor; an asset of another bestuur is not found', async () => {
    const { agent, url, assets } = await adopted();
    const other = await adopted();
    const first = (await agent.request('POST', `${url}/applications`, { name: 'Eerste', hosting: 'saas' })).body;
    const second = (await agent.request('POST', `${url}/applications`, { name: 'Tweede', hosting: 'cloud' })).body;
    await agent.request('PUT', `${url}/applications/${first.id}/assets`, { version: 1, assetIds: [assets[0].id] });
    await agent.request('PUT', `${url}/applications/${second.id}/assets`, {
      version: 1,
      assetIds: [assets[0].id, assets[1].id],
    });
    const res = await agent.request('GET', `${url}/assets/${assets[0].id}/applications`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((a: Application) => a.name)).toEqual(['Eerste', 'Tweede']);
    const one = await agent.request('GET', `${url}/assets/${assets[1].id}/applications`);
    expect(one.body.items.map((a: Application) => a.name)).toEqual(['Tweede']);
    expect((await agent.request('GET', `${url}/assets/${other.assets[0].id}/applications`)).status).toBe(404);
  });

  it('are proposed from the application kinds of the adopted processes, until registered', async () => {
    const { agent, url, processes } = await adopted();
    const expected = new Set(
      processes.flatMap((p) => content.processes.find((x) => x.id === p.templateId)?.applications ?? []),
    );
    const res = await agent.request('GET', `${url}/applications/proposals`);
    expect(res.status).toBe(200);
    const proposals = res.body.items as ApplicationProposal[];
    expect(new Set(proposals.map((p) => p.kind))).toEqual(expected);
    const top = proposals[0];
    const users = processes.filter((p) =>
      content.processes.find((x) => x.id === p.templateId)?.applications.includes(top.kind),
    );
    expect(top.processes.map((p) => p.id).sort()).toEqual(users.map((p) => p.id).sort());

    await agent.request('POST', `${url}/applications`, { name: 'Geregistreerd', hosting: 'saas', kind: top.kind });
    const after = (await agent.request('GET', `${url}/applications/proposals`)).body.items as ApplicationProposal[];
    expect(after.map((p) => p.kind)).not.toContain(top.kind);
    expect(after).toHaveLength(proposals.length - 1);
  });

  it('gives the application kinds of the generic list to every signed-in user', async () => {
    const { agent } = await bestuurWith('lezer');
    const res = await agent.request('GET', '/api/application-kinds');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(content.applicationKinds.length);
    expect(res.body.items[0]).toEqual({
      id: expect.any(String),
      name: { nl: expect.any(String), en: expect.any(String) },
    });
  });
});

describe('permissions', () => {
  it('a lezer reads the registers but changes nothing: 403', async () => {
    const { bestuur, agent, url, assets } = await adopted();
    const supplier = (await agent.request('POST', `${url}/suppliers`, { name: 'Leverancier Z' })).body;
    const app = (await agent.request('POST', `${url}/applications`, { name: 'Toepassing Z', hosting: 'saas' })).body;
    const lezer = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);
    expect((await lezer.request('GET', `${url}/suppliers`)).status).toBe(200);
    expect((await lezer.request('GET', `${url}/applications/${app.id}`)).status).toBe(200);
    expect((await lezer.request('GET', `${url}/assets/${assets[0].id}/applications`)).status).toBe(200);
    const writes = [
      ['POST', `${url}/suppliers`, { name: 'Nieuw' }],
      ['PATCH', `${url}/suppliers/${supplier.id}`, { version: 1, name: 'Nieuw' }],
      ['DELETE', `${url}/suppliers/${supplier.id}`, undefined],
      ['POST', `${url}/applications`, { name: 'Nieuw', hosting: 'saas' }],
      ['PATCH', `${url}/applications/${app.id}`, { version: 1, name: 'Nieuw' }],
      ['PUT', `${url}/applications/${app.id}/assets`, { version: 1, assetIds: [assets[0].id] }],
      ['DELETE', `${url}/applications/${app.id}`, undefined],
    ] as const;
    for (const [method, path, body] of writes) {
      expect((await lezer.request(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    expect(await stored('bestuur_suppliers', bestuur.id)).toHaveLength(1);
    expect(await stored('bestuur_applications', bestuur.id)).toHaveLength(1);
    expect(await stored('bestuur_application_assets', bestuur.id)).toEqual([]);
  });
});
