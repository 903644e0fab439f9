-- A bestuur's manual result for a framework requirement, with the reason (issue 4, point 2).
-- The derived result stays visible beside it.
CREATE TABLE bestuur_requirement_overrides (
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  framework_id text NOT NULL,
  requirement_id text NOT NULL,
  result text NOT NULL
    CHECK (result IN ('compliant', 'partially-compliant', 'non-compliant', 'not-assessed', 'not-applicable')),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  set_by uuid REFERENCES users(id),
  set_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (bestuur_id, framework_id, requirement_id)
);
ALTER TABLE bestuur_requirement_overrides ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_requirement_overrides FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_requirement_overrides_all ON bestuur_requirement_overrides
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON bestuur_requirement_overrides TO baken_app;
