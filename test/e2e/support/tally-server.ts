// For the Tally export e2e: builds the dashboard, then runs the real server (PGlite) with a shop whose counter synced a
// June of hand-worked trade (test/support/tally-shop.ts); prints the URL and the owner's login, stops on SIGTERM.
import path from 'node:path';
import { build } from 'vite';
import { tallyShop } from '../../support/tally-shop';

const ROOT = path.resolve(import.meta.dirname, '../../..');

await build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts'), logLevel: 'warn' });
const { shop, trade } = await tallyShop();
console.log(`TALLY_B2B=${trade.b2b.invoice.number}`);
console.log(`DASHBOARD_URL=${shop.url}`);
console.log('DASHBOARD_LOGIN=asha@example.in');
const stop = () => void shop.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
