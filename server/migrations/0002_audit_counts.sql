-- The audit trail grows without end; counting it for every page read every event of the
-- bestuur (bench/README.md). An exact per-bestuur counter, kept by a trigger on the
-- append-only trail, gives the unfiltered total in constant time.

CREATE TABLE audit_event_counts (
  bestuur_id uuid PRIMARY KEY REFERENCES besturen(id),
  n bigint NOT NULL DEFAULT 0 CHECK (n >= 0)
);

INSERT INTO audit_event_counts (bestuur_id, n)
  SELECT bestuur_id, count(*) FROM audit_events WHERE bestuur_id IS NOT NULL GROUP BY bestuur_id;

ALTER TABLE audit_event_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event_counts FORCE ROW LEVEL SECURITY;
-- The trigger writes in the transaction of the audit insert, whose scope is that bestuur.
CREATE POLICY audit_event_counts_scope ON audit_event_counts
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
GRANT SELECT ON audit_event_counts TO baken_app;

-- Runs as the owner, so the app role itself can read the counter but not change it.
CREATE FUNCTION audit_events_count() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.bestuur_id IS NOT NULL THEN
    INSERT INTO audit_event_counts AS c (bestuur_id, n) VALUES (NEW.bestuur_id, 1)
      ON CONFLICT (bestuur_id) DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER audit_events_counted AFTER INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_count();

-- PostgreSQL re-plans a SECURITY DEFINER function in LANGUAGE sql on every call; plpgsql
-- keeps its plan. This one runs on every session lookup that the cache does not answer.
CREATE OR REPLACE FUNCTION auth_memberships(p_user uuid) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN (
    SELECT coalesce(jsonb_agg(jsonb_build_object(
             'bestuurId', b.id, 'bestuurName', b.name, 'bestuurKind', b.kind, 'role', m.role)
             ORDER BY b.name), '[]'::jsonb)
    FROM memberships m JOIN besturen b ON b.id = m.bestuur_id
    WHERE m.user_id = p_user AND m.active AND b.active
      AND (m.ends_at IS NULL OR m.ends_at >= current_date));
END $$;
