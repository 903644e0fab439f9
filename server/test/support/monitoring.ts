import { MonitoringOverview } from '@baken/contracts';
import { expect } from 'vitest';
import { syncContent } from '../../src/modules/catalog/catalog.service.js';
import { loadContent } from '../../src/modules/catalog/content.loader.js';
import { drainQueue } from '../../src/modules/monitoring/refresher.js';
import type { TestApp } from './app.js';
import { type Agent, createBestuur, createUser } from './factories.js';
import { sessionFor } from './fixtures.js';

export interface MonitoredBestuur {
  id: string;
  name: string;
  isc: Agent;
}

/**
 * The region of the monitoring tests: six police zones in Limburg of one size class; A adopted
 * a domain, implemented one measure and recorded a serious risk linked to another (the second
 * measure of its list); B–F never did anything. Every bestuur has its indicators.
 */
export async function monitoringWorld(t: TestApp) {
  await syncContent(t.db.app, loadContent());
  const besturen: MonitoredBestuur[] = [];
  for (let i = 0; i < 6; i++) {
    const b = await createBestuur(t, { kind: 'politiezone', name: `Politiezone Monitor ${i}` });
    await t.raw('UPDATE besturen SET province = $2, population = $3 WHERE id = $1', [b.id, 'Limburg', 30_000 + i]);
    const isc = await sessionFor(t, (await createUser(t, { memberOf: [[b.id, 'informatieveiligheidsconsulent']] })).id);
    besturen.push({ ...b, isc });
  }
  const a = besturen[0];
  const url = `/api/besturen/${a.id}`;
  const supervisor = await sessionFor(t, (await createUser(t, { regionalRoles: ['toezichthouder'] })).id);
  const coach = await sessionFor(t, (await createUser(t, { regionalRoles: ['coach'] })).id);
  expect((await a.isc.request('POST', `${url}/processes/adopt`, { domains: ['burgerzaken'] })).status).toBe(200);
  const [first, second] = (await a.isc.request('GET', `${url}/measures`)).body.items;
  await a.isc.request('PATCH', `${url}/measures/${first.code}`, { version: 0, status: 'geimplementeerd' });
  const risk = await a.isc.request('POST', `${url}/risks`, {
    title: 'Ransomware op het dossierbeheer',
    qualities: ['a'],
    likelihood: 4,
    impact: 4,
    measureCodes: [second.code],
  });
  expect(risk.status).toBe(201);
  // B–F have never done anything: no audit event queued them.
  await t.raw('SELECT indicator_queue_all()');
  await drainQueue(t.db.app);
  return { besturen, a, url, supervisor, coach, riskMeasure: second.code as string };
}

/** The overview as the supervisor gets it. */
export async function overviewOf(supervisor: Agent, query = '?province=Limburg') {
  const res = await supervisor.request('GET', `/api/region/monitoring/overview${query}`);
  expect(res.status).toBe(200);
  return MonitoringOverview.parse(res.body);
}
