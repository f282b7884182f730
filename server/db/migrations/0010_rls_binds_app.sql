-- Row-level security binds the application: the server now runs as galla_app outside inShop too (server/db/connection.ts),
-- so a query with no shop set sees no shop's rows. This migration, like all of them, runs as the owning role.
--
-- 1. FORCE on every table that has a policy, so the owning role is held by the policies as well (a superuser, or a
--    role with BYPASSRLS, still passes: that is what pg_dump and the restore drill use; see server/README.md).
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity LOOP
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
  END LOOP;
END $$;
--> statement-breakpoint
-- 2. Tables created by later migrations are galla_app's to use (each still needs its policy and FORCE: a test checks).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO galla_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO galla_app;
--> statement-breakpoint
-- 3. Not a shop's data, so no policy: the published releases every counter's update feed reads, and which the release
--    command (holding the release token) writes through the app.
GRANT SELECT, INSERT, UPDATE, DELETE ON releases, release_files TO galla_app;
--> statement-breakpoint
-- /ready compares the migrations applied with those shipped.
GRANT USAGE ON SCHEMA drizzle TO galla_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO galla_app;
--> statement-breakpoint
-- PGlite's backup checkpoints before copying its folder (server/backup/dump.ts); PostgreSQL 15+ lets a non-superuser
-- do that through pg_checkpoint. Where the owner may not grant it (a managed PostgreSQL), dumps use pg_dump instead.
DO $$ BEGIN
  GRANT pg_checkpoint TO galla_app;
EXCEPTION WHEN OTHERS THEN NULL;
END $$;
--> statement-breakpoint
-- 4. What must cross shops. Each function answers one question with a shop id (or shop ids) and nothing more; the
--    caller then does the rest inside inShop for that shop. SECURITY DEFINER runs them as the owning role; search_path
--    is pinned so a caller cannot redirect the table names.
--    Reason: at login the email is all we know, and it names the shop.
CREATE FUNCTION galla_shop_of_login(p_email text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT shop_id FROM users WHERE email = p_email $$;
--> statement-breakpoint
--    Reason: a bearer (access) or refresh token is all a request carries; its hash names the shop.
CREATE FUNCTION galla_shop_of_token(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT shop_id FROM auth_tokens WHERE token_hash = p_token_hash $$;
--> statement-breakpoint
--    Reason: a counter's device token is all a sync request carries; its hash names the shop.
CREATE FUNCTION galla_shop_of_device(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT shop_id FROM counters WHERE device_token_hash = p_token_hash $$;
--> statement-breakpoint
--    Reason: a new counter presents only the one-time enrolment code; its hash names the shop.
CREATE FUNCTION galla_shop_of_enrolment(p_code_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT shop_id FROM enrolment_codes WHERE code_hash = p_code_hash $$;
--> statement-breakpoint
--    Reason: the operator's jobs (alert evaluation, the metrics scrape) visit every shop in turn, each inside inShop.
CREATE FUNCTION galla_shop_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id FROM shops ORDER BY created_at, id $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION galla_shop_of_login(text), galla_shop_of_token(text), galla_shop_of_device(text),
  galla_shop_of_enrolment(text), galla_shop_ids() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION galla_shop_of_login(text), galla_shop_of_token(text), galla_shop_of_device(text),
  galla_shop_of_enrolment(text), galla_shop_ids() TO galla_app;
--> statement-breakpoint
-- 5. Where the owning role is neither superuser nor BYPASSRLS (a managed PostgreSQL), FORCE would blind the functions
--    above: let the owning role, and only it, read the four tables they look in.
DO $$
DECLARE t text;
BEGIN
  IF NOT (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) THEN
    FOREACH t IN ARRAY ARRAY['shops', 'users', 'auth_tokens', 'counters', 'enrolment_codes'] LOOP
      EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO %I USING (true)', t || '_owner_lookup', t, current_user);
    END LOOP;
  END IF;
END $$;
