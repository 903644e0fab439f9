import type { BestuurProcess } from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

const t = await createTestApp();

async function adopted() {
  const bestuur = await createBestuur(t);
  const user = await createUser(t, { memberOf: [[bestuur.id, 'informatieveiligheidsconsulent']] });
  const agent = await sessionFor(t, user.id);
  const url = `/api/besturen/${bestuur.id}`;
  expect((await agent.request('POST', `${url}/processes/adopt`, { domains: ['burgerzaken'] })).status).toBe(200);
  const list = async () => (await agent.request('GET', `${url}/processes`)).body.items as BestuurProcess[];
  return { bestuur, agent, url, list };
}

const measuresOf = async (agent: Awaited<ReturnType<typeof adopted>>['agent'], url: string) =>
  ((await agent.request('GET', `${url}/required-measures`)).body.items as { code: string; assetCount: number }[]).map(
    (m) => `${m.code}:${m.assetCount}`,
  );

describe('a process that does not apply', () => {
  it('needs a reason, leaves the required measures, and comes back', async () => {
    const { bestuur, agent, url, list } = await adopted();
    const [p] = await list();
    const before = await measuresOf(agent, url);

    const noReason = await agent.request('PATCH', `${url}/processes/${p.id}`, {
      version: p.version,
      applicable: false,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.issues[0]).toMatchObject({
      path: ['notApplicableReason'],
      message: 'Geef een reden waarom dit proces niet van toepassing is.',
    });

    const off = await agent.request('PATCH', `${url}/processes/${p.id}`, {
      version: p.version,
      applicable: false,
      notApplicableReason: 'Uitbesteed aan de politiezone.',
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({
      applicable: false,
      notApplicableReason: 'Uitbesteed aan de politiezone.',
      version: 2,
    });
    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({ action: 'update', object_type: 'process', object_id: p.id });
    expect(event.after).toEqual({ applicable: false, notApplicableReason: 'Uitbesteed aan de politiezone.' });
    // Its assets no longer count: at least one measure loses assets or disappears.
    expect(await measuresOf(agent, url)).not.toEqual(before);

    const stale = await agent.request('PATCH', `${url}/processes/${p.id}`, { version: p.version, applicable: true });
    expect(stale.status).toBe(409);
    const on = await agent.request('PATCH', `${url}/processes/${p.id}`, { version: 2, applicable: true });
    expect(on.body).toMatchObject({ applicable: true, notApplicableReason: null });
    expect(await measuresOf(agent, url)).toEqual(before);
  });

  it('keeps the generic name: a generic process cannot be renamed or deleted', async () => {
    const { agent, url, list } = await adopted();
    const [p] = await list();
    const rename = await agent.request('PATCH', `${url}/processes/${p.id}`, {
      version: p.version,
      name: { nl: 'Anders' },
    });
    expect(rename.status).toBe(400);
    expect(rename.body.code).toBe('TEMPLATE_ITEM_NOT_EDITABLE');
    const del = await agent.request('DELETE', `${url}/processes/${p.id}?version=${p.version}`);
    expect(del.status).toBe(400);
    expect(del.body.code).toBe('TEMPLATE_ITEM_NOT_DELETABLE');
    const delAsset = await agent.request('DELETE', `${url}/assets/${p.assets[0].id}?version=1`);
    expect(delAsset.body.code).toBe('TEMPLATE_ITEM_NOT_DELETABLE');
    expect(await list()).toHaveLength((await list()).length);
  });
});

describe('processes and assets of the bestuur itself', () => {
  it('adds an own process with assets that count for the required measures, edits and deletes them', async () => {
    const { bestuur, agent, url, list } = await adopted();
    const created = await agent.request('POST', `${url}/processes`, {
      domain: 'burgerzaken',
      name: { nl: 'Huwelijksfeesten in de tuinzaal' },
      description: { nl: 'Reservaties van de tuinzaal voor huwelijken.' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      templateId: null,
      templateVersion: null,
      name: { nl: 'Huwelijksfeesten in de tuinzaal', en: 'Huwelijksfeesten in de tuinzaal' },
      assets: [],
      class: null,
    });
    const pid = created.body.id as string;

    const asset = await agent.request('POST', `${url}/processes/${pid}/assets`, {
      name: { nl: 'Reservatieregister', en: 'Booking register' },
      c: 5,
      i: 3,
      a: 2,
      personalData: true,
    });
    expect(asset.status).toBe(201);
    expect(asset.body).toMatchObject({ templateId: null, defaultClass: null, defaultReason: null, reason: null });
    const measures = (await agent.request('GET', `${url}/required-measures`)).body.items as {
      reasons: { assetId?: string }[];
    }[];
    expect(measures.some((m) => m.reasons.some((r) => r.assetId === asset.body.id))).toBe(true);

    // An own asset is classified freely (no default, so no reason) and may be renamed.
    const patch = await agent.request('PATCH', `${url}/assets/${asset.body.id}`, {
      version: 1,
      c: 2,
      i: 2,
      a: 2,
      name: { nl: 'Reservatielijst' },
      kszData: true,
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ name: { nl: 'Reservatielijst' }, class: { c: 2, i: 2, a: 2 }, kszData: true });

    const moved = await agent.request('PATCH', `${url}/processes/${pid}`, { version: 1, domain: 'nergens' });
    expect(moved.status).toBe(400);
    expect(moved.body.details.issues[0].path).toEqual(['domain']);

    expect((await agent.request('DELETE', `${url}/processes/${pid}?version=7`)).status).toBe(409);
    const del = await agent.request('DELETE', `${url}/processes/${pid}?version=1`);
    expect(del.status).toBe(204);
    expect((await list()).some((p) => p.id === pid)).toBe(false);
    expect(await t.raw('SELECT id FROM bestuur_assets WHERE id = $1', [asset.body.id])).toEqual([]);
    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({ action: 'delete', object_type: 'process', object_id: pid });
    expect(event.before).toMatchObject({ name: 'Huwelijksfeesten in de tuinzaal', assets: ['Reservatielijst'] });
  });

  it('refuses a name on a generic asset and an unknown domain', async () => {
    const { agent, url, list } = await adopted();
    const [p] = await list();
    const a = p.assets[0];
    const res = await agent.request('PATCH', `${url}/assets/${a.id}`, {
      version: a.version,
      ...a.class,
      name: { nl: 'x' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0].path).toEqual(['name']);
    const bad = await agent.request('POST', `${url}/processes`, { domain: 'nergens', name: { nl: 'Iets' } });
    expect(bad.status).toBe(400);
  });

  it('is refused to a lezer: 403, nothing added', async () => {
    const { bestuur, url, list } = await adopted();
    const lezer = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);
    const before = (await list()).length;
    const res = await lezer.request('POST', `${url}/processes`, { domain: 'burgerzaken', name: { nl: 'Iets' } });
    expect(res.status).toBe(403);
    expect((await list()).length).toBe(before);
  });
});
