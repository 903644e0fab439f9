-- The generic process list as published versions (docs/decisions/0006-process-list-versions.md).
-- A version is a snapshot of the process domains, processes with their assets, and the
-- harmonised measures with their mappings; once published it never changes. The Vo-CRT
-- coach edits one draft and publishes it as the next version with release notes.

CREATE TABLE process_list_versions (
  number integer PRIMARY KEY CHECK (number >= 1),
  release_notes jsonb NOT NULL,            -- { nl, en }
  snapshot jsonb NOT NULL,                 -- { processDomains, processes, measures }
  -- 'content': made from content/ at start; 'draft': published by a coach.
  source text NOT NULL CHECK (source IN ('content', 'draft')),
  content_checksum text,                   -- checksum of the content/ it was made from
  stats jsonb NOT NULL,                    -- { processes, assets, measures }
  published_by uuid REFERENCES users(id),
  published_at timestamptz NOT NULL DEFAULT now()
);

-- A published version never changes: not through the app, not by mistake.
CREATE FUNCTION process_list_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a published version of the process list never changes' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER process_list_versions_immutable BEFORE UPDATE OR DELETE ON process_list_versions
  FOR EACH ROW EXECUTE FUNCTION process_list_versions_immutable();

-- The one draft the coach works on; starts as a copy of the latest version.
CREATE TABLE process_list_draft (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  based_on integer NOT NULL REFERENCES process_list_versions(number),
  snapshot jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT ON process_list_versions TO baken_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON process_list_draft TO baken_app;

-- Which version a bestuur's copy of a generic process follows, and the generic list's reason
-- for an asset's default class.
ALTER TABLE bestuur_processes ADD COLUMN template_version integer REFERENCES process_list_versions(number);
ALTER TABLE bestuur_assets ADD COLUMN default_reason jsonb;
-- An own process or asset (template_id null) may be deleted by the bestuur.
GRANT DELETE ON bestuur_processes, bestuur_assets TO baken_app;
CREATE POLICY bestuur_processes_delete ON bestuur_processes FOR DELETE USING (bestuur_id = app_tenant());
CREATE POLICY bestuur_assets_delete ON bestuur_assets FOR DELETE USING (bestuur_id = app_tenant());
