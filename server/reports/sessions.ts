// Cash-session reconciliation: each shift's expected cash against what was counted at close, per counter.
import { sql } from 'drizzle-orm';
import type { ReportRange } from '../../src-shared/contracts/reports';
import type { CashSessionRow } from '../../src-shared/contracts/owner-reports';
import type { ServerDb } from '../db/connection';
import { reportRows } from './query';

/** Sessions opened in the range (the day of opening in India, as the counter's business dates are); an open shift has no count yet. */
export async function cashSessionReconciliation(
  tx: ServerDb,
  shopId: string,
  range: ReportRange,
): Promise<CashSessionRow[]> {
  const rows = await reportRows<Record<string, unknown>>(
    tx,
    sql`SELECT s.id, COALESCE(c.counter_code, '') AS "counterCode", s.payload->>'openedAt' AS "openedAt", s.payload->>'closedAt' AS "closedAt",
          s.payload->>'openingFloatPaise' AS "openingFloatPaise", s.payload->>'expectedPaise' AS "expectedPaise",
          s.payload->>'countedPaise' AS "countedPaise", s.payload->>'differencePaise' AS "differencePaise"
        FROM cash_sessions s LEFT JOIN counters c ON c.id = s.counter_id
        WHERE s.shop_id = ${shopId}
          AND ((s.payload->>'openedAt')::timestamptz AT TIME ZONE 'Asia/Kolkata')::date BETWEEN ${range.from} AND ${range.to}
        ORDER BY s.payload->>'openedAt' DESC`,
    [],
  );
  const amount = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return rows.map((row) => ({
    id: String(row.id),
    counterCode: String(row.counterCode),
    openedAt: String(row.openedAt),
    closedAt: (row.closedAt as string | null) ?? null,
    openingFloatPaise: amount(row.openingFloatPaise) ?? 0,
    expectedCashPaise: amount(row.expectedPaise),
    countedPaise: amount(row.countedPaise),
    differencePaise: amount(row.differencePaise),
  }));
}
