CREATE TABLE "auth_throttle" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD COLUMN "session_started_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_ops" ADD COLUMN "code" text;--> statement-breakpoint
CREATE INDEX "auth_throttle_window_idx" ON "auth_throttle" USING btree ("window_started_at");--> statement-breakpoint
-- A login that started before this column: its family began with its oldest token. (Like every migration this runs as
-- the owning role; where that role is bound by FORCE ROW LEVEL SECURITY these fixes see no rows and change nothing.)
UPDATE "auth_tokens" AS t SET "session_started_at" = f.started
  FROM (SELECT "family_id", min("created_at") AS started FROM "auth_tokens" GROUP BY "family_id") AS f
  WHERE t."family_id" = f."family_id";--> statement-breakpoint
-- Ops refused before codes: a database failure's stored reason held the database's own words; keep only what it was.
UPDATE "sync_ops" SET "code" = 'STORE_FAILED', "reason" = 'The server could not store this change.'
  WHERE "status" = 'rejected' AND "reason" LIKE 'the server could not store this %';--> statement-breakpoint
UPDATE "sync_ops" SET "code" = 'OP_INVALID' WHERE "status" = 'rejected' AND "code" IS NULL;--> statement-breakpoint
-- Tries at logging in come before anyone is known: not tenant data (no shop_id), so no row-level policy; the app's
-- role reads and writes it directly (migration 0010's default privileges grant it too).
GRANT SELECT, INSERT, UPDATE, DELETE ON "auth_throttle" TO galla_app;
