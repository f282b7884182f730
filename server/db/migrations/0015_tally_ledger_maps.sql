CREATE TABLE "tally_ledger_maps" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"rows" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Row-level security, as 0013 does for the tables before it (galla_app has its privileges by 0010's default privileges).
ALTER TABLE tally_ledger_maps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tally_ledger_maps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tally_ledger_maps_tenant ON tally_ledger_maps USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
