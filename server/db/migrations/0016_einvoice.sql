CREATE TABLE "einvoice_documents" (
	"shop_id" uuid NOT NULL,
	"doc_id" uuid NOT NULL,
	"doc_kind" text NOT NULL,
	"invoice_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"doc_number" text NOT NULL,
	"doc_date" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"irn" text,
	"ack_no" text,
	"ack_dt" text,
	"signed_qr_code" text,
	"signed_invoice" text,
	"generated_at" timestamp with time zone,
	"error_code" text,
	"error_message" text,
	"cancel_reason" text,
	"cancel_remark" text,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "einvoice_documents_shop_id_doc_id_pk" PRIMARY KEY("shop_id","doc_id")
);
--> statement-breakpoint
CREATE TABLE "einvoice_settings" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "einvoice_documents_due_idx" ON "einvoice_documents" USING btree ("shop_id","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "einvoice_documents_invoice_idx" ON "einvoice_documents" USING btree ("shop_id","invoice_id");--> statement-breakpoint
-- Row-level security for e-invoicing's tables, as 0001, 0010, 0012 and 0013 do for the tables before them.
ALTER TABLE einvoice_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE einvoice_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY einvoice_settings_tenant ON einvoice_settings USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE einvoice_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE einvoice_documents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY einvoice_documents_tenant ON einvoice_documents USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
