/**
 * The measure register and compliance of one bestuur with the full generic list, on
 * PostgreSQL (issue 4): compliance with every framework recomputed from the register, the
 * measure register, one measure change followed by compliance, and the dashboard. Figures,
 * not a test.
 *
 *   node --import tsx bench/measures.ts [--reads 100]
 */
import { randomUUID } from 'node:crypto';
import { BENCH_EMAIL, generatePostgres } from './generate.ts';
import {
  createDatabase,
  dropDatabase,
  fmt,
  freePort,
  isMain,
  startServer,
  stopServer,
  table,
  waitForHealth,
  withClient,
} from './lib.ts';
import { call, signIn, stats } from './processes.ts';

const DB_NAME = 'bench_measures';
export const TARGETS = { complianceMs: 100, registerP95Ms: 100 };

export async function benchMeasures(o: { reads: number }) {
  const url = await createDatabase(DB_NAME);
  await generatePostgres(url, {
    members: 5,
    events: 10,
    otherBesturen: 1,
    membersPerOther: 2,
    eventsPerOther: 2,
    platformEvents: 1,
  });
  const bestuur = randomUUID();
  await withClient(url, async (c) => {
    const { rows } = await c.query('SELECT id FROM users WHERE email = $1', [BENCH_EMAIL]);
    await c.query("INSERT INTO besturen (id, kind, name) VALUES ($1, 'gemeente', 'Gemeente Register')", [bestuur]);
    await c.query(
      "INSERT INTO memberships (bestuur_id, user_id, role) VALUES ($1, $2, 'informatieveiligheidsconsulent')",
      [bestuur, rows[0].id],
    );
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
    const base = `/api/besturen/${bestuur}`;
    await call(s, 'POST', `${base}/processes/adopt`, {});
    // A register in use: statuses and maturity spread over the required measures.
    const statuses = ['niet-gestart', 'gepland', 'in-uitvoering', 'geimplementeerd'];
    const { json: register } = await call(s, 'GET', `${base}/measures`);
    for (const [i, m] of register.items.entries())
      await call(s, 'PATCH', `${base}/measures/${m.code}`, {
        version: 0,
        status: statuses[i % 4],
        documentation: 1 + (i % 5),
        implementation: 1 + ((i * 2) % 5),
      });
    const measures: number[] = [];
    const compliance: number[] = [];
    const dashboard: number[] = [];
    for (let i = 0; i < o.reads; i++) {
      measures.push((await call(s, 'GET', `${base}/measures`)).ms);
      compliance.push((await call(s, 'GET', `${base}/compliance`)).ms);
      if (i % 4 === 0) dashboard.push((await call(s, 'GET', `${base}/dashboard`)).ms);
    }
    // One change, then every framework's compliance again.
    const change: number[] = [];
    const code = register.items[0].code;
    for (let i = 0; i < 30; i++) {
      const { json: m } = await call(s, 'GET', `${base}/measures/${code}`);
      const t0 = performance.now();
      await call(s, 'PATCH', `${base}/measures/${code}`, {
        version: m.version,
        status: i % 2 ? 'geimplementeerd' : 'in-uitvoering',
      });
      await call(s, 'GET', `${base}/compliance`);
      change.push(performance.now() - t0);
    }
    return {
      required: register.items.length,
      measures: stats(measures),
      compliance: stats(compliance),
      change: stats(change),
      dashboard: stats(dashboard),
    };
  } finally {
    await stopServer(r);
    await dropDatabase(DB_NAME);
  }
}

export function report(res: Awaited<ReturnType<typeof benchMeasures>>): string {
  const row = (what: string, x: ReturnType<typeof stats>, target: string) => [
    what,
    fmt(x.min, 1),
    fmt(x.p50, 1),
    fmt(x.p95, 1),
    fmt(x.max, 1),
    target,
  ];
  return [
    `measure register: ${res.required} required measures (full generic list adopted)`,
    '',
    table(
      ['what', 'min ms', 'p50 ms', 'p95 ms', 'max ms', 'target'],
      [
        row('compliance with every framework (recomputed)', res.compliance, `≤ ${TARGETS.complianceMs} ms`),
        row('one measure change + compliance again', res.change, ''),
        row('the measure register', res.measures, `p95 ≤ ${TARGETS.registerP95Ms} ms`),
        row('the dashboard', res.dashboard, ''),
      ],
    ),
    '(one client, sequential HTTP requests on the same machine, PostgreSQL; times include HTTP)',
  ].join('\n');
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const reads = Number(args.includes('--reads') ? args[args.indexOf('--reads') + 1] : 100);
  console.log(report(await benchMeasures({ reads })));
}
