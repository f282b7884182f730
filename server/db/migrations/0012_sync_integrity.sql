CREATE TABLE "journal_heads" (
	"shop_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_heads_shop_id_counter_id_seq_pk" PRIMARY KEY("shop_id","counter_id","seq")
);
--> statement-breakpoint
ALTER TABLE "sync_ops" DROP CONSTRAINT "sync_ops_shop_id_op_id_pk";--> statement-breakpoint
ALTER TABLE "sync_ops" ADD CONSTRAINT "sync_ops_shop_id_counter_id_op_id_pk" PRIMARY KEY("shop_id","counter_id","op_id");--> statement-breakpoint
ALTER TABLE "sync_ops" ADD COLUMN "payload_hash" text;--> statement-breakpoint
CREATE INDEX "sync_ops_entity_idx" ON "sync_ops" USING btree ("shop_id","entity","entity_id");--> statement-breakpoint
-- Row-level security for the anchored journal heads, as 0001 and 0010 do for the tables before them (galla_app has its
-- privileges by 0010's default privileges).
ALTER TABLE journal_heads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE journal_heads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY journal_heads_tenant ON journal_heads USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
