-- Row-level security: tenant work runs as galla_app with galla.shop_id set per transaction (server/db/tenant.ts),
-- so a query that forgot its shop filter still sees only its own shop. The owning role (migrations, login look-ups) bypasses.
DO $$ BEGIN
  CREATE ROLE galla_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT galla_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO galla_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO galla_app;
--> statement-breakpoint
ALTER TABLE shops ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shops_tenant ON shops USING (id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_tenant ON users USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE auth_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY auth_tokens_tenant ON auth_tokens USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE counters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY counters_tenant ON counters USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE enrolment_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY enrolment_codes_tenant ON enrolment_codes USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE sync_ops ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sync_ops_tenant ON sync_ops USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY changes_tenant ON changes USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE counter_cursors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY counter_cursors_tenant ON counter_cursors USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY invoices_tenant ON invoices USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE invoice_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY invoice_lines_tenant ON invoice_lines USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE credit_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY credit_notes_tenant ON credit_notes USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE credit_note_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY credit_note_lines_tenant ON credit_note_lines USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE receipts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY receipts_tenant ON receipts USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY payments_tenant ON payments USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE cash_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cash_sessions_tenant ON cash_sessions USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY items_tenant ON items USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY parties_tenant ON parties USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE khata_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY khata_entries_tenant ON khata_entries USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE stock_movements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY stock_movements_tenant ON stock_movements USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
