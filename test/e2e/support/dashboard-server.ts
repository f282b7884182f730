// For the dashboard e2e: builds the dashboard, then runs the real server (PGlite) with a shop whose two counters have
// synced five days of trade through the real sync procedures, plus the monitoring seed (heartbeats, a quiet counter
// and its alert); prints the URL, the owner's login, the quiet counter's outbox and when the server last heard from each
// counter (what the overview's "last sync" is counted from), stops on SIGTERM.
import path from 'node:path';
import { build } from 'vite';
import { reportShop } from '../../support/report-shop';
import { seedMonitoring } from './monitoring-seed';

const ROOT = path.resolve(import.meta.dirname, '../../..');

await build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts'), logLevel: 'warn' });
const shop = await reportShop({ days: 5 });
const monitoring = await seedMonitoring(shop);
console.log(`DASHBOARD_QUIET_OUTBOX=${monitoring.quietCounterOutbox}`);
// The same overview the dashboard's first screen reads: the seed takes minutes on a loaded machine, so the spec needs
// the server's own sync times to know what "last sync …" must say, not a guess at how long the seed took.
const { counters } = await shop.owner.reports.overview();
const synced = counters.map((counter) => `${counter.counterCode}@${counter.lastSeenAt ?? 'never'}`).join(',');
console.log(`DASHBOARD_LAST_SYNC=${synced}`);
console.log(`DASHBOARD_URL=${shop.url}`);
console.log('DASHBOARD_LOGIN=asha@example.in');
const stop = () =>
  void shop
    .close()
    .then(() => monitoring.cleanup())
    .then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
