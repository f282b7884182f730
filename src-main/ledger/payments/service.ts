// Payments read back: what was paid against a document, and the day's takings by mode.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import { payments, type Payment } from './schema';

export function paymentsForDocument(ledger: Ledger, docId: string): Payment[] {
  return ledger.db.select().from(payments).where(eq(payments.docId, docId)).orderBy(asc(payments.id)).all();
}

/** Money in (invoices and receipts) minus refunds, per mode, for payments made in the given UTC instant range. */
export function takingsByMode(
  ledger: Ledger,
  fromIso: string,
  toIso: string,
): { mode: Payment['mode']; paise: number }[] {
  return ledger.db
    .select({
      mode: payments.mode,
      paise: sql<number>`SUM(CASE WHEN ${payments.docType} = 'credit_note' THEN -${payments.amountPaise} ELSE ${payments.amountPaise} END)`,
    })
    .from(payments)
    .where(and(sql`${payments.createdAt} >= ${fromIso}`, sql`${payments.createdAt} < ${toIso}`))
    .groupBy(payments.mode)
    .orderBy(asc(payments.mode))
    .all();
}
