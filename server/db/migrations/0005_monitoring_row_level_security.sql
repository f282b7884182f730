-- Row-level security for the monitoring tables (heartbeats, counter backups, alerts), as 0001 does for the tables before it.
GRANT SELECT, INSERT, UPDATE, DELETE ON counter_heartbeats, counter_backups, alerts TO galla_app;
--> statement-breakpoint
ALTER TABLE counter_heartbeats ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY counter_heartbeats_tenant ON counter_heartbeats USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE counter_backups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY counter_backups_tenant ON counter_backups USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY alerts_tenant ON alerts USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
