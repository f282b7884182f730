CREATE TABLE `debit_note_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`debit_note_id` text NOT NULL,
	`purchase_bill_line_id` text NOT NULL,
	`item_id` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`taxable_paise` integer NOT NULL,
	`cgst_paise` integer NOT NULL,
	`sgst_paise` integer NOT NULL,
	`igst_paise` integer NOT NULL,
	`cess_paise` integer NOT NULL,
	`unit_cost_paise` integer NOT NULL,
	`total_paise` integer NOT NULL,
	FOREIGN KEY (`debit_note_id`) REFERENCES `debit_notes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_bill_line_id`) REFERENCES `purchase_bill_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `debit_note_lines_bill_line_idx` ON `debit_note_lines` (`purchase_bill_line_id`);--> statement-breakpoint
CREATE TABLE `debit_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`purchase_bill_id` text NOT NULL,
	`counter_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`supplier_gstin` text,
	`supplier_state_code` text NOT NULL,
	`reverse_charge` integer NOT NULL,
	`inter_state` integer NOT NULL,
	`staff_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	`business_date` text NOT NULL,
	`taxable_paise` integer NOT NULL,
	`cgst_paise` integer NOT NULL,
	`sgst_paise` integer NOT NULL,
	`igst_paise` integer NOT NULL,
	`cess_paise` integer NOT NULL,
	`total_paise` integer NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`purchase_bill_id`) REFERENCES `purchase_bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `debit_notes_number_unique` ON `debit_notes` (`number`);--> statement-breakpoint
CREATE INDEX `debit_notes_bill_idx` ON `debit_notes` (`purchase_bill_id`);--> statement-breakpoint
CREATE INDEX `debit_notes_business_date_idx` ON `debit_notes` (`business_date`);--> statement-breakpoint
CREATE TABLE `purchase_bill_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`purchase_bill_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` text NOT NULL,
	`name` text NOT NULL,
	`hsn` text NOT NULL,
	`unit` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`free_qty_milli` integer NOT NULL,
	`rate_paise` integer NOT NULL,
	`gst_rate_bp` integer NOT NULL,
	`cess_rate_bp` integer NOT NULL,
	`gross_paise` integer NOT NULL,
	`discount_paise` integer NOT NULL,
	`taxable_paise` integer NOT NULL,
	`cgst_paise` integer NOT NULL,
	`sgst_paise` integer NOT NULL,
	`igst_paise` integer NOT NULL,
	`cess_paise` integer NOT NULL,
	`freight_paise` integer NOT NULL,
	`landed_cost_paise` integer NOT NULL,
	`unit_cost_paise` integer NOT NULL,
	`total_paise` integer NOT NULL,
	FOREIGN KEY (`purchase_bill_id`) REFERENCES `purchase_bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_bill_lines_bill_line_idx` ON `purchase_bill_lines` (`purchase_bill_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `purchase_bill_lines_item_idx` ON `purchase_bill_lines` (`item_id`);--> statement-breakpoint
CREATE TABLE `purchase_bill_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`purchase_bill_id` text NOT NULL,
	`mode` text NOT NULL,
	`amount_paise` integer NOT NULL,
	`reference` text NOT NULL,
	`cheque_date` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`purchase_bill_id`) REFERENCES `purchase_bills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `purchase_bill_payments_bill_idx` ON `purchase_bill_payments` (`purchase_bill_id`);--> statement-breakpoint
CREATE TABLE `purchase_bills` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`counter_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`supplier_name` text NOT NULL,
	`supplier_gstin` text,
	`supplier_state_code` text NOT NULL,
	`supplier_invoice_number` text NOT NULL,
	`supplier_invoice_key` text NOT NULL,
	`supplier_invoice_date` text NOT NULL,
	`reverse_charge` integer NOT NULL,
	`rates_include_tax` integer NOT NULL,
	`inter_state` integer NOT NULL,
	`purchase_order_id` text,
	`staff_id` text NOT NULL,
	`created_at` text NOT NULL,
	`business_date` text NOT NULL,
	`gross_paise` integer NOT NULL,
	`discount_paise` integer NOT NULL,
	`taxable_paise` integer NOT NULL,
	`cgst_paise` integer NOT NULL,
	`sgst_paise` integer NOT NULL,
	`igst_paise` integer NOT NULL,
	`cess_paise` integer NOT NULL,
	`freight_paise` integer NOT NULL,
	`round_off_paise` integer NOT NULL,
	`total_paise` integer NOT NULL,
	`paid_paise` integer NOT NULL,
	`payable_paise` integer NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_bills_number_unique` ON `purchase_bills` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_bills_supplier_invoice_idx` ON `purchase_bills` (`supplier_id`,`supplier_invoice_key`);--> statement-breakpoint
CREATE INDEX `purchase_bills_business_date_idx` ON `purchase_bills` (`business_date`);--> statement-breakpoint
-- Purchase bills and debit notes are finalised documents: immutable, like invoices and credit notes (corrections are new documents).
CREATE TRIGGER `purchase_bills_immutable_update` BEFORE UPDATE ON `purchase_bills` BEGIN SELECT RAISE(ABORT, 'purchase bills cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `purchase_bills_immutable_delete` BEFORE DELETE ON `purchase_bills` BEGIN SELECT RAISE(ABORT, 'purchase bills cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `purchase_bill_lines_immutable_update` BEFORE UPDATE ON `purchase_bill_lines` BEGIN SELECT RAISE(ABORT, 'purchase bill lines cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `purchase_bill_lines_immutable_delete` BEFORE DELETE ON `purchase_bill_lines` BEGIN SELECT RAISE(ABORT, 'purchase bill lines cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `purchase_bill_payments_immutable_update` BEFORE UPDATE ON `purchase_bill_payments` BEGIN SELECT RAISE(ABORT, 'purchase bill payments cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `purchase_bill_payments_immutable_delete` BEFORE DELETE ON `purchase_bill_payments` BEGIN SELECT RAISE(ABORT, 'purchase bill payments cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `debit_notes_immutable_update` BEFORE UPDATE ON `debit_notes` BEGIN SELECT RAISE(ABORT, 'debit notes cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `debit_notes_immutable_delete` BEFORE DELETE ON `debit_notes` BEGIN SELECT RAISE(ABORT, 'debit notes cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `debit_note_lines_immutable_update` BEFORE UPDATE ON `debit_note_lines` BEGIN SELECT RAISE(ABORT, 'debit note lines cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `debit_note_lines_immutable_delete` BEFORE DELETE ON `debit_note_lines` BEGIN SELECT RAISE(ABORT, 'debit note lines cannot be deleted'); END;
