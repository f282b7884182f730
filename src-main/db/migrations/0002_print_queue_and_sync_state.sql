CREATE TABLE `print_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`doc_type` text NOT NULL,
	`doc_id` text,
	`printer_id` text NOT NULL,
	`format` text NOT NULL,
	`copies` integer DEFAULT 1 NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` text NOT NULL,
	`created_at` text NOT NULL,
	`printed_at` text
);
--> statement-breakpoint
CREATE INDEX `print_jobs_due_idx` ON `print_jobs` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `print_jobs_doc_idx` ON `print_jobs` (`doc_id`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
