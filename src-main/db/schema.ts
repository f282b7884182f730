// Every ledger table, gathered for drizzle and drizzle-kit; each area declares its own.
export * from '../ledger/catalogue/schema';
export * from '../ledger/stock/schema';
export * from '../ledger/parties/schema';
export * from '../ledger/khata/schema';
export * from '../ledger/payments/schema';
export * from '../ledger/sales/schema';
export * from '../ledger/drafts/schema';
export * from '../ledger/returns/schema';
export * from '../ledger/cash-sessions/schema';
export * from '../ledger/staff/schema';
export * from '../ledger/audit/schema';
export * from '../ledger/settings/schema';
export * from '../ledger/journal/schema';
export * from '../ledger/outbox/schema';
export * from '../ledger/printing/schema';
export * from '../sync/schema';
export * from '../ledger/reports/schema';
