CREATE TABLE `receipt_reversals` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`receipt_id` text NOT NULL,
	`receipt_number` text NOT NULL,
	`party_id` text NOT NULL,
	`amount_paise` integer NOT NULL,
	`mode` text NOT NULL,
	`reason` text NOT NULL,
	`staff_id` text NOT NULL,
	`approved_by` text NOT NULL,
	`cash_session_id` text,
	`created_at` text NOT NULL,
	`business_date` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_reversals_number_unique` ON `receipt_reversals` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_reversals_receipt_id_unique` ON `receipt_reversals` (`receipt_id`);--> statement-breakpoint
ALTER TABLE `parties` ADD `credit_limit_policy` text DEFAULT 'warn' NOT NULL;
--> statement-breakpoint
-- A reversal is a finalised document like the receipt it cancels: the database refuses edits itself.
CREATE TRIGGER `receipt_reversals_immutable_update` BEFORE UPDATE ON `receipt_reversals` BEGIN SELECT RAISE(ABORT, 'receipt reversals cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `receipt_reversals_immutable_delete` BEFORE DELETE ON `receipt_reversals` BEGIN SELECT RAISE(ABORT, 'receipt reversals cannot be deleted'); END;
