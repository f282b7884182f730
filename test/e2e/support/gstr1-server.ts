// For the GSTR-1 e2e: builds the dashboard, then runs the real server (PGlite) with a shop whose counter synced last
// month's hand-worked bills (test/support/gstr1-shop.ts); prints the URL, the owner's login and the month, stops on SIGTERM.
import path from 'node:path';
import { build } from 'vite';
import { gstr1Shop } from '../../support/gstr1-shop';

const ROOT = path.resolve(import.meta.dirname, '../../..');

await build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts'), logLevel: 'warn' });
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
const [year, month] = today.split('-').map(Number) as [number, number];
const last = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
const { shop, tradeMonth } = await gstr1Shop();
await tradeMonth({ sale: `${last}-03`, b2b: `${last}-04`, smallReturn: `${last}-05`, void: `${last}-06` });
console.log(`GSTR1_MONTH=${last}`);
console.log(`DASHBOARD_URL=${shop.url}`);
console.log('DASHBOARD_LOGIN=asha@example.in');
const stop = () => void shop.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
