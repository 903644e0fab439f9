-- The catalogue: frameworks and their requirement trees, security domains, harmonised
-- measures and their mappings to requirements. Global content shared by every bestuur, so
-- no bestuur_id and no row-level security. It comes from two sources: content/ (our own
-- structure and short titles, `npm run cli -- content-sync`) and imported CISO Assistant
-- libraries (the publishers' official texts, `npm run cli -- import-library`). Nothing is
-- ever deleted from the tree: a requirement that disappears is retired, so assessments that
-- refer to it keep their reference.

CREATE TABLE frameworks (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9.-]*$'),
  urn text UNIQUE,                       -- the library's framework urn, once imported
  name jsonb NOT NULL,                   -- { nl, en, fr? }
  publisher text NOT NULL,
  edition text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cyfun','nis2','gdpr','ksz','baseline','other')),
  levels jsonb NOT NULL DEFAULT '[]',    -- content/: [{ id, name }] (basic, important, essential)
  library_version integer,
  min_score integer,
  max_score integer,
  score_definitions jsonb NOT NULL DEFAULT '[]', -- [{ score, name, description, descriptionDoc }], texts per language
  groups jsonb NOT NULL DEFAULT '[]',    -- implementation groups: [{ id, name: { nl, en, fr } }]
  source text NOT NULL CHECK (source IN ('content','library')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE framework_nodes (
  framework_id text NOT NULL REFERENCES frameworks(id),
  id text NOT NULL,                      -- the requirement id as Baken uses it: ID.AM-1.1, 21.2.a
  urn text,                              -- the library's node urn, once imported
  parent_id text,
  position integer NOT NULL,
  depth integer NOT NULL CHECK (depth >= 1),
  assessable boolean NOT NULL,
  title jsonb,                           -- our own short title { nl, en }; null for library-only nodes
  description jsonb,                     -- our own description { nl, en }, optional
  official jsonb,                        -- publisher's texts { nl: { name, description, annotation }, en, fr }
  groups text[] NOT NULL DEFAULT '{}',   -- implementation groups of the library: B, I, E, BK, ...
  levels text[] NOT NULL DEFAULT '{}',   -- content/ levels: basic, important, essential
  key_measure_at text CHECK (key_measure_at IN ('basic','important','essential')),
  management_aspect_at text CHECK (management_aspect_at IN ('basic','important','essential')),
  retired_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (framework_id, id),
  FOREIGN KEY (framework_id, parent_id) REFERENCES framework_nodes(framework_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX framework_nodes_urn_key ON framework_nodes (framework_id, urn);
CREATE INDEX framework_nodes_tree_idx ON framework_nodes (framework_id, position);

CREATE TABLE security_domains (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9.-]*$'),
  name jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE measures (
  code text PRIMARY KEY,
  domain text NOT NULL REFERENCES security_domains(id),
  type text NOT NULL CHECK (type IN ('organisational','technical')),
  title jsonb NOT NULL,
  guidance jsonb NOT NULL,
  applies jsonb NOT NULL,                -- "always" or { c, i, a }: the ICR class rule
  conditions jsonb NOT NULL DEFAULT '{}',
  retired_at timestamptz,                -- no longer in content/; kept for what refers to it
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measures_domain_idx ON measures (domain);

CREATE TABLE measure_mappings (
  measure_code text NOT NULL REFERENCES measures(code),
  framework_id text NOT NULL,
  node_id text NOT NULL,
  relationship text NOT NULL CHECK (relationship IN ('equal','subset','superset','intersect')),
  PRIMARY KEY (measure_code, framework_id, node_id),
  FOREIGN KEY (framework_id, node_id) REFERENCES framework_nodes(framework_id, id)
);
CREATE INDEX measure_mappings_node_idx ON measure_mappings (framework_id, node_id);

-- The app writes the catalogue only through the content sync and the library import; it
-- never deletes a framework, node, domain or measure. Mappings follow content/ exactly.
GRANT SELECT, INSERT, UPDATE ON frameworks, framework_nodes, security_domains, measures TO baken_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON measure_mappings TO baken_app;
