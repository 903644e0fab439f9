import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/platform/crypto.js';
import { createTestApp } from './support/app.js';
import { type Agent, agentFor, createBestuur, createTenant, createUser, signIn } from './support/factories.js';

const t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });

async function createToken(agent: Agent, bestuurId: string, extra: Record<string, unknown> = {}) {
  const res = await agent.request('POST', '/api/me/tokens', { bestuurId, name: 'Koppeling', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; token: string; prefix: string };
}

const bearer = (token: string) => agentFor(t, { bearer: token });
const readMembers = (token: string, bestuurId: string) =>
  bearer(token).request('GET', `/api/besturen/${bestuurId}/members`);

describe('API tokens', () => {
  it('shows the secret once at creation and stores only its hash', async () => {
    const { bestuur, user, agent } = await createTenant(t);
    const res = await agent.request('POST', '/api/me/tokens', { bestuurId: bestuur.id, name: 'Rapportage' });
    expect(res.status).toBe(201);
    const { token, ...shown } = res.body;
    expect(token).toMatch(/^bkn_[\w-]{30,}$/);
    expect(shown).toMatchObject({
      bestuurId: bestuur.id,
      bestuurName: bestuur.name,
      name: 'Rapportage',
      revokedAt: null,
    });
    expect(token.startsWith(shown.prefix)).toBe(true);
    // Tokens expire after 90 days unless asked otherwise.
    expect(Date.parse(shown.expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);

    const list = await agent.request('GET', '/api/me/tokens');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([shown]);
    expect(JSON.stringify(list.body)).not.toContain(token);

    const rows = await t.raw('SELECT * FROM api_tokens WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    const events = await t.raw(
      "SELECT bestuur_id, actor_id FROM audit_events WHERE object_type = 'api_token' AND object_id = $1",
      [shown.id],
    );
    expect(events).toEqual([{ bestuur_id: bestuur.id, actor_id: user.id }]);
  });

  it('reads its own bestuur with Authorization: Bearer', async () => {
    const { bestuur, user, agent } = await createTenant(t);
    const { token } = await createToken(agent, bestuur.id);
    const res = await readMembers(token, bestuur.id);
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { userId: string }) => m.userId)).toContain(user.id);
    const [row] = await t.raw('SELECT last_used_at FROM api_tokens WHERE token_hash = $1', [sha256(token)]);
    expect(row.last_used_at).not.toBeNull();
  });

  it('works for its one bestuur only, even where the user is a member too', async () => {
    const own = await createBestuur(t);
    const other = await createBestuur(t);
    const user = await createUser(t, {
      memberOf: [
        [own.id, 'beheerder'],
        [other.id, 'beheerder'],
      ],
    });
    const agent = await signIn(t, user.email, user.password);
    expect((await agent.request('GET', `/api/besturen/${other.id}/members`)).status).toBe(200);
    const { token } = await createToken(agent, own.id);
    const res = await readMembers(token, other.id);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    const session = await bearer(token).request('GET', '/api/auth/session');
    expect(session.body.memberships.map((m: { bestuurId: string }) => m.bestuurId)).toEqual([own.id]);
  });

  it('is not created for a bestuur you are not a member of (404)', async () => {
    const { agent } = await createTenant(t);
    const stranger = await createBestuur(t);
    const res = await agent.request('POST', '/api/me/tokens', { bestuurId: stranger.id, name: 'Inbraak' });
    expect(res.status).toBe(404);
    expect(await t.raw('SELECT 1 FROM api_tokens WHERE bestuur_id = $1', [stranger.id])).toEqual([]);
  });

  it('is not created by a role without apiTokens.create (403)', async () => {
    const { bestuur, user, agent } = await createTenant(t, 'lezer');
    const res = await agent.request('POST', '/api/me/tokens', { bestuurId: bestuur.id, name: 'Lezer' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(await t.raw('SELECT 1 FROM api_tokens WHERE user_id = $1', [user.id])).toEqual([]);
  });

  it('is not created with a token (403)', async () => {
    const { bestuur, user, agent } = await createTenant(t);
    const { token } = await createToken(agent, bestuur.id);
    const res = await bearer(token).request('POST', '/api/me/tokens', { bestuurId: bestuur.id, name: 'Kind' });
    expect(res.status).toBe(403);
    expect(await t.raw('SELECT 1 FROM api_tokens WHERE user_id = $1', [user.id])).toHaveLength(1);
  });

  it('stops working when revoked, and the revocation is recorded', async () => {
    const { bestuur, agent } = await createTenant(t);
    const { id, token } = await createToken(agent, bestuur.id);
    expect((await agent.request('DELETE', `/api/me/tokens/${id}`)).status).toBe(204);
    const res = await readMembers(token, bestuur.id);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    const list = await agent.request('GET', '/api/me/tokens');
    expect(list.body.items[0].revokedAt).not.toBeNull();
    const events = await t.raw("SELECT bestuur_id FROM audit_events WHERE action = 'revoke' AND object_id = $1", [id]);
    expect(events).toEqual([{ bestuur_id: bestuur.id }]);
  });

  it('cannot be revoked by someone else (404, the token keeps working)', async () => {
    const a = await createTenant(t);
    const { id, token } = await createToken(a.agent, a.bestuur.id);
    // A colleague in the same bestuur, with the right to manage members, is someone else too.
    const colleague = await createUser(t, { memberOf: [[a.bestuur.id, 'beheerder']] });
    const b = await signIn(t, colleague.email, colleague.password);
    const res = await b.request('DELETE', `/api/me/tokens/${id}`);
    expect(res.status).toBe(404);
    expect((await b.request('GET', '/api/me/tokens')).body.items).toEqual([]);
    expect((await readMembers(token, a.bestuur.id)).status).toBe(200);
    const [row] = await t.raw('SELECT revoked_at FROM api_tokens WHERE id = $1', [id]);
    expect(row.revoked_at).toBeNull();
  });

  it('stops working once expired', async () => {
    const { bestuur, agent } = await createTenant(t);
    const { id, token } = await createToken(agent, bestuur.id, { expiresInDays: 1 });
    expect((await readMembers(token, bestuur.id)).status).toBe(200);
    await t.raw("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    expect((await readMembers(token, bestuur.id)).status).toBe(401);
  });

  it('stops working when the user is deactivated or leaves the bestuur', async () => {
    const { bestuur, user, agent } = await createTenant(t);
    const { token } = await createToken(agent, bestuur.id);
    await t.raw('UPDATE memberships SET active = false WHERE user_id = $1', [user.id]);
    expect((await readMembers(token, bestuur.id)).status).toBe(404);
    await t.raw('UPDATE users SET active = false WHERE id = $1', [user.id]);
    expect((await readMembers(token, bestuur.id)).status).toBe(401);
  });

  it('refuses an unknown or malformed bearer token with 401, even with a valid session cookie', async () => {
    const { bestuur, agent } = await createTenant(t);
    for (const value of ['bkn_made-up-token-value-0000000000', 'not-a-baken-token']) {
      const res = await agent.request('GET', `/api/besturen/${bestuur.id}/members`, undefined, {
        authorization: `Bearer ${value}`,
      });
      expect(res.status, value).toBe(401);
    }
  });
});
