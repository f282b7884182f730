// The owner's first screen: today's sales against yesterday's, and when each counter last synced.
import { sql } from 'drizzle-orm';
import type { Overview } from '../../src-shared/contracts/owner-reports';
import type { ServerDb } from '../db/connection';
import { reportRows } from './query';
import { salesTotals } from './sales';

/** The shop's calendar day (India, see server/reports/documents.ts) for a server instant, as YYYY-MM-DD. */
const shopBusinessDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Kolkata',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function shopDate(at: Date): string {
  return shopBusinessDate.format(at);
}

export async function overview(tx: ServerDb, shopId: string, now: Date): Promise<Overview> {
  const today = shopDate(now);
  const yesterday = shopDate(new Date(now.getTime() - 86_400_000));
  const counters = await reportRows<Overview['counters'][number]>(
    tx,
    sql`SELECT c.id, c.name, c.counter_code AS "counterCode", to_char(c.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastSeenAt", c.app_version AS "appVersion",
          COALESCE(k.pushed_ops, 0) AS "pushedOps", c.revoked_at IS NOT NULL AS "revoked"
        FROM counters c LEFT JOIN counter_cursors k ON k.shop_id = c.shop_id AND k.counter_id = c.id
        WHERE c.shop_id = ${shopId} ORDER BY c.counter_code`,
    ['pushedOps'],
  );
  return {
    today,
    yesterday,
    todaySales: await salesTotals(tx, shopId, { from: today, to: today }),
    yesterdaySales: await salesTotals(tx, shopId, { from: yesterday, to: yesterday }),
    counters,
  };
}
