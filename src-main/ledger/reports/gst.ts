// GST summary of this counter by rate and by HSN over a range: bill lines add, credit-note lines (at the rate they were sold) subtract.
import type { Ledger } from '../ledger';
import type { ReportRange } from '../../../src-shared/contracts/reports';
import type { GstSummary } from '../../../src-shared/contracts/tax';
import { summariseGst, type GstRegisterLine } from '../../../src-shared/gst/summary';

// Grouped in SQL first by (HSN, unit, rate, sign) so the register handed to the pure summary stays small on a busy month.
const REGISTER_SQL = `
  SELECT l.hsn AS hsn, l.unit AS unit, l.gst_rate_bp AS gstRateBp, SUM(l.qty_milli) AS qtyMilli, SUM(l.total_paise) AS valuePaise,
    SUM(l.taxable_paise) AS taxablePaise, SUM(l.cgst_paise) AS cgstPaise, SUM(l.sgst_paise) AS sgstPaise, SUM(l.igst_paise) AS igstPaise, SUM(l.cess_paise) AS cessPaise
  FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id WHERE i.business_date BETWEEN @from AND @to GROUP BY 1, 2, 3
  UNION ALL
  SELECT l.hsn, l.unit, l.gst_rate_bp, -SUM(r.qty_milli), -SUM(r.total_paise), -SUM(r.taxable_paise), -SUM(r.cgst_paise), -SUM(r.sgst_paise), -SUM(r.igst_paise), -SUM(r.cess_paise)
  FROM credit_notes n JOIN credit_note_lines r ON r.credit_note_id = n.id JOIN invoice_lines l ON l.id = r.invoice_line_id
  WHERE n.business_date BETWEEN @from AND @to GROUP BY 1, 2, 3`;

export function gstSummary(ledger: Ledger, range: ReportRange): GstSummary {
  return summariseGst(ledger.sqlite.prepare(REGISTER_SQL).all(range) as GstRegisterLine[]);
}
