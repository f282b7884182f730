// For the dashboard's journal column: builds the dashboard, then runs the real server (PGlite) with the report shop,
// whose two counters billed a day of trade and pushed it through the real sync engine (each push carries the counter's
// journal head). Prints the URL and each counter's journal head (its last document's number); stops on SIGTERM.
import path from 'node:path';
import { build } from 'vite';
import { reportShop } from '../../support/report-shop';

const ROOT = path.resolve(import.meta.dirname, '../../..');

await build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts'), logLevel: 'warn' });
const shop = await reportShop({ days: 1 });
for (const counter of shop.counters) {
  const head = counter.t.ledger.sqlite.prepare('SELECT MAX(seq) FROM journal').pluck().get() as number;
  console.log(`JOURNAL_HEAD_${counter.code}=${head}`);
}
console.log(`JOURNAL_SERVER_URL=${shop.url}`);
const stop = () => void shop.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
