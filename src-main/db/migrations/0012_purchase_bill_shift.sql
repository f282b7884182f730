CREATE TABLE `purchase_bill_shift` (
	`purchase_bill_id` text PRIMARY KEY NOT NULL,
	`cash_session_id` text NOT NULL,
	FOREIGN KEY (`purchase_bill_id`) REFERENCES `purchase_bills`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cash_session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `purchase_bill_shift_session_idx` ON `purchase_bill_shift` (`cash_session_id`);--> statement-breakpoint
-- Written once with its purchase bill, which is a finalised document: the database refuses edits itself.
CREATE TRIGGER `purchase_bill_shift_immutable_update` BEFORE UPDATE ON `purchase_bill_shift` BEGIN SELECT RAISE(ABORT, 'purchase bills cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `purchase_bill_shift_immutable_delete` BEFORE DELETE ON `purchase_bill_shift` BEGIN SELECT RAISE(ABORT, 'purchase bills cannot be deleted'); END;
