-- Name search: an FTS5 index of item names and SKUs, keyed by item id (not rowid, which VACUUM INTO may renumber).
CREATE VIRTUAL TABLE `items_fts` USING fts5(item_id UNINDEXED, name, sku, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `items_fts_insert` AFTER INSERT ON `items` BEGIN
  INSERT INTO items_fts (item_id, name, sku) VALUES (new.id, new.name, new.sku);
END;
--> statement-breakpoint
CREATE TRIGGER `items_fts_update` AFTER UPDATE OF name, sku ON `items` WHEN old.name IS NOT new.name OR old.sku IS NOT new.sku BEGIN
  DELETE FROM items_fts WHERE item_id = old.id;
  INSERT INTO items_fts (item_id, name, sku) VALUES (new.id, new.name, new.sku);
END;
--> statement-breakpoint
CREATE TRIGGER `items_fts_delete` AFTER DELETE ON `items` BEGIN
  DELETE FROM items_fts WHERE item_id = old.id;
END;
--> statement-breakpoint
-- Finalised documents and journals are immutable: corrections are new documents, so the database refuses edits itself.
CREATE TRIGGER `invoices_immutable_update` BEFORE UPDATE ON `invoices` BEGIN SELECT RAISE(ABORT, 'finalised invoices cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `invoices_immutable_delete` BEFORE DELETE ON `invoices` BEGIN SELECT RAISE(ABORT, 'finalised invoices cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_immutable_update` BEFORE UPDATE ON `invoice_lines` BEGIN SELECT RAISE(ABORT, 'finalised invoice lines cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `invoice_lines_immutable_delete` BEFORE DELETE ON `invoice_lines` BEGIN SELECT RAISE(ABORT, 'finalised invoice lines cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `credit_notes_immutable_update` BEFORE UPDATE ON `credit_notes` BEGIN SELECT RAISE(ABORT, 'credit notes cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `credit_notes_immutable_delete` BEFORE DELETE ON `credit_notes` BEGIN SELECT RAISE(ABORT, 'credit notes cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `credit_note_lines_immutable_update` BEFORE UPDATE ON `credit_note_lines` BEGIN SELECT RAISE(ABORT, 'credit note lines cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `credit_note_lines_immutable_delete` BEFORE DELETE ON `credit_note_lines` BEGIN SELECT RAISE(ABORT, 'credit note lines cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `receipts_immutable_update` BEFORE UPDATE ON `receipts` BEGIN SELECT RAISE(ABORT, 'receipts cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `receipts_immutable_delete` BEFORE DELETE ON `receipts` BEGIN SELECT RAISE(ABORT, 'receipts cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `payments_immutable_update` BEFORE UPDATE ON `payments` BEGIN SELECT RAISE(ABORT, 'payments cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `payments_immutable_delete` BEFORE DELETE ON `payments` BEGIN SELECT RAISE(ABORT, 'payments cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `khata_entries_immutable_update` BEFORE UPDATE ON `khata_entries` BEGIN SELECT RAISE(ABORT, 'khata entries cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `khata_entries_immutable_delete` BEFORE DELETE ON `khata_entries` BEGIN SELECT RAISE(ABORT, 'khata entries cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `stock_movements_immutable_update` BEFORE UPDATE ON `stock_movements` BEGIN SELECT RAISE(ABORT, 'stock movements cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `stock_movements_immutable_delete` BEFORE DELETE ON `stock_movements` BEGIN SELECT RAISE(ABORT, 'stock movements cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `journal_immutable_update` BEFORE UPDATE ON `journal` BEGIN SELECT RAISE(ABORT, 'the journal cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `journal_immutable_delete` BEFORE DELETE ON `journal` BEGIN SELECT RAISE(ABORT, 'the journal cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `cash_sessions_closed_immutable` BEFORE UPDATE ON `cash_sessions` WHEN old.closed_at IS NOT NULL BEGIN SELECT RAISE(ABORT, 'a closed shift cannot be changed'); END;
