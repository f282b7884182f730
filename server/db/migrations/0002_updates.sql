CREATE TABLE "release_files" (
	"file_name" text PRIMARY KEY NOT NULL,
	"sha512" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" text NOT NULL,
	"platform" text NOT NULL,
	"channel" text NOT NULL,
	"feed_yml" text NOT NULL,
	"rollout_percent" integer DEFAULT 100 NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "releases_rollout_range" CHECK ("releases"."rollout_percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "shop_update_pins" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"pinned_by" uuid NOT NULL,
	"pinned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shop_update_pins" ADD CONSTRAINT "shop_update_pins_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_update_pins" ADD CONSTRAINT "shop_update_pins_pinned_by_users_id_fk" FOREIGN KEY ("pinned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "releases_version_platform_idx" ON "releases" USING btree ("version","platform");