// The month's GSTR-3B from what the counters synced: sales net of credit notes (the GST summaries), purchase bills net
// of debit notes (src-shared/gst/gstr3b.ts says which table each figure goes to, and why).
import { sql } from 'drizzle-orm';
import type { Gstr1Input } from '../../src-shared/contracts/reports';
import type { Gstr3bReport } from '../../src-shared/contracts/gstr3b';
import type { TaxFigures } from '../../src-shared/contracts/tax';
import { buildGstr3b } from '../../src-shared/gst/gstr3b';
import type { ServerDb } from '../db/connection';
import { monthRange, shopGstin } from './gst';
import { reportRows } from './query';

const TAX = ['taxablePaise', 'igstPaise', 'cgstPaise', 'sgstPaise', 'cessPaise'] as const;
const taxSums = sql.raw(
  `COALESCE(SUM(taxable_paise), 0) AS "taxablePaise", COALESCE(SUM(igst_paise), 0) AS "igstPaise", COALESCE(SUM(cgst_paise), 0) AS "cgstPaise", COALESCE(SUM(sgst_paise), 0) AS "sgstPaise", COALESCE(SUM(cess_paise), 0) AS "cessPaise"`,
);
const zero = (): TaxFigures => ({ taxablePaise: 0, cgstPaise: 0, sgstPaise: 0, igstPaise: 0, cessPaise: 0 });
const minus = (a: TaxFigures, b: TaxFigures): TaxFigures => ({
  taxablePaise: a.taxablePaise - b.taxablePaise,
  cgstPaise: a.cgstPaise - b.cgstPaise,
  sgstPaise: a.sgstPaise - b.sgstPaise,
  igstPaise: a.igstPaise - b.igstPaise,
  cessPaise: a.cessPaise - b.cessPaise,
});

type Group = TaxFigures & { reverseCharge: boolean; count: number };

/** Bills (or debit notes) of the month by their business date, summed apart for reverse charge and the rest. */
async function byReverseCharge(tx: ServerDb, table: 'purchase_bills' | 'debit_notes', shopId: string, month: string) {
  const range = monthRange(month);
  const rows = await reportRows<Group>(
    tx,
    sql`SELECT reverse_charge AS "reverseCharge", count(*) AS "count", ${taxSums} FROM ${sql.identifier(table)}
        WHERE shop_id = ${shopId} AND business_date BETWEEN ${range.from} AND ${range.to} GROUP BY reverse_charge`,
    ['count', ...TAX],
  );
  const pick = (reverseCharge: boolean) => rows.find((row) => row.reverseCharge === reverseCharge);
  const figures = (row: Group | undefined): TaxFigures => {
    if (!row) return zero();
    const { taxablePaise, cgstPaise, sgstPaise, igstPaise, cessPaise } = row;
    return { taxablePaise, cgstPaise, sgstPaise, igstPaise, cessPaise };
  };
  return {
    reverseCharge: figures(pick(true)),
    other: figures(pick(false)),
    count: rows.reduce((sum, row) => sum + row.count, 0),
  };
}

export async function gstr3b(tx: ServerDb, shopId: string, input: Gstr1Input): Promise<Gstr3bReport> {
  const gstin = await shopGstin(tx, shopId, 'GSTR-3B');
  const range = monthRange(input.month);
  // The GST summaries are already net of credit notes (server/reports/summaries.ts), as GSTR-1 takes them.
  const outwardRows = await reportRows<TaxFigures & { nil: boolean }>(
    tx,
    sql`SELECT gst_rate_bp = 0 AS "nil", ${taxSums} FROM report_gst_daily
        WHERE shop_id = ${shopId} AND business_date BETWEEN ${range.from} AND ${range.to} GROUP BY 1`,
    [...TAX],
  );
  const taxed = outwardRows.find((row) => !row.nil);
  const bills = await byReverseCharge(tx, 'purchase_bills', shopId, input.month);
  const notes = await byReverseCharge(tx, 'debit_notes', shopId, input.month);
  return buildGstr3b({
    gstin,
    month: input.month,
    outward: taxed
      ? {
          taxablePaise: taxed.taxablePaise,
          cgstPaise: taxed.cgstPaise,
          sgstPaise: taxed.sgstPaise,
          igstPaise: taxed.igstPaise,
          cessPaise: taxed.cessPaise,
        }
      : zero(),
    nilExemptPaise: outwardRows.find((row) => row.nil)?.taxablePaise ?? 0,
    reverseCharge: minus(bills.reverseCharge, notes.reverseCharge),
    otherPurchases: minus(bills.other, notes.other),
    counts: { purchaseBills: bills.count, debitNotes: notes.count },
  });
}
