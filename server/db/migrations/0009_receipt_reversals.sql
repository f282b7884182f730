CREATE TABLE "receipt_reversals" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"number" text NOT NULL,
	"receipt_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"amount_paise" bigint NOT NULL,
	"business_date" date NOT NULL,
	"counter_created_at" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receipt_reversals_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "receipt_reversals_number_idx" ON "receipt_reversals" USING btree ("shop_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "receipt_reversals_receipt_idx" ON "receipt_reversals" USING btree ("shop_id","receipt_id");--> statement-breakpoint
-- Row-level security for receipt reversals, as 0001 does for the documents before them.
GRANT SELECT, INSERT, UPDATE, DELETE ON receipt_reversals TO galla_app;
--> statement-breakpoint
ALTER TABLE receipt_reversals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY receipt_reversals_tenant ON receipt_reversals USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
