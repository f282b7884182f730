// The owner's buying-side reports as the dashboard reads them: the purchase register, what is owed to suppliers (aged),
// and the GSTR-2B reconciliation. Money in paise.
import { z } from 'zod';
import { khataAgeing } from './report-rows';

const sum = z.int();

export const purchaseRow = z.object({
  id: z.string(),
  number: z.string(),
  /** The day it was recorded (yyyy-mm-dd). */
  date: z.string(),
  counterCode: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  supplierGstin: z.string().nullable(),
  supplierInvoiceNumber: z.string(),
  supplierInvoiceDate: z.string(),
  reverseCharge: z.boolean(),
  taxablePaise: sum,
  taxPaise: sum,
  totalPaise: sum,
  paidPaise: sum,
  payablePaise: sum,
  /** Returned to the supplier so far (debit notes' totals). */
  returnedPaise: sum,
});
export const purchaseList = z.object({
  rows: z.array(purchaseRow),
  totals: z.object({ bills: sum, taxablePaise: sum, taxPaise: sum, totalPaise: sum, returnedPaise: sum }),
  /** Suppliers seen in the range, for the filter. */
  suppliers: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** One supplier's due, aged like a customer's khata but on the other side: oldest bills paid first. */
export const payableRow = khataAgeing.extend({
  partyId: z.string(),
  name: z.string(),
  gstin: z.string().nullable(),
  /** Due for more than 30 days. */
  overdue: z.boolean(),
});
export const payablesReport = z.object({ dueToSuppliersPaise: sum, suppliers: z.array(payableRow) });

export const RECONCILIATION_STATUSES = ['matched', 'mismatched', 'missing_in_books', 'missing_in_2b'] as const;
export const reconciliationRow = z.object({
  status: z.enum(RECONCILIATION_STATUSES),
  kind: z.enum(['invoice', 'credit_note']),
  supplierGstin: z.string(),
  supplierName: z.string(),
  /** The supplier's document number (as in GSTR-2B, or as recorded). */
  number: z.string(),
  /** Our purchase bill or debit note, when there is one. */
  ourNumber: z.string().nullable(),
  date2b: z.string().nullable(),
  dateBooks: z.string().nullable(),
  taxable2bPaise: sum.nullable(),
  taxableBooksPaise: sum.nullable(),
  tax2bPaise: sum.nullable(),
  taxBooksPaise: sum.nullable(),
  /** For a mismatch: what differs (date, taxable, tax). */
  differences: z.string(),
});
export const gstr2bReconciliation = z.object({
  month: z.string(),
  gstin: z.string(),
  tolerancePaise: sum,
  rows: z.array(reconciliationRow),
  counts: z.object({ matched: sum, mismatched: sum, missingInBooks: sum, missingIn2b: sum }),
  /** Tax on matched documents (invoices less credit notes): the credit that is safe to claim. */
  safeItcPaise: sum,
});

export type PurchaseRow = z.infer<typeof purchaseRow>;
export type PurchaseList = z.infer<typeof purchaseList>;
export type PayableRow = z.infer<typeof payableRow>;
export type PayablesReport = z.infer<typeof payablesReport>;
export type ReconciliationRow = z.infer<typeof reconciliationRow>;
export type Gstr2bReconciliation = z.infer<typeof gstr2bReconciliation>;
