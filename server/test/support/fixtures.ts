import { randomUUID } from 'node:crypto';
import { randomToken, sha256 } from '../../src/platform/crypto.js';
import { kboFor } from '../../src/seed/demo.js';
import type { TestApp } from './app.js';
import { type Agent, agentFor } from './factories.js';

/** A valid KBO number (mod-97 check digits) that no other test uses, as 10 digits. */
export const freshKbo = () => kboFor(Math.floor(Math.random() * 19_999_999));

/** "0123456749" -> "0123.456.749", the way people type it. */
export const dottedKbo = (kbo: string) => `${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`;

/**
 * A session for a user without going through the login route: stored the way the login
 * stores it, so authentication takes exactly the same path. Saves argon2 work and keeps
 * the login rate limit out of tests that are not about signing in.
 */
export async function sessionFor(t: TestApp, userId: string): Promise<Agent> {
  const cookie = randomToken(32);
  const csrf = randomToken(24);
  await t.raw(
    "INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')",
    [sha256(cookie), userId, csrf],
  );
  return agentFor(t, { cookie, csrf });
}

/** An API token created through the API by the signed-in agent, and an agent that uses it. */
export async function tokenAgent(t: TestApp, agent: Agent, bestuurId: string): Promise<Agent & { tokenId: string }> {
  const res = await agent.request('POST', '/api/me/tokens', { bestuurId, name: `test ${randomUUID().slice(0, 6)}` });
  if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return Object.assign(agentFor(t, { bearer: res.body.token }), { tokenId: res.body.id as string });
}

export const auditCount = async (t: TestApp, bestuurId: string) =>
  (await t.raw('SELECT count(*)::int AS n FROM audit_events WHERE bestuur_id = $1', [bestuurId]))[0].n as number;

/** The newest audit events of a bestuur as stored (newest first). */
export const auditEventsOf = (t: TestApp, bestuurId: string) =>
  t.raw('SELECT * FROM audit_events WHERE bestuur_id = $1 ORDER BY occurred_at DESC, id DESC', [bestuurId]);

/** Everything stored about one bestuur that a request could change. */
export async function snapshot(t: TestApp, bestuurId: string) {
  return {
    bestuur: await t.raw('SELECT * FROM besturen WHERE id = $1', [bestuurId]),
    memberships: await t.raw('SELECT * FROM memberships WHERE bestuur_id = $1 ORDER BY id', [bestuurId]),
    tokens: await t.raw('SELECT id, revoked_at FROM api_tokens WHERE bestuur_id = $1 ORDER BY id', [bestuurId]),
    auditEvents: await auditCount(t, bestuurId),
    processes: await t.raw('SELECT * FROM bestuur_processes WHERE bestuur_id = $1 ORDER BY id', [bestuurId]),
    assets: await t.raw('SELECT * FROM bestuur_assets WHERE bestuur_id = $1 ORDER BY id', [bestuurId]),
    productLinks: await t.raw(
      'SELECT * FROM bestuur_process_products WHERE bestuur_id = $1 ORDER BY process_id, concept_id',
      [bestuurId],
    ),
    diagrams: await t.raw('SELECT * FROM bestuur_process_diagrams WHERE bestuur_id = $1 ORDER BY id', [bestuurId]),
    measures: await t.raw('SELECT * FROM bestuur_measures WHERE bestuur_id = $1 ORDER BY measure_code', [bestuurId]),
    measureComments: await t.raw('SELECT * FROM bestuur_measure_comments WHERE bestuur_id = $1 ORDER BY id', [
      bestuurId,
    ]),
    evidence: await t.raw(
      'SELECT id, measure_code, kind, title, url, sha256 FROM bestuur_measure_evidence WHERE bestuur_id = $1 ORDER BY id',
      [bestuurId],
    ),
    overrides: await t.raw(
      'SELECT * FROM bestuur_requirement_overrides WHERE bestuur_id = $1 ORDER BY framework_id, requirement_id',
      [bestuurId],
    ),
    assessments: await t.raw('SELECT * FROM bestuur_cyfun_assessments WHERE bestuur_id = $1 ORDER BY id', [bestuurId]),
    answers: await t.raw(
      'SELECT * FROM bestuur_cyfun_answers WHERE bestuur_id = $1 ORDER BY assessment_id, requirement_id',
      [bestuurId],
    ),
    riskMatrix: await t.raw('SELECT * FROM bestuur_risk_matrices WHERE bestuur_id = $1', [bestuurId]),
    risks: await t.raw('SELECT * FROM bestuur_risks WHERE bestuur_id = $1 ORDER BY id', [bestuurId]),
    riskMeasures: await t.raw(
      'SELECT * FROM bestuur_risk_measures WHERE bestuur_id = $1 ORDER BY risk_id, measure_code',
      [bestuurId],
    ),
    suppliers: await t.raw('SELECT * FROM bestuur_suppliers WHERE bestuur_id = $1 ORDER BY id', [bestuurId]),
    applications: await t.raw('SELECT * FROM bestuur_applications WHERE bestuur_id = $1 ORDER BY id', [bestuurId]),
    applicationAssets: await t.raw(
      'SELECT * FROM bestuur_application_assets WHERE bestuur_id = $1 ORDER BY application_id, asset_id',
      [bestuurId],
    ),
    continuity: await continuityRows(t, bestuurId),
  };
}

/** The continuity tables (migrations/0012_continuity.sql), row by row. */
async function continuityRows(t: TestApp, bestuurId: string) {
  const out: Record<string, unknown> = {};
  for (const table of [
    'bestuur_bc_self_evaluations',
    'bestuur_bc_settings',
    'bestuur_bia',
    'bestuur_bia_dependencies',
    'bestuur_application_recovery',
    'bestuur_bc_plans',
    'bestuur_bc_strategies',
    'bestuur_bc_exercises',
    'bestuur_bc_reviews',
    'bestuur_bc_review_events',
  ])
    out[table] = await t.raw(`SELECT * FROM ${table} WHERE bestuur_id = $1 ORDER BY 1, 2`, [bestuurId]);
  return out;
}
