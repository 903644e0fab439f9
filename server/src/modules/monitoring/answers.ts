import { type OverviewQuery, type Weights, defaultWeights } from '@baken/contracts';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../platform/context.js';
import type { DB } from '../../platform/db/index.js';
import { inScope } from '../../platform/tenancy.js';
import { region, weightSettings } from './monitoring.service.js';
import { type Filter, overviewSql, rankingSql, storeItemSql, vulnerableSql } from './queries.js';

/**
 * The regional answers (overview, vulnerable list, measure ranking), each one SQL statement
 * returning JSON, stored per question with a stamp and revalidated by it (docs/monitoring.md).
 */

/**
 * A regional answer: JSON text, or the stored gzip bytes for a client that accepts them, or
 * neither when the client already holds the answer of this stamp (it sent it as its ETag).
 */
export interface Answer {
  /** What the answer was built from: its format, the indicators' and the weights' versions, the day. */
  stamp: string;
  json?: string;
  gzip?: Buffer;
}
export type Encoding = 'identity' | 'gzip';

/**
 * What shapes the answers besides their SQL: raise it when a change of the code changes what
 * an answer holds without changing the SQL text (that is hashed into the stamp by itself).
 */
const ANSWER_FORMAT = 2;
let answerFormat: string | undefined;

/**
 * The format part of the stamp: ANSWER_FORMAT and a hash of the SQL of the answers and of the
 * stored items, so a deployment that changes them never serves a stored answer (nor confirms
 * a browser's copy, by its ETag) of the old shape. Computed once per process.
 */
function formatOf(db: Kysely<DB>) {
  if (answerFormat === undefined) {
    const text = [
      overviewSql({}, defaultWeights),
      vulnerableSql({}, defaultWeights, 50),
      rankingSql({}, 'impact', 100),
      storeItemSql('00000000-0000-0000-0000-000000000000'),
    ]
      .map((q) => q.compile(db).sql)
      .join('\n');
    answerFormat = `${ANSWER_FORMAT}.${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
  }
  return answerFormat;
}

/** How a request asks: the encoding it accepts and the stamp it already holds, if any. */
export interface Asking {
  encoding?: Encoding;
  known?: string;
}

/**
 * A regional answer, kept per question until the indicators or the weights change
 * (migrations 0016–0018). When it is current, one statement reads the stamp and the stored
 * value (and not even the value when the client holds this stamp); otherwise it is built with
 * the weights, stored (as text and gzip) and returned.
 */
async function cached(
  tx: Kysely<DB>,
  key: string,
  asking: Asking,
  build: (weights: Weights) => RawBuilder<{ body: string }>,
): Promise<Answer> {
  const gzip = asking.encoding === 'gzip';
  const column = sql.raw(gzip ? 'c.body_gzip' : 'c.body');
  // The inactivity of the answers counts from today: the day is part of the stamp.
  const hit = await sql<{ body: string | Buffer | null; stamp: string; stored: boolean }>`
    WITH s AS (SELECT ${formatOf(tx)} || '-' || coalesce((SELECT indicators_version FROM monitoring_state), 0) || '-' ||
                      coalesce((SELECT version FROM monitoring_settings), 0) || '-' ||
                      to_char(now() AT TIME ZONE 'Europe/Brussels', 'YYYYMMDD') AS stamp)
    SELECT s.stamp, c.key IS NOT NULL AS stored,
           CASE WHEN s.stamp IS DISTINCT FROM ${asking.known ?? null}::text THEN ${column} END AS body
      FROM s LEFT JOIN monitoring_cache c ON c.key = ${key} AND c.stamp = s.stamp`.execute(tx);
  const { stamp, body, stored } = hit.rows[0];
  if (stamp === asking.known) return { stamp };
  if (stored && body !== null) return gzip ? { stamp, gzip: body as Buffer } : { stamp, json: body as string };
  const { weights } = await weightSettings(tx);
  const built = (await build(weights).execute(tx)).rows[0].body;
  const zipped = gzipSync(built);
  await sql`INSERT INTO monitoring_cache (key, stamp, body, body_gzip) VALUES (${key}, ${stamp}, ${built}, ${zipped})
            ON CONFLICT (key) DO UPDATE SET stamp = excluded.stamp, body = excluded.body,
              body_gzip = excluded.body_gzip, built_at = now()`.execute(tx);
  return gzip ? { stamp, gzip: zipped } : { stamp, json: built };
}

/** The JSON text of an answer asked for without compression. */
const text = (a: Answer) => a.json as string;

const keyOf = (name: string, q: object) =>
  `${name}?${Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')}`;

/** Every bestuur of the filter with its indicators, the sector totals and distributions. */
export const overviewAnswer = (db: Kysely<DB>, ctx: Ctx, q: OverviewQuery, asking: Asking = {}) =>
  inScope(db, region(ctx), (tx) => cached(tx, keyOf('overview', q), asking, (w) => overviewSql(q, w)));
export const overview = async (db: Kysely<DB>, ctx: Ctx, q: OverviewQuery) => text(await overviewAnswer(db, ctx, q));

export function vulnerableAnswer(db: Kysely<DB>, ctx: Ctx, q: Filter & { limit?: number }, asking: Asking = {}) {
  const limit = q.limit ?? 50;
  return inScope(db, region(ctx), (tx) =>
    cached(tx, keyOf('vulnerable', { ...q, limit }), asking, (w) => vulnerableSql(q, w, limit)),
  );
}
export const vulnerable = async (db: Kysely<DB>, ctx: Ctx, q: Filter & { limit?: number }) =>
  text(await vulnerableAnswer(db, ctx, q));

export function rankingAnswer(
  db: Kysely<DB>,
  ctx: Ctx,
  q: Filter & { sort?: 'impact' | 'missing'; limit?: number },
  asking: Asking = {},
) {
  const sort = q.sort ?? 'impact';
  const limit = q.limit ?? 100;
  return inScope(db, region(ctx), (tx) =>
    cached(tx, keyOf('ranking', { ...q, sort, limit }), asking, () => rankingSql(q, sort, limit)),
  );
}
export const ranking = async (db: Kysely<DB>, ctx: Ctx, q: Filter & { sort?: 'impact' | 'missing'; limit?: number }) =>
  text(await rankingAnswer(db, ctx, q));
