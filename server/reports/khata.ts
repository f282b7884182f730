// Outstanding khata over all counters: each customer's balance with overdue ageing (0–30, 31–60, 61–90, 90+ days).
import { sql } from 'drizzle-orm';
import { ageBalance } from '../../src-shared/khata/ageing';
import { shopDayEnd } from '../../src-shared/shop-time';
import type { KhataOutstandingRow } from '../../src-shared/contracts/owner-reports';
import type { ServerDb } from '../db/connection';
import { reportRows } from './query';

/** Only customers who owe something are aged; the ageing itself is the shared rule the counters use (src-shared). */
export async function khataOutstanding(tx: ServerDb, shopId: string, asOf: string): Promise<KhataOutstandingRow[]> {
  const owing = await reportRows<{ partyId: string; name: string; phone: string; balancePaise: number }>(
    tx,
    sql`SELECT k.party_id AS "partyId", COALESCE(p.name, 'Unknown customer') AS "name", COALESCE(p.payload->>'phone', '') AS "phone", SUM(k.amount_paise) AS "balancePaise"
        FROM khata_entries k LEFT JOIN parties p ON p.shop_id = k.shop_id AND p.id = k.party_id
        WHERE k.shop_id = ${shopId} GROUP BY k.party_id, p.name, p.payload->>'phone' HAVING SUM(k.amount_paise) > 0`,
    ['balancePaise'],
  );
  if (owing.length === 0) return [];
  const entries = await reportRows<{ partyId: string; at: string; amountPaise: number }>(
    tx,
    sql`SELECT party_id AS "partyId", counter_created_at AS "at", amount_paise AS "amountPaise" FROM khata_entries
        WHERE shop_id = ${shopId} AND party_id IN (${sql.join(
          owing.map((row) => sql`${row.partyId}::uuid`),
          sql`, `,
        )})`,
    ['amountPaise'],
  );
  const byParty = new Map<string, { at: string; amountPaise: number }[]>();
  for (const entry of entries) {
    const list = byParty.get(entry.partyId) ?? [];
    list.push(entry);
    byParty.set(entry.partyId, list);
  }
  const end = shopDayEnd(asOf);
  return owing
    .map(({ balancePaise, ...party }) => {
      const ageing = ageBalance(byParty.get(party.partyId) ?? [], end);
      return {
        ...party,
        ...ageing,
        totalPaise: balancePaise,
        overdue: ageing.d31to60Paise + ageing.d61to90Paise + ageing.d90plusPaise > 0,
      };
    })
    .sort((a, b) => b.totalPaise - a.totalPaise);
}
