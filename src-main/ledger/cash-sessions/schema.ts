// Cash sessions (shifts): opened with a float, cash in/out during the shift, closed with a count.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const cashSessions = sqliteTable(
  'cash_sessions',
  {
    id: text('id').primaryKey(),
    counterId: text('counter_id').notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: text('opened_at').notNull(),
    openingFloatPaise: integer('opening_float_paise').notNull(),
    closedBy: text('closed_by'),
    closedAt: text('closed_at'),
    expectedPaise: integer('expected_paise'),
    countedPaise: integer('counted_paise'),
    differencePaise: integer('difference_paise'),
    note: text('note').notNull().default(''),
  },
  // One open shift per counter, enforced by the database itself.
  (t) => [
    uniqueIndex('cash_sessions_one_open_idx')
      .on(t.counterId)
      .where(sql`closed_at IS NULL`),
  ],
);

export const CASH_MOVEMENT_KINDS = ['in', 'out'] as const;

export const cashMovements = sqliteTable(
  'cash_movements',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => cashSessions.id),
    kind: text('kind', { enum: CASH_MOVEMENT_KINDS }).notNull(),
    amountPaise: integer('amount_paise').notNull(),
    reason: text('reason').notNull(),
    staffId: text('staff_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('cash_movements_session_idx').on(t.sessionId)],
);

export type CashSession = typeof cashSessions.$inferSelect;
export type CashMovement = typeof cashMovements.$inferSelect;
