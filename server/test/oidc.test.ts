import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/platform/crypto.js';
import { createTestApp } from './support/app.js';
import { agentFor, appWithConfig, createBestuur, createUser } from './support/factories.js';
import { BAKEN_CALLBACK, authorizeAt, startOidcProvider } from './support/oidc-provider.js';

const VERIFIED = 'oidc-verified@test.example';
const provider = await startOidcProvider({
  verified: { email: VERIFIED, email_verified: true },
  // The provider does not vouch for this address: it must not open an account that has it.
  unverified: { email: 'oidc-unverified@test.example', email_verified: false },
  stranger: { email: 'nobody-in-baken@test.example', email_verified: true },
});
const t = await createTestApp(provider.env);
const bestuur = await createBestuur(t);
const user = await createUser(t, { email: VERIFIED, memberOf: [[bestuur.id, 'medewerker']] });
await createUser(t, { email: 'oidc-unverified@test.example' });

async function start(returnTo?: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/auth/oidc/start',
    query: returnTo ? { returnTo } : {},
  });
  expect(res.statusCode).toBe(302);
  const cookie = res.cookies.find((c) => c.name === 'baken_oidc');
  expect(cookie).toMatchObject({ httpOnly: true, path: '/api/auth/oidc', sameSite: 'Lax' });
  return { location: String(res.headers.location), oidcCookie: cookie?.value as string };
}

function callback(url: URL, oidcCookie: string | undefined) {
  expect(`${url.origin}${url.pathname}`).toBe(BAKEN_CALLBACK);
  return t.app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: oidcCookie ? { cookie: `baken_oidc=${oidcCookie}` } : {},
  });
}

/** A whole sign-in as `accountId` at the provider, with the callback changed by `tamper`. */
async function signInVia(
  accountId: string,
  options: { returnTo?: string; tamper?: (url: URL) => void; dropCookie?: boolean } = {},
) {
  const { location, oidcCookie } = await start(options.returnTo);
  const back = await authorizeAt(location, accountId);
  options.tamper?.(back);
  const res = await callback(back, options.dropCookie ? undefined : oidcCookie);
  const session = res.cookies.find((c) => c.name === 'baken_session' && c.value);
  return { res, back, session, location: String(res.headers.location) };
}

const oidcSubject = async (id: string) =>
  (await t.raw('SELECT oidc_subject FROM users WHERE id = $1', [id]))[0].oidc_subject as string | null;

describe('sign-in with OpenID Connect', () => {
  it('says on /api/auth/providers that it is on offer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(res.json()).toEqual({ local: true, oidc: { enabled: true, label: 'Vlaamse overheid (ACM/IDM)' } });
  });

  it('sends the browser to the provider with the code flow, PKCE (S256), state and nonce', async () => {
    const { location } = await start();
    const url = new URL(location);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/auth`);
    const q = url.searchParams;
    expect(q.get('client_id')).toBe(provider.clientId);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe(BAKEN_CALLBACK);
    expect(q.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')).toBeTruthy();
    expect(q.get('nonce')).toBeTruthy();
  });

  it('signs in the user whose verified e-mail matches, links the subject and goes back to returnTo', async () => {
    const { res, session, location } = await signInVia('verified', { returnTo: '/besturen?tab=leden' });
    expect(res.statusCode).toBe(302);
    expect(location).toBe('/besturen?tab=leden');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await t.raw('SELECT user_id FROM sessions WHERE id = $1', [sha256(session?.value as string)])).toEqual([
      { user_id: user.id },
    ]);

    const me = await agentFor(t, { cookie: session?.value }).request('GET', '/api/auth/session');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(user.id);
    expect(me.body.memberships.map((m: { bestuurId: string }) => m.bestuurId)).toEqual([bestuur.id]);

    expect(await oidcSubject(user.id)).toBe(`${provider.issuer}#verified`);
    const events = await t.raw(
      "SELECT action, after FROM audit_events WHERE object_id = $1 AND action IN ('sign_in', 'update')",
      [user.id],
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'update', after: { oidcLinked: true } },
        { action: 'sign_in', after: { method: 'oidc' } },
      ]),
    );
  });

  it('signs in a linked user again by the subject', async () => {
    await signInVia('verified');
    const { session, location } = await signInVia('verified');
    expect(location).toBe('/');
    expect(session?.value).toBeTruthy();
  });

  it('does not go back to another site after sign-in', async () => {
    const { location, session } = await signInVia('verified', { returnTo: '//evil.example/x' });
    expect(session?.value).toBeTruthy();
    expect(location).toBe('/');
  });

  it('refuses an address the provider has not verified, even when a Baken user has it', async () => {
    const { res, session, location } = await signInVia('unverified');
    expect(res.statusCode).toBe(302);
    expect(location).toBe('/aanmelden?fout=OIDC_NO_ACCOUNT');
    expect(session).toBeUndefined();
    expect(await t.raw("SELECT 1 FROM users WHERE oidc_subject LIKE '%#unverified'")).toEqual([]);
  });

  it('refuses an address that has no Baken account, and creates none', async () => {
    const { location, session } = await signInVia('stranger');
    expect(location).toBe('/aanmelden?fout=OIDC_NO_ACCOUNT');
    expect(session).toBeUndefined();
    expect(await t.raw("SELECT 1 FROM users WHERE email = 'nobody-in-baken@test.example'")).toEqual([]);
  });

  it('goes back only within Baken, even when the sign-in cookie was forged', async () => {
    const { location: startUrl, oidcCookie } = await start('/veilig');
    const tx = JSON.parse(Buffer.from(oidcCookie, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...tx, returnTo: 'https://evil.example/' })).toString('base64url');
    const res = await callback(await authorizeAt(startUrl, 'verified'), forged);
    expect(res.headers.location).toBe('/');
  });

  it('fails cleanly when the provider refuses the request (here: PKCE left out)', async () => {
    const { location: startUrl, oidcCookie } = await start();
    const withoutPkce = new URL(startUrl);
    withoutPkce.searchParams.delete('code_challenge');
    withoutPkce.searchParams.delete('code_challenge_method');
    const back = await authorizeAt(withoutPkce.href, 'verified');
    expect(back.searchParams.get('error')).toBe('invalid_request');
    const res = await callback(back, oidcCookie);
    expect(res.headers.location).toBe('/aanmelden?fout=OIDC_FAILED');
    expect(res.cookies.find((c) => c.name === 'baken_session' && c.value)).toBeUndefined();
  });

  it('refuses a callback whose state was changed', async () => {
    const { location, session } = await signInVia('verified', {
      tamper: (url) => url.searchParams.set('state', `${url.searchParams.get('state')}x`),
    });
    expect(location).toBe('/aanmelden?fout=OIDC_FAILED');
    expect(session).toBeUndefined();
  });

  it('refuses a callback without the sign-in cookie (started in another browser)', async () => {
    const { location, session } = await signInVia('verified', { dropCookie: true });
    expect(location).toBe('/aanmelden?fout=OIDC_FAILED');
    expect(session).toBeUndefined();
  });

  it('refuses a callback with the cookie of another sign-in', async () => {
    const other = await start();
    const { location: startUrl } = await start();
    const back = await authorizeAt(startUrl, 'verified');
    const res = await callback(back, other.oidcCookie);
    expect(res.headers.location).toBe('/aanmelden?fout=OIDC_FAILED');
    expect(res.cookies.find((c) => c.name === 'baken_session' && c.value)).toBeUndefined();
  });

  it('does not accept the same code twice', async () => {
    const { location: startUrl, oidcCookie } = await start();
    const back = await authorizeAt(startUrl, 'verified');
    expect((await callback(back, oidcCookie)).headers.location).toBe('/');
    const again = await callback(back, oidcCookie);
    expect(again.headers.location).toBe('/aanmelden?fout=OIDC_FAILED');
  });

  it('refuses a deactivated user', async () => {
    const { location: startUrl, oidcCookie } = await start();
    const back = await authorizeAt(startUrl, 'verified');
    await t.raw('UPDATE users SET active = false WHERE id = $1', [user.id]);
    try {
      const res = await callback(back, oidcCookie);
      expect(res.headers.location).toBe('/aanmelden?fout=ACCOUNT_INACTIVE');
      expect(res.cookies.find((c) => c.name === 'baken_session' && c.value)).toBeUndefined();
    } finally {
      await t.raw('UPDATE users SET active = true WHERE id = $1', [user.id]);
    }
  });

  it('clears the sign-in cookie at the callback', async () => {
    const { res } = await signInVia('verified');
    const cleared = res.cookies.find((c) => c.name === 'baken_oidc');
    expect(cleared?.value).toBe('');
  });
});

describe('without OpenID Connect configured', () => {
  it('says so on /api/auth/providers and refuses to start', async () => {
    const plain = await appWithConfig(t, {});
    const providers = await plain.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(providers.json().oidc.enabled).toBe(false);
    const res = await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('OIDC_NOT_CONFIGURED');
  });
});
