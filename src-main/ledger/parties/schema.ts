// Parties: customers and suppliers; balance_paise is the running sum of their khata entries (what they owe the shop),
// payable_paise of their payable entries (what the shop owes them). The two are never netted.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { CREDIT_LIMIT_POLICIES, PARTY_KINDS } from '../../../src-shared/contracts/parties';

export const parties = sqliteTable(
  'parties',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: PARTY_KINDS }).notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull().default(''),
    gstin: text('gstin'),
    stateCode: text('state_code'),
    address: text('address').notNull().default(''),
    openingBalancePaise: integer('opening_balance_paise').notNull().default(0),
    creditLimitPaise: integer('credit_limit_paise'),
    creditLimitPolicy: text('credit_limit_policy', { enum: CREDIT_LIMIT_POLICIES }).notNull().default('warn'),
    balancePaise: integer('balance_paise').notNull().default(0),
    payablePaise: integer('payable_paise').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('parties_name_idx').on(t.name), index('parties_phone_idx').on(t.phone)],
);

export type Party = typeof parties.$inferSelect;
