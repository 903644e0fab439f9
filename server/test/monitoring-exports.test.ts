import { OwnMonitoring } from '@baken/contracts';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_CRON, SNAPSHOT_JOB, startMonitoringJobs } from '../src/modules/monitoring/jobs.js';
import { loadConfig } from '../src/platform/config.js';
import { type TestApp, createTestApp } from './support/app.js';
import type { Agent } from './support/factories.js';
import { type MonitoredBestuur, monitoringWorld } from './support/monitoring.js';

/** Regional monitoring (issue 5): monthly snapshots (by hand and by pg-boss) and the exports. */
const t: TestApp = await createTestApp();
let supervisor: Agent;
let coach: Agent;
let a: MonitoredBestuur;
let url: string;

beforeAll(async () => {
  ({ supervisor, coach, a, url } = await monitoringWorld(t));
});

describe('monthly snapshots', () => {
  it('are taken by hand for the current month, once, and never change', async () => {
    const month = new Date().toISOString().slice(0, 7);
    expect((await coach.request('POST', '/api/region/monitoring/snapshots', {})).status).toBe(403);
    const first = await supervisor.request('POST', '/api/region/monitoring/snapshots', {});
    expect(first.body).toEqual({ month, taken: 6 });
    const again = await supervisor.request('POST', '/api/region/monitoring/snapshots', { month });
    expect(again.body).toEqual({ month, taken: 0 });
    expect((await supervisor.request('POST', '/api/region/monitoring/snapshots', { month: '2019-01' })).status).toBe(
      400,
    );
    await expect(t.raw('UPDATE indicator_snapshots SET indicators = $1', ['{}'])).rejects.toThrow(/immutable/);
    await expect(t.raw('DELETE FROM indicator_snapshots')).rejects.toThrow(/immutable/);
    const list = (await supervisor.request('GET', '/api/region/monitoring/snapshots')).body;
    expect(list.items[0]).toMatchObject({ month, besturen: 6 });
    const trend = (await supervisor.request('GET', '/api/region/monitoring/trend?province=Limburg')).body;
    expect(trend.points).toEqual([expect.objectContaining({ month, besturen: 6, risksHigh: 1 })]);
    const own = OwnMonitoring.parse((await a.isc.request('GET', `${url}/monitoring`)).body);
    expect(own.trend).toEqual([expect.objectContaining({ month, risksHigh: 1, continuity: 'geen' })]);
    const detail = (await supervisor.request('GET', `/api/region/monitoring/besturen/${a.id}`)).body;
    expect(detail.trend.map((p: { month: string }) => p.month)).toEqual([month]);
  });
});

describe('exports', () => {
  it('gives the overview as a workbook: one row per bestuur in Dutch, the sector totals on a sheet of their own', async () => {
    const res = await supervisor.request('GET', '/api/region/monitoring/overview/xlsx?province=Limburg');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="monitoring-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const sheet = wb.getWorksheet('Besturen') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual([
      'Bestuur',
      'Soort',
      'Provincie',
      'Inwoners',
      'Grootteklasse',
      'CyFun Basis bereikt',
    ]);
    expect(sheet.rowCount).toBe(7);
    const rowOfA = (sheet.getRows(2, 6) ?? []).find((r) => r.getCell(1).value === a.name) as ExcelJS.Row;
    expect(rowOfA.getCell(2).value).toBe('Politiezone');
    expect(rowOfA.getCell(6).value).toBe('nee');
    expect(rowOfA.getCell(14).value).toBe(1);
    const sector = wb.getWorksheet('Sector') as ExcelJS.Worksheet;
    const facts = new Map<string, unknown>();
    sector.eachRow((r) => facts.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(facts.get('Besturen')).toBe(6);
    expect(facts.get('Filter')).toBe('Limburg');
    const en = await supervisor.request('GET', '/api/region/monitoring/overview/xlsx?lang=en');
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.raw as never);
    expect(wbEn.getWorksheet('Organisations')?.getCell('A1').value).toBe('Organisation');
    expect((await a.isc.request('GET', '/api/region/monitoring/overview/xlsx')).status).toBe(403);
  });

  it('gives the steering group a PDF with the sector, the most vulnerable besturen and the measures to invest in', async () => {
    const res = await supervisor.request('GET', '/api/region/monitoring/report/pdf?province=Limburg');
    expect(res.status).toBe(200);
    expect(res.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(res.raw)), { mergePages: true });
    const all = String(text).replace(/\s+/g, ' ');
    expect(all).toContain('Rapport voor de stuurgroep');
    expect(all).toContain('Alle lokale besturen');
    expect(all).toContain('Meest kwetsbare besturen');
    expect(all).toContain('Politiezone Monitor 1');
    // The reasons with their facts: B–F were never active and have no continuity plan.
    expect(all).toContain('Geen recente activiteit: nooit actief (+');
    expect(all).toContain('Geen goedgekeurd continuïteitsplan: niet gestart (+');
    expect(all).toContain('Bedrijfscontinuïteit');
    expect(all).toContain('Maatregelen met de grootste impact');
    expect(all).toMatch(/Pagina 1 van \d/);
    expect(all).not.toContain('Ransomware');
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('the scheduled snapshot (PostgreSQL: pg-boss)', () => {
  it('is scheduled monthly and takes the previous month when the job runs', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: t.url as string,
      INDICATOR_REFRESH_SECONDS: '0',
    });
    const jobs = await startMonitoringJobs(config, t.db, pino({ level: 'silent' }));
    try {
      const schedules = await jobs.boss?.getSchedules();
      expect(schedules).toEqual([
        expect.objectContaining({ name: SNAPSHOT_JOB, cron: SNAPSHOT_CRON, timezone: 'Europe/Brussels' }),
      ]);
      await jobs.boss?.send(SNAPSHOT_JOB, {});
      const now = new Date();
      const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
      let rows: unknown[] = [];
      for (let i = 0; i < 60 && rows.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 500));
        rows = await t.raw('SELECT bestuur_id FROM indicator_snapshots WHERE month = $1', [previous]);
      }
      expect(rows).toHaveLength(6);
    } finally {
      await jobs.stop();
    }
  }, 60_000);
});
