/**
 * All benchmarks, then one summary with the targets beside the figures.
 *
 *   npm run bench                   both
 *   npm run bench -- http [flags]   only the HTTP benchmark (flags: see bench/http.ts)
 *   npm run bench -- startup        only start-up
 *   npm run bench -- monitoring     only regional monitoring (flags: see bench/monitoring.ts; it generates
 *                                   bench_monitoring with bench/monitoring-data.ts when that is missing)
 */
import os from 'node:os';
import { type DbResult, TARGET_RPS, benchHttp, parseHttpArgs } from './http.ts';
import { codeVersion, fmt, loadAverage, table } from './lib.ts';
import { type MonitoringResult, TARGETS as MONITORING, benchMonitoring, printMonitoring } from './monitoring.ts';
import { type StartupResult, TARGET_FIRST_MS, TARGET_LATER_MS, benchStartup, printStartup } from './startup.ts';

const args = process.argv.slice(2);
const only = args[0] === 'http' || args[0] === 'startup' || args[0] === 'monitoring' ? args[0] : null;

console.log(
  `# Baken benchmarks: ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ` +
    `${fmt(os.totalmem() / 2 ** 30, 1)} GiB, load average ${loadAverage()}`,
);
console.log(`code under test: ${codeVersion()}`);

let http: DbResult[] = [];
let startup: StartupResult | null = null;
let monitoring: MonitoringResult | null = null;
if (only === null || only === 'http') http = await benchHttp(parseHttpArgs(args));
if (only === null || only === 'startup') {
  console.log('\n## Start-up runs');
  startup = await benchStartup();
  printStartup(startup);
}
if (only === null || only === 'monitoring') {
  monitoring = await benchMonitoring(only === 'monitoring' ? args.slice(1) : []);
  printMonitoring(monitoring);
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const rows: string[][] = [];
for (const r of http) {
  const name = r.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const lat = (x: DbResult['read']) => `p50 ${fmt(x.p50, 1)} / p95 ${fmt(x.p95, 1)} / p99 ${fmt(x.p99, 1)} ms`;
  rows.push([
    `authenticated read, ${name}`,
    `${fmt(r.read.rps)} req/s; ${lat(r.read)}; non-2xx ${fmt(r.read.non2xx)}`,
    r.kind === 'postgres' ? `≥ ${fmt(TARGET_RPS)} req/s (20 clients, 2 cores)` : '-',
    r.kind === 'postgres' ? verdict(r.read.rps >= TARGET_RPS) : '',
  ]);
  rows.push([
    `health, ${name}`,
    `${fmt(r.health.rps)} req/s; ${lat(r.health)}; non-2xx ${fmt(r.health.non2xx)}`,
    '-',
    '',
  ]);
}
if (startup) {
  const s = (runs: StartupResult['fresh']) => {
    const ms = runs.map((x) => x.ms);
    const sorted = [...ms].sort((a, b) => a - b);
    return `${fmt(sorted[0] / 1000, 2)} / ${fmt(sorted[Math.floor(sorted.length / 2)] / 1000, 2)} / ${fmt(sorted[sorted.length - 1] / 1000, 2)} s (min / median / max)`;
  };
  const maxOf = (runs: StartupResult['fresh']) => Math.max(...runs.map((x) => x.ms));
  rows.push([
    'first start (fresh DATA_DIR)',
    s(startup.fresh),
    `≤ ${TARGET_FIRST_MS / 1000} s`,
    verdict(maxOf(startup.fresh) <= TARGET_FIRST_MS),
  ]);
  rows.push([
    'later start (existing DATA_DIR)',
    s(startup.existing),
    `≤ ${TARGET_LATER_MS / 1000} s`,
    verdict(maxOf(startup.existing) <= TARGET_LATER_MS),
  ]);
  rows.push([
    'peak RSS of the server',
    `${fmt(Math.max(...startup.fresh.map((x) => x.peakMiB)))} MiB fresh, ${fmt(Math.max(...startup.existing.map((x) => x.peakMiB)))} MiB later (max of runs)`,
    '-',
    '',
  ]);
}
if (monitoring) {
  const d = monitoring.data;
  rows.push([
    `monitoring data generator (${fmt(d.besturen)} besturen)`,
    `${fmt(d.totalMs / 1000, 1)} s${monitoring.generated ? '' : ` (${d.generatedAt.slice(0, 10)})`}`,
    `≤ ${MONITORING.generatorMs / 1000} s`,
    verdict(d.totalMs <= MONITORING.generatorMs),
  ]);
  for (const e of monitoring.endpoints) {
    const overview = e.name === 'overview';
    rows.push([
      `monitoring ${e.name}, 20 clients`,
      `p50 ${fmt(e.p50, 1)} / p95 ${fmt(e.p95, 1)} ms; floor ${fmt(e.floor, 1)} ms; ratio ${fmt(e.p95 / e.floor, 2)}`,
      overview ? `p95 ≤ ${MONITORING.overviewP95Ms} ms, ratio ≤ ${MONITORING.ratio}` : '-',
      overview ? verdict(e.p95 <= MONITORING.overviewP95Ms && e.p95 / e.floor <= MONITORING.ratio) : '',
    ]);
  }
}
console.log('\n# Summary\n');
console.log(table(['benchmark', 'figure', 'target', 'target met'], rows));
console.log('(start-up targets are judged on the slowest run)');
