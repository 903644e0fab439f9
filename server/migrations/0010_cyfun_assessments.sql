-- CyberFundamentals self-assessments of a bestuur (issue 4, point 3): an edition and a level,
-- a documentation and an implementation score (or "not applicable") per requirement, scored
-- as the official method does (server/src/modules/cyfun/scoring.ts).
CREATE TABLE bestuur_cyfun_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  edition text NOT NULL CHECK (edition IN ('2023-03-01', '2025')),
  level text NOT NULL CHECK (level IN ('basic', 'important', 'essential')),
  title text NOT NULL,
  -- How many requirements may be not applicable and the score each counts as, per level.
  na_rules jsonb NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (bestuur_id, id)
);

CREATE TABLE bestuur_cyfun_answers (
  bestuur_id uuid NOT NULL,
  assessment_id uuid NOT NULL,
  requirement_id text NOT NULL,
  documentation smallint CHECK (documentation BETWEEN 1 AND 5),
  implementation smallint CHECK (implementation BETWEEN 1 AND 5),
  not_applicable boolean NOT NULL DEFAULT false,
  -- 'measures': pre-filled from the measure register; 'manual': set by a person.
  source text NOT NULL CHECK (source IN ('measures', 'manual')),
  PRIMARY KEY (assessment_id, requirement_id),
  FOREIGN KEY (bestuur_id, assessment_id) REFERENCES bestuur_cyfun_assessments(bestuur_id, id) ON DELETE CASCADE,
  CHECK (not_applicable OR (documentation IS NOT NULL AND implementation IS NOT NULL)),
  CHECK (NOT not_applicable OR (documentation IS NULL AND implementation IS NULL))
);

ALTER TABLE bestuur_cyfun_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_cyfun_assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_cyfun_assessments_all ON bestuur_cyfun_assessments
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
ALTER TABLE bestuur_cyfun_answers ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_cyfun_answers FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_cyfun_answers_all ON bestuur_cyfun_answers
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON bestuur_cyfun_assessments, bestuur_cyfun_answers TO baken_app;
