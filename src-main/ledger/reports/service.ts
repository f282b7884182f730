// The counter's own reports, offline: sales over a date range (by day and by payment mode), net of returns, from the daily summaries.
import { and, asc, between, sql } from 'drizzle-orm';
import type { SalesSummary } from '../../../src-shared/contracts/counter-reports';
import type { Ledger } from '../ledger';
import { salesDayModes, salesDays } from './schema';

/** Business dates are local calendar days, so a range is an inclusive comparison on the summaries' key. */
export function salesSummary(ledger: Ledger, range: { from: string; to: string }): SalesSummary {
  const days = ledger.db
    .select()
    .from(salesDays)
    .where(between(salesDays.businessDate, range.from, range.to))
    .orderBy(asc(salesDays.businessDate))
    .all();
  const byMode = ledger.db
    .select({ mode: salesDayModes.mode, paise: sql<number>`SUM(${salesDayModes.paise})` })
    .from(salesDayModes)
    .where(and(between(salesDayModes.businessDate, range.from, range.to)))
    .groupBy(salesDayModes.mode)
    .orderBy(asc(salesDayModes.mode))
    .all();
  const sum = (key: keyof (typeof days)[number]) => days.reduce((total, day) => total + (day[key] as number), 0);
  const salesPaise = sum('salesPaise');
  const returnsPaise = sum('returnsPaise');
  return {
    ...range,
    invoiceCount: sum('invoiceCount'),
    grossPaise: sum('grossPaise'),
    discountPaise: sum('discountPaise'),
    taxablePaise: sum('taxablePaise'),
    taxPaise: sum('taxPaise'),
    roundOffPaise: sum('roundOffPaise'),
    salesPaise,
    returnCount: sum('returnCount'),
    returnsPaise,
    netPaise: salesPaise - returnsPaise,
    byMode,
    byDay: days
      .filter((day) => day.invoiceCount > 0 || day.returnCount > 0)
      .map((day) => ({
        date: day.businessDate,
        invoiceCount: day.invoiceCount,
        salesPaise: day.salesPaise,
        returnsPaise: day.returnsPaise,
      })),
  };
}
