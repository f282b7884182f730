// Staff who log in at the counter with a PIN; the role decides what they may do alone.
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { STAFF_ROLES } from '../../../src-shared/contracts/staff';

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  pinHash: text('pin_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  createdAt: text('created_at').notNull(),
});

export type Staff = typeof staff.$inferSelect;
