// Cash-session reconciliation: each shift opened in the range, its Z-report figures, and counted cash against expected.
import type { Ledger } from '../ledger';
import type { ReportRange } from '../../../src-shared/contracts/reports';
import type { ShiftRow } from '../../../src-shared/contracts/counter-reports';
import { sessionSummary } from '../cash-sessions/service';
import { nextShopDay, shopDayStart } from '../../../src-shared/shop-time';

/** Shop days (India) to the UTC instants stored on the rows: [start of "from", start of the day after "to"). */
export function rangeInstants(range: ReportRange): { start: string; end: string } {
  return {
    start: shopDayStart(range.from).toISOString(),
    end: shopDayStart(nextShopDay(range.to)).toISOString(),
  };
}

/**
 * Reuses the Z-report's own sums (sessionSummary) so a shift reads the same here as on its printed report; a closed
 * shift keeps the expected cash fixed at its close, which is what its difference was measured against.
 */
export function shiftReconciliation(ledger: Ledger, range: ReportRange): ShiftRow[] {
  const sessions = ledger.sqlite
    .prepare(
      `SELECT c.id FROM cash_sessions c WHERE c.opened_at >= @start AND c.opened_at < @end ORDER BY c.opened_at DESC LIMIT 1000`,
    )
    .pluck()
    .all(rangeInstants(range)) as string[];
  return sessions.map((id) => {
    const { session, ...figures } = sessionSummary(ledger, id);
    return {
      ...figures,
      expectedCashPaise: session.expectedPaise ?? figures.expectedCashPaise,
      id,
      openedAt: session.openedAt,
      closedAt: session.closedAt,
      openingFloatPaise: session.openingFloatPaise,
      countedPaise: session.countedPaise,
      differencePaise: session.differencePaise,
    };
  });
}
