// For the dashboard e2e: builds the dashboard, then runs the real server (PGlite) with a shop whose two counters have
// synced five days of trade through the real sync procedures; prints the URL and the owner's login, stops on SIGTERM.
import path from 'node:path';
import { build } from 'vite';
import { reportShop } from '../../support/report-shop';

const ROOT = path.resolve(import.meta.dirname, '../../..');

await build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts'), logLevel: 'warn' });
const shop = await reportShop({ days: 5 });
console.log(`DASHBOARD_URL=${shop.url}`);
console.log('DASHBOARD_LOGIN=asha@example.in');
const stop = () => void shop.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
