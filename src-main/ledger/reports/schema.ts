// Daily sales summaries, kept up to date inside the transactions that finalise bills and returns, so reports never scan bills.
import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';

export const salesDays = sqliteTable('sales_days', {
  businessDate: text('business_date').primaryKey(),
  invoiceCount: integer('invoice_count').notNull(),
  grossPaise: integer('gross_paise').notNull(),
  discountPaise: integer('discount_paise').notNull(),
  taxablePaise: integer('taxable_paise').notNull(),
  taxPaise: integer('tax_paise').notNull(),
  roundOffPaise: integer('round_off_paise').notNull(),
  salesPaise: integer('sales_paise').notNull(),
  returnCount: integer('return_count').notNull(),
  returnsPaise: integer('returns_paise').notNull(),
});

/** Money taken per day and mode for bills (cash net of change). */
export const salesDayModes = sqliteTable(
  'sales_day_modes',
  {
    businessDate: text('business_date').notNull(),
    mode: text('mode').notNull(),
    paise: integer('paise').notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessDate, t.mode] })],
);
