// The counter's own reports, offline: sales over a date range (by day and by payment mode), net of returns.
import type { Ledger } from '../ledger';

export interface SalesSummary {
  from: string;
  to: string;
  invoiceCount: number;
  grossPaise: number;
  discountPaise: number;
  taxablePaise: number;
  taxPaise: number;
  roundOffPaise: number;
  salesPaise: number;
  returnCount: number;
  returnsPaise: number;
  netPaise: number;
  byMode: { mode: string; paise: number }[];
  byDay: { date: string; invoiceCount: number; salesPaise: number; returnsPaise: number }[];
}

interface Totals {
  invoiceCount: number;
  grossPaise: number;
  discountPaise: number;
  taxablePaise: number;
  taxPaise: number;
  roundOffPaise: number;
  salesPaise: number;
}

/** Business dates are local calendar days (invoices.business_date), so a range is inclusive text comparison on an index. */
export function salesSummary(ledger: Ledger, range: { from: string; to: string }): SalesSummary {
  const args = [range.from, range.to];
  const totals = ledger.sqlite
    .prepare(
      `SELECT COUNT(*) AS invoiceCount, COALESCE(SUM(gross_paise), 0) AS grossPaise, COALESCE(SUM(discount_paise), 0) AS discountPaise,
              COALESCE(SUM(taxable_paise), 0) AS taxablePaise, COALESCE(SUM(cgst_paise + sgst_paise + igst_paise + cess_paise), 0) AS taxPaise,
              COALESCE(SUM(round_off_paise), 0) AS roundOffPaise, COALESCE(SUM(total_paise), 0) AS salesPaise
       FROM invoices WHERE business_date BETWEEN ? AND ?`,
    )
    .get(...args) as Totals;
  const returns = ledger.sqlite.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(total_paise), 0) AS paise FROM credit_notes WHERE business_date BETWEEN ? AND ?').get(...args) as { n: number; paise: number };
  const byMode = ledger.sqlite
    .prepare(
      `SELECT p.mode AS mode, SUM(p.amount_paise) AS paise
       FROM invoices i JOIN payments p ON p.doc_type = 'invoice' AND p.doc_id = i.id
       WHERE i.business_date BETWEEN ? AND ? GROUP BY p.mode ORDER BY p.mode`,
    )
    .all(...args) as { mode: string; paise: number }[];
  const change = ledger.sqlite.prepare('SELECT COALESCE(SUM(change_paise), 0) FROM invoices WHERE business_date BETWEEN ? AND ?').pluck().get(...args) as number;
  const cash = byMode.find((row) => row.mode === 'cash');
  if (cash) cash.paise -= change;
  const days = ledger.sqlite
    .prepare('SELECT business_date AS date, COUNT(*) AS invoiceCount, SUM(total_paise) AS salesPaise FROM invoices WHERE business_date BETWEEN ? AND ? GROUP BY business_date ORDER BY business_date')
    .all(...args) as { date: string; invoiceCount: number; salesPaise: number }[];
  const returnDays = new Map(
    (ledger.sqlite.prepare('SELECT business_date AS date, SUM(total_paise) AS paise FROM credit_notes WHERE business_date BETWEEN ? AND ? GROUP BY business_date').all(...args) as { date: string; paise: number }[]).map((row) => [row.date, row.paise]),
  );
  return {
    ...range,
    ...totals,
    returnCount: returns.n,
    returnsPaise: returns.paise,
    netPaise: totals.salesPaise - returns.paise,
    byMode,
    byDay: days.map((day) => ({ ...day, returnsPaise: returnDays.get(day.date) ?? 0 })),
  };
}
