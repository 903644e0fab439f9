import { performance } from 'node:perf_hooks';
import type { BestuurAsset, BestuurProcess, BestuurRole } from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

const t = await createTestApp();
const content = loadContent();
const assetCount = (processes: { assets: unknown[] }[]) => processes.reduce((n, p) => n + p.assets.length, 0);

async function bestuurWith(role: BestuurRole = 'informatieveiligheidsconsulent') {
  const bestuur = await createBestuur(t);
  const user = await createUser(t, { memberOf: [[bestuur.id, role]] });
  return { bestuur, agent: await sessionFor(t, user.id), url: `/api/besturen/${bestuur.id}` };
}

const countRows = async (bestuurId: string) => {
  const [row] = await t.raw(
    `SELECT (SELECT count(*)::int FROM bestuur_processes WHERE bestuur_id = $1) AS processes,
            (SELECT count(*)::int FROM bestuur_assets WHERE bestuur_id = $1) AS assets`,
    [bestuurId],
  );
  return row;
};

describe('adopting the generic process list', () => {
  it('copies every process and asset, once, and records one event', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const expected = { processes: content.processes.length, assets: assetCount(content.processes) };

    const started = performance.now();
    const res = await agent.request('POST', `${url}/processes/adopt`, {});
    const ms = performance.now() - started;
    console.log(`adopt all (${expected.processes} processes, ${expected.assets} assets): ${ms.toFixed(1)} ms`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual(expected);
    expect(await countRows(bestuur.id)).toEqual(expected);
    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({ action: 'create', object_type: 'process_list', object_id: bestuur.id });
    expect(event.after).toMatchObject(expected);

    const again = await agent.request('POST', `${url}/processes/adopt`, {});
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ processes: 0, assets: 0 });
    expect(await countRows(bestuur.id)).toEqual(expected);
  });

  it('adopts the chosen domains, and later the rest without duplicates', async () => {
    const { bestuur, agent, url } = await bestuurWith();
    const domains = [...new Set(content.processes.map((p) => p.domain))].slice(0, 2);
    const chosen = content.processes.filter((p) => domains.includes(p.domain));

    const res = await agent.request('POST', `${url}/processes/adopt`, { domains });
    expect(res.body).toEqual({ processes: chosen.length, assets: assetCount(chosen) });
    const list = (await agent.request('GET', `${url}/processes`)).body.items as BestuurProcess[];
    expect(new Set(list.map((p) => p.domain))).toEqual(new Set(domains));

    const rest = await agent.request('POST', `${url}/processes/adopt`, {});
    expect(rest.body).toEqual({
      processes: content.processes.length - chosen.length,
      assets: assetCount(content.processes) - assetCount(chosen),
    });
    expect(await countRows(bestuur.id)).toEqual({
      processes: content.processes.length,
      assets: assetCount(content.processes),
    });
  });

  it('refuses a domain that is not in the list', async () => {
    const { agent, url } = await bestuurWith();
    const res = await agent.request('POST', `${url}/processes/adopt`, { domains: ['bestaat-niet'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('the process list', () => {
  it('shows each process with its assets, its class the highest of its assets, ordered by domain', async () => {
    // A proceseigenaar adopts; a lezer reads.
    const { bestuur, agent: editor, url } = await bestuurWith('proceseigenaar');
    expect((await editor.request('POST', `${url}/processes/adopt`, {})).status).toBe(200);
    const agent = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);

    const res = await agent.request('GET', `${url}/processes`);
    expect(res.status).toBe(200);
    const list = res.body.items as BestuurProcess[];
    expect(list).toHaveLength(content.processes.length);
    const domains = list.map((p) => p.domain);
    expect(domains).toEqual([...domains].sort());

    for (const p of list) {
      const template = content.processes.find((x) => x.id === p.templateId);
      expect(p.assets.map((a) => a.templateId).sort()).toEqual(template?.assets.map((a) => a.id).sort());
      for (const d of ['c', 'i', 'a'] as const) {
        expect(p.class?.[d]).toBe(Math.max(...p.assets.map((a) => a.class[d])));
      }
    }
    const sample = list[0].assets[0];
    expect(sample.class).toEqual(sample.defaultClass);
    expect(sample).toMatchObject({ reason: null, version: 1 });
  });
});

describe('classifying an asset', () => {
  const measure = content.measures.find(
    (m) => m.applies !== 'always' && m.applies.c === 4 && !m.conditions?.nis2 && !m.conditions?.ksz,
  );

  async function adopted() {
    const world = await bestuurWith();
    await world.agent.request('POST', `${world.url}/processes/adopt`, {});
    const list = (await world.agent.request('GET', `${world.url}/processes`)).body.items as BestuurProcess[];
    const needsPersonal = measure?.conditions?.personalData ?? false;
    const asset = list
      .flatMap((p) => p.assets)
      .find((a) => a.class.c < 4 && (!needsPersonal || a.personalData)) as BestuurAsset;
    return { ...world, asset };
  }

  it('raises the required measures, with the asset as the reason, and is in the audit trail', async () => {
    expect(measure).toBeDefined();
    const { bestuur, agent, url, asset } = await adopted();
    const reasonOf = async () => {
      const list = await agent.request('GET', `${url}/required-measures`);
      expect(list.status).toBe(200);
      for (const m of list.body.items) expect(m.reasons.length).toBeLessThanOrEqual(5);
      const res = await agent.request('GET', `${url}/required-measures/${measure?.code}`);
      if (res.status === 404) return undefined;
      expect(res.status).toBe(200);
      expect(res.body.reasons).toHaveLength(res.body.reasonCount);
      return res.body.reasons.find(
        (r: { assetId?: string; dimension?: string }) => r.assetId === asset.id && r.dimension === 'c',
      );
    };
    expect(await reasonOf()).toBeUndefined();

    const res = await agent.request('PATCH', `${url}/assets/${asset.id}`, {
      version: asset.version,
      c: 4,
      i: asset.class.i,
      a: asset.class.a,
      reason: 'Bevat ook gegevens van minderjarigen.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ class: { ...asset.class, c: 4 }, version: 2, reason: expect.any(String) });

    expect(await reasonOf()).toEqual({
      kind: 'class',
      assetId: asset.id,
      assetName: asset.name,
      dimension: 'c',
      assetClass: 4,
      fromClass: 4,
    });
    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({ action: 'update', object_type: 'asset', object_id: asset.id });
    expect(event.before).toEqual({ c: asset.class.c, reason: null });
    expect(event.after).toEqual({ c: 4, reason: 'Bevat ook gegevens van minderjarigen.' });
  });

  it('answers 409 with the current asset on a stale version', async () => {
    const { agent, url, asset } = await adopted();
    const body = { version: asset.version, ...asset.class };
    expect((await agent.request('PATCH', `${url}/assets/${asset.id}`, body)).status).toBe(200);
    const stale = await agent.request('PATCH', `${url}/assets/${asset.id}`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.details.current).toMatchObject({ id: asset.id, version: 2 });
  });

  it('needs a reason when a class differs from the default: 400 in Dutch, nothing changed', async () => {
    const { bestuur, agent, url, asset } = await adopted();
    const events = (await auditEventsOf(t, bestuur.id)).length;
    const res = await agent.request('PATCH', `${url}/assets/${asset.id}`, {
      version: asset.version,
      ...asset.class,
      c: 4,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.issues).toEqual([
      expect.objectContaining({
        path: ['reason'],
        message: 'Geef een reden wanneer de classificatie afwijkt van de standaardklasse.',
      }),
    ]);
    const [row] = await t.raw('SELECT c, version FROM bestuur_assets WHERE id = $1', [asset.id]);
    expect(row).toEqual({ c: asset.class.c, version: 1 });
    expect((await auditEventsOf(t, bestuur.id)).length).toBe(events);
  });

  it('is refused to a lezer, who may still read: 403', async () => {
    const { bestuur, url, asset } = await adopted();
    const lezer = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);
    expect((await lezer.request('POST', `${url}/processes/adopt`, {})).status).toBe(403);
    const patch = await lezer.request('PATCH', `${url}/assets/${asset.id}`, { version: 1, ...asset.class });
    expect(patch.status).toBe(403);
    expect(patch.body.code).toBe('FORBIDDEN');
    expect((await lezer.request('GET', `${url}/processes`)).status).toBe(200);
    expect((await lezer.request('GET', `${url}/required-measures`)).status).toBe(200);
  });
});
