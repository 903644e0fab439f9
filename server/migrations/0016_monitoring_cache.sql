-- Regional monitoring, read path (issue 5, point 8): the answers of the overview, the
-- vulnerable list and the measure ranking are kept per question until the indicators or the
-- weights change. A request then reads one stored value; the first request after a change
-- builds it again. Region scope only: the values hold every bestuur's figures.
CREATE TABLE monitoring_cache (
  key text PRIMARY KEY,                  -- the question: endpoint and its parameters
  stamp text NOT NULL,                   -- newest computed_at of the indicators, and the weights' version
  body text NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE monitoring_cache ENABLE ROW LEVEL SECURITY;
ALTER TABLE monitoring_cache FORCE ROW LEVEL SECURITY;
CREATE POLICY monitoring_cache_region ON monitoring_cache USING (app_region()) WITH CHECK (app_region());
GRANT SELECT, INSERT, UPDATE, DELETE ON monitoring_cache TO baken_app;

-- The stamp reads the newest computation through this index.
CREATE INDEX bestuur_indicators_computed_idx ON bestuur_indicators (computed_at);

-- Deactivating or reactivating a bestuur changes the answers too.
DROP TRIGGER besturen_queue_indicators ON besturen;
CREATE TRIGGER besturen_queue_indicators AFTER UPDATE OF name, kind, province, population, active ON besturen
  FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION besturen_queue_indicators();
