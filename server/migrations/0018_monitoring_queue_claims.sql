-- Indicator refresh across processes and hosts: a process claims queued besturen for a lease
-- (FOR UPDATE SKIP LOCKED), so no two compute the same bestuur at once and none waits for
-- another. A bestuur changed while it is computed keeps its claim (the triggers only move
-- queued_at) and stays queued when done; a process that dies leaves claims that expire.
ALTER TABLE indicator_queue ADD COLUMN claimed_until timestamptz;

CREATE FUNCTION indicator_queue_claim(n integer, lease_seconds integer)
  RETURNS TABLE (bestuur_id uuid, queued_at timestamptz) LANGUAGE sql SECURITY DEFINER
  SET search_path = public AS $$
  UPDATE indicator_queue q SET claimed_until = clock_timestamp() + make_interval(secs => lease_seconds)
   WHERE q.bestuur_id IN (
     SELECT c.bestuur_id FROM indicator_queue c
      WHERE c.claimed_until IS NULL OR c.claimed_until < clock_timestamp()
      ORDER BY c.queued_at LIMIT n
        FOR UPDATE SKIP LOCKED)
  RETURNING q.bestuur_id, q.queued_at
$$;

-- Done: removed unless the bestuur changed again since it was claimed; then it stays queued,
-- free to be claimed again.
CREATE OR REPLACE FUNCTION indicator_queue_done(id uuid, seen timestamptz) RETURNS void LANGUAGE sql SECURITY DEFINER
  SET search_path = public AS $$
  DELETE FROM indicator_queue WHERE bestuur_id = id AND queued_at = seen;
  UPDATE indicator_queue SET claimed_until = NULL WHERE bestuur_id = id;
$$;

GRANT EXECUTE ON FUNCTION indicator_queue_claim(integer, integer) TO baken_app;

-- Peeking without claiming is replaced by the claim.
DROP FUNCTION indicator_queue_peek(integer);
