-- A bestuur's own process list and information assets, adopted from the generic list in
-- content/processes and then classified by the bestuur. Tenant data: bestuur_id and
-- row-level security on app_tenant() (docs/decisions/0003-tenant-isolation.md).

CREATE TABLE bestuur_processes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  template_id text,                      -- the generic process it was adopted from; null: the bestuur's own
  domain text NOT NULL,
  name jsonb NOT NULL,                   -- { nl, en }
  description jsonb,                     -- { nl, en }
  applicable boolean NOT NULL DEFAULT true,
  not_applicable_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bestuur_id, template_id),
  UNIQUE (bestuur_id, id)                -- target of the assets' same-bestuur foreign key
);

CREATE TABLE bestuur_assets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  process_id uuid NOT NULL,
  template_id text,                      -- the generic asset it was adopted from
  name jsonb NOT NULL,
  c smallint NOT NULL CHECK (c BETWEEN 1 AND 5),
  i smallint NOT NULL CHECK (i BETWEEN 1 AND 5),
  a smallint NOT NULL CHECK (a BETWEEN 1 AND 5),
  default_c smallint CHECK (default_c BETWEEN 1 AND 5),   -- the template's classes
  default_i smallint CHECK (default_i BETWEEN 1 AND 5),
  default_a smallint CHECK (default_a BETWEEN 1 AND 5),
  reason text,                           -- why the classification differs from the template's
  personal_data boolean NOT NULL DEFAULT false,
  sensitive_data boolean NOT NULL DEFAULT false,
  ksz_data boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bestuur_id, template_id),
  -- An asset belongs to a process of the same bestuur.
  FOREIGN KEY (bestuur_id, process_id) REFERENCES bestuur_processes(bestuur_id, id),
  CHECK (
    (reason IS NOT NULL AND length(btrim(reason)) > 0)
    OR ((default_c IS NULL OR c = default_c) AND (default_i IS NULL OR i = default_i)
        AND (default_a IS NULL OR a = default_a))
  )
);
CREATE INDEX bestuur_assets_process_idx ON bestuur_assets (bestuur_id, process_id);

ALTER TABLE bestuur_processes ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_processes FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_processes_read ON bestuur_processes FOR SELECT USING (bestuur_id = app_tenant());
CREATE POLICY bestuur_processes_insert ON bestuur_processes FOR INSERT WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_processes_update ON bestuur_processes FOR UPDATE
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());

ALTER TABLE bestuur_assets ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_assets FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_assets_read ON bestuur_assets FOR SELECT USING (bestuur_id = app_tenant());
CREATE POLICY bestuur_assets_insert ON bestuur_assets FOR INSERT WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_assets_update ON bestuur_assets FOR UPDATE
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());

GRANT SELECT, INSERT, UPDATE ON bestuur_processes, bestuur_assets TO baken_app;
