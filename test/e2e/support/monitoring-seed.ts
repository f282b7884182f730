// For the dashboard e2e's monitoring page, on top of the report shop: C1 takes a backup and both counters sync as
// v1.4.0 (their heartbeats ride on the pushes); a third counter, C3, pushes one batch as v1.3.0 with more still in its
// outbox and then goes quiet for three hours; the server's own alert evaluator then raises "not syncing" for C3.
import { sql } from 'drizzle-orm';
import { backupsFor } from '../../../src-main/backup/registry';
import { pendingCount } from '../../../src-main/ledger/outbox/service';
import { enrolCounter } from '../../../src-main/sync/enrol';
import { SyncEngine } from '../../../src-main/sync/engine';
import { pushOnce } from '../../../src-main/sync/push';
import { createRemote } from '../../../src-main/sync/remote';
import { readSyncState } from '../../../src-main/sync/state';
import { evaluateShopAlerts } from '../../../server/monitoring/alerts';
import { shopWithStaff } from '../../support/ledger';
import { asOwner } from '../../support/server';
import type { ReportShop } from '../../support/report-shop';

export const CURRENT_VERSION = '1.4.0';
export const OLD_VERSION = '1.3.0';
export const SILENT_HOURS = 3;

export interface MonitoringSeed {
  /** The outbox depth C3 reported with its last push. */
  quietCounterOutbox: number;
  /** What the cleanup must also remove. */
  cleanup(): void;
}

/** C3's three hours of silence, written where the server keeps a counter's last push, pull and heartbeat. */
async function quietenCounter(shop: ReportShop, counterCode: string, hours: number): Promise<void> {
  const ago = sql.raw(`now() - interval '${hours} hours'`);
  // Backdating what the server saw is not something the app may do: it runs as the table owner, past row-level security.
  await asOwner({ db: shop.server.deps.db }, async (db) => {
    await db.execute(
      sql`UPDATE counters SET enrolled_at = ${ago} - interval '2 hours', last_seen_at = ${ago} WHERE counter_code = ${counterCode}`,
    );
    await db.execute(
      sql`UPDATE counter_cursors SET pulled_at = ${ago} WHERE counter_id IN (SELECT id FROM counters WHERE counter_code = ${counterCode})`,
    );
    await db.execute(
      sql`UPDATE counter_heartbeats SET received_at = ${ago} WHERE counter_id IN (SELECT id FROM counters WHERE counter_code = ${counterCode})`,
    );
  });
}

export async function seedMonitoring(shop: ReportShop): Promise<MonitoringSeed> {
  const [c1, c2] = shop.counters;
  // The report shop leaves the counters' clocks at this evening's last bill; from here on they run on real time.
  for (const counter of [c1!, c2!]) (counter.t.ledger as { clock: () => Date }).clock = () => new Date();
  await c1!.owner.backup.setPassphrase({ passphrase: 'chai-and-samosa-2026' });
  await backupsFor(c1!.t.ledger).backupNow('manual');
  // A new customer on each counter: something to push, so the heartbeat carries the app version.
  await c1!.cashier.parties.create({ name: 'Sunita Rao', phone: '9833333333', openingBalancePaise: 0 });
  await c2!.cashier.parties.create({ name: 'Imran Shaikh', phone: '9844444444', openingBalancePaise: 0 });
  for (const counter of [c1!, c2!]) await counter.engine({ appVersion: CURRENT_VERSION }).syncNow();

  const c3 = await shopWithStaff({ openShift: false });
  await c3.owner.settings.set({ key: 'counter', value: { counterId: 'C3' } });
  const { code } = await shop.owner.counters.createEnrolmentCode({ name: 'Counter C3', counterCode: 'C3' });
  await enrolCounter(c3.t.ledger, { serverUrl: shop.url, code });
  await new SyncEngine({ ledger: c3.t.ledger, requestTimeoutMs: 5_000 }).syncNow();
  for (let n = 1; n <= 5; n += 1)
    await c3.cashier.parties.create({
      name: `Walk-in regular ${n}`,
      phone: `98550000${String(n).padStart(2, '0')}`,
      openingBalancePaise: 0,
    });
  const quietCounterOutbox = pendingCount(c3.t.ledger);
  const enrolment = readSyncState(c3.t.ledger, 'enrolment')!;
  // One batch of two, then the line drops: the server keeps what this push's heartbeat said.
  await pushOnce(
    c3.t.ledger,
    createRemote({ serverUrl: enrolment.serverUrl, deviceToken: enrolment.deviceToken, timeoutMs: 5_000 }),
    { batchSize: 2, appVersion: OLD_VERSION },
  );
  await quietenCounter(shop, 'C3', SILENT_HOURS);

  const me = await shop.owner.accounts.me();
  const evaluation = await evaluateShopAlerts(shop.server.deps, me.shop.id);
  if (evaluation.raised !== 1)
    throw new Error(`expected one alert for the quiet counter, the evaluator said ${JSON.stringify(evaluation)}`);
  return { quietCounterOutbox, cleanup: () => c3.t.cleanup() };
}
