// For the dashboard's buying-side spec: the real server (PGlite) with the report shop's five days of trade and a back-
// office counter's purchases (purchases-seed.ts); prints the URL, the owner's login and the GSTR-2B file to upload.
import path from 'node:path';
import { build } from 'vite';
import { reportShop } from '../../support/report-shop';
import { seedPurchases } from './purchases-seed';

const ROOT = path.resolve(import.meta.dirname, '../../..');

await build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts'), logLevel: 'warn' });
const shop = await reportShop({ days: 3 });
const { twoBFile } = await seedPurchases(shop);
console.log(`DASHBOARD_2B_FILE=${twoBFile}`);
console.log(`DASHBOARD_URL=${shop.url}`);
console.log('DASHBOARD_LOGIN=asha@example.in');
const stop = () => void shop.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
