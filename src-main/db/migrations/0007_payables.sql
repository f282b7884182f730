CREATE TABLE `payable_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`party_id` text NOT NULL,
	`kind` text NOT NULL,
	`doc_id` text,
	`doc_number` text,
	`amount_paise` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payable_entries_party_idx` ON `payable_entries` (`party_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payable_entries_doc_idx` ON `payable_entries` (`doc_id`);--> statement-breakpoint
CREATE TABLE `supplier_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`counter_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`amount_paise` integer NOT NULL,
	`mode` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`cheque_date` text,
	`staff_id` text NOT NULL,
	`cash_session_id` text,
	`created_at` text NOT NULL,
	`business_date` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supplier_payments_number_unique` ON `supplier_payments` (`number`);--> statement-breakpoint
CREATE INDEX `supplier_payments_supplier_idx` ON `supplier_payments` (`supplier_id`);--> statement-breakpoint
CREATE INDEX `supplier_payments_session_idx` ON `supplier_payments` (`cash_session_id`);--> statement-breakpoint
ALTER TABLE `parties` ADD `payable_paise` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Payable entries and supplier payments are immutable like khata entries and receipts: corrections are new documents.
CREATE TRIGGER `payable_entries_immutable_update` BEFORE UPDATE ON `payable_entries` BEGIN SELECT RAISE(ABORT, 'payable entries cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `payable_entries_immutable_delete` BEFORE DELETE ON `payable_entries` BEGIN SELECT RAISE(ABORT, 'payable entries cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `supplier_payments_immutable_update` BEFORE UPDATE ON `supplier_payments` BEGIN SELECT RAISE(ABORT, 'supplier payments cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `supplier_payments_immutable_delete` BEFORE DELETE ON `supplier_payments` BEGIN SELECT RAISE(ABORT, 'supplier payments cannot be deleted'); END;
