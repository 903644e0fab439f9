/**
 * Regional monitoring under load (issue 5, point 8): the overview, the vulnerable list, the
 * measure ranking and one bestuur's dashboard, each asked by 20 plain HTTP clients in a loop
 * against the real server on the bench_monitoring database (bench/monitoring-data.ts), beside
 * a floor: the same SQL replayed by 20 plain pg clients straight against PostgreSQL.
 *
 *   npm run bench -- monitoring [--generate] [--besturen 1000] [--duration 10] [--warmup 3] [--only overview,dashboard]
 *   node --import tsx bench/monitoring.ts [same flags]
 *
 * Without the database (or with --generate) the generator runs first, in this process.
 *
 * The floor: each endpoint's service function is called in-process on the same database with
 * pg's Client.prototype.query wrapped, which records every statement it sends (the weights
 * read, BEGIN with the scope's set_config, the query or queries, COMMIT); each of 20 clients
 * then replays that list in a loop, as named prepared statements where the server prepares
 * them, after `SET SESSION ROLE baken_app` as the server's connections do. floor_ms is the
 * p95 of one replay; ratio = the endpoint's p95 over it.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { OverviewQuery, RankingQuery, VulnerableQuery } from '@baken/contracts';
import pg from 'pg';
import { dashboard } from '../server/src/modules/dashboard/dashboard.service.ts';
import { overviewAnswer, rankingAnswer, vulnerableAnswer } from '../server/src/modules/monitoring/answers.ts';
import type { Ctx } from '../server/src/platform/context.ts';
import { openDatabase } from '../server/src/platform/db/index.ts';
import {
  OUT_DIR,
  PG_ADMIN_URL,
  databaseUrl,
  fmt,
  freePort,
  isMain,
  loadAverage,
  percentile,
  postgresBackends,
  postgresCpuSince,
  serverPid,
  startServer,
  stopServer,
  treeCpuSeconds,
  waitForHealth,
  withClient,
} from './lib.ts';
import { DATA_FILE, type MonitoringData, parseDataArgs, runGenerator } from './monitoring-data.ts';

export const TARGETS = { overviewP95Ms: 150, ratio: 2, generatorMs: 300_000 };

export interface EndpointResult {
  name: string;
  path: string;
  requests: number;
  non2xx: number;
  p50: number;
  p95: number;
  floor: number;
  floorP50: number;
  statements: number;
  bytes: number;
  load: string;
  /** CPU per request during the measured run (steadier than latency on a shared machine). */
  nodeMs: number;
  pgMs: number;
  /** PostgreSQL CPU per replay of the floor. */
  floorPgMs: number;
}

export interface MonitoringResult {
  data: MonitoringData;
  /** The generator ran in this invocation. */
  generated: boolean;
  endpoints: EndpointResult[];
}

interface Options {
  durationSec: number;
  warmupSec: number;
  connections: number;
  generate: boolean;
}

async function databaseExists(name: string) {
  return withClient(
    PG_ADMIN_URL,
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
}

/** The generator's figures: from this run, or from the file it wrote when it made the database. */
async function ensureData(o: Options, args: string[]): Promise<{ data: MonitoringData; generated: boolean }> {
  const wanted = parseDataArgs(args);
  const file = fs.existsSync(DATA_FILE) ? (JSON.parse(fs.readFileSync(DATA_FILE, 'utf8')) as MonitoringData) : null;
  if (!o.generate && file && file.database === wanted.database && (await databaseExists(wanted.database))) {
    return { data: file, generated: false };
  }
  return { data: await runGenerator(wanted), generated: true };
}

// ---------------------------------------------------------------------------------------- HTTP

async function signIn(port: number, email: string, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('baken_session='));
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return cookie;
}

/**
 * 20 plain HTTP clients (keep-alive, one socket each) asking in a loop for the given time, as
 * the floor's 20 plain pg clients do; the time of each request until its last body byte.
 * Not autocannon: it appends every body to a string (a UTF-8 decode of each 80 kB gzip answer),
 * which took 85 % of its CPU and 0.6 of the machine's 2 cores from the server (docs/PITFALLS.md).
 */
async function clientLoop(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const u = new URL(url);
  const once = () =>
    new Promise<{ ms: number; status: number }>((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request(
        { agent, host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, headers },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  // Latencies of the 2xx answers only; the others and broken connections are counted apart.
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          try {
            const { ms, status } = await once();
            if (status >= 200 && status < 300) latencies.push(ms);
            else non2xx += 1;
          } catch {
            errors += 1;
          }
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { latencies: latencies.sort((a, b) => a - b), non2xx: non2xx + errors };
}

// ---------------------------------------------------------------------------------------- floor

interface Statement {
  name?: string;
  text: string;
  values?: unknown[];
}

/** Runs `fn` with every statement pg sends recorded (all clients of this process). */
async function capture(fn: () => Promise<unknown>): Promise<Statement[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen: Statement[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [a, b] = args;
    if (typeof a === 'string') seen.push({ text: a, values: Array.isArray(b) ? b : undefined });
    else if (a && typeof a === 'object' && 'text' in a) {
      const x = a as Statement;
      seen.push({ name: x.name, text: x.text, values: x.values });
    }
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

/** 20 plain clients replay the statements for the given time; the time of each whole replay. */
async function replay(
  url: string,
  database: string,
  statements: Statement[],
  connections: number,
  warmupSec: number,
  seconds: number,
) {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query('SET SESSION ROLE baken_app');
      return c;
    }),
  );
  const once = async (c: pg.Client) => {
    for (const s of statements) {
      if (s.name) await c.query({ name: s.name, text: s.text, values: s.values });
      else if (s.values) await c.query(s.text, s.values);
      else await c.query(s.text);
    }
  };
  const run = async (sec: number) => {
    const times: number[] = [];
    const until = performance.now() + sec * 1000;
    await Promise.all(
      clients.map(async (c) => {
        while (performance.now() < until) {
          const t0 = performance.now();
          await once(c);
          times.push(performance.now() - t0);
        }
      }),
    );
    return times.sort((a, b) => a - b);
  };
  try {
    if (warmupSec > 0) await run(warmupSec);
    // Measured while the backends live: an ended backend's CPU is no longer in /proc.
    const cpu0 = postgresBackends(database);
    const times = await run(seconds);
    return { times, pgMs: (1000 * postgresCpuSince(database, cpu0)) / Math.max(1, times.length) };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

// ---------------------------------------------------------------------------------------- run

export async function benchMonitoring(args: string[] = []): Promise<MonitoringResult> {
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const o: Options = {
    durationSec: Number(value('--duration') ?? 10),
    warmupSec: Number(value('--warmup') ?? 3),
    connections: Number(value('--connections') ?? 20),
    generate: args.includes('--generate'),
  };
  const { data, generated } = await ensureData(o, args);
  const url = databaseUrl(data.database);
  const ids = await withClient(url, async (c) => {
    const users = await c.query('SELECT id, email FROM users WHERE email = ANY ($1)', [
      [data.supervisorEmail, data.iscEmail],
    ]);
    const by = new Map(users.rows.map((r) => [r.email as string, r.id as string]));
    const left = await c.query('SELECT count(*)::int AS n FROM indicator_queue');
    return {
      supervisor: by.get(data.supervisorEmail) as string,
      isc: by.get(data.iscEmail) as string,
      queued: left.rows[0].n,
    };
  });
  if (ids.queued > 0)
    console.log(`  note: ${ids.queued} besturen are queued for a recompute; the server will work on them`);

  const only = value('--only')?.split(',');
  const endpoints = [
    { name: 'overview', path: '/api/region/monitoring/overview', who: 'supervisor' as const },
    { name: 'vulnerable', path: '/api/region/monitoring/vulnerable', who: 'supervisor' as const },
    { name: 'measures', path: '/api/region/monitoring/measures', who: 'supervisor' as const },
    { name: 'dashboard', path: `/api/besturen/${data.bestuurId}/dashboard`, who: 'isc' as const },
  ].filter((e) => !only || only.includes(e.name));

  // The statements of each endpoint, from its service function called in-process (second call:
  // the published process list is cached by then, and the regional answers are stored, as in a
  // running server). Migrations a newer checkout brings are applied first, as the server would.
  const db = await openDatabase(
    { dataDir: path.join(OUT_DIR, 'monitoring-data-dir'), DATABASE_URL: url, DATABASE_POOL_SIZE: 2 },
    { migrate: true },
  );
  const regionCtx: Ctx = {
    requestId: 'bench',
    userId: ids.supervisor,
    actorName: 'Toezichthouder Benchmark',
    lang: 'nl',
    permissions: new Set(),
    regionalRoles: ['toezichthouder'],
  };
  const calls: Record<string, () => Promise<unknown>> = {
    // As a browser asks: the stored gzip answer (what the HTTP clients below accept too).
    overview: () => overviewAnswer(db.app, regionCtx, OverviewQuery.parse({}), { encoding: 'gzip' }),
    vulnerable: () => vulnerableAnswer(db.app, regionCtx, VulnerableQuery.parse({}), { encoding: 'gzip' }),
    measures: () => rankingAnswer(db.app, regionCtx, RankingQuery.parse({}), { encoding: 'gzip' }),
    dashboard: () => dashboard(db.app, { ...regionCtx, userId: ids.isc, regionalRoles: [], tenantId: data.bestuurId }),
  };
  const statements: Record<string, Statement[]> = {};
  try {
    for (const e of endpoints) {
      await calls[e.name]();
      statements[e.name] = (await capture(calls[e.name])).filter((s) => !/^SET SESSION ROLE/i.test(s.text));
    }
  } finally {
    await db.close();
  }

  const port = await freePort();
  const server = startServer({
    via: 'node',
    port,
    env: {
      NODE_ENV: 'production',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_PER_MINUTE: '1000',
      DATABASE_URL: url,
      DATA_DIR: path.join(OUT_DIR, 'monitoring-data-dir'),
      WORKERS: '2',
    },
  });
  const results: EndpointResult[] = [];
  try {
    await waitForHealth(server, performance.now());
    const pid = serverPid(server.child.pid as number, port);
    const cookies = {
      supervisor: await signIn(port, data.supervisorEmail, data.password),
      isc: await signIn(port, data.iscEmail, data.password),
    };
    for (const e of endpoints) {
      const target = `http://127.0.0.1:${port}${e.path}`;
      // One request by hand: 200 and the whole sector in the overview.
      const res = await fetch(target, { headers: { cookie: cookies[e.who] } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${e.path} answered ${res.status}: ${body.slice(0, 300)}`);
      if (e.name === 'overview') {
        const n = (JSON.parse(body) as { items: unknown[] }).items.length;
        if (n !== data.besturen) throw new Error(`the overview lists ${n} besturen, not ${data.besturen}`);
      }
      const load = loadAverage();
      // Like a browser, the clients accept gzip (the regional answers are stored compressed).
      const headers = { cookie: cookies[e.who], 'accept-encoding': 'gzip' };
      await clientLoop(target, headers, o.connections, o.warmupSec);
      const cpu0 = { node: treeCpuSeconds(pid), pg: postgresBackends(data.database) };
      const { latencies: sorted, non2xx } = await clientLoop(target, headers, o.connections, o.durationSec);
      const nodeMs = (1000 * (treeCpuSeconds(pid) - cpu0.node)) / Math.max(1, sorted.length);
      const pgMs = (1000 * postgresCpuSince(data.database, cpu0.pg)) / Math.max(1, sorted.length);
      if (server.child.exitCode !== null) throw new Error(`the server died during the run:\n${server.output()}`);
      const { times: floor, pgMs: floorPgMs } = await replay(
        url,
        data.database,
        statements[e.name],
        o.connections,
        o.warmupSec,
        o.durationSec,
      );
      results.push({
        name: e.name,
        path: e.path,
        requests: sorted.length,
        non2xx,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        floor: percentile(floor, 95),
        floorP50: percentile(floor, 50),
        statements: statements[e.name].length,
        bytes: Buffer.byteLength(body),
        load,
        nodeMs,
        pgMs,
        floorPgMs,
      });
    }
  } finally {
    await stopServer(server);
  }
  return { data, generated, endpoints: results };
}

export function printMonitoring(r: MonitoringResult) {
  const d = r.data;
  console.log(
    `\n## Regional monitoring (${d.database}: ${fmt(d.besturen)} besturen, ${fmt(d.counts.assets)} assets, ` +
      `${fmt(d.counts.measureRows)} measure rows, ${fmt(d.counts.risks)} risks, ${fmt(d.counts.snapshots)} snapshots)`,
  );
  console.log(
    `generator: ${fmt(d.totalMs / 1000, 1)} s in all (target ≤ ${TARGETS.generatorMs / 1000} s: ` +
      `${d.totalMs <= TARGETS.generatorMs ? 'met' : 'NOT met'}), ${r.generated ? 'in this run' : `from ${path.relative(process.cwd(), DATA_FILE)}, ${d.generatedAt}`}; ` +
      `phases: ${d.phases.map((p) => `${p.name} ${fmt(p.ms / 1000, 1)} s`).join('; ')}`,
  );
  console.log('20 clients each; floor = the same SQL replayed by 20 plain pg clients; ratio = p95 / floor\n');
  for (const e of r.endpoints) {
    console.log(
      `${e.name} p50_ms=${fmt(e.p50, 1)} p95_ms=${fmt(e.p95, 1)} floor_ms=${fmt(e.floor, 1)} ratio=${fmt(e.p95 / e.floor, 2)}`,
    );
  }
  console.log('');
  for (const e of r.endpoints) {
    console.log(
      `  ${e.name}: ${e.path}, ${fmt(e.requests)} requests (2xx), non-2xx or broken ${e.non2xx}, answer ${fmt(e.bytes / 1024, 1)} KiB, ` +
        `${e.statements} statements replayed (floor p50 ${fmt(e.floorP50, 1)} ms); CPU per request: node ${fmt(e.nodeMs, 1)} ms, ` +
        `PostgreSQL ${fmt(e.pgMs, 1)} ms (replay: ${fmt(e.floorPgMs, 1)} ms); load average at start ${e.load}`,
    );
  }
  const ov = r.endpoints.find((e) => e.name === 'overview');
  if (ov) {
    const ok = ov.p95 <= TARGETS.overviewP95Ms && ov.p95 / ov.floor <= TARGETS.ratio;
    console.log(
      `  overview target (p95 ≤ ${TARGETS.overviewP95Ms} ms, ratio ≤ ${TARGETS.ratio}): ${ok ? 'met' : 'NOT met'}`,
    );
  }
}

if (isMain(import.meta.url)) {
  console.log(`load average ${loadAverage()}`);
  printMonitoring(await benchMonitoring(process.argv.slice(2)));
}
