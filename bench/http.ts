/**
 * Authenticated, tenant-scoped read versus health, on PostgreSQL and on embedded PGlite.
 *
 *   npm run bench -- http              (or: node --import tsx bench/http.ts)
 *   node --import tsx bench/http.ts --postgres-only --duration 10 --connections 20
 *   node --import tsx bench/http.ts --postgres-only --cpu-profile   (where the server's CPU goes)
 *
 * The server runs as a child process with NODE_ENV=production (the mode it is deployed in:
 * no development routes, no demo seed), with a dummy PUBLIC_URL and
 * SMTP_URL (no mail is sent) and LOG_LEVEL=warn, so request logs do not reach stdout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { type GenerateOptions, type Generated, generatePGlite, generatePostgres } from './generate.ts';
import {
  OUT_DIR,
  type Running,
  codeVersion,
  treeCpuSeconds,
  createDatabase,
  dropDatabase,
  fmt,
  freePort,
  isMain,
  loadAverage,
  runQueueWaitSeconds,
  percentile,
  postgresBackends,
  postgresCpuSince,
  sleep,
  startServer,
  stopServer,
  table,
  tempDir,
  waitForHealth,
  serverPid,
  withClient,
  PG_ADMIN_URL,
} from './lib.ts';

export const TARGET_RPS = 2_000;
const DB_NAME = 'bench_http';
const POSTGRES_LOG = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';

export interface HttpOptions {
  connections: number;
  durationSec: number;
  warmupSec: number;
  postgres: boolean;
  pglite: boolean;
  /** Count the statements the server sends per request (log_statement=all on the bench database). */
  countStatements: boolean;
  /** Record a CPU profile of the server during one more authenticated-read run. */
  cpuProfile: boolean;
  logLevel: string;
  poolSize?: number;
  /** Server processes on PostgreSQL (WORKERS). */
  workers: number;
  /** Which read --cpu-profile records: audit-events (default) or members. */
  profilePath?: 'audit-events' | 'members';
  pageSize: number;
  /** Overrides of the data generator (e.g. a longer audit trail). */
  data?: Partial<GenerateOptions>;
}

export const HTTP_DEFAULTS: HttpOptions = {
  connections: 20,
  durationSec: 10,
  warmupSec: 3,
  postgres: true,
  pglite: true,
  countStatements: true,
  cpuProfile: false,
  logLevel: 'warn',
  workers: 2,
  pageSize: 50,
};

export interface LoadResult {
  endpoint: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  total: number;
  non2xx: number;
  errors: number;
  /** CPU used during the measured run, as a share of one core. */
  serverCpu: number;
  /** Share of the run the server's main thread was runnable but waiting for a core. */
  serverWait: number;
  /** 1-minute load average when the run started. */
  load: string;
  postgresCpu: number;
  loaderCpu: number;
}

export interface DbResult {
  kind: 'postgres' | 'pglite';
  data: Generated;
  read: LoadResult;
  /** GET /api/besturen/:id/members: a narrower tenant-scoped page (members joined with users). */
  members: LoadResult;
  health: LoadResult;
  /** GET /api/auth/session: authentication only (one round trip), to split the read's cost. */
  session: LoadResult;
  statements?: StatementCount;
  cpuProfile?: string;
}

interface Target {
  port: number;
  cookie: string;
  bestuurId: string;
  pageSize: number;
}

const readPath = (t: Target) => `/api/besturen/${t.bestuurId}/audit-events?pageSize=${t.pageSize}`;
const membersPath = (t: Target) => `/api/besturen/${t.bestuurId}/members?pageSize=${t.pageSize}`;

async function signIn(port: number, data: Generated): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: data.email, password: data.password }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${body}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('baken_session='));
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return cookie;
}

/** One request by hand first: the read must answer 200 with the bestuur's own events only. */
async function checkRead(t: Target, data: Generated) {
  const res = await fetch(`http://127.0.0.1:${t.port}${readPath(t)}`, { headers: { cookie: t.cookie } });
  const body = (await res.json()) as { items: { bestuurId: string }[]; total: number };
  if (res.status !== 200) throw new Error(`the read answered ${res.status}: ${JSON.stringify(body)}`);
  const want = Math.min(t.pageSize, data.counts.ownEvents);
  if (body.items.length !== want || body.items.some((i) => i.bestuurId !== t.bestuurId)) {
    throw new Error(`the read did not return ${want} events of the bestuur`);
  }
  if (body.total !== data.counts.ownEvents) {
    throw new Error(`total ${body.total} is not the bestuur's ${data.counts.ownEvents} events`);
  }
  const health = await fetch(`http://127.0.0.1:${t.port}/api/health`);
  if (health.status !== 200) throw new Error(`health answered ${health.status}`);
}

function cannon(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<{ result: any; latencies: number[] }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon({ url, connections, duration: seconds, headers }, (err: Error | null, result: any) =>
      err ? reject(err) : resolve({ result, latencies }),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    });
  });
}

async function load(
  r: Running,
  pid: number,
  endpoint: string,
  url: string,
  headers: Record<string, string>,
  o: HttpOptions,
): Promise<LoadResult> {
  if (o.warmupSec > 0) await cannon(url, headers, o.connections, o.warmupSec);
  const load = loadAverage();
  const cpu0 = {
    server: treeCpuSeconds(pid),
    wait: runQueueWaitSeconds(pid),
    pg: postgresBackends(DB_NAME),
    me: process.cpuUsage(),
  };
  const t0 = performance.now();
  const { result, latencies } = await cannon(url, headers, o.connections, o.durationSec);
  const wall = (performance.now() - t0) / 1000;
  const me = process.cpuUsage(cpu0.me);
  const sorted = latencies.sort((a, b) => a - b);
  if (r.child.exitCode !== null) throw new Error(`the server died during the run:\n${r.output()}`);
  return {
    endpoint,
    rps: result.requests.total / (result.duration || o.durationSec),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    serverCpu: (treeCpuSeconds(pid) - cpu0.server) / wall,
    serverWait: (runQueueWaitSeconds(pid) - cpu0.wait) / wall,
    load,
    postgresCpu: postgresCpuSince(DB_NAME, cpu0.pg) / wall,
    loaderCpu: (me.user + me.system) / 1e6 / wall,
  };
}

function serverEnv(o: HttpOptions, port: number, db: { url?: string; dataDir?: string }) {
  return {
    NODE_ENV: 'production',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SMTP_URL: 'smtp://127.0.0.1:2525',
    LOG_LEVEL: o.logLevel,
    LOGIN_RATE_PER_MINUTE: '1000',
    DATABASE_URL: db.url,
    // With DATABASE_URL the data folder holds no database, but keep it ours (bench/out is ignored).
    DATA_DIR: db.dataDir ?? path.join(OUT_DIR, 'http-data'),
    DATABASE_POOL_SIZE: o.poolSize ? String(o.poolSize) : undefined,
    // One server process per core on PostgreSQL, as deployed on a 2-core machine; PGlite runs one.
    WORKERS: db.url ? String(o.workers) : '1',
  };
}

async function withServer<T>(
  env: Record<string, string | undefined>,
  port: number,
  fn: (r: Running, pid: number) => Promise<T>,
  nodeFlags: string[] = [],
): Promise<T> {
  const r = startServer({ via: 'node', port, env, nodeFlags });
  try {
    await waitForHealth(r, performance.now());
    const pid = serverPid(r.child.pid as number, port);
    return await fn(r, pid);
  } finally {
    await stopServer(r);
  }
}

async function measure(o: HttpOptions, env: Record<string, string | undefined>, port: number, data: Generated) {
  return withServer(env, port, async (r, pid) => {
    const t: Target = { port, cookie: await signIn(port, data), bestuurId: data.bestuurId, pageSize: o.pageSize };
    await checkRead(t, data);
    const base = `http://127.0.0.1:${port}`;
    const read = await load(r, pid, 'audit-events (session, RLS)', base + readPath(t), { cookie: t.cookie }, o);
    const members = await load(r, pid, 'members (session, RLS)', base + membersPath(t), { cookie: t.cookie }, o);
    const session = await load(
      r,
      pid,
      'auth/session (session only)',
      `${base}/api/auth/session`,
      { cookie: t.cookie },
      o,
    );
    const health = await load(r, pid, 'health', `${base}/api/health`, {}, o);
    return { read, members, session, health };
  });
}

// ---------------------------------------------------------------------------------------
// Statements per request, from PostgreSQL's own statement log

export interface StatementCount {
  requests: number;
  read: { perRequest: number; byStatement: [string, number][] };
  health: { perRequest: number; byStatement: [string, number][] };
}

function logSize(): number {
  return fs.statSync(POSTGRES_LOG).size;
}

function readLogFrom(offset: number): string {
  const fd = fs.openSync(POSTGRES_LOG, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(Math.max(0, size - offset));
    fs.readSync(fd, buf, 0, buf.length, offset);
    return buf.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Statements the server's connections sent to the bench database, in log order. */
function statementsIn(log: string, user: string): string[] {
  const out: string[] = [];
  for (const line of log.split('\n')) {
    if (!line.includes(` ${user}@${DB_NAME} `)) continue;
    const m = /LOG:\s+(?:statement|execute [^:]*): (.*)$/.exec(line);
    if (m) out.push(m[1].replace(/\s+/g, ' ').trim());
  }
  return out;
}

function shape(sql: string): string {
  return sql
    .replace(/'[0-9a-f-]{36}'/g, "'<uuid>'")
    .replace(/\$\d+/g, '$n')
    .slice(0, 110);
}

function tally(statements: string[], requests: number): { perRequest: number; byStatement: [string, number][] } {
  const by = new Map<string, number>();
  for (const s of statements) by.set(shape(s), (by.get(shape(s)) ?? 0) + 1);
  return {
    perRequest: statements.length / requests,
    byStatement: [...by.entries()].map(([s, n]) => [s, n / requests] as [string, number]).sort((a, b) => b[1] - a[1]),
  };
}

async function countStatements(o: HttpOptions, url: string, data: Generated, requests = 50): Promise<StatementCount> {
  if (!fs.existsSync(POSTGRES_LOG)) throw new Error(`no PostgreSQL log at ${POSTGRES_LOG} (set BENCH_PG_LOG)`);
  const user = new URL(url).username || 'postgres';
  await withClient(PG_ADMIN_URL, (c) => c.query(`ALTER DATABASE ${DB_NAME} SET log_statement = 'all'`));
  try {
    const port = await freePort();
    // A new server: its pool opens new connections, which pick up the setting.
    return await withServer(serverEnv(o, port, { url }), port, async () => {
      const t: Target = { port, cookie: await signIn(port, data), bestuurId: data.bestuurId, pageSize: o.pageSize };
      // Open every pooled connection first (each new one costs a SET SESSION ROLE once).
      await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`http://127.0.0.1:${port}${readPath(t)}`, { headers: { cookie: t.cookie } }),
        ),
      );
      const run = async (p: string, headers: Record<string, string>) => {
        await sleep(300);
        const from = logSize();
        for (let i = 0; i < requests; i++) {
          const res = await fetch(`http://127.0.0.1:${port}${p}`, { headers });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
        }
        await sleep(500);
        return statementsIn(readLogFrom(from), user);
      };
      const read = await run(readPath(t), { cookie: t.cookie });
      const health = await run('/api/health', {});
      return { requests, read: tally(read, requests), health: tally(health, requests) };
    });
  } finally {
    await withClient(PG_ADMIN_URL, (c) => c.query(`ALTER DATABASE ${DB_NAME} RESET log_statement`));
  }
}

// ---------------------------------------------------------------------------------------
// Where the server's CPU goes (V8 sampling profile of one authenticated-read run)

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function bucketOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : `(native) ${fn || 'anonymous'}`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  if (url.includes('/packages/contracts/')) return '@baken/contracts';
  if (url.includes('/server/src/')) return `baken ${url.slice(url.indexOf('/server/src/') + 12)}`;
  return url;
}

export function summariseProfile(file: string, top = 18): string {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  });
  let total = 0;
  let idle = 0;
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id) as ProfileNode;
    total += us;
    if (n.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const b = bucketOf(n.callFrame.url, n.callFrame.functionName);
    buckets.set(b, (buckets.get(b) ?? 0) + us);
    const f = `${n.callFrame.functionName || '(anonymous)'} ${bucketOf(n.callFrame.url, '')}:${n.callFrame.lineNumber + 1}`;
    functions.set(f, (functions.get(f) ?? 0) + us);
  }
  const busy = total - idle;
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => [k.length > 90 ? `${k.slice(0, 87)}...` : k, fmt(us / 1000), `${fmt((100 * us) / busy, 1)}%`]);
  return [
    `profile: ${fmt(total / 1e6, 1)} s sampled, ${fmt((100 * idle) / total, 1)}% idle, ${fmt(busy / 1e6, 1)} s busy`,
    '',
    'self time by package / module (share of busy time):',
    table(['where', 'ms', 'share'], rows(buckets)),
    '',
    'top functions by self time:',
    table(['function', 'ms', 'share'], rows(functions)),
  ].join('\n');
}

async function cpuProfile(o: HttpOptions, url: string, data: Generated): Promise<string> {
  const dir = path.join(OUT_DIR, 'cpu-profile');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  await withServer(
    { ...serverEnv(o, port, { url }), WORKERS: '1' },
    port,
    async (r, pid) => {
      const t: Target = { port, cookie: await signIn(port, data), bestuurId: data.bestuurId, pageSize: o.pageSize };
      const res = await load(
        r,
        pid,
        `${o.profilePath ?? 'audit-events'} (profiled)`,
        `http://127.0.0.1:${port}${o.profilePath === 'members' ? membersPath(t) : readPath(t)}`,
        { cookie: t.cookie },
        o,
      );
      console.log(`  profiled run: ${fmt(res.rps)} req/s (the profiler itself costs some)`);
    },
    ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  );
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no CPU profile');
  return path.join(dir, file);
}

// ---------------------------------------------------------------------------------------

export async function benchPostgres(o: HttpOptions): Promise<DbResult> {
  const url = await createDatabase(DB_NAME);
  try {
    const data = await generatePostgres(url, o.data);
    const port = await freePort();
    const { read, members, session, health } = await measure(o, serverEnv(o, port, { url }), port, data);
    const out: DbResult = { kind: 'postgres', data, read, members, session, health };
    if (o.countStatements) {
      try {
        out.statements = await countStatements(o, url, data);
      } catch (err) {
        console.error(`  (statement count skipped: ${(err as Error).message})`);
      }
    }
    if (o.cpuProfile) out.cpuProfile = await cpuProfile(o, url, data);
    return out;
  } finally {
    await dropDatabase(DB_NAME);
  }
}

export async function benchPGlite(o: HttpOptions): Promise<DbResult> {
  const dataDir = tempDir('http-pglite');
  try {
    const data = await generatePGlite(dataDir, o.data);
    const port = await freePort();
    const { read, members, session, health } = await measure(o, serverEnv(o, port, { dataDir }), port, data);
    return { kind: 'pglite', data, read, members, session, health };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printDbResult(r: DbResult, o: HttpOptions) {
  const title =
    r.kind === 'postgres'
      ? `PostgreSQL (${new URL(PG_ADMIN_URL).host}, database ${DB_NAME}, pool ${o.poolSize ?? 10})`
      : 'PGlite (embedded, temporary DATA_DIR, one connection)';
  console.log(`\n## ${title}`);
  console.log(
    `data: ${r.data.counts.besturen} besturen, ${r.data.counts.users} users, ${r.data.counts.memberships} memberships, ` +
      `${r.data.counts.auditEvents} audit events (${r.data.counts.ownEvents} of the bestuur read)`,
  );
  console.log(
    `load: ${o.connections} connections, ${o.durationSec} s after ${o.warmupSec} s warm-up; read: pageSize=${o.pageSize}\n`,
  );
  console.log(
    table(
      ['endpoint', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests', 'non-2xx', 'errors'],
      [r.read, r.members, r.session, r.health].map((x) => [
        x.endpoint,
        fmt(x.rps),
        fmt(x.p50, 1),
        fmt(x.p95, 1),
        fmt(x.p99, 1),
        fmt(x.max, 1),
        fmt(x.total),
        fmt(x.non2xx),
        fmt(x.errors),
      ]),
    ),
  );
  console.log('\nwhere the CPU went during the same runs (one core = 100%):\n');
  console.log(
    table(
      [
        'endpoint',
        'node CPU',
        'node ms/req',
        'postgres CPU',
        'postgres ms/req',
        'load gen CPU',
        'node waiting for a core',
        'load avg at start',
      ],
      [r.read, r.members, r.session, r.health].map((x) => [
        x.endpoint,
        `${fmt(100 * x.serverCpu)}%`,
        fmt((1000 * x.serverCpu) / x.rps, 3),
        r.kind === 'postgres' ? `${fmt(100 * x.postgresCpu)}%` : '(in node)',
        r.kind === 'postgres' ? fmt((1000 * x.postgresCpu) / x.rps, 3) : '-',
        `${fmt(100 * x.loaderCpu)}%`,
        `${fmt(100 * x.serverWait)}%`,
        x.load,
      ]),
    ),
  );
  console.log(
    `(${os.cpus().length} cores; "postgres" is the backends of the bench database only; ` +
      '"waiting for a core" is run-queue time of the server\'s main thread: high values mean other load on the machine)',
  );
  if (r.statements) {
    const s = r.statements;
    console.log(
      `\nstatements the server sent to PostgreSQL per request (log_statement=all, ${s.requests} requests each):`,
    );
    for (const [name, c] of [
      ['audit-events', s.read],
      ['health', s.health],
    ] as const) {
      console.log(`  ${name}: ${fmt(c.perRequest, 2)} per request`);
      for (const [sql, n] of c.byStatement) console.log(`    ${fmt(n, 2)} × ${sql}`);
    }
  }
  if (r.cpuProfile) {
    console.log(`\nCPU profile of the server (${path.relative(process.cwd(), r.cpuProfile)}):\n`);
    console.log(summariseProfile(r.cpuProfile));
  }
}

export async function benchHttp(options: Partial<HttpOptions> = {}) {
  const o = { ...HTTP_DEFAULTS, ...options };
  const results: DbResult[] = [];
  if (o.postgres) {
    const r = await benchPostgres(o);
    printDbResult(r, o);
    results.push(r);
  }
  if (o.pglite) {
    const r = await benchPGlite(o);
    printDbResult(r, o);
    results.push(r);
  }
  return results;
}

export function parseHttpArgs(args: string[]): Partial<HttpOptions> {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const o: Partial<HttpOptions> = {};
  if (args.includes('--postgres-only')) o.pglite = false;
  if (args.includes('--pglite-only')) o.postgres = false;
  if (args.includes('--no-statements')) o.countStatements = false;
  if (args.includes('--cpu-profile')) o.cpuProfile = true;
  if (value('--duration')) o.durationSec = Number(value('--duration'));
  if (value('--warmup')) o.warmupSec = Number(value('--warmup'));
  if (value('--connections')) o.connections = Number(value('--connections'));
  if (value('--pool')) o.poolSize = Number(value('--pool'));
  if (value('--log-level')) o.logLevel = value('--log-level') as string;
  if (value('--workers')) o.workers = Number(value('--workers'));
  if (value('--profile-path')) o.profilePath = value('--profile-path') as HttpOptions['profilePath'];
  if (value('--page-size')) o.pageSize = Number(value('--page-size'));
  if (value('--events')) o.data = { ...o.data, events: Number(value('--events')) };
  return o;
}

if (isMain(import.meta.url)) {
  console.log(`code under test: ${codeVersion()}; load average ${loadAverage()}`);
  await benchHttp(parseHttpArgs(process.argv.slice(2)));
}
