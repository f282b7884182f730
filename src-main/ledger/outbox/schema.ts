// Sync outbox: every change the server must learn of, written in the same transaction as the change.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** Idempotency key: the server applies each op id at most once. */
    opId: text('op_id').notNull().unique(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [index('outbox_unsent_idx').on(t.sentAt, t.seq)],
);

export type OutboxRow = typeof outbox.$inferSelect;
