// Checks every ledger invariant (stock, balances, totals, payments, series, summaries): after a crash, a restore, in tests.
import type { Ledger } from '../ledger';
import { verifyJournal } from './service';

interface Check {
  name: string;
  /** Returns offending rows; an empty result means the invariant holds. */
  sql: string;
}

const CHECKS: Check[] = [
  {
    name: 'stock on hand equals the sum of stock movements',
    sql: `SELECT i.id, i.stock_milli, COALESCE(SUM(m.qty_milli), 0) AS moved FROM items i LEFT JOIN stock_movements m ON m.item_id = i.id
          GROUP BY i.id HAVING i.stock_milli <> moved`,
  },
  {
    name: 'party balance equals the sum of khata entries',
    sql: `SELECT p.id, p.balance_paise, COALESCE(SUM(k.amount_paise), 0) AS entries FROM parties p LEFT JOIN khata_entries k ON k.party_id = p.id
          GROUP BY p.id HAVING p.balance_paise <> entries`,
  },
  {
    name: 'what the shop owes each supplier equals the sum of its payable entries',
    sql: `SELECT p.id, p.payable_paise, COALESCE(SUM(e.amount_paise), 0) AS entries FROM parties p LEFT JOIN payable_entries e ON e.party_id = p.id
          GROUP BY p.id HAVING p.payable_paise <> entries`,
  },
  {
    name: 'invoice figures equal the sums of their lines, and total = taxable + taxes + round-off',
    sql: `SELECT v.id FROM invoices v JOIN (
            SELECT invoice_id, SUM(gross_paise) g, SUM(line_discount_paise + bill_discount_paise) d, SUM(taxable_paise) t, SUM(cgst_paise) c, SUM(sgst_paise) s,
                   SUM(igst_paise) ig, SUM(cess_paise) ce, SUM(total_paise) tot FROM invoice_lines GROUP BY invoice_id) l ON l.invoice_id = v.id
          WHERE v.gross_paise <> l.g OR v.discount_paise <> l.d OR v.taxable_paise <> l.t OR v.cgst_paise <> l.c OR v.sgst_paise <> l.s
             OR v.igst_paise <> l.ig OR v.cess_paise <> l.ce OR v.total_paise <> l.tot + v.round_off_paise
             OR v.total_paise <> v.taxable_paise + v.cgst_paise + v.sgst_paise + v.igst_paise + v.cess_paise + v.round_off_paise`,
  },
  {
    name: 'every invoice has lines',
    sql: `SELECT v.id FROM invoices v WHERE NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = v.id)`,
  },
  {
    name: 'payments of an invoice cover its total exactly once change is given back',
    sql: `SELECT v.id FROM invoices v LEFT JOIN (SELECT doc_id, SUM(amount_paise) paid, SUM(CASE WHEN mode = 'khata' THEN amount_paise ELSE 0 END) khata
            FROM payments WHERE doc_type = 'invoice' GROUP BY doc_id) p ON p.doc_id = v.id
          WHERE COALESCE(p.paid, 0) - v.change_paise <> v.total_paise OR COALESCE(p.khata, 0) <> v.khata_paise OR v.tendered_paise <> COALESCE(p.paid, 0)`,
  },
  {
    name: 'credit note total equals its lines plus round-off',
    sql: `SELECT c.id FROM credit_notes c JOIN (SELECT credit_note_id, SUM(total_paise) tot FROM credit_note_lines GROUP BY credit_note_id) l ON l.credit_note_id = c.id
          WHERE c.total_paise <> l.tot + c.round_off_paise`,
  },
  {
    name: 'no line is returned more than it was sold',
    sql: `SELECT l.id FROM invoice_lines l JOIN credit_note_lines r ON r.invoice_line_id = l.id GROUP BY l.id HAVING SUM(r.qty_milli) > l.qty_milli`,
  },
  {
    name: 'a receipt reversal puts back exactly its receipt, on the same customer, once',
    sql: `SELECT v.id FROM receipt_reversals v LEFT JOIN receipts r ON r.id = v.receipt_id
          LEFT JOIN khata_entries k ON k.doc_id = v.id AND k.kind = 'reversal'
          WHERE r.id IS NULL OR r.amount_paise <> v.amount_paise OR r.party_id <> v.party_id OR r.mode <> v.mode
             OR k.amount_paise IS NOT v.amount_paise OR k.party_id <> v.party_id`,
  },
  {
    name: 'a payment to a supplier lowers what is owed to that supplier by exactly its amount, once',
    sql: `SELECT s.id FROM supplier_payments s
          LEFT JOIN (SELECT doc_id, party_id, COUNT(*) n, SUM(amount_paise) paise FROM payable_entries WHERE kind = 'payment' GROUP BY doc_id, party_id) e
            ON e.doc_id = s.id
          WHERE s.amount_paise <= 0 OR e.n IS NOT 1 OR e.paise <> -s.amount_paise OR e.party_id <> s.supplier_id`,
  },
  {
    // Under reverse charge the tax is on the bill but not in what the supplier is owed (CGST Act s.9(3)/9(4)).
    name: 'purchase bill figures equal the sums of their lines, total = lines + round-off, paid + payable = total',
    sql: `SELECT b.id FROM purchase_bills b JOIN (
            SELECT purchase_bill_id, SUM(gross_paise) g, SUM(discount_paise) d, SUM(taxable_paise) t, SUM(cgst_paise) c, SUM(sgst_paise) s,
                   SUM(igst_paise) ig, SUM(cess_paise) ce, SUM(freight_paise) f, SUM(total_paise) tot FROM purchase_bill_lines GROUP BY purchase_bill_id) l
            ON l.purchase_bill_id = b.id
          LEFT JOIN (SELECT purchase_bill_id, SUM(amount_paise) paid FROM purchase_bill_payments GROUP BY purchase_bill_id) p ON p.purchase_bill_id = b.id
          WHERE b.gross_paise <> l.g OR b.discount_paise <> l.d OR b.taxable_paise <> l.t OR b.cgst_paise <> l.c OR b.sgst_paise <> l.s
             OR b.igst_paise <> l.ig OR b.cess_paise <> l.ce OR b.freight_paise <> l.f OR b.total_paise <> l.tot + b.round_off_paise
             OR b.total_paise <> b.taxable_paise + b.freight_paise + b.round_off_paise
                               + CASE WHEN b.reverse_charge THEN 0 ELSE b.cgst_paise + b.sgst_paise + b.igst_paise + b.cess_paise END
             OR b.paid_paise <> COALESCE(p.paid, 0) OR b.paid_paise + b.payable_paise <> b.total_paise OR b.payable_paise < 0`,
  },
  {
    name: 'every purchase bill has lines, each landed at its taxable value plus its freight',
    sql: `SELECT b.id FROM purchase_bills b WHERE NOT EXISTS (SELECT 1 FROM purchase_bill_lines l WHERE l.purchase_bill_id = b.id)
          UNION ALL
          SELECT l.id FROM purchase_bill_lines l WHERE l.landed_cost_paise <> l.taxable_paise + l.freight_paise`,
  },
  {
    name: 'debit note figures equal the sums of their lines',
    sql: `SELECT n.id FROM debit_notes n LEFT JOIN (
            SELECT debit_note_id, SUM(taxable_paise) t, SUM(cgst_paise) c, SUM(sgst_paise) s, SUM(igst_paise) ig, SUM(cess_paise) ce,
                   SUM(total_paise) tot FROM debit_note_lines GROUP BY debit_note_id) l ON l.debit_note_id = n.id
          WHERE l.debit_note_id IS NULL OR n.taxable_paise <> l.t OR n.cgst_paise <> l.c OR n.sgst_paise <> l.s OR n.igst_paise <> l.ig
             OR n.cess_paise <> l.ce OR n.total_paise <> l.tot`,
  },
  {
    name: 'no purchase line is returned to the supplier more than was bought',
    sql: `SELECT l.id FROM purchase_bill_lines l JOIN debit_note_lines r ON r.purchase_bill_line_id = l.id
          GROUP BY l.id HAVING SUM(r.qty_milli) > l.qty_milli`,
  },
  {
    name: 'stock moved by each purchase bill and debit note equals its lines',
    sql: `SELECT b.id FROM purchase_bills b
            JOIN (SELECT purchase_bill_id, SUM(qty_milli + free_qty_milli) q FROM purchase_bill_lines GROUP BY purchase_bill_id) l ON l.purchase_bill_id = b.id
            LEFT JOIN (SELECT doc_id, SUM(qty_milli) q FROM stock_movements WHERE reason = 'purchase' GROUP BY doc_id) m ON m.doc_id = b.id
          WHERE COALESCE(m.q, 0) <> l.q
          UNION ALL
          SELECT n.id FROM debit_notes n
            JOIN (SELECT debit_note_id, SUM(qty_milli) q FROM debit_note_lines GROUP BY debit_note_id) l ON l.debit_note_id = n.id
            LEFT JOIN (SELECT doc_id, SUM(qty_milli) q FROM stock_movements WHERE reason = 'purchase_return' GROUP BY doc_id) m ON m.doc_id = n.id
          WHERE COALESCE(m.q, 0) <> -l.q`,
  },
  {
    name: 'average cost is never negative',
    sql: `SELECT id, cost_paise FROM items WHERE cost_paise < 0`,
  },
  {
    // n numbers issued, n distinct sequence numbers in use, the highest of them n: the series is exactly 1…n. A number
    // taken without a document (a deleted bill) and a document renumbered past a hole both break it.
    name: 'each document series is numbered without gaps',
    sql: `SELECT s.key FROM document_series s
            LEFT JOIN (SELECT number FROM invoices UNION ALL SELECT number FROM credit_notes UNION ALL SELECT number FROM receipts
                  UNION ALL SELECT number FROM receipt_reversals UNION ALL SELECT number FROM purchase_bills
                  UNION ALL SELECT number FROM debit_notes UNION ALL SELECT number FROM supplier_payments) d
            ON d.number LIKE replace(s.key, ':', '-') || '-%'
          GROUP BY s.key, s.next_seq
          HAVING s.next_seq - 1 <> COUNT(DISTINCT CAST(substr(d.number, length(s.key) + 2) AS INTEGER))
              OR s.next_seq - 1 <> COALESCE(MAX(CAST(substr(d.number, length(s.key) + 2) AS INTEGER)), 0)`,
  },
  {
    name: 'daily sales summaries equal the bills and returns of each day',
    sql: `SELECT d.business_date FROM sales_days d
          LEFT JOIN (SELECT business_date, COUNT(*) n, SUM(gross_paise) g, SUM(discount_paise) dc, SUM(taxable_paise) t, SUM(cgst_paise + sgst_paise + igst_paise + cess_paise) tax,
                            SUM(round_off_paise) r, SUM(total_paise) tot FROM invoices GROUP BY business_date) i ON i.business_date = d.business_date
          LEFT JOIN (SELECT business_date, COUNT(*) n, SUM(total_paise) tot FROM credit_notes GROUP BY business_date) c ON c.business_date = d.business_date
          WHERE d.invoice_count <> COALESCE(i.n, 0) OR d.gross_paise <> COALESCE(i.g, 0) OR d.discount_paise <> COALESCE(i.dc, 0) OR d.taxable_paise <> COALESCE(i.t, 0)
             OR d.tax_paise <> COALESCE(i.tax, 0) OR d.round_off_paise <> COALESCE(i.r, 0) OR d.sales_paise <> COALESCE(i.tot, 0)
             OR d.return_count <> COALESCE(c.n, 0) OR d.returns_paise <> COALESCE(c.tot, 0)
          UNION ALL
          SELECT business_date FROM invoices WHERE business_date NOT IN (SELECT business_date FROM sales_days)`,
  },
  {
    name: 'daily takings by mode equal the payments of each day (cash net of change)',
    sql: `SELECT m.business_date, m.mode FROM sales_day_modes m WHERE m.paise <> (
            SELECT COALESCE(SUM(p.amount_paise), 0) FROM invoices i JOIN payments p ON p.doc_type = 'invoice' AND p.doc_id = i.id
            WHERE i.business_date = m.business_date AND p.mode = m.mode)
            - CASE WHEN m.mode = 'cash' THEN (SELECT COALESCE(SUM(change_paise), 0) FROM invoices WHERE business_date = m.business_date) ELSE 0 END`,
  },
];

export interface InvariantReport {
  ok: boolean;
  integrity: string;
  problems: { check: string; rows: unknown[] }[];
  journal: ReturnType<typeof verifyJournal>;
}

export function checkLedgerInvariants(ledger: Ledger): InvariantReport {
  const integrity = String(ledger.sqlite.pragma('integrity_check', { simple: true }));
  const problems = CHECKS.map((check) => ({
    check: check.name,
    rows: ledger.sqlite.prepare(check.sql).all().slice(0, 10),
  })).filter((problem) => problem.rows.length > 0);
  const journal = verifyJournal(ledger);
  return { ok: integrity === 'ok' && problems.length === 0 && journal.ok, integrity, problems, journal };
}
