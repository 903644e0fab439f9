/**
 * Data generator for the regional monitoring benchmark (issue 5, point 8): a PostgreSQL
 * database with ~1,000 besturen of mixed kinds and sizes, each with the full generic process
 * list, classifications, measure statuses, risks, continuity work and activity, their
 * indicators computed with the server's own refresher, and 24 monthly snapshots each.
 *
 *   npm run bench:data -- --besturen 1000 [--parallel 3] [--database bench_monitoring]
 *
 * One bestuur adopts the list through the real service; its processes and assets are cloned
 * to the others with set-based SQL as the owner. Measure statuses follow a per-bestuur
 * maturity (larger besturen are a little further on average). Writes bench/out/monitoring-data.json
 * with the phase times, the counts, and who signs in for the benchmark.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { syncContentAtStart } from '../server/src/modules/catalog/catalog.service.ts';
import { drainQueue, queueAll } from '../server/src/modules/monitoring/refresher.ts';
import { adopt } from '../server/src/modules/processes/processes.service.ts';
import { requiredMeasures } from '../server/src/modules/processes/required-measures.ts';
import { latest, shippedContent, syncPublishedList } from '../server/src/modules/processlist/processlist.service.ts';
import type { TenantCtx } from '../server/src/platform/context.ts';
import { hashPassword } from '../server/src/platform/crypto.ts';
import { type DB, openDatabase } from '../server/src/platform/db/index.ts';
import { inScope } from '../server/src/platform/tenancy.ts';
import { OUT_DIR, createDatabase, fmt, isMain, loadAverage } from './lib.ts';

export const MONITORING_DB = 'bench_monitoring';
export const DATA_FILE = path.join(OUT_DIR, 'monitoring-data.json');
export const SUPERVISOR_EMAIL = 'toezicht@baken-bench.example';
export const ISC_EMAIL = 'isc@baken-bench.example';
export const MONITORING_PASSWORD = 'Bench-monitoring-2026!';

export interface MonitoringData {
  database: string;
  url: string;
  generatedAt: string;
  besturen: number;
  parallel: number;
  /** The bestuur whose dashboard is read (the ISC is a member of it). */
  bestuurId: string;
  bestuurName: string;
  supervisorEmail: string;
  iscEmail: string;
  password: string;
  phases: { name: string; ms: number }[];
  totalMs: number;
  loadAtStart: string;
  loadAtEnd: string;
  counts: Record<string, number>;
}

/** A small deterministic generator, so two runs produce the same shape of data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind =
  | 'gemeente'
  | 'stad'
  | 'ocmw'
  | 'politiezone'
  | 'hulpverleningszone'
  | 'intergemeentelijk_samenwerkingsverband'
  | 'provincie'
  | 'andere';

/** Roughly Flanders for 1,000 besturen; scaled for other counts, 'andere' takes the rest. */
const MIX: [Kind, number][] = [
  ['gemeente', 285],
  ['stad', 15],
  ['ocmw', 300],
  ['politiezone', 110],
  ['hulpverleningszone', 20],
  ['intergemeentelijk_samenwerkingsverband', 150],
  ['provincie', 5],
];
/** Provinces weighted by their number of municipalities; the first NIS digit of each. */
const PROVINCES: { id: string; name: string; weight: number; nis: string; population: number }[] = [
  { id: 'antwerpen', name: 'Antwerpen', weight: 69, nis: '1', population: 1_900_000 },
  { id: 'vlaams-brabant', name: 'Vlaams-Brabant', weight: 65, nis: '2', population: 1_160_000 },
  { id: 'west-vlaanderen', name: 'West-Vlaanderen', weight: 64, nis: '3', population: 1_210_000 },
  { id: 'oost-vlaanderen', name: 'Oost-Vlaanderen', weight: 60, nis: '4', population: 1_560_000 },
  { id: 'limburg', name: 'Limburg', weight: 42, nis: '7', population: 890_000 },
];
const PLACES = [
  'Aarbeek',
  'Bosvoorde',
  'Dijlegem',
  'Eikenrode',
  'Geldersveld',
  'Heidebroek',
  'Kempenhout',
  'Lindelo',
  'Meersdonk',
  'Nethezele',
  'Oostvliet',
  'Polderkerke',
  'Rupelmonde-Oost',
  'Schelderode',
  'Tielbeke',
  'Vlietingen',
  'Waasdonk',
  'Zandhoven-Heide',
  'Beverzele',
  'Demerlo',
  'Grotenhout',
  'Leiedam',
  'Maasbroek',
  'Zwalmbeke',
];

export interface GenOptions {
  besturen: number;
  parallel: number;
  database: string;
  /** Risks per bestuur on average (200,000 for 1,000). */
  risksPerBestuur: number;
  log?: (line: string) => void;
}

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function generateMonitoring(o: GenOptions): Promise<MonitoringData> {
  const log = o.log ?? ((line: string) => console.log(line));
  const phases: { name: string; ms: number }[] = [];
  const loadAtStart = loadAverage();
  const t0 = performance.now();
  let mark = t0;
  const phase = (name: string, extra = '') => {
    const now = performance.now();
    phases.push({ name, ms: now - mark });
    log(`  ${name.padEnd(44)} ${fmt((now - mark) / 1000, 1).padStart(6)} s${extra ? `  ${extra}` : ''}`);
    mark = now;
  };
  const rand = rng(20260501);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rand();
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const now = Date.now();

  // ---------------------------------------------------------------- database, schema, content
  const url = await createDatabase(o.database);
  const quiet = pino({ level: 'warn' });
  const db = await openDatabase(
    { dataDir: path.join(OUT_DIR, 'monitoring-data-dir'), DATABASE_URL: url, DATABASE_POOL_SIZE: o.parallel + 2 },
    { onIdleError: () => undefined },
  );
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  const q = (text: string, params?: unknown[]) => owner.query(text, params);
  const counts: Record<string, number> = {};
  let chosen = { id: '', name: '' };
  try {
    if (await syncContentAtStart(db.app, quiet)) await syncPublishedList(db.app, shippedContent(), quiet);
    phase('create, migrate, sync content');

    // ---------------------------------------------------------------- besturen and users
    const mix: Kind[] = [];
    const scale = o.besturen / 1000;
    for (const [kind, n] of MIX) for (let i = 0; i < Math.round(n * scale); i++) mix.push(kind);
    while (mix.length < o.besturen) mix.push('andere');
    mix.length = o.besturen;
    const totalWeight = PROVINCES.reduce((s, p) => s + p.weight, 0);
    const province = () => {
      let x = rand() * totalWeight;
      for (const p of PROVINCES) {
        x -= p.weight;
        if (x < 0) return p;
      }
      return PROVINCES[0];
    };
    const lognormal = (median: number, sigma: number) => {
      const u = Math.max(1e-9, rand());
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
      return median * Math.exp(sigma * z);
    };
    const cities = [
      530_000, 265_000, 120_000, 105_000, 80_000, 78_000, 70_000, 59_000, 48_000, 47_000, 43_000, 41_000, 38_000,
      36_000, 35_000,
    ];
    const municipalities: { name: string; population: number; province: (typeof PROVINCES)[number]; nis: string }[] =
      [];
    const used = new Set<string>();
    const seq = new Map<Kind, number>();
    const rows = mix.map((kind, idx) => {
      const k = (seq.get(kind) ?? 0) + 1;
      seq.set(kind, k);
      let prov = province();
      let population: number | null;
      let name: string;
      let nis: string | null = null;
      const place = () => `${pick(PLACES)}-${k}`;
      switch (kind) {
        case 'gemeente':
        case 'stad': {
          population =
            kind === 'stad'
              ? cities[(k - 1) % cities.length]
              : Math.round(Math.min(95_000, Math.max(900, lognormal(13_500, 0.55))));
          name = `${kind === 'stad' ? 'Stad' : 'Gemeente'} ${place()}`;
          do nis = `${prov.nis}${String(int(1000, 9999))}`;
          while (used.has(nis));
          used.add(nis);
          municipalities.push({ name: name.replace(/^(Stad|Gemeente) /, ''), population, province: prov, nis });
          break;
        }
        case 'ocmw': {
          // The OCMW of a municipality: same population, province and NIS code.
          const m = municipalities[(k - 1) % Math.max(1, municipalities.length)];
          if (m) {
            prov = m.province;
            population = m.population;
            nis = m.nis;
            name = `OCMW ${m.name}`;
          } else {
            population = Math.round(lognormal(13_500, 0.55));
            name = `OCMW ${place()}`;
          }
          break;
        }
        case 'politiezone':
          population = Math.round(Math.min(530_000, Math.max(12_000, lognormal(48_000, 0.6))));
          name = `Politiezone ${place()}`;
          break;
        case 'hulpverleningszone':
          population = Math.round(Math.min(1_100_000, Math.max(120_000, lognormal(320_000, 0.45))));
          name = `Hulpverleningszone ${place()}`;
          break;
        case 'intergemeentelijk_samenwerkingsverband':
          population = rand() < 0.3 ? null : Math.round(Math.min(700_000, Math.max(20_000, lognormal(110_000, 0.8))));
          name = `Intergemeentelijke vereniging ${place()}`;
          break;
        case 'provincie':
          prov = PROVINCES[(k - 1) % PROVINCES.length];
          population = prov.population;
          name = `Provincie ${prov.name}`;
          break;
        default:
          population = rand() < 0.5 ? null : Math.round(Math.max(500, lognormal(9_000, 0.9)));
          name = `${pick(['AGB', 'Autonoom gemeentebedrijf', 'Welzijnsvereniging', 'Projectvereniging'])} ${place()}`;
      }
      // Maturity 0–1: spread wide, a little higher for larger besturen and the zones.
      const base = (rand() + rand() + rand()) / 3;
      const sizeBoost = population ? 0.08 * Math.log10(Math.max(1, population) / 15_000) : -0.05;
      const kindBoost =
        kind === 'politiezone' || kind === 'hulpverleningszone' || kind === 'provincie'
          ? 0.08
          : kind === 'andere'
            ? -0.08
            : 0;
      const maturity = Math.min(0.97, Math.max(0.03, (base - 0.5) * 1.6 + 0.45 + sizeBoost + kindBoost));
      return {
        id: crypto.randomUUID(),
        idx,
        kind,
        name,
        nis_code: nis,
        population,
        province: prov.id,
        maturity,
        user_id: crypto.randomUUID(),
      };
    });
    // The bestuur under test: a gemeente of middle size (the first one), also the one that adopts.
    const target = rows.find((r) => r.kind === 'gemeente') ?? rows[0];
    chosen = { id: target.id, name: target.name };
    const hash = await hashPassword(MONITORING_PASSWORD);
    const supervisorId = crypto.randomUUID();
    const iscId = crypto.randomUUID();
    await q(
      `INSERT INTO besturen (id, kind, name, nis_code, population, province)
       SELECT id, kind, name, nis_code, population, province FROM jsonb_to_recordset($1::jsonb)
         AS x(id uuid, kind text, name text, nis_code text, population int, province text)`,
      [JSON.stringify(rows)],
    );
    // One beheerder per bestuur (owner of measures and risks, approver); the two bench users.
    await q(
      `INSERT INTO users (id, email, display_name)
       SELECT user_id, 'beheerder-' || idx || '@baken-bench.example', 'Beheerder ' || idx
         FROM jsonb_to_recordset($1::jsonb) AS x(user_id uuid, idx int)`,
      [JSON.stringify(rows)],
    );
    await q(
      `INSERT INTO memberships (bestuur_id, user_id, role)
       SELECT id, user_id, 'beheerder' FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, user_id uuid)`,
      [JSON.stringify(rows)],
    );
    await q(
      `INSERT INTO users (id, email, display_name, password_hash, regional_roles) VALUES
         ($1, $3, 'Toezichthouder Benchmark', $5, '{toezichthouder}'),
         ($2, $4, 'Consulent Benchmark', $5, '{}')`,
      [supervisorId, iscId, SUPERVISOR_EMAIL, ISC_EMAIL, hash],
    );
    await q(`INSERT INTO memberships (bestuur_id, user_id, role) VALUES ($1, $2, 'informatieveiligheidsconsulent')`, [
      target.id,
      iscId,
    ]);
    // What the generator needs later, per bestuur, kept in the session.
    await q(`CREATE TEMP TABLE gen (id uuid PRIMARY KEY, idx int, maturity float8, user_id uuid, risks int,
      start float8, last_activity timestamptz)`);
    phase('besturen, users (argon2 hash)', `${rows.length} besturen`);

    // ---------------------------------------------------------------- the process list
    const ctx: TenantCtx = {
      requestId: 'bench-data',
      userId: iscId,
      actorName: 'Consulent Benchmark',
      lang: 'nl',
      permissions: new Set(),
      regionalRoles: [],
      tenantId: target.id,
    };
    const adopted = await adopt(db.app, ctx, {});
    phase('adopt the full list (service, one bestuur)', `${adopted.processes} processes, ${adopted.assets} assets`);

    const columns = async (table: string) =>
      (
        await q(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).rows.map((r) => r.column_name as string);
    // Bulk rows written as the owner are consistent by construction: skip the foreign-key
    // triggers (replica role) and the wait for the WAL flush until the activity phase, whose
    // audit trigger must fire to queue the besturen.
    await q(`SET synchronous_commit = off; SET session_replication_role = replica`);
    const pCols = (await columns('bestuur_processes')).filter((c) => c !== 'id' && c !== 'bestuur_id');
    const aCols = (await columns('bestuur_assets')).filter((c) => !['id', 'bestuur_id', 'process_id'].includes(c));
    await q(
      `INSERT INTO bestuur_processes (bestuur_id, ${pCols.join(', ')})
       SELECT b.id, ${pCols.map((c) => `p.${c}`).join(', ')}
         FROM bestuur_processes p CROSS JOIN besturen b WHERE p.bestuur_id = $1 AND b.id <> $1`,
      [target.id],
    );
    await q(
      `INSERT INTO bestuur_assets (bestuur_id, process_id, ${aCols.join(', ')})
       SELECT np.bestuur_id, np.id, ${aCols.map((c) => `a.${c}`).join(', ')}
         FROM bestuur_assets a
         JOIN bestuur_processes sp ON sp.id = a.process_id AND sp.bestuur_id = a.bestuur_id
         JOIN bestuur_processes np ON np.template_id = sp.template_id AND np.bestuur_id <> $1
        WHERE a.bestuur_id = $1`,
      [target.id],
    );
    // A few processes do not apply to a bestuur (with a reason), more so for the non-municipal kinds.
    await q(`SELECT setseed(0.42)`);
    await q(
      `UPDATE bestuur_processes p SET applicable = false,
              not_applicable_reason = 'Deze taak voert het bestuur niet zelf uit (benchmarkdata).'
         FROM besturen b
        WHERE b.id = p.bestuur_id AND b.id <> $1
          AND random() < CASE WHEN b.kind IN ('gemeente', 'stad', 'ocmw') THEN 0.03 ELSE 0.12 END`,
      [target.id],
    );
    counts.processes = Number((await q('SELECT count(*) FROM bestuur_processes')).rows[0].count);
    counts.assets = Number((await q('SELECT count(*) FROM bestuur_assets')).rows[0].count);
    phase('clone processes and assets (SQL)', `${fmt(counts.processes)} processes, ${fmt(counts.assets)} assets`);

    // ---------------------------------------------------------------- classifications
    // About 9% of assets raised by one class on one quality, 5% lowered, each with a reason.
    const reclass = await q(
      `WITH pick AS (
         SELECT id, bestuur_id, random() AS r, floor(random() * 3)::int AS q FROM bestuur_assets)
       UPDATE bestuur_assets a SET
         c = CASE WHEN p.q = 0 THEN least(5, greatest(1, a.c + CASE WHEN p.r < 0.09 THEN 1 ELSE -1 END)) ELSE a.c END,
         i = CASE WHEN p.q = 1 THEN least(5, greatest(1, a.i + CASE WHEN p.r < 0.09 THEN 1 ELSE -1 END)) ELSE a.i END,
         a = CASE WHEN p.q = 2 THEN least(5, greatest(1, a.a + CASE WHEN p.r < 0.09 THEN 1 ELSE -1 END)) ELSE a.a END,
         reason = CASE WHEN p.r < 0.09 THEN 'Hoger ingeschaald: meer gevoelige dossiers dan gemiddeld (benchmarkdata).'
                       ELSE 'Lager ingeschaald: beperkt gebruik bij dit bestuur (benchmarkdata).' END,
         version = a.version + 1, updated_at = now() - random() * interval '300 days'
         FROM pick p
        WHERE p.id = a.id AND p.r < 0.14 AND a.bestuur_id <> $1`,
      [target.id],
    );
    // The CHECK needs a reason only where the class differs; a change clamped back to the default keeps it (harmless).
    counts.reclassified = reclass.rowCount ?? 0;
    phase('classifications (raised / lowered)', `${fmt(counts.reclassified)} assets`);

    // ---------------------------------------------------------------- measure statuses
    const list = await inScope(db.app, {}, (tx) => latest(tx as Kysely<DB>));
    const assetRows = (
      await q(
        `SELECT a.bestuur_id, a.id, a.c, a.i, a.a, a.personal_data, a.ksz_data
           FROM bestuur_assets a JOIN bestuur_processes p ON p.id = a.process_id AND p.bestuur_id = a.bestuur_id
          WHERE p.applicable`,
      )
    ).rows as {
      bestuur_id: string;
      id: string;
      c: number;
      i: number;
      a: number;
      personal_data: boolean;
      ksz_data: boolean;
    }[];
    const assetsOf = new Map<string, typeof assetRows>();
    for (const a of assetRows) {
      const l = assetsOf.get(a.bestuur_id);
      if (l) l.push(a);
      else assetsOf.set(a.bestuur_id, [a]);
    }
    const measureRows: Record<string, unknown>[] = [];
    const requiredOf = new Map<string, string[]>();
    for (const b of rows) {
      const assets = (assetsOf.get(b.id) ?? []).map((a) => ({
        id: a.id,
        class: { c: a.c, i: a.i, a: a.a },
        personalData: a.personal_data,
        kszData: a.ksz_data,
      }));
      const codes = requiredMeasures(list.snapshot.measures, assets, { nis2: false }).map((m) => m.code);
      requiredOf.set(b.id, codes);
      const m = b.maturity;
      for (const code of codes) {
        const u = rand();
        let status: string;
        if (m > 0.25 && u < 0.025) status = 'niet-van-toepassing';
        else if (u < 0.025 + 0.93 * m ** 1.15) status = 'geimplementeerd';
        else status = pick(['in-uitvoering', 'in-uitvoering', 'gepland', 'gepland', 'niet-gestart', 'niet-gestart']);
        // A bestuur that has hardly started leaves most untouched measures without a row.
        if (status === 'niet-gestart' && rand() < 0.75 - m) continue;
        const planned = status === 'gepland' || status === 'in-uitvoering';
        const changed = now - int(0, 360) * DAY;
        measureRows.push({
          bestuur_id: b.id,
          measure_code: code,
          status,
          owner_id: rand() < 0.4 + 0.5 * m ? b.user_id : null,
          due_date: planned && rand() < 0.85 ? isoDate(now + int(-200, 365) * DAY) : null,
          documentation:
            status === 'geimplementeerd'
              ? int(3, 5)
              : status === 'in-uitvoering'
                ? int(2, 3)
                : planned
                  ? int(1, 2)
                  : null,
          implementation:
            status === 'geimplementeerd' ? int(3, 5) : status === 'in-uitvoering' ? int(1, 3) : planned ? 1 : null,
          na_reason:
            status === 'niet-van-toepassing' ? 'Geen eigen systemen hiervoor: afgedekt door de dienstverlener.' : null,
          na_approved_by: status === 'niet-van-toepassing' ? b.user_id : null,
          na_approved_at: status === 'niet-van-toepassing' ? new Date(changed).toISOString() : null,
          review_date: status === 'geimplementeerd' && rand() < 0.7 ? isoDate(now + int(-90, 540) * DAY) : null,
          updated_at: new Date(changed).toISOString(),
        });
      }
    }
    for (let i = 0; i < measureRows.length; i += 20_000) {
      await q(
        `INSERT INTO bestuur_measures (bestuur_id, measure_code, status, owner_id, due_date, documentation, implementation,
                                       na_reason, na_approved_by, na_approved_at, review_date, created_at, updated_at)
         SELECT bestuur_id, measure_code, status, owner_id, due_date, documentation, implementation,
                na_reason, na_approved_by, na_approved_at, review_date, updated_at, updated_at
           FROM jsonb_to_recordset($1::jsonb) AS x(bestuur_id uuid, measure_code text, status text, owner_id uuid,
                due_date date, documentation smallint, implementation smallint, na_reason text, na_approved_by uuid,
                na_approved_at timestamptz, review_date date, updated_at timestamptz)`,
        [JSON.stringify(measureRows.slice(i, i + 20_000))],
      );
    }
    counts.requiredMeasures = [...requiredOf.values()].reduce((s, l) => s + l.length, 0);
    counts.measureRows = measureRows.length;
    phase(
      'measure statuses (required measures in JS)',
      `${fmt(counts.measureRows)} rows of ${fmt(counts.requiredMeasures)} required`,
    );

    // ---------------------------------------------------------------- risks
    // Per bestuur about risksPerBestuur, more for larger ones; the total is risksPerBestuur × besturen.
    const raw = rows.map((b) => (0.4 + b.maturity) * (b.population ? Math.log10(Math.max(2_000, b.population)) : 3.5));
    const sum = raw.reduce((s, x) => s + x, 0);
    const gen = rows.map((b, i) => ({
      id: b.id,
      idx: b.idx,
      maturity: b.maturity,
      user_id: b.user_id,
      risks: Math.max(5, Math.round((raw[i] / sum) * o.risksPerBestuur * rows.length)),
      // Where the bestuur stood 24 months ago, as a share of today (for the snapshots).
      start: 0.15 + 0.55 * rand(),
      // Last activity: most within three months, some idle for more than six.
      last_activity:
        rand() < 0.03
          ? null
          : new Date(
              now -
                (rand() < 0.7 ? int(0, 90) : rand() < 0.5 ? int(91, 180) : int(181, 365)) * DAY -
                int(0, 86_399) * 1000,
            ).toISOString(),
    }));
    await q(
      `INSERT INTO gen SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, idx int, maturity float8, user_id uuid,
         risks int, start float8, last_activity timestamptz)`,
      [JSON.stringify(gen)],
    );
    const threats = shippedContent().threats.map((t) => ({
      id: t.id,
      name: t.name.nl,
      affects: t.affects,
      measures: t.measures,
    }));
    await q(
      `CREATE TEMP TABLE threats AS SELECT row_number() OVER () AS n, * FROM jsonb_to_recordset($1::jsonb)
               AS x(id text, name text, affects text[], measures text[])`,
      [JSON.stringify(threats)],
    );
    await q(`CREATE TEMP TABLE asset_arr AS SELECT a.bestuur_id, array_agg(a.id ORDER BY a.id) AS ids
               FROM bestuur_assets a GROUP BY 1`);
    await q(
      `INSERT INTO bestuur_risks (bestuur_id, title, description, threat_id, process_id, asset_id, qualities, likelihood, impact,
                                  treatment, residual_likelihood, residual_impact, owner_id, accepted_by, accepted_at,
                                  accepted_until, review_date, created_at, updated_at)
       SELECT x.bestuur_id, t.name || ' bij ' || (a.name->>'nl'), NULL, t.id, a.process_id, a.id, t.affects,
              x.l, x.i, x.treatment,
              CASE WHEN x.treatment IN ('verminderen', 'vermijden', 'overdragen') AND x.r4 < 0.7 THEN greatest(1, x.l - 1 - (x.r5 < x.maturity)::int) END,
              CASE WHEN x.treatment IN ('verminderen', 'vermijden', 'overdragen') AND x.r4 < 0.7 THEN greatest(1, x.i - (x.r5 < 0.4)::int) END,
              CASE WHEN x.r6 < 0.8 THEN x.user_id END,
              CASE WHEN x.treatment = 'aanvaarden' THEN x.user_id END,
              CASE WHEN x.treatment = 'aanvaarden' THEN x.created END,
              CASE WHEN x.treatment = 'aanvaarden' THEN (x.created + CASE WHEN x.r4 < 0.2 THEN interval '6 months' ELSE interval '2 years' END)::date END,
              CASE WHEN x.r6 < 0.5 THEN (now() + (x.r7 * 540 - 120) * interval '1 day')::date END,
              x.created, x.created
         FROM (
           SELECT g.id AS bestuur_id, g.user_id, g.maturity,
                  1 + floor(random() * (SELECT count(*) FROM threats))::int AS tn,
                  1 + floor(random() * cardinality(aa.ids))::int AS an,
                  least(5, 1 + floor(random() * 3 + random() * 2.5))::int AS l,
                  least(5, 1 + floor(random() * 3 + random() * 2.5))::int AS i,
                  CASE WHEN random() < 0.12 + 0.1 * g.maturity THEN 'aanvaarden'
                       WHEN random() < 0.55 + 0.3 * g.maturity THEN 'verminderen'
                       WHEN random() < 0.3 THEN 'overdragen'
                       WHEN random() < 0.2 THEN 'vermijden' END AS treatment,
                  random() AS r4, random() AS r5, random() AS r6, random() AS r7,
                  now() - random() * interval '700 days' AS created
             FROM gen g JOIN asset_arr aa ON aa.bestuur_id = g.id CROSS JOIN LATERAL generate_series(1, g.risks) s
         ) x
         JOIN threats t ON t.n = x.tn
         JOIN asset_arr aa ON aa.bestuur_id = x.bestuur_id
         JOIN bestuur_assets a ON a.id = aa.ids[x.an]`,
    );
    counts.risks = Number((await q('SELECT count(*) FROM bestuur_risks')).rows[0].count);
    // Each risk is treated by one to three of its threat's measures that the bestuur tracks.
    await q(
      `CREATE TEMP TABLE code_arr AS SELECT bestuur_id, array_agg(measure_code) AS codes FROM bestuur_measures GROUP BY 1`,
    );
    await q(
      `INSERT INTO bestuur_risk_measures (bestuur_id, risk_id, measure_code)
       SELECT r.bestuur_id, r.id, m.code
         FROM bestuur_risks r
         JOIN threats t ON t.id = r.threat_id
         JOIN code_arr c ON c.bestuur_id = r.bestuur_id
         CROSS JOIN LATERAL (
           SELECT code FROM unnest(t.measures) code WHERE code = ANY (c.codes)
            ORDER BY random() LIMIT 1 + floor(random() * 3)::int) m
       ON CONFLICT DO NOTHING`,
    );
    counts.riskMeasureLinks = Number((await q('SELECT count(*) FROM bestuur_risk_measures')).rows[0].count);
    phase('risks and their measures (SQL)', `${fmt(counts.risks)} risks, ${fmt(counts.riskMeasureLinks)} links`);

    // ---------------------------------------------------------------- continuity
    const questions = [
      ...fs
        .readFileSync(path.join(shippedContentDir(), 'continuity', 'self-evaluation.yaml'), 'utf8')
        .matchAll(/^- id: (\S+)/gm),
    ].map((m) => m[1]);
    const evaluations: Record<string, unknown>[] = [];
    const plans: Record<string, unknown>[] = [];
    const bia = new Set<string>();
    for (const b of rows) {
      if (rand() > 0.15 + 0.75 * b.maturity) continue;
      const answers = questions.map((questionId) => ({
        questionId,
        answer: rand() < b.maturity ? 'ja' : rand() < 0.5 ? 'deels' : 'nee',
        note: null,
      }));
      const points = answers.reduce((s, a) => s + (a.answer === 'ja' ? 2 : a.answer === 'deels' ? 1 : 0), 0);
      evaluations.push({ bestuur_id: b.id, answers, points, max_points: 2 * questions.length, created_by: b.user_id });
      if (rand() > 0.2 + 0.7 * b.maturity) continue;
      bia.add(b.id);
      if (rand() > 0.3 + 0.6 * b.maturity) continue;
      const approved = rand() < 0.35 + 0.5 * b.maturity;
      plans.push({
        bestuur_id: b.id,
        updated_by: b.user_id,
        sections: {
          scope: 'De kritieke processen van het bestuur en de toepassingen waarop ze steunen.',
          crisisTeam: [
            {
              role: 'Voorzitter',
              name: 'Algemeen directeur',
              phone: '+32 3 123 45 67',
              deputyName: null,
              deputyPhone: null,
            },
            { role: 'ICT', name: 'Diensthoofd ICT', phone: '+32 3 123 45 68', deputyName: null, deputyPhone: null },
          ],
          callTree: 'De voorzitter belt het crisisteam; elk lid belt zijn dienst.',
          meetingPlace: 'Vergaderzaal gemeentehuis',
          alternativeMeetingPlace: 'Brandweerkazerne',
          activationCriteria: 'Uitval van een kritiek proces langer dan zijn RTO.',
          escalation: null,
          communication: {
            staff: 'Intranet en sms',
            citizens: 'Website en sociale media',
            press: null,
            authorities: null,
          },
          documentControl: {
            documentVersion: '1.0',
            approvedBy: approved ? 'college' : null,
            approvedOn: approved ? isoDate(now - int(10, 400) * DAY) : null,
            nextReview: approved ? isoDate(now + int(30, 365) * DAY) : null,
          },
        },
      });
    }
    await q(
      `INSERT INTO bestuur_bc_self_evaluations (bestuur_id, answers, points, max_points, created_by, created_at)
       SELECT bestuur_id, answers, points, max_points, created_by, now() - random() * interval '400 days'
         FROM jsonb_to_recordset($1::jsonb) AS x(bestuur_id uuid, answers jsonb, points smallint, max_points smallint, created_by uuid)`,
      [JSON.stringify(evaluations)],
    );
    // The BIA of the processes with the highest availability classes (3 to 10 per bestuur).
    await q(
      `INSERT INTO bestuur_bia (bestuur_id, process_id, impacts, rto_hours, rpo_hours, updated_by)
       SELECT p.bestuur_id, p.id,
              jsonb_build_object('dienstverlening', '[0,1,2,3,3,4]'::jsonb, 'financieel', '[0,0,1,1,2,2]'::jsonb,
                'juridisch', '[0,0,1,2,2,3]'::jsonb, 'reputatie', '[0,1,1,2,3,3]'::jsonb,
                'veiligheid', '[0,0,0,1,1,1]'::jsonb, 'persoonsgegevens', '[0,1,1,1,2,2]'::jsonb),
              (ARRAY[4, 24, 72, 168])[1 + floor(random() * 4)::int], (ARRAY[0, 4, 24])[1 + floor(random() * 3)::int], g.user_id
         FROM (SELECT p.bestuur_id, p.id, row_number() OVER (PARTITION BY p.bestuur_id ORDER BY max(a.a) DESC, p.id) AS n
                 FROM bestuur_processes p JOIN bestuur_assets a ON a.process_id = p.id AND a.bestuur_id = p.bestuur_id
                WHERE p.bestuur_id = ANY ($1::uuid[]) AND p.applicable GROUP BY p.bestuur_id, p.id) p
         JOIN gen g ON g.id = p.bestuur_id
        WHERE p.n <= 3 + (g.idx % 8)`,
      [[...bia]],
    );
    await q(
      `INSERT INTO bestuur_bc_plans (bestuur_id, sections, updated_by)
       SELECT bestuur_id, sections, updated_by FROM jsonb_to_recordset($1::jsonb) AS x(bestuur_id uuid, sections jsonb, updated_by uuid)`,
      [JSON.stringify(plans)],
    );
    counts.selfEvaluations = evaluations.length;
    counts.biaBesturen = bia.size;
    counts.plans = plans.length;
    counts.plansApproved = plans.filter(
      (p) => (p.sections as { documentControl: { approvedOn: string | null } }).documentControl.approvedOn,
    ).length;
    phase(
      'continuity (self-evaluation, BIA, plan)',
      `${evaluations.length} evaluations, ${bia.size} BIA, ${plans.length} plans (${counts.plansApproved} approved)`,
    );

    // ---------------------------------------------------------------- activity
    await q('SET session_replication_role = origin');
    // 1 to 4 measure status changes per bestuur, the newest at its last activity; the
    // statement trigger on audit_events queues every bestuur for its indicators.
    const events = await q(
      `INSERT INTO audit_events (bestuur_id, occurred_at, actor_id, actor_name, action, object_type, object_id, object_label,
                                 before, after, request_id)
       SELECT g.id, g.last_activity - (s - 1) * interval '9 days', g.user_id, 'Beheerder ' || g.idx, 'update', 'measure',
              m.measure_code, m.measure_code, jsonb_build_object('status', 'in-uitvoering'),
              jsonb_build_object('status', m.status), 'bench-data'
         FROM gen g
         CROSS JOIN LATERAL generate_series(1, 1 + g.idx % 4) s
         JOIN LATERAL (SELECT measure_code, status FROM bestuur_measures bm WHERE bm.bestuur_id = g.id
                        ORDER BY status = 'geimplementeerd' DESC, measure_code OFFSET s - 1 LIMIT 1) m ON true
        WHERE g.last_activity IS NOT NULL`,
    );
    counts.auditEvents = events.rowCount ?? 0;
    counts.inactive = gen.filter((g) => !g.last_activity || Date.parse(g.last_activity) < now - 182 * DAY).length;
    await q('ANALYZE');
    phase(
      'activity (audit events), ANALYZE',
      `${counts.auditEvents} events, ${counts.inactive} besturen idle > 6 months`,
    );

    // ---------------------------------------------------------------- indicators
    await queueAll(db.app);
    const errors: string[] = [];
    counts.indicators = await drainQueue(db.app, {
      parallel: o.parallel,
      onError: (id, err) => errors.push(`${id}: ${(err as Error).message}`),
    });
    if (errors.length) throw new Error(`indicators failed for ${errors.length} besturen, e.g. ${errors[0]}`);
    phase(`indicators: drainQueue (parallel ${o.parallel})`, `${counts.indicators} besturen`);

    // ---------------------------------------------------------------- snapshots
    // The 24 months that ended: each bestuur climbs from `start` × today's figures to today's.
    await q('SET session_replication_role = replica');
    const snaps = await q(
      `WITH i AS MATERIALIZED (
         -- Read each bestuur's row once (its item and details are large), not once a month.
         SELECT bestuur_id, last_activity, readiness_passed, readiness_score, cyfun_total, measures_implemented,
                measures_overdue, risks_open, risks_high, continuity, compliance,
                to_jsonb(x) - 'bestuur_id' - 'details' - 'item' AS now_json
           FROM bestuur_indicators x)
       INSERT INTO indicator_snapshots (bestuur_id, month, taken_at, indicators)
       SELECT i.bestuur_id, m.month, m.month + interval '1 month 3 hours',
              i.now_json || jsonb_build_object(
                'computed_at', (m.month + interval '1 month 3 hours')::timestamptz,
                'last_activity', least(i.last_activity, m.month + interval '1 month'),
                'readiness_score', round(i.readiness_score * f.f, 1),
                'readiness_passed', i.readiness_passed AND f.f > 0.97,
                'cyfun_total', round(i.cyfun_total * f.f, 2),
                'measures_implemented', floor(i.measures_implemented * f.f)::int,
                'measures_overdue', round(i.measures_overdue * (0.6 + 0.8 * f.f))::int,
                'risks_open', round(i.risks_open * (0.5 + 0.5 * f.p))::int,
                'risks_high', round(i.risks_high * (1.6 - 0.6 * f.f))::int,
                'continuity', (ARRAY['geen', 'gestart', 'bia', 'plan', 'goedgekeurd'])[1 + least(
                   array_position(ARRAY['geen', 'gestart', 'bia', 'plan', 'goedgekeurd'], i.continuity) - 1,
                   floor((array_position(ARRAY['geen', 'gestart', 'bia', 'plan', 'goedgekeurd'], i.continuity) - 1) * (f.p + 0.3)))::int],
                'compliance', (SELECT coalesce(jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) = 'number'
                                 THEN to_jsonb(round(value::text::numeric * f.f, 1)) ELSE value END), '{}')
                                 FROM jsonb_each(i.compliance)))
         FROM i
         JOIN gen g ON g.id = i.bestuur_id
         CROSS JOIN generate_series(1, 24) k
         CROSS JOIN LATERAL (SELECT (date_trunc('month', now()) - make_interval(months => 25 - k))::date AS month) m
         CROSS JOIN LATERAL (SELECT k / 24.0 AS p, (g.start + (1 - g.start) * power(k / 24.0, 1.3))::numeric AS f) f`,
    );
    counts.snapshots = snaps.rowCount ?? 0;
    await q('SET session_replication_role = origin');
    await q('ANALYZE bestuur_indicators; ANALYZE indicator_snapshots; ANALYZE indicator_queue');
    phase('24 monthly snapshots per bestuur (SQL)', `${fmt(counts.snapshots)} snapshots`);
    const left = Number((await q('SELECT count(*) FROM indicator_queue')).rows[0].count);
    if (left > 0) throw new Error(`${left} besturen still queued after the drain`);
  } finally {
    await owner.end();
    await db.close();
  }
  const totalMs = performance.now() - t0;
  const data: MonitoringData = {
    database: o.database,
    url,
    generatedAt: new Date().toISOString(),
    besturen: o.besturen,
    parallel: o.parallel,
    bestuurId: chosen.id,
    bestuurName: chosen.name,
    supervisorEmail: SUPERVISOR_EMAIL,
    iscEmail: ISC_EMAIL,
    password: MONITORING_PASSWORD,
    phases: phases.map((p) => ({ name: p.name, ms: Math.round(p.ms) })),
    totalMs: Math.round(totalMs),
    loadAtStart,
    loadAtEnd: loadAverage(),
    counts,
  };
  return data;
}

const shippedContentDir = () => path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'content');

export function parseDataArgs(args: string[]): GenOptions {
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  return {
    besturen: Number(value('--besturen') ?? 1000),
    parallel: Number(value('--parallel') ?? 3),
    database: value('--database') ?? MONITORING_DB,
    risksPerBestuur: Number(value('--risks-per-bestuur') ?? 200),
  };
}

/** Generates, prints the phases and the total, and writes bench/out/monitoring-data.json. */
export async function runGenerator(o: GenOptions): Promise<MonitoringData> {
  console.log(
    `# bench:data: ${o.besturen} besturen into ${o.database} (drainQueue parallel ${o.parallel}), load average ${loadAverage()}`,
  );
  const data = await generateMonitoring(o);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(DATA_FILE, `${JSON.stringify(data, null, 2)}\n`);
  const c = data.counts;
  console.log(
    `  total ${fmt(data.totalMs / 1000, 1)} s (target ≤ 300 s: ${data.totalMs <= 300_000 ? 'met' : 'NOT met'}); ` +
      `load average ${data.loadAtStart} at the start, ${data.loadAtEnd} at the end`,
  );
  console.log(
    `  ${fmt(data.besturen)} besturen, ${fmt(c.processes)} processes, ${fmt(c.assets)} assets, ${fmt(c.measureRows)} measure rows, ` +
      `${fmt(c.risks)} risks, ${fmt(c.snapshots)} snapshots; written to ${path.relative(process.cwd(), DATA_FILE)}`,
  );
  return data;
}

if (isMain(import.meta.url)) {
  await runGenerator(parseDataArgs(process.argv.slice(2)));
}
