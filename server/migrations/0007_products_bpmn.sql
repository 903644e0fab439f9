-- IPDC products and BPMN diagrams of a bestuur's processes.
--
-- ipdc_concepts is a shared, regional catalogue (no bestuur): the product and service concepts
-- of the IPDC, imported from CSV by the Vo-CRT coach. Every signed-in user reads it.
-- The links from a process to concepts and the process's diagram are tenant data: bestuur_id
-- and row-level security on app_tenant(), as in 0004 (docs/decisions/0003-tenant-isolation.md).

CREATE TABLE ipdc_concepts (
  id text PRIMARY KEY CHECK (id ~ '^https://ipdc\.vlaanderen\.be/id/concept/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  name_nl text NOT NULL CHECK (length(btrim(name_nl)) > 0),
  name_en text,
  description text,
  product_type text,                     -- one of the 7 IPDC product types
  themes text[] NOT NULL DEFAULT '{}',   -- IPDC theme codes
  target_groups text[] NOT NULL DEFAULT '{}',
  keywords text[] NOT NULL DEFAULT '{}',
  source_file text,                      -- the file that last brought or changed the concept
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ipdc_concepts_name_idx ON ipdc_concepts (lower(name_nl));
CREATE INDEX ipdc_concepts_themes_idx ON ipdc_concepts USING gin (themes);

CREATE TABLE bestuur_process_products (
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  process_id uuid NOT NULL,
  concept_id text NOT NULL REFERENCES ipdc_concepts(id),
  linked_by uuid REFERENCES users(id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (bestuur_id, process_id, concept_id),
  -- The process belongs to the same bestuur; its links go with it.
  FOREIGN KEY (bestuur_id, process_id) REFERENCES bestuur_processes(bestuur_id, id) ON DELETE CASCADE
);

CREATE TABLE bestuur_process_diagrams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  process_id uuid NOT NULL,
  file_name text NOT NULL,
  xml text NOT NULL,                     -- the BPMN 2.0 file as uploaded (checked, UTF-8)
  size integer NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (bestuur_id, process_id),       -- one diagram per process, replaceable
  FOREIGN KEY (bestuur_id, process_id) REFERENCES bestuur_processes(bestuur_id, id) ON DELETE CASCADE
);

ALTER TABLE bestuur_process_products ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_process_products FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_process_products_read ON bestuur_process_products FOR SELECT
  USING (bestuur_id = app_tenant());
CREATE POLICY bestuur_process_products_insert ON bestuur_process_products FOR INSERT
  WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_process_products_delete ON bestuur_process_products FOR DELETE
  USING (bestuur_id = app_tenant());

ALTER TABLE bestuur_process_diagrams ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_process_diagrams FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_process_diagrams_read ON bestuur_process_diagrams FOR SELECT
  USING (bestuur_id = app_tenant());
CREATE POLICY bestuur_process_diagrams_insert ON bestuur_process_diagrams FOR INSERT
  WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_process_diagrams_update ON bestuur_process_diagrams FOR UPDATE
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_process_diagrams_delete ON bestuur_process_diagrams FOR DELETE
  USING (bestuur_id = app_tenant());

GRANT SELECT, INSERT, UPDATE ON ipdc_concepts TO baken_app;
GRANT SELECT, INSERT, DELETE ON bestuur_process_products TO baken_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON bestuur_process_diagrams TO baken_app;
