CREATE TABLE `purchase_order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`purchase_order_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`item_id` text NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`ordered_qty_milli` integer NOT NULL,
	`received_qty_milli` integer DEFAULT 0 NOT NULL,
	`expected_rate_paise` integer NOT NULL,
	FOREIGN KEY (`purchase_order_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_order_lines_order_line_idx` ON `purchase_order_lines` (`purchase_order_id`,`line_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_order_lines_order_item_idx` ON `purchase_order_lines` (`purchase_order_id`,`item_id`);--> statement-breakpoint
CREATE INDEX `purchase_order_lines_item_idx` ON `purchase_order_lines` (`item_id`);--> statement-breakpoint
CREATE TABLE `purchase_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`counter_id` text NOT NULL,
	`seq` integer NOT NULL,
	`supplier_id` text NOT NULL,
	`state` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`sent_at` text,
	`closed_at` text,
	`cancel_reason` text,
	FOREIGN KEY (`supplier_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_orders_number_unique` ON `purchase_orders` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_orders_counter_seq_idx` ON `purchase_orders` (`counter_id`,`seq`);--> statement-breakpoint
CREATE INDEX `purchase_orders_state_idx` ON `purchase_orders` (`state`);--> statement-breakpoint
CREATE INDEX `purchase_orders_supplier_idx` ON `purchase_orders` (`supplier_id`);