import * as client from 'openid-client';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import { inScope } from '../../platform/tenancy.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthDeps } from './auth.service.js';
import * as repo from './identity.repository.js';

/** What travels in the short-lived, HttpOnly cookie between the start and the callback. */
export interface OidcTransaction {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

const discovered = new WeakMap<Config, Promise<client.Configuration>>();

function configuration(config: Config): Promise<client.Configuration> {
  if (!config.oidcEnabled) throw new AppError('OIDC_NOT_CONFIGURED');
  let found = discovered.get(config);
  if (!found) {
    found = client.discovery(
      new URL(config.OIDC_ISSUER as string),
      config.OIDC_CLIENT_ID as string,
      config.OIDC_CLIENT_SECRET as string,
      undefined,
      config.OIDC_ALLOW_HTTP ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    // A failed discovery is retried on the next sign-in rather than remembered.
    found.catch(() => discovered.delete(config));
    discovered.set(config, found);
  }
  return found;
}

export const redirectUri = (config: Config) => `${config.publicUrl}/api/auth/oidc/callback`;

/** Only paths within the app, so the callback cannot be turned into an open redirect. */
export const safeReturnTo = (value: string | undefined) =>
  value && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : '/';

export async function startOidc(config: Config, returnTo: string | undefined) {
  const oidc = await configuration(config);
  const tx: OidcTransaction = {
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    returnTo: safeReturnTo(returnTo),
  };
  const url = client.buildAuthorizationUrl(oidc, {
    redirect_uri: redirectUri(config),
    scope: config.OIDC_SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(tx.verifier),
    code_challenge_method: 'S256',
    state: tx.state,
    nonce: tx.nonce,
  });
  return { url: url.href, tx };
}

/**
 * Finishes the code flow and finds the Baken user: first by the subject linked earlier,
 * then by a verified e-mail address (which links the subject). Nobody is created here:
 * access to a bestuur comes from an invitation.
 */
export async function finishOidc(deps: AuthDeps, callbackUrl: URL, tx: OidcTransaction, requestId: string) {
  const oidc = await configuration(deps.config);
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
      pkceCodeVerifier: tx.verifier,
      expectedState: tx.state,
      expectedNonce: tx.nonce,
    });
    const idClaims: Record<string, unknown> = tokens.claims() ?? {};
    claims = { ...idClaims };
    if (claims.email === undefined && tokens.access_token) {
      Object.assign(claims, await client.fetchUserInfo(oidc, tokens.access_token, String(idClaims.sub)));
    }
  } catch (err) {
    throw new AppError('OIDC_FAILED', { reason: (err as Error).message });
  }
  const subject = `${deps.config.OIDC_ISSUER}#${String(claims.sub)}`;
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
  const verified = claims.email_verified === true || claims.email_verified === 'true';

  const linked = await repo.findUserByOidcSubject(deps.db, subject);
  const user = linked ?? (email && verified ? await repo.findUserByEmail(deps.db, email) : undefined);
  if (!user) throw new AppError('OIDC_NO_ACCOUNT');
  if (!user.active) throw new AppError('ACCOUNT_INACTIVE');
  if (!linked) {
    await inScope(deps.db, { userId: user.id }, async (t) => {
      await repo.updateUser(t, user.id, null, { oidc_subject: subject });
      await recordAudit(
        t,
        { userId: user.id, actorName: user.display_name, requestId },
        {
          action: 'update',
          objectType: 'user',
          objectId: user.id,
          objectLabel: user.display_name,
          before: { oidcLinked: false },
          after: { oidcLinked: true },
          bestuurId: null,
        },
      );
    });
  }
  return user;
}
