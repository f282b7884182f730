// The shop's Tally ledger mapping: which ledger in the accountant's Tally company each of Galla's accounts posts to.
import { pgTable, uuid, jsonb, timestamp } from 'drizzle-orm/pg-core';

export const tallyLedgerMaps = pgTable('tally_ledger_maps', {
  shopId: uuid('shop_id').primaryKey(),
  /** The rows as src-shared/contracts/tally.ts declares them (account, rate, ledger), parsed again on read. */
  rows: jsonb('rows').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
