/**
 * Shared plumbing of the benchmarks: starting and stopping the real server as a child
 * process, finding the process that really serves (not a wrapper), its memory and CPU,
 * PostgreSQL databases of our own, and plain-text tables.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_DIR = path.join(ROOT, 'server');
export const OUT_DIR = path.join(ROOT, 'bench', 'out');

/** The PostgreSQL server the benchmarks create their own databases on (a superuser connection). */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const isMain = (metaUrl: string) =>
  process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === metaUrl;

/** The commit under test, and whether server/ or packages/ have changes not yet committed. */
export function codeVersion(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', 'server', 'packages');
  return dirty ? `${head} + uncommitted changes in ${dirty.split('\n').length} server/packages file(s)` : head;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function databaseUrl(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const DB_NAME = /^bench_[a-z0-9_]+$/;

/** Drops (if left over) and creates a database of our own; the name must start with bench_. */
export async function createDatabase(name: string): Promise<string> {
  if (!DB_NAME.test(name)) throw new Error(`benchmark databases are named bench_*: ${name}`);
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  return databaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  if (!DB_NAME.test(name)) throw new Error(`benchmark databases are named bench_*: ${name}`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  return fs.mkdtempSync(path.join(OUT_DIR, `${prefix}-`));
}

// ---------------------------------------------------------------------------------------
// The server as a child process

export interface StartOptions {
  /** 'npm' runs `npm start` at the root; 'node' runs the server's own node command. */
  via: 'npm' | 'node';
  port: number;
  env: Record<string, string | undefined>;
  /** Extra node flags for the server process (e.g. --cpu-prof), 'node' only. */
  nodeFlags?: string[];
}

export interface Running {
  child: ChildProcess;
  port: number;
  command: string;
  /** The last lines the server printed, for error messages. */
  output(): string;
  exited: Promise<number | null>;
}

/** Environment keys of the server that must not leak in from the caller's shell. */
const SERVER_KEYS = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'DATA_DIR',
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'DATABASE_POOL_SIZE',
  'LOG_LEVEL',
  'SEED_DEMO',
  'SMTP_URL',
  'LOGIN_RATE_PER_MINUTE',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'NODE_OPTIONS',
];

export const npmStartAvailable = () => fs.existsSync(path.join(ROOT, 'scripts', 'start.mjs'));

export function startServer(o: StartOptions): Running {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !SERVER_KEYS.includes(k)) env[k] = v;
  for (const [k, v] of Object.entries({ ...o.env, PORT: String(o.port) })) if (v !== undefined) env[k] = v;

  let cmd: string;
  let args: string[];
  let cwd: string;
  if (o.via === 'npm') {
    cmd = 'npm';
    args = ['start', '--silent'];
    cwd = ROOT;
  } else {
    cmd = process.execPath;
    args = [...(o.nodeFlags ?? []), '--import', 'tsx', 'src/main.ts'];
    cwd = SERVER_DIR;
  }
  // detached: the server gets its own process group, so stopping it stops every process
  // `npm start` spawned, and nothing else.
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (b: Buffer) => {
    tail = (tail + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const shown = o.via === 'npm' ? 'npm start' : `node ${args.join(' ')} (in server/)`;
  return { child, port: o.port, command: shown, output: () => tail, exited };
}

/** Polls GET /api/health until the first 200; returns the time it took from `since`. */
export async function waitForHealth(r: Running, since: number, timeoutMs = 120_000): Promise<number> {
  let dead = false;
  void r.exited.then(() => {
    dead = true;
  });
  while (performance.now() - since < timeoutMs) {
    if (dead) throw new Error(`the server stopped before it was healthy:\n${r.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${r.port}/api/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`no 200 from /api/health within ${timeoutMs} ms:\n${r.output()}`);
}

/** Stops the server's process group: SIGTERM, then SIGKILL after a grace period. */
export async function stopServer(r: Running, graceMs = 12_000): Promise<void> {
  const pgid = r.child.pid;
  if (!pgid) return;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pgid, s);
    } catch {
      // already gone
    }
  };
  if (r.child.exitCode === null && r.child.signalCode === null) {
    signal('SIGTERM');
    const done = await Promise.race([r.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!done) signal('SIGKILL');
  }
  // Whatever else is left in the group (e.g. a node child of `npm start`).
  for (let i = 0; i < 40 && groupAlive(pgid); i++) await sleep(50);
  if (groupAlive(pgid)) signal('SIGKILL');
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// /proc: the process behind the port, its memory and CPU time

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const text = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // gone
  }
  return out;
}

export function descendants(pid: number): number[] {
  const all: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift() as number;
    all.push(p);
    queue.push(...childrenOf(p));
  }
  return all;
}

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; st 0A is LISTEN; the inode is field 9
      if (f.length > 9 && f[1].endsWith(`:${hex}`) && f[3] === '0A') inodes.add(f[9]);
    }
  }
  return inodes;
}

function comm(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * The process that actually listens on the port among the descendants of `root` (the npm
 * wrapper, a shell and a launcher script may sit above it); else the deepest node process.
 */
export function serverPid(root: number, port: number): number {
  const pids = descendants(root);
  const inodes = listeningInodes(port);
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return pid;
      } catch {
        // fd closed meanwhile
      }
    }
  }
  const nodes = pids.filter((p) => comm(p) === 'node' || comm(p).startsWith('node'));
  return nodes[nodes.length - 1] ?? root;
}

/** Peak resident memory (VmHWM) and current (VmRSS) of a process, in MiB. */
export function memoryOf(pid: number): { peakMiB: number; rssMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
}

const CLK_TCK = 100;

/** User + system CPU seconds used so far by one process (all its threads). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // after "pid (comm) ": state is f[0]; utime is field 14 overall, f[11]; stime f[12]
  return (Number(f[11]) + Number(f[12])) / CLK_TCK;
}

/** CPU seconds of a process and everything below it: the server's worker processes count too. */
export function treeCpuSeconds(pid: number): number {
  let total = 0;
  for (const p of descendants(pid)) {
    try {
      total += cpuSeconds(p);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/**
 * Seconds the main thread of a process spent runnable but waiting for a core (the kernel's
 * run-queue wait, /proc/<pid>/schedstat): shows how much other load on the machine held it up.
 */
export function runQueueWaitSeconds(pid: number): number {
  const [, wait] = fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
  return wait / 1e9;
}

export function loadAverage(): string {
  return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/**
 * CPU seconds of each PostgreSQL backend serving one database (their process titles read
 * "postgres: [cluster: ]<user> <database> <host>(<port>) ..."), so that other users of the same PostgreSQL do not count.
 */
export function postgresBackends(database: string): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      // e.g. "postgres: 15/main: postgres bench_http 127.0.0.1(51234) idle"
      if (
        title.startsWith('postgres: ') &&
        new RegExp(` ${database} \\S+\\(\\d+\\)| ${database} \\[local\\]`).test(title)
      ) {
        found.set(Number(entry), cpuSeconds(Number(entry)));
      }
    } catch {
      // exited
    }
  }
  return found;
}

/**
 * The PostgreSQL CPU seconds spent for one database since `before` (postgresBackends): per
 * backend alive now, so a backend that ended meanwhile (a pool's idle timeout) does not
 * subtract its whole life from the figure; what an ended backend spent in the window is lost.
 */
export function postgresCpuSince(database: string, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of postgresBackends(database)) total += seconds - (before.get(pid) ?? 0);
  return total;
}

// ---------------------------------------------------------------------------------------
// Figures

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '-';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A plain-text table; numbers are right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => cells.every((r) => /^[-\d.,\s%]*$/.test(r[i] ?? '') || r[i] === '-'));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(headers), sep, ...cells.map(line)].join('\n');
}
