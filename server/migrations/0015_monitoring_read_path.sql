-- Regional monitoring, read path (issue 5, point 8): the overview and the measure ranking
-- read precomputed data instead of building it per request.
--
-- - Each bestuur's overview item is stored as JSON text when its indicators are computed; the
--   overview only concatenates 1,000 of them (the vulnerability score, which follows the
--   supervisor's weights, is added per request).
-- - The required measures of each bestuur with their weight move from a JSON array to a narrow
--   table, so the ranking aggregates plain rows.

ALTER TABLE bestuur_indicators ADD COLUMN item text;

CREATE TABLE bestuur_indicator_measures (
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  code text NOT NULL,
  weight numeric(8, 1) NOT NULL,
  done boolean NOT NULL,
  PRIMARY KEY (bestuur_id, code)
);
ALTER TABLE bestuur_indicator_measures ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_indicator_measures FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_indicator_measures_read ON bestuur_indicator_measures FOR SELECT
  USING (bestuur_id = app_tenant() OR app_region());
CREATE POLICY bestuur_indicator_measures_insert ON bestuur_indicator_measures FOR INSERT
  WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_indicator_measures_delete ON bestuur_indicator_measures FOR DELETE
  USING (bestuur_id = app_tenant());
GRANT SELECT, INSERT, DELETE ON bestuur_indicator_measures TO baken_app;

ALTER TABLE bestuur_indicators DROP COLUMN measures;

-- Snapshots keep the figures, not the stored item text.
CREATE OR REPLACE FUNCTION take_indicator_snapshot(m date) RETURNS integer LANGUAGE sql SECURITY DEFINER
  SET search_path = public AS $$
  WITH ins AS (
    INSERT INTO indicator_snapshots (bestuur_id, month, indicators)
    SELECT i.bestuur_id, date_trunc('month', m)::date,
           to_jsonb(i) - 'bestuur_id' - 'details' - 'item'
      FROM bestuur_indicators i JOIN besturen b ON b.id = i.bestuur_id
     WHERE b.active
    ON CONFLICT (bestuur_id, month) DO NOTHING RETURNING 1
  ) SELECT count(*)::int FROM ins
$$;

-- A new bestuur is queued; the item carries the bestuur's name, kind, province and
-- population, so a change of those requeues it.
CREATE FUNCTION besturen_queue_indicators() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public AS $$
BEGIN
  INSERT INTO indicator_queue (bestuur_id) VALUES (NEW.id)
    ON CONFLICT (bestuur_id) DO UPDATE SET queued_at = clock_timestamp();
  RETURN NULL;
END $$;
CREATE TRIGGER besturen_queue_indicators AFTER UPDATE OF name, kind, province, population ON besturen
  FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION besturen_queue_indicators();
CREATE TRIGGER besturen_queue_new AFTER INSERT ON besturen
  FOR EACH ROW EXECUTE FUNCTION besturen_queue_indicators();

-- Every bestuur is recomputed to fill the new column and table.
SELECT indicator_queue_all();
