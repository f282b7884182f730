// Outputs of the counter's own report procedures (offline, over this counter's ledger) that the server has no twin of.
import { z } from 'zod';
import { shiftDetails, shiftFigures } from './cash-sessions';
import { khataAgeing, partyAgeing, returnRow, shiftCount } from './report-rows';

const sum = z.int();

/** Sales over a date range from the counter's daily summaries: totals, by payment mode and by day, net of returns. */
export const salesSummary = z.object({
  from: z.string(),
  to: z.string(),
  invoiceCount: sum,
  grossPaise: sum,
  discountPaise: sum,
  taxablePaise: sum,
  taxPaise: sum,
  roundOffPaise: sum,
  salesPaise: sum,
  returnCount: sum,
  returnsPaise: sum,
  netPaise: sum,
  byMode: z.array(z.object({ mode: z.string(), paise: sum })),
  byDay: z.array(z.object({ date: z.string(), invoiceCount: sum, salesPaise: sum, returnsPaise: sum })),
});

/** Bills and returns in one hour of the day, on the counter PC's clock. */
export const hourFigures = z.object({
  hour: sum,
  invoiceCount: sum,
  salesPaise: sum,
  returnCount: sum,
  returnsPaise: sum,
  netPaise: sum,
});

/** The counter also knows who approved the return; the credit note carries only the approver's id. */
export const counterReturnRow = returnRow.extend({ approvedByName: z.string() });

/** A shift as its Z-report reads, with what was counted at its close. */
export const shiftRow = shiftFigures.extend(shiftDetails.shape).extend(shiftCount.shape);

export const ageingRow = partyAgeing.extend({ creditLimitPaise: sum.nullable() });
/** Every customer with a balance (advances too), aged, with the sums of the buckets. */
export const khataAgeingReport = z.object({
  rows: z.array(ageingRow),
  totals: khataAgeing.omit({ oldestUnpaidAt: true }),
});

export type SalesSummary = z.infer<typeof salesSummary>;
export type HourFigures = z.infer<typeof hourFigures>;
export type CounterReturnRow = z.infer<typeof counterReturnRow>;
export type ShiftRow = z.infer<typeof shiftRow>;
export type AgeingRow = z.infer<typeof ageingRow>;
export type KhataAgeingReport = z.infer<typeof khataAgeingReport>;
