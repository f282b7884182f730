// Purchase orders and their lines: what the shop asked a supplier for and how much of it has come in. Not tax
// documents, so not hash-chained; every change of state is in the audit log instead.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ITEM_UNITS } from '../../../src-shared/contracts/catalogue';
import { PURCHASE_ORDER_STATES } from '../../../src-shared/contracts/purchase-orders';
import { items } from '../catalogue/schema';
import { parties } from '../parties/schema';

export const purchaseOrders = sqliteTable(
  'purchase_orders',
  {
    id: text('id').primaryKey(),
    /** PO/C1/0001: the counter's own series, separate from the tax documents' gap-free ones. */
    number: text('number').notNull().unique(),
    counterId: text('counter_id').notNull(),
    seq: integer('seq').notNull(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => parties.id),
    state: text('state', { enum: PURCHASE_ORDER_STATES }).notNull(),
    note: text('note').notNull().default(''),
    staffId: text('staff_id').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    sentAt: text('sent_at'),
    /** When it was received in full or cancelled. */
    closedAt: text('closed_at'),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    uniqueIndex('purchase_orders_counter_seq_idx').on(t.counterId, t.seq),
    index('purchase_orders_state_idx').on(t.state),
    index('purchase_orders_supplier_idx').on(t.supplierId),
  ],
);

export const purchaseOrderLines = sqliteTable(
  'purchase_order_lines',
  {
    id: text('id').primaryKey(),
    purchaseOrderId: text('purchase_order_id')
      .notNull()
      .references(() => purchaseOrders.id),
    lineNo: integer('line_no').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    name: text('name').notNull(),
    unit: text('unit', { enum: ITEM_UNITS }).notNull(),
    orderedQtyMilli: integer('ordered_qty_milli').notNull(),
    receivedQtyMilli: integer('received_qty_milli').notNull().default(0),
    expectedRatePaise: integer('expected_rate_paise').notNull(),
  },
  (t) => [
    uniqueIndex('purchase_order_lines_order_line_idx').on(t.purchaseOrderId, t.lineNo),
    uniqueIndex('purchase_order_lines_order_item_idx').on(t.purchaseOrderId, t.itemId),
    index('purchase_order_lines_item_idx').on(t.itemId),
  ],
);

export type PurchaseOrderRow = typeof purchaseOrders.$inferSelect;
export type PurchaseOrderLineRow = typeof purchaseOrderLines.$inferSelect;
