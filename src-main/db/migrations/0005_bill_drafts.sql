CREATE TABLE `bill_drafts` (
	`counter_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`bill_id` text NOT NULL,
	`held_bill_id` text,
	`cart` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`counter_id`, `staff_id`)
);
