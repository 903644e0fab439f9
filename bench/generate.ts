/**
 * Data generator for the benchmarks: one bestuur under test with its members and a long audit
 * trail, plus other besturen with their own members and trails (so row-level security has
 * rows to filter out), plus platform-level events. Writes as the database owner, straight
 * through SQL: through `pg` for PostgreSQL, through PGlite for the embedded database.
 *
 *   node --import tsx bench/generate.ts postgres://postgres@127.0.0.1:5432/bench_xxx
 *   node --import tsx bench/generate.ts --pglite ./some/data-dir
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { bestuurRoles } from '@baken/contracts';
import { hashPassword } from '../server/src/platform/crypto.ts';
import { openPGlite, pglitePath } from '../server/src/platform/db/index.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { PGlitePool } from '../server/src/platform/db/pglite-pool.ts';
import { kboFor } from '../server/src/seed/demo.ts';
import { isMain } from './lib.ts';

export interface Queryable {
  query(sql: string, params?: readonly unknown[]): Promise<{ rows: any[] }>;
}

export interface GenerateOptions {
  /** Besturen besides the one under test. */
  otherBesturen: number;
  /** Members of the bestuur under test, the benchmark user included. */
  members: number;
  membersPerOther: number;
  /** Audit events of the bestuur under test. */
  events: number;
  eventsPerOther: number;
  platformEvents: number;
}

export const DEFAULTS: GenerateOptions = {
  otherBesturen: 9,
  members: 60,
  membersPerOther: 20,
  events: 2_000,
  eventsPerOther: 1_000,
  platformEvents: 500,
};

export const BENCH_EMAIL = 'bench@baken-bench.example';
export const BENCH_PASSWORD = 'Bench-password-2026!';

export interface Generated {
  bestuurId: string;
  bestuurName: string;
  email: string;
  password: string;
  counts: { besturen: number; users: number; memberships: number; auditEvents: number; ownEvents: number };
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

const uuid = () => crypto.randomUUID();
const FIRST = [
  'An',
  'Bram',
  'Charlotte',
  'Dries',
  'Els',
  'Frederik',
  'Griet',
  'Hannes',
  'Ilse',
  'Jeroen',
  'Karen',
  'Lars',
];
const LAST = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet'];
const ROLES = bestuurRoles;
const KINDS = ['gemeente', 'stad', 'ocmw', 'politiezone', 'hulpverleningszone'];
const PROVINCES = ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen'];

/** Inserts rows through jsonb_to_recordset, a chunk per round trip. */
async function insertMany(db: Queryable, table: string, columns: Record<string, string>, rows: object[]) {
  const names = Object.keys(columns);
  const def = names.map((n) => `${n} ${columns[n]}`).join(', ');
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.query(
      `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${def})`,
      [JSON.stringify(chunk)],
    );
  }
}

/** Fills a migrated, empty database. `db` must be the owner (it bypasses row-level security). */
export async function generate(db: Queryable, options: Partial<GenerateOptions> = {}): Promise<Generated> {
  const o = { ...DEFAULTS, ...options };
  const rand = rng(20260101);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const now = Date.now();

  const besturen = Array.from({ length: o.otherBesturen + 1 }, (_, i) => ({
    id: uuid(),
    kind: i === 0 ? 'gemeente' : KINDS[i % KINDS.length],
    name: i === 0 ? 'Gemeente Benchmark' : `${KINDS[i % KINDS.length]} Bench-${String(i).padStart(3, '0')}`,
    nis_code: null,
    kbo_number: kboFor(3_000_000 + i),
    population: 5_000 + Math.floor(rand() * 100_000),
    province: pick(PROVINCES),
  }));
  await insertMany(
    db,
    'besturen',
    {
      id: 'uuid',
      kind: 'text',
      name: 'text',
      nis_code: 'text',
      kbo_number: 'text',
      population: 'int',
      province: 'text',
    },
    besturen,
  );

  // The benchmark user: a security officer of the bestuur under test and of one other.
  const benchUser = {
    id: uuid(),
    email: BENCH_EMAIL,
    display_name: 'Benchmark Consulent',
    password_hash: await hashPassword(BENCH_PASSWORD),
  };
  const users: { id: string; email: string; display_name: string; password_hash: string | null }[] = [benchUser];
  const memberships: { bestuur_id: string; user_id: string; role: string; ends_at: string | null }[] = [
    { bestuur_id: besturen[0].id, user_id: benchUser.id, role: 'informatieveiligheidsconsulent', ends_at: null },
  ];
  if (besturen[1]) {
    memberships.push({ bestuur_id: besturen[1].id, user_id: benchUser.id, role: 'dpo', ends_at: null });
  }
  const membersOf = new Map<string, { id: string; name: string }[]>();
  membersOf.set(besturen[0].id, [{ id: benchUser.id, name: benchUser.display_name }]);
  besturen.forEach((b, i) => {
    const wanted = i === 0 ? o.members - 1 : o.membersPerOther;
    const list = membersOf.get(b.id) ?? [];
    for (let k = 0; k < wanted; k++) {
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      const u = {
        id: uuid(),
        email: `m${i}-${k}@bestuur-${i}.baken-bench.example`,
        display_name: name,
        password_hash: null,
      };
      users.push(u);
      const role = ROLES[k % ROLES.length];
      memberships.push({ bestuur_id: b.id, user_id: u.id, role, ends_at: role === 'auditor' ? '2099-12-31' : null });
      list.push({ id: u.id, name });
    }
    membersOf.set(b.id, list);
  });
  await insertMany(db, 'users', { id: 'uuid', email: 'text', display_name: 'text', password_hash: 'text' }, users);
  await insertMany(
    db,
    'memberships',
    { bestuur_id: 'uuid', user_id: 'uuid', role: 'text', ends_at: 'date' },
    memberships,
  );

  const event = (bestuurId: string | null, actors: { id: string; name: string }[]) => {
    const actor = pick(actors);
    const action = bestuurId
      ? pick(['create', 'update', 'update', 'update', 'invite', 'revoke', 'delete'])
      : pick(['sign_in', 'sign_in', 'sign_out', 'update']);
    const objectType = bestuurId ? pick(['membership', 'bestuur', 'api_token']) : 'user';
    const target = bestuurId ? pick(actors) : actor;
    return {
      bestuur_id: bestuurId,
      occurred_at: new Date(now - Math.floor(rand() * 365 * 86_400_000)).toISOString(),
      actor_id: actor.id,
      actor_name: actor.name,
      action,
      object_type: objectType,
      object_id: objectType === 'bestuur' ? (bestuurId as string) : target.id,
      object_label: objectType === 'bestuur' ? null : target.name,
      before: action === 'update' ? { role: pick(ROLES), endsAt: null } : null,
      after:
        action === 'sign_in' || action === 'sign_out'
          ? { method: 'password' }
          : action === 'delete'
            ? null
            : { role: pick(ROLES), endsAt: rand() < 0.2 ? '2027-06-30' : null, note: 'generated for the benchmark' },
      request_id: randomBytes(9).toString('base64url'),
    };
  };
  const events: ReturnType<typeof event>[] = [];
  besturen.forEach((b, i) => {
    const actors = membersOf.get(b.id) ?? [];
    for (let k = 0; k < (i === 0 ? o.events : o.eventsPerOther); k++) events.push(event(b.id, actors));
  });
  for (let k = 0; k < o.platformEvents; k++) {
    const all = [...membersOf.values()].flat();
    events.push(event(null, all));
  }
  await insertMany(
    db,
    'audit_events',
    {
      bestuur_id: 'uuid',
      occurred_at: 'timestamptz',
      actor_id: 'uuid',
      actor_name: 'text',
      action: 'text',
      object_type: 'text',
      object_id: 'text',
      object_label: 'text',
      before: 'jsonb',
      after: 'jsonb',
      request_id: 'text',
    },
    events,
  );
  await db.query('ANALYZE');

  return {
    bestuurId: besturen[0].id,
    bestuurName: besturen[0].name,
    email: BENCH_EMAIL,
    password: BENCH_PASSWORD,
    counts: {
      besturen: besturen.length,
      users: users.length,
      memberships: memberships.length,
      auditEvents: events.length,
      ownEvents: o.events,
    },
  };
}

/** Migrates and fills a PostgreSQL database, connecting as the owner given in the URL. */
export async function generatePostgres(url: string, options: Partial<GenerateOptions> = {}): Promise<Generated> {
  const owner = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(owner);
    return await generate(owner, options);
  } finally {
    await owner.end();
  }
}

/**
 * Migrates and fills the embedded database of a DATA_DIR (the server must not be running on
 * it: PGlite has one writer). PGlite runs as its superuser here, as the server's migrations do.
 */
export async function generatePGlite(dataDir: string, options: Partial<GenerateOptions> = {}): Promise<Generated> {
  const pglite = await openPGlite(pglitePath({ dataDir: path.resolve(dataDir) }));
  const pool = new PGlitePool(pglite);
  try {
    await migrate(pool);
    return await generate({ query: (s, p) => pglite.query(s, p as unknown[]) as Promise<{ rows: any[] }> }, options);
  } finally {
    await pglite.close();
  }
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const target = args.find((a) => !a.startsWith('--'));
  if (!target) {
    console.error('usage: generate.ts <postgres-url> | --pglite <data-dir>');
    process.exit(2);
  }
  const started = performance.now();
  const result = args.includes('--pglite') ? await generatePGlite(target) : await generatePostgres(target);
  console.log(JSON.stringify({ ...result, ms: Math.round(performance.now() - started) }, null, 2));
}
