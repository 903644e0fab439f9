-- The registers of a bestuur: its suppliers and its applications, each application linked to
-- the information assets it holds. Tenant data: bestuur_id and row-level security on
-- app_tenant() (docs/decisions/0003-tenant-isolation.md). Unlike processes, register entries
-- can be deleted, so these tables also carry a DELETE policy and grant.

CREATE TABLE bestuur_suppliers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  kbo_number text CHECK (kbo_number ~ '^[01][0-9]{9}$'),
  contact_email text,
  contact_phone text,
  contract_reference text,
  contract_start date,
  contract_end date,
  processing_agreement text NOT NULL DEFAULT 'ontbreekt'
    CHECK (processing_agreement IN ('aanwezig', 'ontbreekt', 'niet-nodig')),
  processing_agreement_date date,
  certifications text[] NOT NULL DEFAULT '{}',
  notes text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bestuur_id, id),               -- target of the applications' same-bestuur foreign key
  CHECK (contract_end IS NULL OR contract_start IS NULL OR contract_end >= contract_start),
  CHECK (processing_agreement_date IS NULL OR processing_agreement = 'aanwezig')
);
CREATE UNIQUE INDEX bestuur_suppliers_name_idx ON bestuur_suppliers (bestuur_id, lower(name));

CREATE TABLE bestuur_applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  description text,
  kind text,                             -- an application kind of content/application-kinds.yaml
  supplier_id uuid,
  hosting text NOT NULL CHECK (hosting IN ('on-premises', 'saas', 'cloud', 'landingszone')),
  acm_idm boolean NOT NULL DEFAULT false, -- sign-in through the Flemish ACM/IDM
  data_location text NOT NULL DEFAULT 'onbekend'
    CHECK (data_location IN ('belgie', 'eu', 'buiten-eu', 'onbekend')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bestuur_id, id),
  -- A supplier of the same bestuur; no cascade: a supplier in use is not deleted.
  FOREIGN KEY (bestuur_id, supplier_id) REFERENCES bestuur_suppliers(bestuur_id, id)
);
CREATE UNIQUE INDEX bestuur_applications_name_idx ON bestuur_applications (bestuur_id, lower(name));
CREATE INDEX bestuur_applications_supplier_idx ON bestuur_applications (bestuur_id, supplier_id);

-- Target of the links' same-bestuur foreign key to an asset.
ALTER TABLE bestuur_assets ADD CONSTRAINT bestuur_assets_bestuur_id_id_key UNIQUE (bestuur_id, id);

CREATE TABLE bestuur_application_assets (
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  application_id uuid NOT NULL,
  asset_id uuid NOT NULL,
  PRIMARY KEY (application_id, asset_id),
  FOREIGN KEY (bestuur_id, application_id) REFERENCES bestuur_applications(bestuur_id, id) ON DELETE CASCADE,
  FOREIGN KEY (bestuur_id, asset_id) REFERENCES bestuur_assets(bestuur_id, id) ON DELETE CASCADE
);
CREATE INDEX bestuur_application_assets_asset_idx ON bestuur_application_assets (bestuur_id, asset_id);

ALTER TABLE bestuur_suppliers ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_suppliers FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_suppliers_read ON bestuur_suppliers FOR SELECT USING (bestuur_id = app_tenant());
CREATE POLICY bestuur_suppliers_insert ON bestuur_suppliers FOR INSERT WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_suppliers_update ON bestuur_suppliers FOR UPDATE
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_suppliers_delete ON bestuur_suppliers FOR DELETE USING (bestuur_id = app_tenant());

ALTER TABLE bestuur_applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_applications FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_applications_read ON bestuur_applications FOR SELECT USING (bestuur_id = app_tenant());
CREATE POLICY bestuur_applications_insert ON bestuur_applications FOR INSERT WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_applications_update ON bestuur_applications FOR UPDATE
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_applications_delete ON bestuur_applications FOR DELETE USING (bestuur_id = app_tenant());

ALTER TABLE bestuur_application_assets ENABLE ROW LEVEL SECURITY;
ALTER TABLE bestuur_application_assets FORCE ROW LEVEL SECURITY;
CREATE POLICY bestuur_application_assets_read ON bestuur_application_assets FOR SELECT
  USING (bestuur_id = app_tenant());
CREATE POLICY bestuur_application_assets_insert ON bestuur_application_assets FOR INSERT
  WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY bestuur_application_assets_delete ON bestuur_application_assets FOR DELETE
  USING (bestuur_id = app_tenant());

GRANT SELECT, INSERT, UPDATE, DELETE ON bestuur_suppliers, bestuur_applications TO baken_app;
GRANT SELECT, INSERT, DELETE ON bestuur_application_assets TO baken_app;
