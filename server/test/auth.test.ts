import { errorMessages } from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/platform/crypto.js';
import { type TestApp, createTestApp } from './support/app.js';
import { agentFor, appWithConfig, createBestuur, createTenant, createUser, signIn } from './support/factories.js';

// Every sign-in of this file comes from the same address: a high rate limit keeps the
// limiter out of the way except where it is under test (a second app with a low limit).
const t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000', LOGIN_MAX_FAILURES: '3' });

function login(app: TestApp, email: string, password: string, headers: Record<string, string> = {}) {
  return app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });
}

const sessionCookie = (res: Awaited<ReturnType<typeof login>>) => res.cookies.find((c) => c.name === 'baken_session');

const sessionStatus = async (cookie: string) =>
  (await agentFor(t, { cookie }).request('GET', '/api/auth/session')).status;

describe('sign-in with e-mail and password', () => {
  it('answers with the session and a HttpOnly, SameSite=Lax cookie on path / (not Secure outside production)', async () => {
    const bestuur = await createBestuur(t);
    const user = await createUser(t, { memberOf: [[bestuur.id, 'lezer']] });
    const res = await login(t, user.email, user.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: user.id, email: user.email, language: 'nl' });
    expect(body.memberships).toEqual([expect.objectContaining({ bestuurId: bestuur.id, role: 'lezer' })]);
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(20);
    const cookie = sessionCookie(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.expires?.getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);
  });

  it('marks the cookie Secure in production', async () => {
    const prod = await appWithConfig(t, {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://baken.example',
      SMTP_URL: 'smtp://localhost:2525',
    });
    const user = await createUser(t);
    const res = await login(prod, user.email, user.password);
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
  });

  it('accepts the address in another case and with spaces around it', async () => {
    const user = await createUser(t);
    const res = await login(t, `  ${user.email.toUpperCase()} `, user.password);
    expect(res.statusCode).toBe(200);
  });

  it('starts a new session at every sign-in and stores only the hash of the cookie', async () => {
    const user = await createUser(t);
    const first = sessionCookie(await login(t, user.email, user.password))?.value as string;
    const second = sessionCookie(await login(t, user.email, user.password))?.value as string;
    expect(first).not.toBe(second);
    const rows = await t.raw('SELECT id, csrf_token, user_agent FROM sessions WHERE user_id = $1 ORDER BY created_at', [
      user.id,
    ]);
    expect(rows.map((r) => r.id).sort()).toEqual([sha256(first), sha256(second)].sort());
    expect(JSON.stringify(rows)).not.toContain(first);
    expect(JSON.stringify(rows)).not.toContain(second);
    // Signing in again does not end the earlier session (another browser, another device).
    expect(await sessionStatus(first)).toBe(200);
    expect(await sessionStatus(second)).toBe(200);
  });

  it('asks for the CSRF token when someone already signed in signs in again (no login CSRF)', async () => {
    const user = await createUser(t);
    const other = await createUser(t);
    const agent = await signIn(t, user.email, user.password);
    const res = await login(t, other.email, other.password, { cookie: `baken_session=${agent.cookie}` });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('writes a sign_in audit event at platform level', async () => {
    const user = await createUser(t);
    await signIn(t, user.email, user.password);
    const events = await t.raw(
      "SELECT bestuur_id, actor_id, after FROM audit_events WHERE action = 'sign_in' AND object_id = $1",
      [user.id],
    );
    expect(events).toEqual([{ bestuur_id: null, actor_id: user.id, after: { method: 'password' } }]);
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS, in Dutch unless English is asked', async () => {
    const user = await createUser(t);
    const nl = await login(t, user.email, 'wrong-password-123');
    expect(nl.statusCode).toBe(401);
    expect(nl.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: errorMessages.INVALID_CREDENTIALS.nl });
    expect(sessionCookie(nl)).toBeUndefined();
    const en = await login(t, user.email, 'wrong-password-123', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.statusCode).toBe(401);
    expect(en.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: errorMessages.INVALID_CREDENTIALS.en });
  });

  it('answers an unknown address exactly like a wrong password', async () => {
    const res = await login(t, 'nobody-here@test.example', 'whatever-password');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: errorMessages.INVALID_CREDENTIALS.nl });
  });

  it('refuses a user without a password (invited, not yet set) like a wrong password', async () => {
    const user = await createUser(t, { password: null });
    const res = await login(t, user.email, 'anything-at-all-1');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
  });
});

describe('lock-out and rate limit', () => {
  it('locks the account after LOGIN_MAX_FAILURES failures and says until when', async () => {
    const user = await createUser(t);
    expect((await login(t, user.email, 'wrong-1-xxxxxx')).statusCode).toBe(401);
    expect((await login(t, user.email, 'wrong-2-xxxxxx')).statusCode).toBe(401);
    const third = await login(t, user.email, 'wrong-3-xxxxxx');
    expect(third.statusCode).toBe(423);
    const [row] = await t.raw('SELECT locked_until FROM users WHERE id = $1', [user.id]);
    const until = row.locked_until as Date;
    expect(until.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const hhmm = until.toLocaleTimeString('nl-BE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' });
    expect(third.json()).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: errorMessages.ACCOUNT_LOCKED.nl.replace('{{until}}', hhmm),
      details: { lockedUntil: until.toISOString() },
    });

    const right = await login(t, user.email, user.password, { 'accept-language': 'en' });
    expect(right.statusCode).toBe(423);
    expect(right.json().message).toMatch(/^Too many failed sign-in attempts.*try again after \d{2}:\d{2}\.$/);
    expect(sessionCookie(right)).toBeUndefined();
  });

  it('lets the user in again once the lock has passed, and forgets the failures', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 3; i++) await login(t, user.email, 'wrong-password-x');
    await t.raw("UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1", [user.id]);
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);
    const [row] = await t.raw('SELECT failed_logins, locked_until FROM users WHERE id = $1', [user.id]);
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('answers more than LOGIN_RATE_PER_MINUTE attempts with 429 and Retry-After', async () => {
    const limited = await appWithConfig(t, { LOGIN_RATE_PER_MINUTE: '3', LOGIN_MAX_FAILURES: '50' });
    const user = await createUser(t);
    for (let i = 0; i < 3; i++) expect((await login(limited, user.email, 'wrong-password-x')).statusCode).toBe(401);
    const res = await login(limited, user.email, user.password);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'RATE_LIMITED', message: errorMessages.RATE_LIMITED.nl });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.json().details.retryAfterSeconds).toBe(retryAfter);
  });
});

describe('sessions', () => {
  it('ends a session that has been idle longer than SESSION_IDLE_MINUTES', async () => {
    const { user, agent } = await createTenant(t);
    expect(await sessionStatus(agent.cookie)).toBe(200);
    await t.raw("UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1", [user.id]);
    const res = await agent.request('GET', '/api/auth/session');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('keeps a session alive while it is used', async () => {
    const { user, agent } = await createTenant(t);
    await t.raw("UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1", [user.id]);
    expect(await sessionStatus(agent.cookie)).toBe(200);
    const [row] = await t.raw(
      'SELECT extract(epoch FROM now() - last_seen_at)::int AS idle FROM sessions WHERE user_id = $1',
      [user.id],
    );
    expect(row.idle).toBeLessThan(60);
  });

  it('ends a session past its absolute time-out, however active', async () => {
    const { user, agent } = await createTenant(t);
    await t.raw("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [user.id]);
    expect(await sessionStatus(agent.cookie)).toBe(401);
  });

  it('ends the session at logout and records the sign-out', async () => {
    const { user, agent } = await createTenant(t);
    const res = await agent.request('POST', '/api/auth/logout');
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/baken_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await sessionStatus(agent.cookie)).toBe(401);
    expect(await t.raw('SELECT 1 FROM sessions WHERE id = $1', [sha256(agent.cookie)])).toEqual([]);
    const events = await t.raw(
      "SELECT bestuur_id, actor_id FROM audit_events WHERE action = 'sign_out' AND object_id = $1",
      [user.id],
    );
    expect(events).toEqual([{ bestuur_id: null, actor_id: user.id }]);
  });

  it('does not sign out on a cross-site request without the CSRF token', async () => {
    const { agent } = await createTenant(t);
    const res = await agent.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(res.status).toBe(403);
    expect(await sessionStatus(agent.cookie)).toBe(200);
  });

  it('shuts out a deactivated user: the session stops working and sign-in gives 403 ACCOUNT_INACTIVE', async () => {
    const { user, agent } = await createTenant(t);
    await t.raw('UPDATE users SET active = false WHERE id = $1', [user.id]);
    expect(await sessionStatus(agent.cookie)).toBe(401);
    const res = await login(t, user.email, user.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ACCOUNT_INACTIVE');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('treats an unknown cookie as not signed in', async () => {
    expect(await sessionStatus('not-a-session')).toBe(401);
  });
});

describe('CSRF protection', () => {
  const patchMe = async (agent: ReturnType<typeof agentFor>, headers: Record<string, string>) => {
    const me = (await agent.request('GET', '/api/me')).body;
    const res = await agent.request('PATCH', '/api/me', { version: me.version, displayName: 'Changed Name' }, headers);
    return { res, before: me };
  };

  it('refuses a cookie-authenticated change without the header, or with a wrong one, and changes nothing', async () => {
    const { user, agent } = await createTenant(t);
    const bare = agentFor(t, { cookie: agent.cookie });
    const almost = `${agent.csrf.slice(0, -1)}${agent.csrf.endsWith('A') ? 'B' : 'A'}`;
    for (const headers of [{}, { 'x-csrf-token': 'wrong' }, { 'x-csrf-token': almost }] as Record<string, string>[]) {
      const { res } = await patchMe(bare, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.code).toBe('CSRF_INVALID');
    }
    const [row] = await t.raw('SELECT display_name, version FROM users WHERE id = $1', [user.id]);
    expect(row.version).toBe(1);
    expect(row.display_name).not.toBe('Changed Name');
  });

  it('accepts the change with the session’s CSRF token', async () => {
    const { user, agent } = await createTenant(t);
    const { res } = await patchMe(agent, {});
    expect(res.status).toBe(200);
    const [row] = await t.raw('SELECT display_name FROM users WHERE id = $1', [user.id]);
    expect(row.display_name).toBe('Changed Name');
  });

  it('does not accept the CSRF token of another session', async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const { res } = await patchMe(agentFor(t, { cookie: a.agent.cookie }), { 'x-csrf-token': b.agent.csrf });
    expect(res.status).toBe(403);
  });

  it('needs no CSRF header for a request with a bearer token', async () => {
    const { bestuur, agent } = await createTenant(t);
    const created = await agent.request('POST', '/api/me/tokens', { bestuurId: bestuur.id, name: 'csrf check' });
    expect(created.status).toBe(201);
    const script = agentFor(t, { bearer: created.body.token });
    const invited = await script.request('POST', `/api/besturen/${bestuur.id}/members`, {
      email: `script-${Date.now()}@test.example`,
      displayName: 'Via script',
      role: 'lezer',
    });
    expect(invited.status).toBe(201);
  });

  it('refuses changes to the account itself with a bearer token', async () => {
    const { bestuur, agent } = await createTenant(t);
    const created = await agent.request('POST', '/api/me/tokens', { bestuurId: bestuur.id, name: 'account check' });
    const script = agentFor(t, { bearer: created.body.token });
    const me = await script.request('GET', '/api/me');
    expect(me.status).toBe(200);
    const { res } = await patchMe(script, {});
    expect(res.status).toBe(403);
    expect((await script.request('GET', '/api/me/tokens')).status).toBe(403);
    expect((await script.request('DELETE', `/api/me/tokens/${created.body.id}`)).status).toBe(403);
    const stored = await t.raw('SELECT display_name, version FROM users WHERE id = $1', [me.body.id]);
    expect(stored[0]).toMatchObject({ display_name: me.body.displayName, version: me.body.version });
  });
});
