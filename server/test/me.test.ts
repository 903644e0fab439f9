import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/platform/crypto.js';
import { createTestApp } from './support/app.js';
import { type Agent, agentFor, createTenant, createUser, signIn } from './support/factories.js';

const t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });

const NEW_PASSWORD = 'Another-long-secret-42';

function login(email: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
}

const sessionStatus = async (agent: Agent) =>
  (await agentFor(t, { cookie: agent.cookie }).request('GET', '/api/auth/session')).status;

/** Asks for a reset link and returns the token from the mailed link (or null when no mail went out). */
async function requestReset(email: string) {
  const before = t.outbox.length;
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email } });
  expect(res.statusCode).toBe(202);
  expect(res.json()).toEqual({ status: 'accepted' });
  const mail = t.outbox.slice(before).find((m) => m.to === email);
  return mail ? tokenOfMail(mail.text) : null;
}

function tokenOfMail(text: string) {
  const link = text.match(/https?:\/\/\S+/)?.[0] as string;
  expect(link).toMatch(/^http:\/\/baken\.test\/wachtwoord-herstellen\?token=[\w-]+$/);
  return decodeURIComponent(new URL(link).searchParams.get('token') as string);
}

const confirm = (token: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password }, headers });

describe('/api/me', () => {
  it('shows your profile', async () => {
    const { user, agent } = await createTenant(t);
    const res = await agent.request('GET', '/api/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: user.id,
      email: user.email,
      displayName: expect.any(String),
      language: 'nl',
      hasPassword: true,
      version: 1,
    });
  });

  it('needs a sign-in', async () => {
    const res = await agentFor(t, {}).request('GET', '/api/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('changes the language with the current version, and records it at platform level', async () => {
    const { user, agent } = await createTenant(t);
    const res = await agent.request('PATCH', '/api/me', { version: 1, language: 'en' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ language: 'en', version: 2 });
    // The session now speaks English without an Accept-Language header.
    const err = await agent.request('PATCH', '/api/me', { version: 1, language: 'nl' });
    expect(err.body.message).toMatch(/^Someone else changed this/);
    const events = await t.raw(
      "SELECT bestuur_id, actor_id, before, after FROM audit_events WHERE object_type = 'user' AND object_id = $1 AND action = 'update'",
      [user.id],
    );
    expect(events).toEqual([
      { bestuur_id: null, actor_id: user.id, before: { language: 'nl' }, after: { language: 'en' } },
    ]);
  });

  it('refuses a stale version with 409 VERSION_CONFLICT and the current profile', async () => {
    const { user, agent } = await createTenant(t);
    expect((await agent.request('PATCH', '/api/me', { version: 1, displayName: 'First Change' })).status).toBe(200);
    const res = await agent.request('PATCH', '/api/me', { version: 1, displayName: 'Second Change' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    expect(res.body.details.current).toMatchObject({ id: user.id, displayName: 'First Change', version: 2 });
    const [row] = await t.raw('SELECT display_name, version FROM users WHERE id = $1', [user.id]);
    expect(row).toEqual({ display_name: 'First Change', version: 2 });
  });

  it('validates the change', async () => {
    const { agent } = await createTenant(t);
    const res = await agent.request('PATCH', '/api/me', { version: 1, language: 'fr' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain('language');
  });
});

describe('password change', () => {
  it('refuses a wrong current password with 400 PASSWORD_INCORRECT', async () => {
    const { user, agent } = await createTenant(t);
    const res = await agent.request('POST', '/api/me/password', {
      currentPassword: 'not-my-password',
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PASSWORD_INCORRECT');
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('changes the password, ends the other sessions and keeps this one', async () => {
    const { user, agent } = await createTenant(t);
    const other = await signIn(t, user.email, user.password);
    const res = await agent.request('POST', '/api/me/password', {
      currentPassword: user.password,
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(204);
    expect(await sessionStatus(agent)).toBe(200);
    expect(await sessionStatus(other)).toBe(401);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
    const events = await t.raw(
      "SELECT bestuur_id, after FROM audit_events WHERE object_id = $1 AND action = 'update' AND after ? 'password'",
      [user.id],
    );
    expect(events).toEqual([{ bestuur_id: null, after: { password: 'changed' } }]);
  });

  it('refuses a too-short new password', async () => {
    const { agent } = await createTenant(t);
    const res = await agent.request('POST', '/api/me/password', { currentPassword: 'x', newPassword: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.details.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(['newPassword']);
  });
});

describe('password reset', () => {
  it('mails a link for a known address; the link sets a new password and ends every session', async () => {
    const { user, agent } = await createTenant(t);
    const token = (await requestReset(user.email)) as string;
    expect(token).toBeTruthy();
    const stored = await t.raw('SELECT id, purpose FROM password_tokens WHERE user_id = $1', [user.id]);
    expect(stored).toEqual([{ id: sha256(token), purpose: 'reset' }]);

    const res = await confirm(token, NEW_PASSWORD);
    expect(res.statusCode).toBe(204);
    expect(await sessionStatus(agent)).toBe(401);
    expect(await t.raw('SELECT 1 FROM sessions WHERE user_id = $1', [user.id])).toEqual([]);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown address the same way and sends nothing', async () => {
    const before = t.outbox.length;
    expect(await requestReset('nobody-at-all@test.example')).toBeNull();
    expect(t.outbox.length).toBe(before);
  });

  it('sends nothing to a deactivated account', async () => {
    const user = await createUser(t);
    await t.raw('UPDATE users SET active = false WHERE id = $1', [user.id]);
    expect(await requestReset(user.email)).toBeNull();
  });

  it('does not accept a link twice', async () => {
    const user = await createUser(t);
    const token = (await requestReset(user.email)) as string;
    expect((await confirm(token, NEW_PASSWORD)).statusCode).toBe(204);
    const again = await confirm(token, 'Yet-another-password-7');
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('RESET_TOKEN_INVALID');
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('retires every other open link once the password is set or changed', async () => {
    const user = await createUser(t);
    const first = (await requestReset(user.email)) as string;
    const second = (await requestReset(user.email)) as string;
    const third = (await requestReset(user.email)) as string;
    expect((await confirm(second, NEW_PASSWORD)).statusCode).toBe(204);
    expect((await confirm(first, 'Someone-elses-password-1')).json().code).toBe('RESET_TOKEN_INVALID');

    const agent = await signIn(t, user.email, NEW_PASSWORD);
    const fourth = (await requestReset(user.email)) as string;
    const change = { currentPassword: NEW_PASSWORD, newPassword: 'Changed-in-profile-77' };
    expect((await agent.request('POST', '/api/me/password', change)).status).toBe(204);
    for (const token of [third, fourth]) {
      expect((await confirm(token, 'Someone-elses-password-1')).json().code).toBe('RESET_TOKEN_INVALID');
    }
    expect((await login(user.email, 'Changed-in-profile-77')).statusCode).toBe(200);
  });

  it('does not accept an expired link or a made-up one', async () => {
    const user = await createUser(t);
    const token = (await requestReset(user.email)) as string;
    await t.raw("UPDATE password_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [sha256(token)]);
    const expired = await confirm(token, NEW_PASSWORD);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('RESET_TOKEN_INVALID');
    expect((await confirm('x'.repeat(43), NEW_PASSWORD)).json().code).toBe('RESET_TOKEN_INVALID');
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('lifts a lock-out', async () => {
    const user = await createUser(t);
    await t.raw("UPDATE users SET locked_until = now() + interval '1 hour', failed_logins = 2 WHERE id = $1", [
      user.id,
    ]);
    const token = (await requestReset(user.email)) as string;
    expect((await confirm(token, NEW_PASSWORD)).statusCode).toBe(204);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a too-short password with VALIDATION_FAILED pointing at password, and keeps the link usable', async () => {
    const user = await createUser(t);
    const token = (await requestReset(user.email)) as string;
    const res = await confirm(token, 'short', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.issues).toEqual([expect.objectContaining({ path: ['password'], code: 'too_small' })]);
    expect(body.details.issues[0].message).toMatch(/12/);
    expect((await confirm(token, NEW_PASSWORD)).statusCode).toBe(204);
  });
});

describe('invitation link', () => {
  it('lets a newly invited person choose a password, sign in and see the bestuur', async () => {
    const { bestuur, agent } = await createTenant(t, 'beheerder');
    const email = `invitee-${Date.now()}@test.example`;
    const before = t.outbox.length;
    const invited = await agent.request('POST', `/api/besturen/${bestuur.id}/members`, {
      email,
      displayName: 'Nieuwe Collega',
      role: 'medewerker',
    });
    expect(invited.status).toBe(201);
    const [user] = await t.raw('SELECT id, password_hash FROM users WHERE email = $1', [email]);
    expect(user.password_hash).toBeNull();
    const mail = t.outbox.slice(before).find((m) => m.to === email);
    expect(mail?.subject).toContain(bestuur.name);
    const token = tokenOfMail(mail?.text as string);
    expect(await t.raw('SELECT purpose FROM password_tokens WHERE id = $1', [sha256(token)])).toEqual([
      { purpose: 'invite' },
    ]);

    // No password yet: sign-in fails until the link is used.
    expect((await login(email, NEW_PASSWORD)).statusCode).toBe(401);
    expect((await confirm(token, NEW_PASSWORD)).statusCode).toBe(204);
    const res = await login(email, NEW_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().memberships).toEqual([
      expect.objectContaining({ bestuurId: bestuur.id, bestuurName: bestuur.name, role: 'medewerker' }),
    ]);
    const events = await t.raw("SELECT after FROM audit_events WHERE object_id = $1 AND after ? 'password'", [user.id]);
    expect(events).toEqual([{ after: { password: 'set' } }]);
  });
});
