/**
 * Start-up: from spawning the server to the first 200 of GET /api/health, with the embedded
 * database (PGlite), on a fresh DATA_DIR (creates the database, migrates, seeds the demo data)
 * and on the existing DATA_DIR (a second start), plus the peak memory of the server process.
 *
 *   npm run bench -- startup            (or: node --import tsx bench/startup.ts)
 *   node --import tsx bench/startup.ts --runs 5 --via node
 *
 * `npm start` at the root is spawned when scripts/start.mjs exists, else the command the
 * server's own start script runs (node --import tsx src/main.ts in server/). The server runs
 * in development mode, the default, because only there does a fresh DATA_DIR get the demo seed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  codeVersion,
  fmt,
  freePort,
  isMain,
  loadAverage,
  median,
  memoryOf,
  npmStartAvailable,
  serverPid,
  startServer,
  stopServer,
  table,
  tempDir,
  waitForHealth,
} from './lib.ts';

export const TARGET_FIRST_MS = 20_000;
export const TARGET_LATER_MS = 5_000;

export interface StartupOptions {
  runs: number;
  via: 'npm' | 'node';
}

export interface StartRun {
  ms: number;
  peakMiB: number;
  rssMiB: number;
  serverPid: number;
  spawnedPid: number;
}

export interface Phases {
  fresh: boolean;
  phases: [string, number][];
  total: number;
  peakMiB: number;
}

export interface StartupResult {
  command: string;
  fresh: StartRun[];
  existing: StartRun[];
  load: string;
  /** The steps of main.ts timed one by one: a fresh DATA_DIR, then the same one again. */
  phases: Phases[];
}

/** Runs bench/startup-phases.ts in a fresh node process on a DATA_DIR. */
function phasesOf(dataDir: string): Phases {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'startup-phases.ts'), dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', NODE_OPTIONS: '' },
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`startup-phases failed: ${r.stderr}`);
  return JSON.parse(line) as Phases;
}

async function startOnce(via: 'npm' | 'node', dataDir: string): Promise<{ run: StartRun; command: string }> {
  const port = await freePort();
  const since = performance.now();
  const r = startServer({
    via,
    port,
    env: { DATA_DIR: dataDir, NODE_ENV: 'development', HOST: '127.0.0.1' },
  });
  try {
    const ms = await waitForHealth(r, since);
    const pid = serverPid(r.child.pid as number, port);
    const mem = memoryOf(pid);
    return { run: { ms, ...mem, serverPid: pid, spawnedPid: r.child.pid as number }, command: r.command };
  } finally {
    await stopServer(r);
  }
}

export async function benchStartup(options: Partial<StartupOptions> = {}): Promise<StartupResult> {
  const o: StartupOptions = { runs: 3, via: npmStartAvailable() ? 'npm' : 'node', ...options };
  const load = loadAverage();
  const fresh: StartRun[] = [];
  const existing: StartRun[] = [];
  const dirs: string[] = [];
  const phases: Phases[] = [];
  let command = '';
  try {
    for (let i = 0; i < o.runs; i++) {
      const dir = tempDir('startup');
      dirs.push(dir);
      const { run, command: c } = await startOnce(o.via, dir);
      command = c;
      fresh.push(run);
      process.stdout.write(
        `  fresh DATA_DIR, run ${i + 1}: ${fmt(run.ms)} ms, peak RSS ${fmt(run.peakMiB)} MiB (server pid ${run.serverPid}, spawned pid ${run.spawnedPid})\n`,
      );
    }
    for (let i = 0; i < o.runs; i++) {
      const { run } = await startOnce(o.via, dirs[0]);
      existing.push(run);
      process.stdout.write(`  existing DATA_DIR, run ${i + 1}: ${fmt(run.ms)} ms, peak RSS ${fmt(run.peakMiB)} MiB\n`);
    }
    const dir = tempDir('startup-phases');
    dirs.push(dir);
    phases.push(phasesOf(dir), phasesOf(dir));
  } finally {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
  return { command, fresh, existing, load, phases };
}

export function printStartup(r: StartupResult) {
  console.log('\n## Start-up (embedded PGlite), to the first 200 of /api/health');
  console.log(`command: ${r.command}; load average at start ${r.load}\n`);
  const row = (label: string, runs: StartRun[], target: number) => {
    const ms = runs.map((x) => x.ms);
    const peak = runs.map((x) => x.peakMiB);
    return [
      label,
      String(runs.length),
      fmt(Math.min(...ms)),
      fmt(median(ms)),
      fmt(Math.max(...ms)),
      `≤ ${fmt(target)}`,
      fmt(median(peak)),
      fmt(Math.max(...peak)),
    ];
  };
  console.log(
    table(
      ['DATA_DIR', 'runs', 'min ms', 'median ms', 'max ms', 'target ms', 'peak RSS MiB (median)', 'peak RSS MiB (max)'],
      [
        row('fresh (migrate + demo seed)', r.fresh, TARGET_FIRST_MS),
        row('existing (second start)', r.existing, TARGET_LATER_MS),
      ],
    ),
  );
  console.log('(peak RSS: VmHWM of the process that listens on the port, read just before stopping it)');
  if (r.phases.length === 2) {
    const [fresh, later] = r.phases;
    console.log('\nwhere start-up time goes (the steps of main.ts in one node process, one run each):\n');
    console.log(
      table(
        ['step', 'fresh DATA_DIR ms', 'existing DATA_DIR ms'],
        [
          ...fresh.phases.map(([name, ms], i) => [name, fmt(ms), fmt(later.phases[i]?.[1] ?? Number.NaN)]),
          ['total', fmt(fresh.total), fmt(later.total)],
          ['peak RSS MiB', fmt(fresh.peakMiB), fmt(later.peakMiB)],
        ],
      ),
    );
  }
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  console.log(`code under test: ${codeVersion()}`);
  const r = await benchStartup({
    ...(value('--runs') ? { runs: Number(value('--runs')) } : {}),
    ...(value('--via') ? { via: value('--via') as 'npm' | 'node' } : {}),
  });
  printStartup(r);
}
