-- Business continuity (issue 6): the self-evaluation, the business impact analysis per
-- process with its dependencies, the recovery of applications, the continuity plan with its
-- strategies and exercises, and the coach's review of a submitted BIA or plan.
-- Tenant data: bestuur_id and row-level security on app_tenant() (decision 0003). The review
-- tables also let a coach read them: a submission is a snapshot made for the coach
-- (docs/decisions/0009-continuity.md); the coach reads nothing else of the bestuur.

-- Whether the signed-in user of this transaction is an active coach (users has no RLS).
CREATE FUNCTION app_is_coach() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT EXISTS (SELECT 1 FROM users WHERE id = app_user() AND active AND 'coach' = ANY (regional_roles)) $$;

CREATE TABLE bestuur_bc_self_evaluations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  answers jsonb NOT NULL,                -- [{ questionId, answer: ja|deels|nee, note }]
  points smallint NOT NULL,
  max_points smallint NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bestuur_bc_self_evaluations_idx ON bestuur_bc_self_evaluations (bestuur_id, created_at);

CREATE TABLE bestuur_bc_settings (
  bestuur_id uuid PRIMARY KEY REFERENCES besturen(id),
  unacceptable_level smallint NOT NULL CHECK (unacceptable_level BETWEEN 1 AND 4),
  critical_threshold text NOT NULL CHECK (critical_threshold IN ('4h', '1d', '3d', '1w', '2w', '1m')),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bestuur_bia (
  bestuur_id uuid NOT NULL,
  process_id uuid NOT NULL,
  impacts jsonb NOT NULL,                -- { area: [rating at 4h, 1d, 3d, 1w, 2w, 1m] }
  rto_hours integer CHECK (rto_hours > 0),
  rpo_hours integer CHECK (rpo_hours >= 0),
  minimum_service_level text,
  peak_periods text,
  key_roles text[] NOT NULL DEFAULT '{}',
  locations text[] NOT NULL DEFAULT '{}',
  notes text,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (bestuur_id, process_id),
  FOREIGN KEY (bestuur_id, process_id) REFERENCES bestuur_processes(bestuur_id, id) ON DELETE CASCADE
);

-- What a process depends on: exactly one of an application, a supplier or another process,
-- each of the same bestuur; a deleted application or supplier drops out of the analysis.
CREATE TABLE bestuur_bia_dependencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL,
  process_id uuid NOT NULL,
  application_id uuid,
  supplier_id uuid,
  depends_on_process_id uuid,
  FOREIGN KEY (bestuur_id, process_id) REFERENCES bestuur_bia(bestuur_id, process_id) ON DELETE CASCADE,
  FOREIGN KEY (bestuur_id, application_id) REFERENCES bestuur_applications(bestuur_id, id) ON DELETE CASCADE,
  FOREIGN KEY (bestuur_id, supplier_id) REFERENCES bestuur_suppliers(bestuur_id, id) ON DELETE CASCADE,
  FOREIGN KEY (bestuur_id, depends_on_process_id) REFERENCES bestuur_processes(bestuur_id, id) ON DELETE CASCADE,
  CHECK (num_nonnulls(application_id, supplier_id, depends_on_process_id) = 1),
  CHECK (depends_on_process_id IS DISTINCT FROM process_id)
);
CREATE INDEX bestuur_bia_dependencies_process_idx ON bestuur_bia_dependencies (bestuur_id, process_id);
CREATE INDEX bestuur_bia_dependencies_application_idx ON bestuur_bia_dependencies (bestuur_id, application_id);
CREATE INDEX bestuur_bia_dependencies_supplier_idx ON bestuur_bia_dependencies (bestuur_id, supplier_id);

-- The recovery of a register application: its recovery time and steps. Kept beside the
-- register rather than in it, so the registers stay as they are.
CREATE TABLE bestuur_application_recovery (
  bestuur_id uuid NOT NULL,
  application_id uuid NOT NULL,
  recovery_time_hours integer CHECK (recovery_time_hours > 0),
  procedure text,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (bestuur_id, application_id),
  FOREIGN KEY (bestuur_id, application_id) REFERENCES bestuur_applications(bestuur_id, id) ON DELETE CASCADE
);

CREATE TABLE bestuur_bc_plans (
  bestuur_id uuid PRIMARY KEY REFERENCES besturen(id),
  sections jsonb NOT NULL,               -- PlanSections of packages/contracts/src/continuity.ts
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bestuur_bc_strategies (
  bestuur_id uuid NOT NULL,
  process_id uuid NOT NULL,
  strategy text NOT NULL CHECK (strategy IN ('manueel', 'andere-locatie', 'andere-leverancier', 'uitval-aanvaarden')),
  description text,
  procedure text,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (bestuur_id, process_id),
  FOREIGN KEY (bestuur_id, process_id) REFERENCES bestuur_processes(bestuur_id, id) ON DELETE CASCADE
);

CREATE TABLE bestuur_bc_exercises (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  kind text NOT NULL CHECK (kind IN ('tafeloefening', 'technische-test', 'volledige-oefening')),
  planned_on date,
  held_on date,
  scenario text,
  findings text,
  actions jsonb NOT NULL DEFAULT '[]',   -- [{ description, owner, due, done }]
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bestuur_bc_exercises_idx ON bestuur_bc_exercises (bestuur_id, held_on);

CREATE TABLE bestuur_bc_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  subject text NOT NULL CHECK (subject IN ('bia', 'plan')),
  state text NOT NULL DEFAULT 'ingediend' CHECK (state IN ('ingediend', 'teruggestuurd', 'aanvaard')),
  snapshot jsonb NOT NULL,               -- what was submitted, as it was then
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (bestuur_id, id),
  CHECK ((state = 'ingediend') = (decided_at IS NULL))
);
-- One open submission per subject and bestuur.
CREATE UNIQUE INDEX bestuur_bc_reviews_open_idx ON bestuur_bc_reviews (bestuur_id, subject) WHERE state = 'ingediend';
CREATE INDEX bestuur_bc_reviews_state_idx ON bestuur_bc_reviews (state, submitted_at);

CREATE TABLE bestuur_bc_review_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL,
  review_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ingediend', 'opmerking', 'teruggestuurd', 'aanvaard')),
  section text,
  body text,
  author_id uuid REFERENCES users(id),
  author_name text,
  author_side text NOT NULL CHECK (author_side IN ('bestuur', 'coach')),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (bestuur_id, review_id) REFERENCES bestuur_bc_reviews(bestuur_id, id) ON DELETE CASCADE
);
CREATE INDEX bestuur_bc_review_events_idx ON bestuur_bc_review_events (review_id, created_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['bestuur_bc_self_evaluations', 'bestuur_bc_settings', 'bestuur_bia',
    'bestuur_bia_dependencies', 'bestuur_application_recovery', 'bestuur_bc_plans', 'bestuur_bc_strategies',
    'bestuur_bc_exercises']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant())',
      t || '_all', t);
  END LOOP;
END $$;

-- Reviews: the bestuur works in its own scope; a coach reads every submission (and only
-- those), and writes inside the scope of the submission's bestuur, where the audit trail is.
ALTER TABLE bestuur_bc_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_bc_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_bc_reviews_read ON bestuur_bc_reviews FOR SELECT
  USING (bestuur_id = app_tenant() OR app_is_coach());
CREATE POLICY bestuur_bc_reviews_insert ON bestuur_bc_reviews FOR INSERT WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_bc_reviews_update ON bestuur_bc_reviews FOR UPDATE
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
ALTER TABLE bestuur_bc_review_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_bc_review_events FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_bc_review_events_read ON bestuur_bc_review_events FOR SELECT
  USING (bestuur_id = app_tenant() OR app_is_coach());
CREATE POLICY bestuur_bc_review_events_insert ON bestuur_bc_review_events FOR INSERT
  WITH CHECK (bestuur_id = app_tenant());

GRANT SELECT, INSERT ON bestuur_bc_self_evaluations TO baken_app;
GRANT SELECT, INSERT, UPDATE ON bestuur_bc_settings, bestuur_bc_plans TO baken_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON bestuur_bia, bestuur_bia_dependencies, bestuur_application_recovery,
  bestuur_bc_strategies, bestuur_bc_exercises TO baken_app;
GRANT SELECT, INSERT, UPDATE ON bestuur_bc_reviews TO baken_app;
GRANT SELECT, INSERT ON bestuur_bc_review_events TO baken_app;
