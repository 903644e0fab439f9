-- Queues the active besturen that have no indicators yet (a first start, a restored backup),
-- and keeps the stored regional answers compressed too.
CREATE FUNCTION indicator_queue_missing() RETURNS integer LANGUAGE sql SECURITY DEFINER
  SET search_path = public AS $$
  WITH q AS (
    INSERT INTO indicator_queue (bestuur_id)
    SELECT b.id FROM besturen b
     WHERE b.active AND NOT EXISTS (SELECT 1 FROM bestuur_indicators i WHERE i.bestuur_id = b.id)
    ON CONFLICT (bestuur_id) DO NOTHING RETURNING 1
  ) SELECT count(*)::int FROM q
$$;
GRANT EXECUTE ON FUNCTION indicator_queue_missing() TO baken_app;

-- The stored answers also kept gzip-compressed: a client that accepts gzip gets the bytes as
-- they are (the overview's 750 kB of JSON travel as about a tenth of that).
ALTER TABLE monitoring_cache ADD COLUMN body_gzip bytea;
