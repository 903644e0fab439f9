/**
 * The process list of a bestuur on PostgreSQL (issue 3): adopting the full generic list for a
 * new bestuur, recomputing the required measures after one classification change, and reading
 * the process list. Figures, not a test.
 *
 *   node --import tsx bench/processes.ts [--besturen 8] [--reads 200]
 */
import { randomUUID } from 'node:crypto';
import { BENCH_EMAIL, BENCH_PASSWORD, generatePostgres } from './generate.ts';
import {
  createDatabase,
  dropDatabase,
  fmt,
  freePort,
  isMain,
  percentile,
  startServer,
  stopServer,
  table,
  waitForHealth,
  withClient,
} from './lib.ts';

const DB_NAME = 'bench_processes';
export const TARGETS = { adoptMs: 500, recomputeMs: 50, listP95Ms: 100 };

export interface Session {
  base: string;
  cookie: string;
  csrf: string;
}

export async function call(s: Session, method: string, path: string, body?: unknown) {
  const t0 = performance.now();
  const res = await fetch(`${s.base}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  const ms = performance.now() - t0;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return { json, ms };
}

export async function signIn(base: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('baken_session='));
  return { base, cookie: cookie as string, csrf: (await res.json()).csrfToken };
}

export const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] };
};

export async function benchProcesses(o: { besturen: number; reads: number }) {
  const url = await createDatabase(DB_NAME);
  await generatePostgres(url, {
    members: 5,
    events: 10,
    otherBesturen: 1,
    membersPerOther: 2,
    eventsPerOther: 2,
    platformEvents: 1,
  });
  // Empty besturen of which the bench user is the security officer: one adoption each.
  const fresh: string[] = [];
  await withClient(url, async (c) => {
    const { rows } = await c.query('SELECT id FROM users WHERE email = $1', [BENCH_EMAIL]);
    for (let i = 0; i < o.besturen; i++) {
      const id = randomUUID();
      await c.query("INSERT INTO besturen (id, kind, name) VALUES ($1, 'gemeente', $2)", [
        id,
        `Gemeente Adoptie ${i + 1}`,
      ]);
      await c.query(
        "INSERT INTO memberships (bestuur_id, user_id, role) VALUES ($1, $2, 'informatieveiligheidsconsulent')",
        [id, rows[0].id],
      );
      fresh.push(id);
    }
  });
  const port = await freePort();
  const r = startServer({
    via: 'node',
    port,
    env: {
      NODE_ENV: 'production',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      LOG_LEVEL: 'warn',
      DATABASE_URL: url,
      LOGIN_RATE_PER_MINUTE: '1000',
    },
  });
  try {
    await waitForHealth(r, performance.now());
    const s = await signIn(`http://127.0.0.1:${port}`);
    // The first adoption also reads content/ once per process: report it apart.
    const adopt: number[] = [];
    let counts = { processes: 0, assets: 0 };
    for (const id of fresh) {
      const { json, ms } = await call(s, 'POST', `/api/besturen/${id}/processes/adopt`, {});
      adopt.push(ms);
      counts = json;
    }
    const target = fresh[fresh.length - 1];
    const list: number[] = [];
    for (let i = 0; i < o.reads; i++) list.push((await call(s, 'GET', `/api/besturen/${target}/processes`)).ms);
    const { json: processes } = await call(s, 'GET', `/api/besturen/${target}/processes`);
    const asset = processes.items[0].assets[0];
    const recompute: number[] = [];
    let version = asset.version;
    for (let i = 0; i < 100; i++) {
      const up = i % 2 === 0;
      const base = asset.class as { c: number; i: number; a: number };
      const change = up ? { version, ...base, c: 5, reason: 'Bench: hoger' } : { version, ...base };
      const t0 = performance.now();
      const patched = await call(s, 'PATCH', `/api/besturen/${target}/assets/${asset.id}`, change);
      await call(s, 'GET', `/api/besturen/${target}/required-measures`);
      recompute.push(performance.now() - t0);
      version = patched.json.version;
    }
    return { counts, adopt, list: stats(list), recompute: stats(recompute) };
  } finally {
    await stopServer(r);
    await dropDatabase(DB_NAME);
  }
}

export function report(res: Awaited<ReturnType<typeof benchProcesses>>): string {
  const a = stats(res.adopt.slice(1));
  return [
    `process list: ${res.counts.processes} processes, ${res.counts.assets} assets adopted per bestuur`,
    '',
    table(
      ['what', 'min ms', 'p50 ms', 'p95 ms', 'max ms', 'target'],
      [
        ['adopt the full list (first, reads content/)', fmt(res.adopt[0], 1), '', '', '', `≤ ${TARGETS.adoptMs} ms`],
        [
          'adopt the full list (later besturen)',
          fmt(a.min, 1),
          fmt(a.p50, 1),
          fmt(a.p95, 1),
          fmt(a.max, 1),
          `≤ ${TARGETS.adoptMs} ms`,
        ],
        [
          'classification change + required measures',
          fmt(res.recompute.min, 1),
          fmt(res.recompute.p50, 1),
          fmt(res.recompute.p95, 1),
          fmt(res.recompute.max, 1),
          `≤ ${TARGETS.recomputeMs} ms`,
        ],
        [
          'process list of the bestuur (full list)',
          fmt(res.list.min, 1),
          fmt(res.list.p50, 1),
          fmt(res.list.p95, 1),
          fmt(res.list.max, 1),
          `p95 ≤ ${TARGETS.listP95Ms} ms`,
        ],
      ],
    ),
    '(one client, sequential HTTP requests on the same machine, PostgreSQL; times include HTTP)',
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const res = await benchProcesses({
    besturen: Number(value('--besturen') ?? 8),
    reads: Number(value('--reads') ?? 200),
  });
  console.log(report(res));
}
