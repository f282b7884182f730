CREATE TABLE "debit_note_lines" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"debit_note_id" uuid NOT NULL,
	"purchase_bill_line_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"qty_milli" bigint NOT NULL,
	"taxable_paise" bigint NOT NULL,
	"cgst_paise" bigint NOT NULL,
	"sgst_paise" bigint NOT NULL,
	"igst_paise" bigint NOT NULL,
	"cess_paise" bigint NOT NULL,
	"total_paise" bigint NOT NULL,
	CONSTRAINT "debit_note_lines_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "debit_notes" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"number" text NOT NULL,
	"purchase_bill_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"supplier_gstin" text,
	"supplier_state_code" text NOT NULL,
	"reverse_charge" boolean NOT NULL,
	"inter_state" boolean NOT NULL,
	"business_date" date NOT NULL,
	"counter_created_at" text NOT NULL,
	"taxable_paise" bigint NOT NULL,
	"cgst_paise" bigint NOT NULL,
	"sgst_paise" bigint NOT NULL,
	"igst_paise" bigint NOT NULL,
	"cess_paise" bigint NOT NULL,
	"total_paise" bigint NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "debit_notes_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "payable_entries" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"doc_id" uuid,
	"doc_number" text,
	"amount_paise" bigint NOT NULL,
	"counter_created_at" text NOT NULL,
	CONSTRAINT "payable_entries_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "purchase_bill_lines" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"purchase_bill_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"hsn" text NOT NULL,
	"gst_rate_bp" integer NOT NULL,
	"qty_milli" bigint NOT NULL,
	"free_qty_milli" bigint NOT NULL,
	"rate_paise" bigint NOT NULL,
	"discount_paise" bigint NOT NULL,
	"taxable_paise" bigint NOT NULL,
	"cgst_paise" bigint NOT NULL,
	"sgst_paise" bigint NOT NULL,
	"igst_paise" bigint NOT NULL,
	"cess_paise" bigint NOT NULL,
	"freight_paise" bigint NOT NULL,
	"total_paise" bigint NOT NULL,
	CONSTRAINT "purchase_bill_lines_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "purchase_bill_payments" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"purchase_bill_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"amount_paise" bigint NOT NULL,
	CONSTRAINT "purchase_bill_payments_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "purchase_bills" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"number" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"supplier_gstin" text,
	"supplier_state_code" text NOT NULL,
	"supplier_invoice_number" text NOT NULL,
	"supplier_invoice_date" date NOT NULL,
	"reverse_charge" boolean NOT NULL,
	"inter_state" boolean NOT NULL,
	"business_date" date NOT NULL,
	"counter_created_at" text NOT NULL,
	"taxable_paise" bigint NOT NULL,
	"cgst_paise" bigint NOT NULL,
	"sgst_paise" bigint NOT NULL,
	"igst_paise" bigint NOT NULL,
	"cess_paise" bigint NOT NULL,
	"freight_paise" bigint NOT NULL,
	"round_off_paise" bigint NOT NULL,
	"total_paise" bigint NOT NULL,
	"paid_paise" bigint NOT NULL,
	"payable_paise" bigint NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_bills_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "supplier_payments" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"number" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"amount_paise" bigint NOT NULL,
	"mode" text NOT NULL,
	"reference" text NOT NULL,
	"cheque_date" date,
	"business_date" date NOT NULL,
	"counter_created_at" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_payments_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE INDEX "debit_note_lines_note_idx" ON "debit_note_lines" USING btree ("shop_id","debit_note_id");--> statement-breakpoint
CREATE UNIQUE INDEX "debit_notes_number_idx" ON "debit_notes" USING btree ("shop_id","number");--> statement-breakpoint
CREATE INDEX "debit_notes_day_idx" ON "debit_notes" USING btree ("shop_id","business_date");--> statement-breakpoint
CREATE INDEX "debit_notes_bill_idx" ON "debit_notes" USING btree ("shop_id","purchase_bill_id");--> statement-breakpoint
CREATE INDEX "payable_entries_party_idx" ON "payable_entries" USING btree ("shop_id","party_id");--> statement-breakpoint
CREATE INDEX "purchase_bill_lines_bill_idx" ON "purchase_bill_lines" USING btree ("shop_id","purchase_bill_id");--> statement-breakpoint
CREATE INDEX "purchase_bill_lines_item_idx" ON "purchase_bill_lines" USING btree ("shop_id","item_id");--> statement-breakpoint
CREATE INDEX "purchase_bill_payments_bill_idx" ON "purchase_bill_payments" USING btree ("shop_id","purchase_bill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_bills_number_idx" ON "purchase_bills" USING btree ("shop_id","number");--> statement-breakpoint
CREATE INDEX "purchase_bills_day_idx" ON "purchase_bills" USING btree ("shop_id","business_date");--> statement-breakpoint
CREATE INDEX "purchase_bills_supplier_idx" ON "purchase_bills" USING btree ("shop_id","supplier_id","supplier_invoice_date");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_payments_number_idx" ON "supplier_payments" USING btree ("shop_id","number");--> statement-breakpoint
CREATE INDEX "supplier_payments_supplier_idx" ON "supplier_payments" USING btree ("shop_id","supplier_id");--> statement-breakpoint
-- Row-level security for the buying side's tables, as 0001, 0010 and 0012 do for the tables before them (galla_app has
-- its privileges by 0010's default privileges).
ALTER TABLE purchase_bills ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE purchase_bills FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY purchase_bills_tenant ON purchase_bills USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE purchase_bill_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE purchase_bill_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY purchase_bill_lines_tenant ON purchase_bill_lines USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE purchase_bill_payments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE purchase_bill_payments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY purchase_bill_payments_tenant ON purchase_bill_payments USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE debit_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE debit_notes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY debit_notes_tenant ON debit_notes USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE debit_note_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE debit_note_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY debit_note_lines_tenant ON debit_note_lines USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE supplier_payments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE supplier_payments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY supplier_payments_tenant ON supplier_payments USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE payable_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payable_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY payable_entries_tenant ON payable_entries USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
