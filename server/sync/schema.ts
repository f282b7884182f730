// Sync bookkeeping: every op id a shop has seen (exactly-once), and the shop's change feed that counters pull by cursor.
import { pgTable, uuid, text, bigint, integer, jsonb, timestamp, primaryKey, index } from 'drizzle-orm/pg-core';
import { OP_REJECTION_CODES, OP_STATUSES, PULLED_ENTITIES, SYNC_ENTITIES } from '../../src-shared/sync/protocol';

export const syncOps = pgTable(
  'sync_ops',
  {
    shopId: uuid('shop_id').notNull(),
    opId: uuid('op_id').notNull(),
    counterId: uuid('counter_id').notNull(),
    counterSeq: bigint('counter_seq', { mode: 'number' }).notNull(),
    entity: text('entity', { enum: SYNC_ENTITIES }).notNull(),
    entityId: text('entity_id').notNull(),
    status: text('status', { enum: OP_STATUSES }).notNull(),
    /** Set on a rejected op: what the counter is told beside the reason. */
    code: text('code', { enum: OP_REJECTION_CODES }),
    reason: text('reason'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.opId] }),
    index('sync_ops_counter_idx').on(t.shopId, t.counterId, t.counterSeq),
  ],
);

export const changes = pgTable(
  'changes',
  {
    shopId: uuid('shop_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    originCounterId: uuid('origin_counter_id').notNull(),
    entity: text('entity', { enum: PULLED_ENTITIES }).notNull(),
    entityId: text('entity_id').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.seq] })],
);

/** Per counter: what it last pulled, for the owner's view of who is behind. */
export const counterCursors = pgTable(
  'counter_cursors',
  {
    shopId: uuid('shop_id').notNull(),
    counterId: uuid('counter_id').notNull(),
    pulledTo: bigint('pulled_to', { mode: 'number' }).notNull(),
    pulledAt: timestamp('pulled_at', { withTimezone: true }).notNull().defaultNow(),
    pushedOps: integer('pushed_ops').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.counterId] })],
);
