// What a Z-report names besides cash: who opened and closed the shift, who billed in it, and its GST by rate.
import type { ShiftDetails } from '../../../src-shared/contracts/cash-sessions';
import type { TaxRateRow } from '../../../src-shared/contracts/tax';
import type { Ledger } from '../ledger';
import type { CashSession } from './schema';

const TAX_SUMS = `SUM(l.taxable_paise) AS taxablePaise, SUM(l.cgst_paise) AS cgstPaise, SUM(l.sgst_paise) AS sgstPaise,
  SUM(l.igst_paise) AS igstPaise, SUM(l.cess_paise) AS cessPaise`;

function staffName(ledger: Ledger, staffId: string | null): string {
  if (!staffId) return '';
  return (
    (ledger.sqlite.prepare('SELECT name FROM staff WHERE id = ?').pluck().get(staffId) as string | undefined) ?? ''
  );
}

/** GST of the shift's bills by rate, from their lines (the invoice figures are sums of line figures). */
function salesGst(ledger: Ledger, sessionId: string): TaxRateRow[] {
  return ledger.sqlite
    .prepare(
      `SELECT l.gst_rate_bp AS gstRateBp, ${TAX_SUMS} FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
       WHERE i.cash_session_id = ? GROUP BY l.gst_rate_bp ORDER BY l.gst_rate_bp`,
    )
    .all(sessionId) as TaxRateRow[];
}

/** GST given back by the shift's returns, by the rate of the line sold. */
function returnsGst(ledger: Ledger, sessionId: string): TaxRateRow[] {
  return ledger.sqlite
    .prepare(
      `SELECT s.gst_rate_bp AS gstRateBp, ${TAX_SUMS} FROM credit_note_lines l
       JOIN credit_notes n ON n.id = l.credit_note_id JOIN invoice_lines s ON s.id = l.invoice_line_id
       WHERE n.cash_session_id = ? GROUP BY s.gst_rate_bp ORDER BY s.gst_rate_bp`,
    )
    .all(sessionId) as TaxRateRow[];
}

/** Everyone who made a bill in the shift, with their bills and sales, busiest first. */
function cashiers(ledger: Ledger, sessionId: string): ShiftDetails['cashiers'] {
  return ledger.sqlite
    .prepare(
      `SELECT i.staff_id AS staffId, COALESCE(s.name, '') AS name, COUNT(*) AS invoiceCount, SUM(i.total_paise) AS salesPaise
       FROM invoices i LEFT JOIN staff s ON s.id = i.staff_id WHERE i.cash_session_id = ?
       GROUP BY i.staff_id ORDER BY salesPaise DESC, name`,
    )
    .all(sessionId) as ShiftDetails['cashiers'];
}

export function shiftDetails(ledger: Ledger, session: CashSession): ShiftDetails {
  return {
    openedByName: staffName(ledger, session.openedBy),
    closedByName: staffName(ledger, session.closedBy),
    cashiers: cashiers(ledger, session.id),
    gstSales: salesGst(ledger, session.id),
    gstReturns: returnsGst(ledger, session.id),
  };
}
