CREATE TABLE "alerts" (
	"shop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "alerts_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "counter_backups" (
	"shop_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"counter_id" uuid NOT NULL,
	"name" text NOT NULL,
	"bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"documents" integer NOT NULL,
	"head_hash" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counter_backups_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "counter_heartbeats" (
	"shop_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outbox_depth" integer NOT NULL,
	"printer_state" text NOT NULL,
	"printer_detail" text,
	"print_jobs_waiting" integer DEFAULT 0 NOT NULL,
	"app_version" text,
	"last_backup_at" timestamp with time zone,
	CONSTRAINT "counter_heartbeats_shop_id_counter_id_pk" PRIMARY KEY("shop_id","counter_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_one_unresolved_idx" ON "alerts" USING btree ("shop_id","kind","subject") WHERE state <> 'resolved';--> statement-breakpoint
CREATE INDEX "alerts_recent_idx" ON "alerts" USING btree ("shop_id","kind","subject","resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "counter_backups_name_idx" ON "counter_backups" USING btree ("shop_id","counter_id","name");--> statement-breakpoint
CREATE INDEX "counter_backups_counter_idx" ON "counter_backups" USING btree ("shop_id","counter_id","created_at");