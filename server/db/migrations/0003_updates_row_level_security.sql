-- Row-level security for the update pins (a shop's own row), as 0001 does for the tables before it. Releases and their
-- files are not a shop's: the feed reads them as the owning role, and galla_app is given nothing on them.
GRANT SELECT, INSERT, UPDATE, DELETE ON shop_update_pins TO galla_app;
--> statement-breakpoint
ALTER TABLE shop_update_pins ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shop_update_pins_tenant ON shop_update_pins USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
