// For the e-invoice e2e: builds the dashboard, then runs the real server (PGlite) whose GSP adapter reaches the local
// IRP stand-in (test/support/gsp-standin.ts), with one real counter (a SQLite ledger) whose screens are served too, as
// dev:web serves them. The shop has its GSTIN but no legal name yet, so the owner's switch is first refused.
// The counter works as a shop's does: a B2B bill to Kaveri Traders waits in its outbox and every second it syncs. Once
// that bill has its IRN a second B2B bill is made, which the IRP refuses (a fault the stand-in answers once).
// Prints the dashboard's URL and login, the counter's URL, PIN and the bills' numbers; stops on SIGTERM.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { sql } from 'drizzle-orm';
import { startGspStandin, STANDIN_CREDENTIALS } from '../../support/gsp-standin';
import { asOwner, testConfig } from '../../support/server';
import { syncedShop, type SyncedCounter } from '../../support/sync-shop';
import { itemInput, PINS } from '../../support/ledger';
import { newBridgeToken, startBridge } from '../../../src-main/bridge/ws-bridge';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BUYER_GSTIN = '29AAPFU0939F1ZR';

await build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts'), logLevel: 'warn' });
const standin = await startGspStandin();
const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'galla-irp-')), 'irp-public.pem');
fs.writeFileSync(keyFile, standin.irpPublicKeyPem);
const shop = await syncedShop(['C1'], {
  config: testConfig({
    GSP_BASE_URL: standin.url,
    GSP_CLIENT_ID: STANDIN_CREDENTIALS.clientId,
    GSP_CLIENT_SECRET: STANDIN_CREDENTIALS.clientSecret,
    GSP_API_USER: STANDIN_CREDENTIALS.userName,
    GSP_API_PASSWORD: STANDIN_CREDENTIALS.password,
    IRP_PUBLIC_KEY_FILE: keyFile,
    GSP_TIMEOUT_MS: '5000',
  }),
});
await asOwner(shop.server.database, (db) => db.execute(sql`UPDATE shops SET legal_name = ''`));

const counter = shop.counters[0]!;
const current = await counter.owner.settings.all();
await counter.owner.settings.set({ key: 'shop', value: { ...current.shop!, address: 'Shop 4, MG Road, Pune 411001' } });
const tea = await counter.manager.catalogue.create(
  itemInput({ name: 'Assam tea 1 kg', pricePaise: 45_000, priceIncludesTax: false, gstRateBp: 500, hsn: '0902' }),
);
const buyer = await counter.cashier.parties.create({
  name: 'Kaveri Traders',
  gstin: BUYER_GSTIN,
  stateCode: '29',
  address: '12 MG Road, Bengaluru 560001',
});
const b2bSale = (c: SyncedCounter, qtyMilli: number) =>
  c.cashier.sales.finalize({
    id: randomUUID(),
    partyId: buyer.id,
    lines: [{ itemId: tea.id, qtyMilli }],
    payments: [{ mode: 'cash', amountPaise: 10_00_000 }],
  });
const reported = await b2bSale(counter, 4000);

const token = newBridgeToken();
const bridge = await startBridge({
  ledger: counter.t.ledger,
  port: 0,
  token,
  rendererDir: path.join(ROOT, 'dist', 'renderer'),
});

let refusedNumber: string | null = null;
let stopped = false;
/** What the counter's sync service does: push and pull every second, once the owner has turned e-invoicing on. */
async function counterLoop() {
  while (!stopped) {
    try {
      if ((await shop.owner.einvoice.settings()).enabled) {
        await counter.engine().syncNow();
        const documents = await shop.owner.einvoice.documents({});
        if (!refusedNumber && documents.some((doc) => doc.status === 'generated')) {
          standin.failNextGenerate({ code: '3028', message: `GSTIN - ${BUYER_GSTIN} is invalid` });
          refusedNumber = (await b2bSale(counter, 1000)).invoice.number;
          console.log(`EINVOICE_REFUSED=${refusedNumber}`);
        }
      }
    } catch (error) {
      console.error('counter sync:', error);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
void counterLoop();

console.log(`EINVOICE_INVOICE=${reported.invoice.number}`);
console.log(`COUNTER_URL=${bridge.pageUrl}#token=${token}`);
console.log(`COUNTER_PIN=${PINS.cashier}`);
console.log(`DASHBOARD_URL=${shop.url}`);
console.log('DASHBOARD_LOGIN=asha@example.in');
const stop = async () => {
  stopped = true;
  await bridge.close();
  await standin.close();
  await shop.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
