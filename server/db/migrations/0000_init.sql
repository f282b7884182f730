CREATE TABLE "auth_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"family_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"name" text NOT NULL,
	"counter_code" text NOT NULL,
	"device_token_hash" text NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"last_clock_skew_ms" bigint,
	"app_version" text
);
--> statement-breakpoint
CREATE TABLE "enrolment_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"counter_code" text NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"counter_id" uuid
);
--> statement-breakpoint
CREATE TABLE "shops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"shop_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"origin_counter_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "changes_shop_id_seq_pk" PRIMARY KEY("shop_id","seq")
);
--> statement-breakpoint
CREATE TABLE "counter_cursors" (
	"shop_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"pulled_to" bigint NOT NULL,
	"pulled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pushed_ops" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "counter_cursors_shop_id_counter_id_pk" PRIMARY KEY("shop_id","counter_id")
);
--> statement-breakpoint
CREATE TABLE "sync_ops" (
	"shop_id" uuid NOT NULL,
	"op_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"counter_seq" bigint NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_ops_shop_id_op_id_pk" PRIMARY KEY("shop_id","op_id")
);
--> statement-breakpoint
CREATE TABLE "cash_sessions" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cash_sessions_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_note_lines" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"credit_note_id" uuid NOT NULL,
	"invoice_line_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"qty_milli" bigint NOT NULL,
	"taxable_paise" bigint NOT NULL,
	"total_paise" bigint NOT NULL,
	CONSTRAINT "credit_note_lines_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_notes" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"number" text NOT NULL,
	"invoice_id" uuid NOT NULL,
	"party_id" uuid,
	"refund_mode" text NOT NULL,
	"business_date" date NOT NULL,
	"counter_created_at" text NOT NULL,
	"taxable_paise" bigint NOT NULL,
	"total_paise" bigint NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_notes_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"qty_milli" bigint NOT NULL,
	"unit_cost_paise" bigint NOT NULL,
	"taxable_paise" bigint NOT NULL,
	"total_paise" bigint NOT NULL,
	CONSTRAINT "invoice_lines_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"number" text NOT NULL,
	"party_id" uuid,
	"staff_id" text NOT NULL,
	"business_date" date NOT NULL,
	"counter_created_at" text NOT NULL,
	"taxable_paise" bigint NOT NULL,
	"cgst_paise" bigint NOT NULL,
	"sgst_paise" bigint NOT NULL,
	"igst_paise" bigint NOT NULL,
	"cess_paise" bigint NOT NULL,
	"round_off_paise" bigint NOT NULL,
	"total_paise" bigint NOT NULL,
	"khata_paise" bigint NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"doc_type" text NOT NULL,
	"doc_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"amount_paise" bigint NOT NULL,
	CONSTRAINT "payments_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"number" text NOT NULL,
	"party_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"amount_paise" bigint NOT NULL,
	"business_date" date NOT NULL,
	"counter_created_at" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receipts_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "items" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean NOT NULL,
	"payload" jsonb NOT NULL,
	"change_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "items_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "khata_entries" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"doc_id" uuid,
	"amount_paise" bigint NOT NULL,
	"counter_created_at" text NOT NULL,
	CONSTRAINT "khata_entries_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean NOT NULL,
	"payload" jsonb NOT NULL,
	"change_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parties_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"qty_milli" bigint NOT NULL,
	"reason" text NOT NULL,
	"doc_id" uuid,
	"counter_created_at" text NOT NULL,
	CONSTRAINT "stock_movements_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_codes" ADD CONSTRAINT "enrolment_codes_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_codes" ADD CONSTRAINT "enrolment_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "auth_tokens_hash_idx" ON "auth_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "auth_tokens_family_idx" ON "auth_tokens" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "counters_token_idx" ON "counters" USING btree ("device_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "counters_live_code_idx" ON "counters" USING btree ("shop_id","counter_code") WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolment_codes_hash_idx" ON "enrolment_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_shop_idx" ON "users" USING btree ("shop_id");--> statement-breakpoint
CREATE INDEX "sync_ops_counter_idx" ON "sync_ops" USING btree ("shop_id","counter_id","counter_seq");--> statement-breakpoint
CREATE INDEX "credit_note_lines_item_idx" ON "credit_note_lines" USING btree ("shop_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_notes_number_idx" ON "credit_notes" USING btree ("shop_id","number");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("shop_id","invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_item_idx" ON "invoice_lines" USING btree ("shop_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_idx" ON "invoices" USING btree ("shop_id","number");--> statement-breakpoint
CREATE INDEX "invoices_day_idx" ON "invoices" USING btree ("shop_id","business_date");--> statement-breakpoint
CREATE INDEX "payments_doc_idx" ON "payments" USING btree ("shop_id","doc_id");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_number_idx" ON "receipts" USING btree ("shop_id","number");--> statement-breakpoint
CREATE INDEX "khata_entries_party_idx" ON "khata_entries" USING btree ("shop_id","party_id");--> statement-breakpoint
CREATE INDEX "stock_movements_item_idx" ON "stock_movements" USING btree ("shop_id","item_id");