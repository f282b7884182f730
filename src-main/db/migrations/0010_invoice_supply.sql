CREATE TABLE `invoice_supply` (
	`invoice_id` text PRIMARY KEY NOT NULL,
	`bill_of_supply` integer NOT NULL,
	`composition` integer NOT NULL,
	`recipient_address` text NOT NULL,
	`delivery_address` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Written once with its invoice, which is a finalised document: the database refuses edits itself.
CREATE TRIGGER `invoice_supply_immutable_update` BEFORE UPDATE ON `invoice_supply` BEGIN SELECT RAISE(ABORT, 'finalised invoices cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `invoice_supply_immutable_delete` BEFORE DELETE ON `invoice_supply` BEGIN SELECT RAISE(ABORT, 'finalised invoices cannot be deleted'); END;
