import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { createMailer } from '../../src/platform/mail.js';
import type { BestuurKind, BestuurRole, RegionalRole } from '@baken/contracts';
import { hashPassword } from '../../src/platform/crypto.js';
import { kboFor } from '../../src/seed/demo.js';
import type { TestApp } from './app.js';

export const PASSWORD = 'Correct-horse-battery-9';
let passwordHash: Promise<string> | null = null;
const hashOnce = () => {
  passwordHash ??= hashPassword(PASSWORD);
  return passwordHash;
};

const rand = () => randomUUID().slice(0, 8);

/** A fresh bestuur on every call, so tests never collide and never clean up. */
export async function createBestuur(t: TestApp, over: { name?: string; kind?: BestuurKind } = {}) {
  const id = randomUUID();
  const name = over.name ?? `Gemeente Test-${rand()}`;
  await t.raw('INSERT INTO besturen (id, kind, name, kbo_number, population) VALUES ($1, $2, $3, $4, $5)', [
    id,
    over.kind ?? 'gemeente',
    name,
    kboFor(Math.floor(Math.random() * 19_999_999)),
    12_000,
  ]);
  return { id, name };
}

export async function createUser(
  t: TestApp,
  over: {
    email?: string;
    name?: string;
    memberOf?: [string, BestuurRole][];
    regionalRoles?: RegionalRole[];
    password?: string | null;
  } = {},
) {
  const email = over.email ?? `user-${rand()}@test.example`;
  const hash = over.password === null ? null : over.password ? await hashPassword(over.password) : await hashOnce();
  const [user] = await t.raw(
    'INSERT INTO users (email, display_name, password_hash, regional_roles) VALUES ($1, $2, $3, $4) RETURNING id',
    [email, over.name ?? `Test ${rand()}`, hash, over.regionalRoles ?? []],
  );
  const memberships: Record<string, string> = {};
  for (const [bestuurId, role] of over.memberOf ?? []) {
    const [m] = await t.raw(
      'INSERT INTO memberships (bestuur_id, user_id, role, ends_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [bestuurId, user.id, role, role === 'auditor' ? '2099-12-31' : null],
    );
    memberships[bestuurId] = m.id as string;
  }
  return { id: user.id as string, email, password: over.password ?? PASSWORD, memberships };
}

/** A bestuur with a security officer: the usual starting point of a test. */
export async function createTenant(t: TestApp, role: BestuurRole = 'informatieveiligheidsconsulent') {
  const bestuur = await createBestuur(t);
  const user = await createUser(t, { memberOf: [[bestuur.id, role]] });
  const agent = await signIn(t, user.email, user.password);
  return { bestuur, user, agent };
}
export type Tenant = Awaited<ReturnType<typeof createTenant>>;

export interface Agent {
  cookie: string;
  csrf: string;
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: Buffer }>;
}

export async function signIn(t: TestApp, email: string, password: string): Promise<Agent> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'baken_session')?.value as string;
  return agentFor(t, { cookie, csrf: res.json().csrfToken });
}

export function agentFor(t: TestApp, auth: { cookie?: string; csrf?: string; bearer?: string }): Agent {
  return {
    cookie: auth.cookie ?? '',
    csrf: auth.csrf ?? '',
    async request(method, url, body, headers = {}) {
      const res = await t.app.inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: {
          ...(auth.cookie ? { cookie: `baken_session=${auth.cookie}` } : {}),
          ...(auth.csrf && method !== 'GET' ? { 'x-csrf-token': auth.csrf } : {}),
          ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}),
          ...headers,
        },
      });
      const type = String(res.headers['content-type'] ?? '');
      return {
        status: res.statusCode,
        body: type.includes('json') ? res.json() : res.body,
        headers: res.headers,
        raw: res.rawPayload,
      };
    },
  };
}

/**
 * A second app with other settings over the same database as `t` (for example production
 * cookies, or a low rate limit), without the cost of another database. Closed after the file.
 */
export async function appWithConfig(t: TestApp, env: Record<string, string>): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://baken.test', AUTH_CACHE_SECONDS: '0', ...env });
  const mailer = createMailer({ ...config, SMTP_URL: undefined }, pino({ level: 'silent' }));
  const app = await buildApp({ config, db: t.db, mailer }, pino({ level: 'silent' }), { web: false });
  await app.ready();
  afterAll(() => app.close());
  return { ...t, app, outbox: mailer.outbox };
}
