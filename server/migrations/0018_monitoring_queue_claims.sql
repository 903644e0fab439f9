-- Regional monitoring with several processes or hosts.
--
-- 1. Claims: a process claims queued besturen for a lease (FOR UPDATE SKIP LOCKED) under its
-- own token, so no two compute the same bestuur at once and none waits for another. A bestuur
-- changed while it is computed keeps its claim (the triggers only move queued_at) and stays
-- queued when done; only the holder of a claim releases it; a dead process's claims expire.
ALTER TABLE indicator_queue ADD COLUMN claimed_until timestamptz, ADD COLUMN claim uuid;

CREATE FUNCTION indicator_queue_claim(n integer, lease_seconds integer, token uuid)
  RETURNS TABLE (bestuur_id uuid, queued_at timestamptz) LANGUAGE sql SECURITY DEFINER
  SET search_path = public AS $$
  UPDATE indicator_queue q
     SET claimed_until = clock_timestamp() + make_interval(secs => lease_seconds), claim = token
   WHERE q.bestuur_id IN (
     SELECT c.bestuur_id FROM indicator_queue c
      WHERE c.claimed_until IS NULL OR c.claimed_until < clock_timestamp()
      ORDER BY c.queued_at LIMIT n
        FOR UPDATE SKIP LOCKED)
  RETURNING q.bestuur_id, q.queued_at
$$;

-- Done: removed unless the bestuur changed again since it was claimed; then it stays queued,
-- and the claim is released if it is still this one.
DROP FUNCTION indicator_queue_done(uuid, timestamptz);
CREATE FUNCTION indicator_queue_done(id uuid, seen timestamptz, token uuid) RETURNS void LANGUAGE sql
  SECURITY DEFINER SET search_path = public AS $$
  DELETE FROM indicator_queue WHERE bestuur_id = id AND queued_at = seen;
  UPDATE indicator_queue SET claimed_until = NULL, claim = NULL WHERE bestuur_id = id AND claim = token;
$$;

-- How many besturen wait for a computation, claimed or not (a snapshot waits for them).
CREATE FUNCTION indicator_queue_length() RETURNS integer LANGUAGE sql SECURITY DEFINER
  SET search_path = public AS $$
  SELECT count(*)::int FROM indicator_queue
$$;

-- Peeking without claiming is replaced by the claim.
DROP FUNCTION indicator_queue_peek(integer);

GRANT EXECUTE ON FUNCTION indicator_queue_claim(integer, integer, uuid), indicator_queue_done(uuid, timestamptz, uuid),
  indicator_queue_length() TO baken_app;

-- 2. The stamp of the stored regional answers follows commit order: a counter that every
-- change of the indicators raises in its own transaction (the row lock orders concurrent
-- ones). The newest computed_at did not: it is taken before the commit, and a computation
-- that started earlier can commit later.
CREATE TABLE monitoring_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  indicators_version bigint NOT NULL DEFAULT 0
);
INSERT INTO monitoring_state DEFAULT VALUES;
GRANT SELECT ON monitoring_state TO baken_app;

CREATE FUNCTION monitoring_state_bump() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public AS $$
BEGIN
  UPDATE monitoring_state SET indicators_version = indicators_version + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER bestuur_indicators_bump AFTER INSERT OR UPDATE OR DELETE ON bestuur_indicators
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring_state_bump();
