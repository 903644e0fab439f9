-- A bestuur's tracking of its measures (issue 4): status, owner, dates, maturity, approval of
-- "not applicable", comments and evidence. A row exists once someone tracks the measure;
-- until then a required measure is "niet gestart". Tenant data with row-level security.

CREATE TABLE bestuur_measures (
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  measure_code text NOT NULL,            -- a code of the generic list's measures
  status text NOT NULL DEFAULT 'niet-gestart'
    CHECK (status IN ('niet-gestart', 'gepland', 'in-uitvoering', 'geimplementeerd', 'niet-van-toepassing')),
  owner_id uuid REFERENCES users(id),
  due_date date,
  documentation smallint CHECK (documentation BETWEEN 1 AND 5),
  implementation smallint CHECK (implementation BETWEEN 1 AND 5),
  na_reason text,
  na_approved_by uuid REFERENCES users(id),
  na_approved_at timestamptz,
  review_date date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (bestuur_id, measure_code),
  -- Not applicable only with a reason and who approved it.
  CHECK (status <> 'niet-van-toepassing'
         OR (na_reason IS NOT NULL AND na_approved_by IS NOT NULL AND na_approved_at IS NOT NULL))
);

CREATE TABLE bestuur_measure_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL,
  measure_code text NOT NULL,
  author_id uuid REFERENCES users(id),
  body text NOT NULL CHECK (length(btrim(body)) > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (bestuur_id, measure_code) REFERENCES bestuur_measures(bestuur_id, measure_code)
);
CREATE INDEX bestuur_measure_comments_idx ON bestuur_measure_comments (bestuur_id, measure_code, created_at);

CREATE TABLE bestuur_measure_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL,
  measure_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('file', 'link')),
  title text NOT NULL,
  url text,
  file_name text,
  content_type text,
  size integer,
  sha256 text,
  content bytea,
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (bestuur_id, measure_code) REFERENCES bestuur_measures(bestuur_id, measure_code),
  CHECK ((kind = 'link' AND url IS NOT NULL AND content IS NULL)
      OR (kind = 'file' AND content IS NOT NULL AND file_name IS NOT NULL AND content_type IS NOT NULL
          AND size = octet_length(content)))
);
CREATE INDEX bestuur_measure_evidence_idx ON bestuur_measure_evidence (bestuur_id, measure_code);

ALTER TABLE bestuur_measures ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_measures FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_measures_all ON bestuur_measures
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
ALTER TABLE bestuur_measure_comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_measure_comments FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_measure_comments_all ON bestuur_measure_comments
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
ALTER TABLE bestuur_measure_evidence ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_measure_evidence FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_measure_evidence_all ON bestuur_measure_evidence
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());

GRANT SELECT, INSERT, UPDATE ON bestuur_measures TO baken_app;
GRANT SELECT, INSERT ON bestuur_measure_comments TO baken_app;
GRANT SELECT, INSERT, DELETE ON bestuur_measure_evidence TO baken_app;
