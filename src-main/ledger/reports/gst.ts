// GST summary of this counter by rate and by HSN over a range: bill lines add, credit-note lines (at the rate they were sold) subtract.
import type { Ledger } from '../ledger';
import type { ReportRange } from '../../../src-shared/contracts/reports';

export interface TaxFigures {
  valuePaise: number;
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  cessPaise: number;
}

/** One line of the GST register: a bill line with sign +1, a returned line with sign −1. */
export interface GstRegisterLine extends TaxFigures {
  hsn: string;
  unit: string;
  gstRateBp: number;
  qtyMilli: number;
}

export type GstByRate = TaxFigures & { gstRateBp: number; taxPaise: number };
export type GstByHsn = TaxFigures & {
  hsn: string;
  unit: string;
  gstRateBp: number;
  qtyMilli: number;
  taxPaise: number;
};

const TAX_KEYS = ['valuePaise', 'taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise'] as const;

function add(target: TaxFigures & { qtyMilli?: number }, line: GstRegisterLine): void {
  for (const key of TAX_KEYS) target[key] += line[key];
  if (target.qtyMilli !== undefined) target.qtyMilli += line.qtyMilli;
}

const taxOf = (row: TaxFigures) => row.cgstPaise + row.sgstPaise + row.igstPaise + row.cessPaise;
const zero = (): TaxFigures => ({
  valuePaise: 0,
  taxablePaise: 0,
  cgstPaise: 0,
  sgstPaise: 0,
  igstPaise: 0,
  cessPaise: 0,
});

/** Pure: the register grouped by rate and by (HSN, unit, rate), sorted the way the GST forms list them. */
export function summariseGst(lines: GstRegisterLine[]): {
  byRate: GstByRate[];
  byHsn: GstByHsn[];
  totals: TaxFigures & { taxPaise: number };
} {
  const rates = new Map<string, TaxFigures & { gstRateBp: number }>();
  const hsns = new Map<string, TaxFigures & { hsn: string; unit: string; gstRateBp: number; qtyMilli: number }>();
  const totals = zero();
  for (const line of lines) {
    const rateKey = String(line.gstRateBp);
    const hsnKey = JSON.stringify([line.hsn, line.unit, line.gstRateBp]);
    if (!rates.has(rateKey)) rates.set(rateKey, { ...zero(), gstRateBp: line.gstRateBp });
    if (!hsns.has(hsnKey))
      hsns.set(hsnKey, { ...zero(), hsn: line.hsn, unit: line.unit, gstRateBp: line.gstRateBp, qtyMilli: 0 });
    add(rates.get(rateKey)!, line);
    add(hsns.get(hsnKey)!, line);
    add(totals, line);
  }
  return {
    byRate: [...rates.values()]
      .sort((a, b) => a.gstRateBp - b.gstRateBp)
      .map((row) => ({ ...row, taxPaise: taxOf(row) })),
    byHsn: [...hsns.values()]
      .sort((a, b) => a.hsn.localeCompare(b.hsn) || a.gstRateBp - b.gstRateBp || a.unit.localeCompare(b.unit))
      .map((row) => ({ ...row, taxPaise: taxOf(row) })),
    totals: { ...totals, taxPaise: taxOf(totals) },
  };
}

// Grouped in SQL first by (HSN, unit, rate, sign) so the register handed to the pure summary stays small on a busy month.
const REGISTER_SQL = `
  SELECT l.hsn AS hsn, l.unit AS unit, l.gst_rate_bp AS gstRateBp, SUM(l.qty_milli) AS qtyMilli, SUM(l.total_paise) AS valuePaise,
    SUM(l.taxable_paise) AS taxablePaise, SUM(l.cgst_paise) AS cgstPaise, SUM(l.sgst_paise) AS sgstPaise, SUM(l.igst_paise) AS igstPaise, SUM(l.cess_paise) AS cessPaise
  FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id WHERE i.business_date BETWEEN @from AND @to GROUP BY 1, 2, 3
  UNION ALL
  SELECT l.hsn, l.unit, l.gst_rate_bp, -SUM(r.qty_milli), -SUM(r.total_paise), -SUM(r.taxable_paise), -SUM(r.cgst_paise), -SUM(r.sgst_paise), -SUM(r.igst_paise), -SUM(r.cess_paise)
  FROM credit_notes n JOIN credit_note_lines r ON r.credit_note_id = n.id JOIN invoice_lines l ON l.id = r.invoice_line_id
  WHERE n.business_date BETWEEN @from AND @to GROUP BY 1, 2, 3`;

export function gstSummary(ledger: Ledger, range: ReportRange) {
  return summariseGst(ledger.sqlite.prepare(REGISTER_SQL).all(range) as GstRegisterLine[]);
}
