// Returns list: every credit note of the range with the bill it reverses, why, and how the money went back.
import type { Ledger } from '../ledger';
import type { ReportRange } from '../../../src-shared/contracts/reports';
import type { CounterReturnRow } from '../../../src-shared/contracts/counter-reports';

/** Newest first; capped so a years-wide range cannot flood the screen (the totals come from the sales report). */
export function listReturns(ledger: Ledger, range: ReportRange): CounterReturnRow[] {
  return ledger.sqlite
    .prepare(
      `SELECT n.id, n.number, n.business_date AS date, n.created_at AS createdAt, COALESCE(i.number, '') AS invoiceNumber, COALESCE(i.party_name, '') AS partyName,
         COALESCE(s.name, '') AS staffName, COALESCE(a.name, '') AS approvedByName, n.reason, n.refund_mode AS refundMode, n.taxable_paise AS taxablePaise,
         n.cgst_paise + n.sgst_paise + n.igst_paise + n.cess_paise AS taxPaise, n.total_paise AS totalPaise
       FROM credit_notes n LEFT JOIN invoices i ON i.id = n.invoice_id LEFT JOIN staff s ON s.id = n.staff_id LEFT JOIN staff a ON a.id = n.approved_by
       WHERE n.business_date BETWEEN @from AND @to ORDER BY n.created_at DESC LIMIT 5000`,
    )
    .all(range) as CounterReturnRow[];
}
