// The GST report from a register of line sums: by rate, by HSN and in total, net of returns; the counter and the server
// both build it here, so a row reads the same on either.
import type { GstByHsn, GstByRate, GstFigures, GstSummary } from '../contracts/tax';

/** Lines summed per (HSN, unit, rate): bill lines add, returned lines (at the rate they were sold) subtract. */
export type GstRegisterLine = Omit<GstByHsn, 'taxPaise'>;

type Figures = Omit<GstFigures, 'taxPaise'>;
const FIGURES = ['valuePaise', 'taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise'] as const;

const zero = (): Figures => ({
  valuePaise: 0,
  taxablePaise: 0,
  cgstPaise: 0,
  sgstPaise: 0,
  igstPaise: 0,
  cessPaise: 0,
});
const withTax = <T extends Figures>(row: T): T & { taxPaise: number } => ({
  ...row,
  taxPaise: row.cgstPaise + row.sgstPaise + row.igstPaise + row.cessPaise,
});

function add(target: Figures & { qtyMilli?: number }, line: GstRegisterLine): void {
  for (const key of FIGURES) target[key] += line[key];
  if (target.qtyMilli !== undefined) target.qtyMilli += line.qtyMilli;
}

/** Pure: the register grouped by rate and by (HSN, unit, rate), sorted the way the GST forms list them. */
export function summariseGst(lines: GstRegisterLine[]): GstSummary {
  const rates = new Map<number, Omit<GstByRate, 'taxPaise'>>();
  const hsns = new Map<string, GstRegisterLine>();
  const totals = zero();
  for (const line of lines) {
    const hsnKey = JSON.stringify([line.hsn, line.unit, line.gstRateBp]);
    if (!rates.has(line.gstRateBp)) rates.set(line.gstRateBp, { ...zero(), gstRateBp: line.gstRateBp });
    if (!hsns.has(hsnKey))
      hsns.set(hsnKey, { ...zero(), hsn: line.hsn, unit: line.unit, gstRateBp: line.gstRateBp, qtyMilli: 0 });
    add(rates.get(line.gstRateBp)!, line);
    add(hsns.get(hsnKey)!, line);
    add(totals, line);
  }
  return {
    byRate: [...rates.values()].sort((a, b) => a.gstRateBp - b.gstRateBp).map(withTax),
    byHsn: [...hsns.values()]
      .sort((a, b) => a.hsn.localeCompare(b.hsn) || a.gstRateBp - b.gstRateBp || a.unit.localeCompare(b.unit))
      .map(withTax),
    totals: withTax(totals),
  };
}
