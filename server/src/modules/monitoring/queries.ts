import {
  type OverviewQuery,
  defaultWeights,
  type SizeClass,
  type VulnerabilityFactor,
  type Weights,
  sizeClasses,
  vulnerabilityFactors,
} from '@baken/contracts';
import { type RawBuilder, sql } from 'kysely';

/**
 * The SQL of the regional questions, over the precomputed indicator rows (one per bestuur).
 * Every answer is built as one JSON value by PostgreSQL: the server passes it on as it is.
 */

/** Months without activity at which the inactivity factor is full. */
export const INACTIVE_MONTHS = 6;

export interface Filter {
  /** One bestuur (its own view, or the region's detail). */
  id?: string;
  kind?: string;
  province?: string;
  size?: SizeClass;
}

export function filterSql(f: Filter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`b.active`];
  if (f.id) parts.push(sql`b.id = ${f.id}`);
  if (f.kind) parts.push(sql`b.kind = ${f.kind}`);
  if (f.province) parts.push(sql`lower(b.province) = lower(${f.province})`);
  if (f.size) {
    const s = sizeClasses.find((c) => c.id === f.size) ?? sizeClasses[0];
    parts.push(sql`coalesce(b.population, 0) >= ${s.min}`);
    if (s.max !== null) parts.push(sql`coalesce(b.population, 0) < ${s.max}`);
  }
  return sql.join(parts, sql` AND `);
}

const sizeCase = sql.raw(
  `CASE ${sizeClasses
    .filter((s) => s.max !== null)
    .map((s) => `WHEN coalesce(b.population, 0) < ${s.max} THEN '${s.id}'`)
    .join(' ')} ELSE '${sizeClasses[sizeClasses.length - 1].id}' END`,
);

/** Each factor of the vulnerability score as a value 0–1 (docs/monitoring.md). */
const factorSql: Record<VulnerabilityFactor, string> = {
  maturity: '1 - coalesce(i.readiness_score, 0) / 100.0',
  continuity:
    "CASE i.continuity WHEN 'geen' THEN 1 WHEN 'gestart' THEN 0.75 WHEN 'bia' THEN 0.5 WHEN 'plan' THEN 0.25 ELSE 0 END",
  highClass: 'CASE WHEN i.assets > 0 THEN i.assets_high::numeric / i.assets ELSE 0 END',
  inactivity: `CASE WHEN i.last_activity IS NULL THEN 1 ELSE least(1, extract(epoch FROM now() - i.last_activity) / (86400 * 30.4 * ${INACTIVE_MONTHS})) END`,
  highRisks: 'least(1, i.risks_high / 5.0)',
  overdue: 'CASE WHEN i.measures_required > 0 THEN i.measures_overdue::numeric / i.measures_required ELSE 0 END',
};

/** The facts behind each factor's value, as JSON object fields (in a query over `rows r`). */
const factFields: Record<VulnerabilityFactor, string> = {
  maturity: "'readinessScore', r.readiness_score::float8",
  continuity: "'continuity', r.continuity",
  highClass: "'assetsHigh', r.assets_high, 'assets', r.assets",
  // greatest() skips a null: never any activity stays null.
  inactivity:
    "'daysInactive', CASE WHEN r.last_activity IS NOT NULL THEN greatest(0, floor(extract(epoch FROM now() - r.last_activity) / 86400))::int END",
  highRisks: "'risksHigh', r.risks_high",
  overdue: "'measuresOverdue', r.measures_overdue, 'measuresRequired', r.measures_required",
};

/**
 * The indicator rows of the filtered besturen with their factors and score, as the CTE
 * `rows` (b: besturen, i: bestuur_indicators).
 */
export function rowsCte(f: Filter, w: Weights) {
  const sum = vulnerabilityFactors.reduce((n, k) => n + w[k], 0) || 1;
  const factors = vulnerabilityFactors.map((k) => sql.raw(`round((${factorSql[k]})::numeric, 3) AS f_${k}`));
  const score = sql.raw(
    `round(100 * (${vulnerabilityFactors.map((k) => `${w[k]} * (${factorSql[k]})`).join(' + ')}) / ${sum}, 1)`,
  );
  return sql`rows AS (
    SELECT b.id, b.name, b.kind, b.province, b.population, ${sizeCase} AS size_class, i.computed_at,
           i.last_activity, i.readiness_passed, i.readiness_basis, i.readiness_score, i.cyfun_total,
           i.measures_required, i.measures_implemented, i.measures_overdue, i.risks_open, i.risks_high,
           i.assets, i.assets_high, i.continuity, i.compliance, i.item,
           CASE WHEN i.measures_required > 0 THEN round(100.0 * i.measures_implemented / i.measures_required, 1) END AS implemented_share,
           ${sql.join(factors, sql`, `)},
           ${score}::float8 AS vulnerability
      FROM besturen b JOIN bestuur_indicators i ON i.bestuur_id = b.id
     WHERE ${filterSql(f)}
  )`;
}

/** One bestuur's indicators as a JSON object, without the score (in a query over `rows r`). */
const itemFields = sql`
  'bestuurId', r.id, 'name', r.name, 'kind', r.kind, 'province', r.province, 'population', r.population,
  'sizeClass', r.size_class, 'computedAt', to_char(r.computed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'lastActivity', to_char(r.last_activity AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'readinessPassed', r.readiness_passed, 'readinessBasis', r.readiness_basis,
  'readinessScore', r.readiness_score::float8, 'cyfunTotal', r.cyfun_total::float8, 'compliance', r.compliance,
  'measuresRequired', r.measures_required, 'measuresImplemented', r.measures_implemented,
  'implementedShare', r.implemented_share::float8, 'measuresOverdue', r.measures_overdue,
  'risksOpen', r.risks_open, 'risksHigh', r.risks_high, 'assets', r.assets, 'assetsHigh', r.assets_high,
  'continuity', r.continuity`;

/** One bestuur's indicators with its score as a JSON object (in a query over `rows r`). */
export const itemJson = sql`json_build_object(${itemFields}, 'vulnerability', r.vulnerability)`;

/**
 * Stores a bestuur's overview item as JSON text (no score: the score follows the weights), so
 * the overview concatenates stored text instead of building 1,000 objects per request.
 */
export const storeItemSql = (bestuurId: string) => sql`
  WITH ${rowsCte({ id: bestuurId }, defaultWeights)}
  UPDATE bestuur_indicators i SET item = (SELECT json_build_object(${itemFields})::text FROM rows r)
   WHERE i.bestuur_id = ${bestuurId}`;

/** The stored item with the score spliced in (its text ends with '}'). */
const storedItem = sql.raw(`left(r.item, -1) || ',"vulnerability":' || r.vulnerability::text || '}'`);

const sorts: Record<NonNullable<OverviewQuery['sort']>, string> = {
  name: 'r.name',
  readinessScore: 'r.readiness_score',
  implementedShare: 'r.implemented_share',
  risksHigh: 'r.risks_high',
  vulnerability: 'r.vulnerability',
  lastActivity: 'r.last_activity',
  continuity: "array_position(ARRAY['geen','gestart','bia','plan','goedgekeurd']::text[], r.continuity)",
};

export function orderSql(sort: OverviewQuery['sort'] = 'name', dir: OverviewQuery['dir'] = 'asc') {
  return sql.raw(`${sorts[sort]} ${dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, r.name ASC`);
}

const histogram = (column: string) =>
  sql.raw(`(SELECT coalesce(json_agg(json_build_object('from', k * 10, 'to', k * 10 + 10, 'count', coalesce(n, 0)) ORDER BY k), '[]')
      FROM generate_series(0, 9) k
      LEFT JOIN (SELECT least(floor(${column} / 10), 9)::int AS bucket, count(*)::int AS n FROM rows
                  WHERE ${column} IS NOT NULL GROUP BY 1) h ON h.bucket = k)`);

/** The overview: every filtered bestuur, the sector totals and two distributions, as one JSON value. */
export function overviewSql(q: OverviewQuery, w: Weights) {
  return sql<{ body: string }>`
    WITH ${rowsCte(q, w)}
    SELECT left(json_build_object(
      'computedAt', (SELECT to_char(max(computed_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM rows),
      'totals', (SELECT json_build_object(
          'besturen', count(*),
          'readinessPassed', count(*) FILTER (WHERE readiness_passed),
          'medianReadiness', percentile_cont(0.5) WITHIN GROUP (ORDER BY readiness_score),
          'medianImplementedShare', percentile_cont(0.5) WITHIN GROUP (ORDER BY implemented_share),
          'risksHigh', coalesce(sum(risks_high), 0),
          'measuresOverdue', coalesce(sum(measures_overdue), 0),
          'continuity', json_build_object(
            'geen', count(*) FILTER (WHERE continuity = 'geen'),
            'gestart', count(*) FILTER (WHERE continuity = 'gestart'),
            'bia', count(*) FILTER (WHERE continuity = 'bia'),
            'plan', count(*) FILTER (WHERE continuity = 'plan'),
            'goedgekeurd', count(*) FILTER (WHERE continuity = 'goedgekeurd')),
          'inactive', count(*) FILTER (WHERE last_activity IS NULL
            OR last_activity < now() - make_interval(months => ${INACTIVE_MONTHS})))
        FROM rows),
      'distributions', json_build_object('readiness', ${histogram('readiness_score')},
                                         'implementedShare', ${histogram('implemented_share')}),
      'items', '[]'::json
    )::text, -3) || '[' || coalesce((SELECT string_agg(${storedItem}, ',' ORDER BY ${orderSql(q.sort, q.dir)})
                                       FROM rows r), '') || ']}' AS body`;
}

/** The most vulnerable besturen with each factor's value and points. */
export function vulnerableSql(f: Filter, w: Weights, limit: number) {
  const sum = vulnerabilityFactors.reduce((n, k) => n + w[k], 0) || 1;
  const reasons = vulnerabilityFactors.map((k) =>
    sql.raw(
      `json_build_object('factor', '${k}', 'value', r.f_${k}::float8, 'points', round(100 * ${w[k]} * r.f_${k} / ${sum}, 1)::float8, ${factFields[k]})`,
    ),
  );
  return sql<{ body: string }>`
    WITH ${rowsCte(f, w)}
    SELECT json_build_object(
      'weights', ${JSON.stringify(w)}::json,
      'items', (SELECT coalesce(json_agg(x ORDER BY (x->>'vulnerability')::float8 DESC, x->>'name'), '[]') FROM (
        SELECT json_build_object('bestuurId', r.id, 'name', r.name, 'kind', r.kind, 'province', r.province,
                 'sizeClass', r.size_class, 'vulnerability', r.vulnerability,
                 'reasons', (SELECT coalesce(json_agg(j ORDER BY (j->>'points')::float8 DESC), '[]')
                               FROM unnest(ARRAY[${sql.join(reasons, sql`, `)}]) j
                              WHERE (j->>'points')::float8 > 0)) AS x
          FROM rows r ORDER BY r.vulnerability DESC, r.name LIMIT ${limit}) t)
    )::text AS body`;
}

/** Per measure: how many besturen need it, how many miss it, and the weight they would shed. */
export function rankingSql(f: Filter, sort: 'impact' | 'missing', limit: number) {
  const order = sort === 'missing' ? sql.raw('missing DESC, impact DESC') : sql.raw('impact DESC, missing DESC');
  return sql<{ body: string }>`
    WITH per AS (
      SELECT m.code, count(*)::int AS needed, count(*) FILTER (WHERE NOT m.done)::int AS missing,
             coalesce(sum(m.weight) FILTER (WHERE NOT m.done), 0)::float8 AS impact
        FROM besturen b JOIN bestuur_indicator_measures m ON m.bestuur_id = b.id
       WHERE ${filterSql(f)}
       GROUP BY 1
    )
    SELECT json_build_object('items', coalesce(json_agg(json_build_object(
             'code', per.code, 'title', coalesce(ms.title, json_build_object('nl', per.code, 'en', per.code)::jsonb),
             'needed', per.needed, 'missing', per.missing, 'impact', round(per.impact::numeric, 1)::float8)
             ORDER BY ${order}, per.code), '[]'))::text AS body
      FROM (SELECT * FROM per WHERE missing > 0 ORDER BY ${order}, code LIMIT ${limit}) per
      LEFT JOIN measures ms ON ms.code = per.code`;
}
