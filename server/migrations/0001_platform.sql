-- Platform foundation: besturen, users, memberships, sessions, tokens, audit trail.
-- Row-level security: every tenant table carries bestuur_id and is only visible when
-- app.tenant_id (set per transaction) matches. The app works as baken_app, which owns
-- nothing and is not a superuser (docs/decisions/0003-tenant-isolation.md).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baken_app') THEN
    CREATE ROLE baken_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO baken_app;

CREATE FUNCTION app_tenant() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
CREATE FUNCTION app_user() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION app_platform() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT coalesce(current_setting('app.platform', true), '') = 'on' $$;

CREATE TABLE besturen (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('gemeente','stad','ocmw','politiezone','hulpverleningszone',
    'intergemeentelijk_samenwerkingsverband','provincie','andere')),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  nis_code text CHECK (nis_code ~ '^[0-9]{5}$'),
  kbo_number text UNIQUE CHECK (kbo_number ~ '^[01][0-9]{9}$'),
  population integer CHECK (population >= 0),
  province text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, nis_code)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email)),
  display_name text NOT NULL,
  language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl','en')),
  password_hash text,
  regional_roles text[] NOT NULL DEFAULT '{}'
    CHECK (regional_roles <@ ARRAY['coach','toezichthouder','platformbeheerder']::text[]),
  active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_sign_in_at timestamptz,
  oidc_subject text UNIQUE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('beheerder','informatieveiligheidsconsulent','dpo',
    'proceseigenaar','medewerker','lezer','auditor')),
  ends_at date,
  active boolean NOT NULL DEFAULT true,
  invited_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bestuur_id, user_id),
  CHECK (role <> 'auditor' OR ends_at IS NOT NULL)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,              -- sha256 of the cookie value; the value itself is never stored
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,  -- absolute time-out
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE password_tokens (
  id text PRIMARY KEY,              -- sha256 of the token in the e-mailed link
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('reset','invite')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid NOT NULL REFERENCES besturen(id),
  user_id uuid NOT NULL REFERENCES users(id),
  name text NOT NULL,
  prefix text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE audit_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestuur_id uuid REFERENCES besturen(id),   -- null: a platform-level event
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text,
  action text NOT NULL,
  object_type text NOT NULL,
  object_id text NOT NULL,
  object_label text,
  before jsonb,
  after jsonb,
  request_id text
);
CREATE INDEX audit_events_bestuur_idx ON audit_events (bestuur_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_object_idx ON audit_events (object_type, object_id);

-- The trail is append-only, for the app role by its grants and for everyone by this trigger.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- Row-level security on every tenant table.
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
-- A user sees the members of the current bestuur, and their own memberships everywhere
-- (for the bestuur switcher); changes only within the current bestuur.
CREATE POLICY memberships_read ON memberships FOR SELECT
  USING (bestuur_id = app_tenant() OR user_id = app_user());
CREATE POLICY memberships_insert ON memberships FOR INSERT WITH CHECK (bestuur_id = app_tenant());
CREATE POLICY memberships_update ON memberships FOR UPDATE
  USING (bestuur_id = app_tenant()) WITH CHECK (bestuur_id = app_tenant());

ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY api_tokens_read ON api_tokens FOR SELECT
  USING (bestuur_id = app_tenant() OR user_id = app_user());
CREATE POLICY api_tokens_insert ON api_tokens FOR INSERT
  WITH CHECK (bestuur_id = app_tenant() AND user_id = app_user());
CREATE POLICY api_tokens_update ON api_tokens FOR UPDATE
  USING (user_id = app_user()) WITH CHECK (user_id = app_user());

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_events_read ON audit_events FOR SELECT
  USING (bestuur_id = app_tenant() OR (bestuur_id IS NULL AND app_platform()));
CREATE POLICY audit_events_insert ON audit_events FOR INSERT
  WITH CHECK (bestuur_id = app_tenant() OR bestuur_id IS NULL);

GRANT SELECT, INSERT, UPDATE ON besturen, users, memberships TO baken_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, password_tokens TO baken_app;
GRANT SELECT, INSERT, UPDATE ON api_tokens TO baken_app;
GRANT SELECT, INSERT ON audit_events TO baken_app;
GRANT SELECT ON schema_migrations TO baken_app;

-- Sign-in needs the memberships of a user before any bestuur is chosen: these functions
-- run as the owner and return exactly what authentication needs, in one round trip.
CREATE FUNCTION auth_memberships(p_user uuid) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'bestuurId', b.id, 'bestuurName', b.name, 'bestuurKind', b.kind, 'role', m.role)
           ORDER BY b.name), '[]'::jsonb)
  FROM memberships m JOIN besturen b ON b.id = m.bestuur_id
  WHERE m.user_id = p_user AND m.active AND b.active
    AND (m.ends_at IS NULL OR m.ends_at >= current_date)
$$;

CREATE TYPE auth_principal AS (
  user_id uuid, email text, display_name text, language text, regional_roles text[],
  csrf_token text, token_bestuur_id uuid, memberships jsonb
);

CREATE FUNCTION auth_session(p_id text, p_idle_minutes integer) RETURNS SETOF auth_principal
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  s sessions%ROWTYPE;
BEGIN
  SELECT * INTO s FROM sessions WHERE id = p_id;
  IF NOT FOUND OR s.expires_at <= now() OR s.last_seen_at <= now() - make_interval(mins => p_idle_minutes) THEN
    RETURN;
  END IF;
  IF s.last_seen_at < now() - interval '1 minute' THEN
    UPDATE sessions SET last_seen_at = now() WHERE id = p_id;
  END IF;
  RETURN QUERY SELECT u.id, u.email, u.display_name, u.language, u.regional_roles, s.csrf_token,
    NULL::uuid, auth_memberships(u.id)
  FROM users u WHERE u.id = s.user_id AND u.active;
END $$;

CREATE FUNCTION auth_api_token(p_hash text) RETURNS SETOF auth_principal
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t api_tokens%ROWTYPE;
BEGIN
  SELECT * INTO t FROM api_tokens WHERE token_hash = p_hash;
  IF NOT FOUND OR t.revoked_at IS NOT NULL OR (t.expires_at IS NOT NULL AND t.expires_at <= now()) THEN
    RETURN;
  END IF;
  IF t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute' THEN
    UPDATE api_tokens SET last_used_at = now() WHERE id = t.id;
  END IF;
  RETURN QUERY SELECT u.id, u.email, u.display_name, u.language, '{}'::text[], NULL::text, t.bestuur_id,
    (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM jsonb_array_elements(auth_memberships(u.id)) e
      WHERE e->>'bestuurId' = t.bestuur_id::text)
  FROM users u WHERE u.id = t.user_id AND u.active;
END $$;

REVOKE ALL ON FUNCTION auth_session(text, integer), auth_memberships(uuid), auth_api_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_session(text, integer), auth_memberships(uuid), auth_api_token(text) TO baken_app;
