-- A bestuur's risk register on its own risk matrix (issue 4, point 4). Tenant data.
CREATE TABLE bestuur_risk_matrices (
  bestuur_id uuid PRIMARY KEY REFERENCES besturen(id),
  matrix jsonb NOT NULL,                 -- { likelihood: [label], impact: [label], levels: [...], grid: [[level index]] }
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bestuur_risks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  description text,
  threat_id text,                        -- a threat of content/threats.yaml
  process_id uuid,
  asset_id uuid,
  qualities text[] NOT NULL CHECK (qualities <@ ARRAY['c', 'i', 'a'] AND cardinality(qualities) > 0),
  likelihood smallint NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
  impact smallint NOT NULL CHECK (impact BETWEEN 1 AND 5),
  treatment text CHECK (treatment IN ('verminderen', 'aanvaarden', 'overdragen', 'vermijden')),
  residual_likelihood smallint CHECK (residual_likelihood BETWEEN 1 AND 5),
  residual_impact smallint CHECK (residual_impact BETWEEN 1 AND 5),
  owner_id uuid REFERENCES users(id),
  accepted_by uuid REFERENCES users(id),
  accepted_at timestamptz,
  accepted_until date,
  review_date date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bestuur_id, id),
  FOREIGN KEY (bestuur_id, process_id) REFERENCES bestuur_processes(bestuur_id, id) ON DELETE SET NULL (process_id),
  FOREIGN KEY (bestuur_id, asset_id) REFERENCES bestuur_assets(bestuur_id, id) ON DELETE SET NULL (asset_id),
  -- A formal acceptance says who, when and until when; only an accepted risk has one.
  CHECK ((accepted_by IS NULL AND accepted_at IS NULL AND accepted_until IS NULL)
      OR (treatment = 'aanvaarden' AND accepted_by IS NOT NULL AND accepted_at IS NOT NULL AND accepted_until IS NOT NULL))
);
CREATE INDEX bestuur_risks_bestuur_idx ON bestuur_risks (bestuur_id, created_at);

CREATE TABLE bestuur_risk_measures (
  bestuur_id uuid NOT NULL,
  risk_id uuid NOT NULL,
  measure_code text NOT NULL,
  PRIMARY KEY (risk_id, measure_code),
  FOREIGN KEY (bestuur_id, risk_id) REFERENCES bestuur_risks(bestuur_id, id) ON DELETE CASCADE
);

ALTER TABLE bestuur_risk_matrices ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_risk_matrices FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_risk_matrices_all ON bestuur_risk_matrices
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
ALTER TABLE bestuur_risks ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_risks FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_risks_all ON bestuur_risks
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
ALTER TABLE bestuur_risk_measures ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_risk_measures FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_risk_measures_all ON bestuur_risk_measures
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
GRANT SELECT, INSERT, UPDATE ON bestuur_risk_matrices TO baken_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON bestuur_risks, bestuur_risk_measures TO baken_app;
