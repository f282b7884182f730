CREATE TABLE "report_staff" (
	"shop_id" uuid NOT NULL,
	"staff_id" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "report_staff_shop_id_staff_id_pk" PRIMARY KEY("shop_id","staff_id")
);
--> statement-breakpoint
-- Row-level security, as for the other report summaries.
GRANT SELECT, INSERT, UPDATE, DELETE ON report_staff TO galla_app;
--> statement-breakpoint
ALTER TABLE report_staff ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_staff_tenant ON report_staff USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
