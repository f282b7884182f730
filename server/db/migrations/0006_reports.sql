CREATE TABLE "report_gst_daily" (
	"shop_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"supply" text NOT NULL,
	"place_of_supply" text NOT NULL,
	"inter_state" boolean NOT NULL,
	"hsn" text NOT NULL,
	"unit" text NOT NULL,
	"gst_rate_bp" integer NOT NULL,
	"qty_milli" bigint DEFAULT 0 NOT NULL,
	"value_paise" bigint DEFAULT 0 NOT NULL,
	"taxable_paise" bigint DEFAULT 0 NOT NULL,
	"igst_paise" bigint DEFAULT 0 NOT NULL,
	"cgst_paise" bigint DEFAULT 0 NOT NULL,
	"sgst_paise" bigint DEFAULT 0 NOT NULL,
	"cess_paise" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_gst_daily_shop_id_business_date_supply_place_of_supply_inter_state_hsn_unit_gst_rate_bp_pk" PRIMARY KEY("shop_id","business_date","supply","place_of_supply","inter_state","hsn","unit","gst_rate_bp")
);
--> statement-breakpoint
CREATE TABLE "report_items_daily" (
	"shop_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"item_id" uuid NOT NULL,
	"qty_milli" bigint DEFAULT 0 NOT NULL,
	"taxable_paise" bigint DEFAULT 0 NOT NULL,
	"total_paise" bigint DEFAULT 0 NOT NULL,
	"cost_paise" bigint DEFAULT 0 NOT NULL,
	"return_qty_milli" bigint DEFAULT 0 NOT NULL,
	"return_taxable_paise" bigint DEFAULT 0 NOT NULL,
	"return_total_paise" bigint DEFAULT 0 NOT NULL,
	"return_cost_paise" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_items_daily_shop_id_business_date_item_id_pk" PRIMARY KEY("shop_id","business_date","item_id")
);
--> statement-breakpoint
CREATE TABLE "report_payments_daily" (
	"shop_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"counter_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"in_paise" bigint DEFAULT 0 NOT NULL,
	"out_paise" bigint DEFAULT 0 NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_payments_daily_shop_id_business_date_counter_id_mode_pk" PRIMARY KEY("shop_id","business_date","counter_id","mode")
);
--> statement-breakpoint
CREATE TABLE "report_sales_hourly" (
	"shop_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"hour" integer NOT NULL,
	"counter_id" uuid NOT NULL,
	"staff_id" text NOT NULL,
	"invoices" integer DEFAULT 0 NOT NULL,
	"taxable_paise" bigint DEFAULT 0 NOT NULL,
	"tax_paise" bigint DEFAULT 0 NOT NULL,
	"total_paise" bigint DEFAULT 0 NOT NULL,
	"cost_paise" bigint DEFAULT 0 NOT NULL,
	"returns" integer DEFAULT 0 NOT NULL,
	"return_taxable_paise" bigint DEFAULT 0 NOT NULL,
	"return_total_paise" bigint DEFAULT 0 NOT NULL,
	"return_cost_paise" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_sales_hourly_shop_id_business_date_hour_counter_id_staff_id_pk" PRIMARY KEY("shop_id","business_date","hour","counter_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "report_stock" (
	"shop_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"stock_milli" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_stock_shop_id_item_id_pk" PRIMARY KEY("shop_id","item_id")
);
--> statement-breakpoint
-- Row-level security for the report summaries, as 0001 does for the tables before it.
GRANT SELECT, INSERT, UPDATE, DELETE ON report_sales_hourly, report_payments_daily, report_items_daily, report_gst_daily, report_stock TO galla_app;
--> statement-breakpoint
ALTER TABLE report_sales_hourly ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_sales_hourly_tenant ON report_sales_hourly USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE report_payments_daily ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_payments_daily_tenant ON report_payments_daily USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE report_items_daily ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_items_daily_tenant ON report_items_daily USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE report_gst_daily ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_gst_daily_tenant ON report_gst_daily USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE report_stock ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_stock_tenant ON report_stock USING (shop_id = NULLIF(current_setting('galla.shop_id', true), '')::uuid);
