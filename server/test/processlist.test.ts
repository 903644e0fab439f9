import type {
  BestuurProcess,
  DraftMeta,
  ListDiff,
  ListSnapshot,
  ProcessUpdates,
  TemplateProcess,
} from '@baken/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncContent } from '../src/modules/catalog/catalog.service.js';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { createTestApp } from './support/app.js';
import { type Agent, createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

/**
 * The generic process list as published versions: the coach edits a draft and publishes it;
 * a published version never changes; a bestuur takes changes over and keeps its own choices.
 * The tests of this file share one database and run in order.
 */
const t = await createTestApp();
const content = loadContent();

let coach: Agent;
let isc: Agent;
let bestuurId: string;
const url = () => `/api/besturen/${bestuurId}`;

const draft = async () =>
  (await coach.request('GET', '/api/process-list/draft')).body as { version: number; snapshot: ListSnapshot };
const platformEvents = async () =>
  t.raw(
    "SELECT * FROM audit_events WHERE bestuur_id IS NULL AND object_type LIKE 'process_list%' ORDER BY occurred_at DESC, id DESC",
  );
const bestuurList = async () => (await isc.request('GET', `${url()}/processes`)).body.items as BestuurProcess[];

async function putProcess(p: TemplateProcess) {
  const d = await draft();
  const res = await coach.request('PUT', `/api/process-list/draft/processes/${p.id}`, {
    draftVersion: d.version,
    process: p,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as DraftMeta;
}

beforeAll(async () => {
  // What the server does at start: the catalogue (frameworks, requirements, domains) from content/.
  await syncContent(t.db.app, content);
  coach = await sessionFor(t, (await createUser(t, { regionalRoles: ['coach'] })).id);
  const b = await createBestuur(t);
  bestuurId = b.id;
  isc = await sessionFor(t, (await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']] })).id);
});

describe('versions of the generic list', () => {
  it('starts with version 1, made from content/, readable by every signed-in user', async () => {
    const res = await isc.request('GET', '/api/process-list/versions');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        number: 1,
        source: 'content',
        publishedBy: null,
        stats: {
          processes: content.processes.length,
          assets: content.processes.reduce((n, p) => n + p.assets.length, 0),
          measures: content.measures.length,
        },
      }),
    ]);
    const v1 = await isc.request('GET', '/api/process-list/versions/1');
    expect(v1.body.processes).toHaveLength(content.processes.length);
    expect((await isc.request('GET', '/api/process-list/versions/99')).status).toBe(404);
    const domains = await isc.request('GET', '/api/process-list/domains');
    expect(domains.body).toMatchObject({ version: 1 });
    expect(domains.body.domains.map((d: { id: string }) => d.id).sort()).toEqual(
      [...new Set(content.processes.map((p) => p.domain))].sort(),
    );
  });

  it('lets only the coach keep a draft: 403 for a bestuur user, nothing created', async () => {
    const res = await isc.request('POST', '/api/process-list/draft');
    expect(res.status).toBe(403);
    expect((await coach.request('GET', '/api/process-list/draft')).status).toBe(404);
  });
});

describe('the coach edits a draft and publishes it', () => {
  const [first, second, third] = content.processes.filter((p) => p.domain === 'burgerzaken');

  beforeAll(async () => {
    // The bestuur adopted version 1 and made choices of its own before the coach changes anything.
    expect((await isc.request('POST', `${url()}/processes/adopt`, { domains: ['burgerzaken'] })).status).toBe(200);
    const list = await bestuurList();
    const own = list.find((p) => p.templateId === first.id) as BestuurProcess;
    const overridden = own.assets.find((a) => a.templateId === first.assets[1].id);
    const res = await isc.request('PATCH', `${url()}/assets/${overridden?.id}`, {
      version: 1,
      ...first.assets[1].class,
      c: 5,
      reason: 'Bij ons ook voor beschermde personen.',
    });
    expect(res.status).toBe(200);
  });

  it('starts a draft, refuses an invalid process with the place of the problem, and a stale version', async () => {
    const started = await coach.request('POST', '/api/process-list/draft');
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ basedOn: 1, version: 1 });
    expect((await coach.request('POST', '/api/process-list/draft')).body.version).toBe(1);

    const bad = await coach.request('PUT', `/api/process-list/draft/processes/${first.id}`, {
      draftVersion: 1,
      process: { ...first, domain: 'nergens' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues[0]).toMatchObject({ path: [first.id], message: 'unknown process domain nergens' });
    const clash = await coach.request('PUT', `/api/process-list/draft/processes/${first.id}`, {
      draftVersion: 1,
      process: { ...first, assets: [...first.assets, second.assets[0]] },
    });
    expect(clash.status).toBe(400);
    expect((await draft()).version).toBe(1);

    await putProcess({ ...first, name: { nl: `${first.name.nl} (herzien)`, en: first.name.en } });
    const stale = await coach.request('PUT', `/api/process-list/draft/processes/${first.id}`, {
      draftVersion: 1,
      process: first,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current).toMatchObject({ version: 2 });
  });

  it('shows the draft against version 1 and publishes it as version 2 that never changes', async () => {
    // Raise the default of both the asset the bestuur overrode and one it did not; flag a third.
    const assets = first.assets.map((a, i) =>
      i === 0
        ? {
            ...a,
            class: { ...a.class, c: 4 },
            reason: { nl: 'Herzien: bevat het rijksregisternummer.', en: 'Revised.' },
          }
        : i === 1
          ? { ...a, class: { ...a.class, c: a.class.c - 1 } }
          : a,
    );
    await putProcess({
      ...first,
      name: { nl: `${first.name.nl} (herzien)`, en: first.name.en },
      assets: [
        ...assets,
        {
          id: `${first.id}.archief`,
          name: { nl: 'Archief van aanvragen', en: 'Archive of applications' },
          class: { c: 3, i: 3, a: 1 },
          reason: { nl: 'Oude aanvragen met persoonsgegevens.', en: 'Old applications with personal data.' },
          personalData: true,
          sensitiveData: false,
          kszData: false,
        },
      ],
    });
    const added: TemplateProcess = {
      ...second,
      id: 'bz-nieuw-proces',
      name: { nl: 'Nieuw proces', en: 'New process' },
      assets: second.assets.map((a) => ({ ...a, id: `bz-nieuw-proces.${a.id.split('.').pop()}` })),
    };
    await putProcess(added);
    const d = await draft();
    const removed = await coach.request(
      'DELETE',
      `/api/process-list/draft/processes/${third.id}?draftVersion=${d.version}`,
    );
    expect(removed.status).toBe(200);
    const measure = content.measures[0];
    const m = await coach.request('PUT', `/api/process-list/draft/measures/${measure.code}`, {
      draftVersion: removed.body.version,
      measure: { ...measure, title: { nl: `${measure.title.nl} (herzien)`, en: measure.title.en } },
    });
    expect(m.status).toBe(200);

    const diff = (await coach.request('GET', '/api/process-list/diff?from=1')).body as ListDiff;
    expect(diff.summary).toEqual({
      processes: { added: 1, changed: 1, removed: 1 },
      assets: { added: 1 + added.assets.length, changed: 2, removed: third.assets.length },
      classifications: 2,
      measures: { added: 0, changed: 1, removed: 0 },
    });
    const changed = diff.processes.find((p) => p.id === first.id);
    expect(changed?.changes.map((c) => c.field)).toEqual(['name']);
    expect(changed?.assets.find((a) => a.id === first.assets[0].id)?.changes.map((c) => c.field)).toEqual([
      'class',
      'reason',
    ]);
    expect((await isc.request('GET', '/api/process-list/diff?from=1')).status).toBe(403);

    const current = await draft();
    const noNotes = await coach.request('POST', '/api/process-list/publish', { draftVersion: current.version });
    expect(noNotes.status).toBe(400);
    const published = await coach.request('POST', '/api/process-list/publish', {
      draftVersion: current.version,
      releaseNotes: { nl: 'Identiteitskaarten herzien; nieuw proces; een proces geschrapt.' },
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      number: 2,
      source: 'draft',
      releaseNotes: { nl: 'Identiteitskaarten herzien; nieuw proces; een proces geschrapt.', en: expect.any(String) },
      stats: { processes: content.processes.length, measures: content.measures.length },
    });
    expect((await coach.request('GET', '/api/process-list/draft')).status).toBe(404);
    const [event] = await platformEvents();
    expect(event).toMatchObject({ action: 'create', object_type: 'process_list_version', object_id: '2' });

    // Immutable, even for the database owner.
    await expect(t.raw("UPDATE process_list_versions SET release_notes = '{}' WHERE number = 2")).rejects.toThrow(
      /never changes/,
    );
    await expect(t.raw('DELETE FROM process_list_versions WHERE number = 1')).rejects.toThrow(/never changes/);
    const between = (await isc.request('GET', '/api/process-list/diff?from=1&to=2')).body as ListDiff;
    expect(between.summary).toEqual(diff.summary);
    // The catalogue follows the newest version.
    const catalog = await isc.request('GET', `/api/catalog/measures/${measure.code}`);
    expect(catalog.body.title.nl).toBe(`${measure.title.nl} (herzien)`);
  });

  it('refuses to publish a draft that changes nothing', async () => {
    const started = (await coach.request('POST', '/api/process-list/draft')).body as DraftMeta;
    expect(started.basedOn).toBe(2);
    const res = await coach.request('POST', '/api/process-list/publish', {
      draftVersion: started.version,
      releaseNotes: { nl: 'Niets' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0].message).toBe(
      'Het concept verschilt niet van de laatste versie: er is niets te publiceren.',
    );
    expect((await coach.request('DELETE', `/api/process-list/draft?draftVersion=${started.version}`)).status).toBe(204);
  });

  it("shows the bestuur each change against its own copy, and keeps the bestuur's own choices", async () => {
    const res = await isc.request('GET', `${url()}/process-updates`);
    expect(res.status).toBe(200);
    const updates = res.body as ProcessUpdates;
    expect(updates.latest).toBe(2);
    expect(updates.items.map((i) => [i.templateId, i.kind]).sort()).toEqual(
      [
        [first.id, 'changed'],
        ['bz-nieuw-proces', 'added'],
        [third.id, 'removed'],
      ].sort(),
    );
    const item = updates.items.find((i) => i.templateId === first.id);
    const overridden = item?.assets.find((a) => a.id === first.assets[1].id);
    expect(overridden?.kept).toEqual([
      { field: 'class', yours: expect.objectContaining({ c: 5, reason: 'Bij ons ook voor beschermde personen.' }) },
    ]);
    expect(item?.assets.find((a) => a.id === first.assets[0].id)?.kept).toEqual([]);
    expect(item?.assets.find((a) => a.id === `${first.id}.archief`)?.kind).toBe('added');

    // A stale view: 409; an update that is not pending: 400; nothing changed.
    const before = await bestuurList();
    expect((await isc.request('POST', `${url()}/process-updates/apply`, { all: true, toVersion: 1 })).status).toBe(409);
    expect(
      (await isc.request('POST', `${url()}/process-updates/apply`, { templateIds: ['bz-onbekend'], toVersion: 2 }))
        .status,
    ).toBe(400);
    expect(await bestuurList()).toEqual(before);
  });

  it('takes one update over, then the rest', async () => {
    const one = await isc.request('POST', `${url()}/process-updates/apply`, { templateIds: [first.id], toVersion: 2 });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ processes: 1, assets: 3 });
    let list = await bestuurList();
    const p = list.find((x) => x.templateId === first.id) as BestuurProcess;
    expect(p).toMatchObject({ templateVersion: 2, name: { nl: `${first.name.nl} (herzien)` } });
    const followed = p.assets.find((a) => a.templateId === first.assets[0].id);
    expect(followed).toMatchObject({
      class: { ...first.assets[0].class, c: 4 },
      defaultClass: { ...first.assets[0].class, c: 4 },
      defaultReason: { nl: 'Herzien: bevat het rijksregisternummer.' },
      reason: null,
    });
    const kept = p.assets.find((a) => a.templateId === first.assets[1].id);
    expect(kept).toMatchObject({
      class: { ...first.assets[1].class, c: 5 },
      defaultClass: { ...first.assets[1].class, c: first.assets[1].class.c - 1 },
      reason: 'Bij ons ook voor beschermde personen.',
    });
    expect(p.assets.some((a) => a.templateId === `${first.id}.archief`)).toBe(true);
    const [event] = await auditEventsOf(t, bestuurId);
    expect(event).toMatchObject({ action: 'update', object_type: 'process', object_id: p.id });
    expect(event.before).toEqual({ templateVersion: 1 });

    const rest = (await isc.request('GET', `${url()}/process-updates`)).body as ProcessUpdates;
    expect(rest.items.map((i) => i.templateId).sort()).toEqual(['bz-nieuw-proces', third.id].sort());
    const all = await isc.request('POST', `${url()}/process-updates/apply`, { all: true, toVersion: 2 });
    expect(all.status).toBe(200);
    list = await bestuurList();
    expect(list.find((x) => x.templateId === 'bz-nieuw-proces')).toMatchObject({ templateVersion: 2 });
    // A process the list dropped stays with the bestuur as its own, with its assets.
    const dropped = list.find((x) => x.name.nl === third.name.nl) as BestuurProcess;
    expect(dropped).toMatchObject({ templateId: null, templateVersion: null });
    expect(dropped.assets).toHaveLength(third.assets.length);
    expect(dropped.assets.every((a) => a.templateId === null && a.defaultClass === null)).toBe(true);
    expect((await isc.request('GET', `${url()}/process-updates`)).body.items).toEqual([]);
  });

  it('adopts the newest version for a bestuur that starts now', async () => {
    const b = await createBestuur(t);
    const other = await sessionFor(
      t,
      (await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']] })).id,
    );
    await other.request('POST', `/api/besturen/${b.id}/processes/adopt`, { domains: ['burgerzaken'] });
    const list = (await other.request('GET', `/api/besturen/${b.id}/processes`)).body.items as BestuurProcess[];
    expect(list.every((p) => p.templateVersion === 2)).toBe(true);
    expect(list.some((p) => p.templateId === 'bz-nieuw-proces')).toBe(true);
    expect(list.some((p) => p.templateId === third.id)).toBe(false);
    expect((await other.request('GET', `/api/besturen/${b.id}/process-updates`)).body.items).toEqual([]);
  });
});
