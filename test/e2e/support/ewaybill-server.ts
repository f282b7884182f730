// For the e-way bill e2e: builds the dashboard, then runs the real server (PGlite) with a shop whose real counter synced
// a ₹1,50,000 television to Karnataka (test/support/ewb-shop.ts), the server reaching a local e-way bill API stand-in;
// prints the URL, the owner's login and the invoice number, stops on SIGTERM.
import path from 'node:path';
import { build } from 'vite';
import { ewbShop } from '../../support/ewb-shop';

const ROOT = path.resolve(import.meta.dirname, '../../..');

await build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts'), logLevel: 'warn' });
const fixture = await ewbShop({ timeoutMs: 10_000 });
console.log(`EWB_INVOICE=${fixture.sales.television.invoice.number}`);
console.log(`DASHBOARD_URL=${fixture.shop.url}`);
console.log('DASHBOARD_LOGIN=asha@example.in');
const stop = () => void fixture.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
