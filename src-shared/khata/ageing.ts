// Overdue ageing of a running account, settling oldest first: a customer's khata (what they owe the shop) and, on the
// other side, a supplier's payables (what the shop owes them): + raises what is owed, − pays it off, on both sides.

import { differenceInCalendarDays, parseISO } from 'date-fns';
import { Invalid } from '../errors';
import { shopBusinessDate } from '../shop-time';
import type { KhataAgeing } from '../contracts/report-rows';

export interface KhataMovement {
  /** ISO timestamp. */
  at: string;
  /** Positive: the customer owes more (sale, opening balance). Negative: paid or credited. */
  amountPaise: number;
}

interface Debit {
  at: string;
  time: number;
  paise: number;
}

function parseMovementTime(at: string, index: number): number {
  // parseISO, unlike Date.parse, reads a bare date as local midnight, matching calendar-day ageing.
  const time = parseISO(at).getTime();
  if (Number.isNaN(time)) throw new Invalid(`Khata movement ${index + 1}: "${at}" is not an ISO timestamp`);
  return time;
}

function requireAmount(amountPaise: number, index: number): void {
  if (!Number.isSafeInteger(amountPaise))
    throw new Invalid(`Khata movement ${index + 1}: amount must be whole paise, got ${amountPaise}`);
}

/**
 * Debits still unpaid after every credit settles the oldest debits first. Applying all credits
 * to the date-ordered debits gives the same result as replaying them in time order: an advance
 * simply settles the next debits to arrive.
 */
function unpaidDebits(movements: KhataMovement[]): Debit[] {
  const debits = movements
    .map((movement, index) => ({
      at: movement.at,
      time: parseMovementTime(movement.at, index),
      paise: movement.amountPaise,
    }))
    .filter((movement) => movement.paise > 0)
    .sort((a, b) => a.time - b.time);
  let creditLeft = -movements.reduce((sum, movement) => sum + Math.min(0, movement.amountPaise), 0);
  const unpaid: Debit[] = [];
  for (const debit of debits) {
    const settled = Math.min(creditLeft, debit.paise);
    creditLeft -= settled;
    if (debit.paise > settled) unpaid.push({ ...debit, paise: debit.paise - settled });
  }
  return unpaid;
}

/**
 * Buckets by whole calendar days in India from the debit's shop day to `asOf`'s: the same on a counter and on the
 * server (which runs in UTC), whatever time zone the process has.
 */
export function ageBalance(movements: KhataMovement[], asOf: Date): KhataAgeing {
  if (Number.isNaN(asOf.getTime())) throw new Invalid('The ageing date is not a valid date');
  movements.forEach((movement, index) => requireAmount(movement.amountPaise, index));
  const ageing: KhataAgeing = {
    d0to30Paise: 0,
    d31to60Paise: 0,
    d61to90Paise: 0,
    d90plusPaise: 0,
    totalPaise: movements.reduce((sum, movement) => sum + movement.amountPaise, 0),
    oldestUnpaidAt: null,
  };
  const unpaid = unpaidDebits(movements);
  const asOfDay = shopBusinessDate(asOf);
  ageing.oldestUnpaidAt = unpaid[0]?.at ?? null;
  for (const debit of unpaid) {
    const days = differenceInCalendarDays(parseISO(asOfDay), parseISO(shopBusinessDate(new Date(debit.time))));
    if (days <= 30) ageing.d0to30Paise += debit.paise;
    else if (days <= 60) ageing.d31to60Paise += debit.paise;
    else if (days <= 90) ageing.d61to90Paise += debit.paise;
    else ageing.d90plusPaise += debit.paise;
  }
  return ageing;
}

export type AgeingTotals = Omit<KhataAgeing, 'oldestUnpaidAt'>;

/** The sums of every bucket over the aged parties (a report's total row). */
export function ageingTotals(rows: AgeingTotals[]): AgeingTotals {
  const totals: AgeingTotals = { d0to30Paise: 0, d31to60Paise: 0, d61to90Paise: 0, d90plusPaise: 0, totalPaise: 0 };
  for (const row of rows) for (const key of Object.keys(totals) as (keyof AgeingTotals)[]) totals[key] += row[key];
  return totals;
}
