// What a sale brought in by tender, the one definition behind the counter's reports, the Z-report and the owner's
// dashboard: cash is what stayed in the drawer (cash received − change handed back), every other mode is as paid.

export interface TenderedPayment<Mode extends string = string> {
  mode: Mode;
  amountPaise: number;
}

/**
 * Sums payments by mode and takes the change out of cash. Works on one bill's payments or on many bills' payments
 * summed together (subtraction is linear), so a summary table can apply it to its aggregates.
 * Only cash can be over-tendered (the ledger refuses anything else), so the change always comes out of cash.
 */
export function takenByMode<Mode extends string>(
  payments: readonly TenderedPayment<Mode>[],
  changePaise: number,
): Map<Mode | 'cash', number> {
  const byMode = new Map<Mode | 'cash', number>();
  for (const payment of payments) byMode.set(payment.mode, (byMode.get(payment.mode) ?? 0) + payment.amountPaise);
  if (changePaise !== 0) byMode.set('cash', (byMode.get('cash') ?? 0) - changePaise);
  return byMode;
}
