CREATE TABLE `document_einvoices` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`doc_kind` text NOT NULL,
	`invoice_id` text NOT NULL,
	`doc_number` text NOT NULL,
	`status` text NOT NULL,
	`irn` text,
	`ack_no` text,
	`ack_dt` text,
	`signed_qr_code` text,
	`error_code` text,
	`error_message` text,
	`cancelled_at` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `document_einvoices_invoice_idx` ON `document_einvoices` (`invoice_id`);