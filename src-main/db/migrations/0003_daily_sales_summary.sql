CREATE TABLE `sales_day_modes` (
	`business_date` text NOT NULL,
	`mode` text NOT NULL,
	`paise` integer NOT NULL,
	PRIMARY KEY(`business_date`, `mode`)
);
--> statement-breakpoint
CREATE TABLE `sales_days` (
	`business_date` text PRIMARY KEY NOT NULL,
	`invoice_count` integer NOT NULL,
	`gross_paise` integer NOT NULL,
	`discount_paise` integer NOT NULL,
	`taxable_paise` integer NOT NULL,
	`tax_paise` integer NOT NULL,
	`round_off_paise` integer NOT NULL,
	`sales_paise` integer NOT NULL,
	`return_count` integer NOT NULL,
	`returns_paise` integer NOT NULL
);
--> statement-breakpoint
-- A ledger upgraded with bills already in it gets its summaries from them.
INSERT INTO `sales_days` SELECT business_date, COUNT(*), SUM(gross_paise), SUM(discount_paise), SUM(taxable_paise), SUM(cgst_paise + sgst_paise + igst_paise + cess_paise), SUM(round_off_paise), SUM(total_paise), 0, 0 FROM invoices GROUP BY business_date;
--> statement-breakpoint
INSERT INTO `sales_days` SELECT business_date, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(total_paise) FROM credit_notes GROUP BY business_date
  ON CONFLICT(business_date) DO UPDATE SET return_count = excluded.return_count, returns_paise = excluded.returns_paise;
--> statement-breakpoint
INSERT INTO `sales_day_modes` SELECT i.business_date, p.mode, SUM(p.amount_paise) FROM invoices i JOIN payments p ON p.doc_type = 'invoice' AND p.doc_id = i.id GROUP BY i.business_date, p.mode;
--> statement-breakpoint
UPDATE `sales_day_modes` SET paise = paise - (SELECT COALESCE(SUM(change_paise), 0) FROM invoices WHERE invoices.business_date = sales_day_modes.business_date) WHERE mode = 'cash';
