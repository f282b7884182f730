CREATE TABLE "eway_bills" (
	"shop_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"status" text NOT NULL,
	"transport" jsonb NOT NULL,
	"ewb_no" text,
	"generated_at" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"vehicle_updates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eway_bills_shop_id_invoice_id_pk" PRIMARY KEY("shop_id","invoice_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "eway_bills_number_idx" ON "eway_bills" USING btree ("shop_id","ewb_no");--> statement-breakpoint
-- Row-level security for e-way bills, as 0013 does for the buying side (galla_app has its privileges by 0010's
-- default privileges).
ALTER TABLE eway_bills ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE eway_bills FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY eway_bills_tenant ON eway_bills USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
