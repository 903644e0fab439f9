-- Regional monitoring (issue 5). Every bestuur's indicators are kept precomputed in one
-- row, so that regional questions over ~1,000 besturen read 1,000 small rows instead of
-- aggregating millions of assets, risks and measures per request (decision 0010).
--
-- Freshness: every change to a bestuur's data writes an audit event in the same
-- transaction, so one trigger on audit_events queues the bestuur for a recompute; the
-- server drains the queue in the background.

-- Regional scope: set per transaction by the server for the coach and the supervisor.
-- It opens the indicator rows (numbers and statuses) of every bestuur, nothing else.
CREATE FUNCTION app_region() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT coalesce(current_setting('app.region', true), '') = 'on' $$;
GRANT EXECUTE ON FUNCTION app_region() TO baken_app;

-- A bestuur may let the Vo-CRT coach see names and free text in the monitoring.
ALTER TABLE besturen ADD COLUMN share_with_coach boolean NOT NULL DEFAULT false;

CREATE TABLE bestuur_indicators (
  bestuur_id uuid PRIMARY KEY REFERENCES besturen(id),
  computed_at timestamptz NOT NULL DEFAULT now(),
  last_activity timestamptz,
  readiness_passed boolean NOT NULL,
  readiness_basis text NOT NULL CHECK (readiness_basis IN ('assessment', 'measures')),
  -- CyFun Basic: the compliance score 0-100 of the register, and the assessment's total (0-5) when there is one.
  readiness_score numeric(5, 1),
  cyfun_total numeric(4, 2),
  measures_required integer NOT NULL,
  measures_implemented integer NOT NULL,
  measures_overdue integer NOT NULL,
  risks_open integer NOT NULL,
  risks_high integer NOT NULL,
  assets integer NOT NULL,
  assets_high integer NOT NULL,
  continuity text NOT NULL CHECK (continuity IN ('geen', 'gestart', 'bia', 'plan', 'goedgekeurd')),
  compliance jsonb NOT NULL,             -- { frameworkId: score 0-100 | null }
  measures jsonb NOT NULL,               -- [{ code, weight, done }]: the required measures, the weight of those not done
  details jsonb NOT NULL                 -- names and free text, shown to the coach only when the bestuur shares
);

ALTER TABLE bestuur_indicators ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_indicators FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_indicators_read ON bestuur_indicators FOR SELECT
  USING (bestuur_id = app_tenant() OR app_region());
CREATE POLICY bestuur_indicators_insert ON bestuur_indicators FOR INSERT
  WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_indicators_update ON bestuur_indicators FOR UPDATE
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
GRANT SELECT, INSERT, UPDATE ON bestuur_indicators TO baken_app;

-- Besturen whose indicators are stale. Holds ids and times only.
CREATE TABLE indicator_queue (
  bestuur_id uuid PRIMARY KEY REFERENCES besturen(id),
  queued_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE indicator_queue ENABLE ROW LEVEL SECURITY;
ALTER TABLE indicator_queue FORCE ROW LEVEL SECURITY;
-- No policy: the app reaches it only through the functions below.

CREATE FUNCTION indicator_queue_touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public AS $$
BEGIN
  INSERT INTO indicator_queue (bestuur_id)
    SELECT DISTINCT bestuur_id FROM new_events WHERE bestuur_id IS NOT NULL
    ON CONFLICT (bestuur_id) DO UPDATE SET queued_at = clock_timestamp();
  RETURN NULL;
END $$;
-- Per statement: a bulk change that writes hundreds of audit rows queues its bestuur once.
CREATE TRIGGER audit_events_queue_indicators AFTER INSERT ON audit_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION indicator_queue_touch();

-- The oldest stale besturen. Two workers may take the same one; computing twice is harmless.
CREATE FUNCTION indicator_queue_peek(n integer)
  RETURNS TABLE (bestuur_id uuid, queued_at timestamptz) LANGUAGE sql SECURITY DEFINER
  SET search_path = public AS $$
  SELECT q.bestuur_id, q.queued_at FROM indicator_queue q ORDER BY q.queued_at LIMIT n
$$;
-- Done: removed unless the bestuur changed again since it was read (then it stays queued).
CREATE FUNCTION indicator_queue_done(id uuid, seen timestamptz) RETURNS void LANGUAGE sql SECURITY DEFINER
  SET search_path = public AS $$
  DELETE FROM indicator_queue WHERE bestuur_id = id AND queued_at = seen
$$;
-- Queues every active bestuur (after a content change, or to build the indicators at first start).
CREATE FUNCTION indicator_queue_all() RETURNS integer LANGUAGE sql SECURITY DEFINER
  SET search_path = public AS $$
  WITH q AS (
    INSERT INTO indicator_queue (bestuur_id) SELECT id FROM besturen WHERE active
    ON CONFLICT (bestuur_id) DO UPDATE SET queued_at = clock_timestamp() RETURNING 1
  ) SELECT count(*)::int FROM q
$$;
GRANT EXECUTE ON FUNCTION indicator_queue_peek(integer), indicator_queue_done(uuid, timestamptz),
  indicator_queue_all() TO baken_app;

-- Monthly snapshots: immutable once taken.
CREATE TABLE indicator_snapshots (
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  taken_at timestamptz NOT NULL DEFAULT now(),
  indicators jsonb NOT NULL,
  PRIMARY KEY (bestuur_id, month)
);
CREATE INDEX indicator_snapshots_month_idx ON indicator_snapshots (month);
ALTER TABLE indicator_snapshots ENABLE ROW LEVEL SECURITY;
ALTER TABLE indicator_snapshots FORCE ROW LEVEL SECURITY;
CREATE POLICY indicator_snapshots_read ON indicator_snapshots FOR SELECT
  USING (bestuur_id = app_tenant() OR app_region());
GRANT SELECT ON indicator_snapshots TO baken_app;

CREATE FUNCTION indicator_snapshots_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'indicator snapshots are immutable' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER indicator_snapshots_no_change BEFORE UPDATE OR DELETE ON indicator_snapshots
  FOR EACH ROW EXECUTE FUNCTION indicator_snapshots_immutable();

-- Takes the snapshot of a month for every bestuur with indicators; a bestuur that already
-- has one for that month keeps it. Returns how many were taken.
CREATE FUNCTION take_indicator_snapshot(m date) RETURNS integer LANGUAGE sql SECURITY DEFINER
  SET search_path = public AS $$
  WITH ins AS (
    INSERT INTO indicator_snapshots (bestuur_id, month, indicators)
    SELECT i.bestuur_id, date_trunc('month', m)::date,
           to_jsonb(i) - 'bestuur_id' - 'details' - 'measures'
      FROM bestuur_indicators i JOIN besturen b ON b.id = i.bestuur_id
     WHERE b.active
    ON CONFLICT (bestuur_id, month) DO NOTHING RETURNING 1
  ) SELECT count(*)::int FROM ins
$$;
GRANT EXECUTE ON FUNCTION take_indicator_snapshot(date) TO baken_app;

-- Peers (point 4): medians and quartiles over besturen of one kind and size class, never
-- less than 5 of them, never a single bestuur's values. The caller's own bestuur counts
-- as a peer only through the numbers it shares with the others.
CREATE FUNCTION peer_indicator_stats(p_kind text, p_min integer, p_max integer)
  RETURNS TABLE (metric text, peers integer, q1 numeric, median numeric, q3 numeric)
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  WITH peers AS (
    SELECT i.* FROM bestuur_indicators i JOIN besturen b ON b.id = i.bestuur_id
     WHERE b.active AND b.kind = p_kind
       AND coalesce(b.population, 0) >= p_min AND (p_max IS NULL OR coalesce(b.population, 0) < p_max)
  ), metrics AS (
    SELECT 'readiness' AS metric, readiness_score::numeric AS v FROM peers
    UNION ALL SELECT 'implemented', CASE WHEN measures_required > 0
      THEN round(100.0 * measures_implemented / measures_required, 1) END FROM peers
    UNION ALL SELECT 'highRisks', risks_high::numeric FROM peers
    UNION ALL SELECT 'overdue', measures_overdue::numeric FROM peers
  )
  SELECT metric, count(v)::int,
         percentile_cont(0.25) WITHIN GROUP (ORDER BY v)::numeric,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY v)::numeric,
         percentile_cont(0.75) WITHIN GROUP (ORDER BY v)::numeric
    FROM metrics GROUP BY metric HAVING count(v) >= 5
$$;
GRANT EXECUTE ON FUNCTION peer_indicator_stats(text, integer, integer) TO baken_app;

-- The supervisor's weights of the vulnerability score (one row for the region).
CREATE TABLE monitoring_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  weights jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE ON monitoring_settings TO baken_app;
