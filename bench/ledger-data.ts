// Seeded generator of a realistic shop ledger for the bench (items, parties, years of bills), cached between runs.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { fakerEN_IN as faker } from '@faker-js/faker';
import { openLedger, type Ledger } from '../src-main/ledger/ledger';
import { MIGRATIONS_FOLDER } from '../src-main/db/migrate';
import { setupOwner, createStaff } from '../src-main/ledger/staff/service';
import { setSetting } from '../src-main/ledger/settings/service';
import { insertItem } from '../src-main/ledger/catalogue/service';
import { createParty } from '../src-main/ledger/parties/service';
import { openSession, closeSession } from '../src-main/ledger/cash-sessions/service';
import { finalizeSale } from '../src-main/ledger/sales/service';
import { receivePayment } from '../src-main/ledger/khata/service';
import type { PaymentMode } from '../src-shared/contracts/sales';
import { computeInvoiceTotals } from '../src-shared/sales/totals';

export interface BenchScale {
  invoices: number;
  items: number;
  parties: number;
  seed: number;
}

export interface BenchLedger {
  file: string;
  itemIds: string[];
  barcodes: string[];
  names: string[];
  partyIds: string[];
  /** The customer with 10,000 khata entries, for the statement bench. */
  bigPartyId: string;
  cashierId: string;
  days: string[];
}

const CACHE = path.join(path.dirname(new URL(import.meta.url).pathname), '.cache');
const GST = [0, 500, 500, 1200, 1800, 1800, 1800, 2800];
const UNITS = ['pcs', 'pcs', 'pcs', 'kg', 'l'] as const;
const BIG_PARTY_ENTRIES = 10_000;

function ean13(twelve: string): string {
  const sum = [...twelve].reduce((acc, digit, index) => acc + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return twelve + ((10 - (sum % 10)) % 10);
}

function cacheKey(scale: BenchScale): string {
  const migrations = fs
    .readdirSync(MIGRATIONS_FOLDER)
    .filter((name) => name.endsWith('.sql'))
    .map((name) => fs.readFileSync(path.join(MIGRATIONS_FOLDER, name), 'utf8'));
  const digest = createHash('sha256')
    .update(JSON.stringify({ scale, migrations, generator: 3 }))
    .digest('hex')
    .slice(0, 12);
  return `ledger-${scale.invoices}-${digest}`;
}

/** Returns the cached ledger for this scale, generating it first if needed (minutes for a million bills). */
export function ensureBenchLedger(scale: BenchScale, log: (line: string) => void): BenchLedger {
  fs.mkdirSync(CACHE, { recursive: true });
  const key = cacheKey(scale);
  const file = path.join(CACHE, `${key}.db`);
  const meta = path.join(CACHE, `${key}.json`);
  if (fs.existsSync(file) && fs.existsSync(meta)) return JSON.parse(fs.readFileSync(meta, 'utf8')) as BenchLedger;
  for (const stale of fs.readdirSync(CACHE)) fs.rmSync(path.join(CACHE, stale), { force: true });
  const started = Date.now();
  const result = generate(file, scale, log);
  fs.writeFileSync(meta, JSON.stringify(result));
  log(`generated ${scale.invoices} invoices in ${Math.round((Date.now() - started) / 1000)} s → ${file}`);
  return result;
}

function generate(file: string, scale: BenchScale, log: (line: string) => void): BenchLedger {
  faker.seed(scale.seed);
  const days: string[] = [];
  const firstDay = new Date('2024-04-01T09:00:00');
  const dayCount = Math.max(30, Math.min(730, Math.ceil(scale.invoices / 1000)));
  let now = new Date(firstDay);
  const ledger = openLedger({ file, clock: () => now });
  // Generation only: no fsync per bill. The measurements reopen the file with synchronous=FULL.
  ledger.sqlite.pragma('synchronous = OFF');
  const owner = setupOwner(ledger, { name: 'Owner', pin: '1111' });
  const ownerActor = { staffId: owner.id, role: 'owner' as const };
  const cashier = createStaff(ledger, ownerActor, { name: 'Cashier', role: 'cashier', pin: '3333' });
  const cashierActor = { staffId: cashier.id, role: 'manager' as const };
  setSetting(ledger, ownerActor, 'shop', {
    name: 'Bench Kirana',
    address: 'Pune',
    phone: '',
    gstin: '27AAPFU0939F1ZV',
    stateCode: '27',
    upiId: '',
    receiptFooter: '',
  });

  const itemIds: string[] = [];
  const prices: ItemPrice[] = [];
  const barcodes: string[] = [];
  const names: string[] = [];
  batch(ledger, scale.items, 5_000, (i) => {
    const barcode = ean13(`890${String(1_000_000_000 + i).slice(1)}`);
    const name = `${faker.commerce.productAdjective()} ${faker.commerce.product()} ${faker.number.int({ min: 1, max: 20 }) * 50}${faker.helpers.arrayElement(['g', 'ml', 'kg', 'pc'])}`;
    const item = insertItem(ledger, ownerActor, {
      sku: `SKU${i}`,
      name,
      unit: faker.helpers.arrayElement(UNITS),
      pricePaise: faker.number.int({ min: 5, max: 2_000 }) * 100,
      priceIncludesTax: faker.datatype.boolean({ probability: 0.8 }),
      costPaise: faker.number.int({ min: 4, max: 1_500 }) * 100,
      gstRateBp: faker.helpers.arrayElement(GST),
      cessRateBp: 0,
      hsn: String(faker.number.int({ min: 1000, max: 9999 })),
      plu: null,
      barcodes: [barcode],
      reorderLevelMilli: 5_000,
      category: faker.commerce.department(),
      openingStockMilli: 1_000_000,
    });
    itemIds.push(item.id);
    prices.push(item);
    barcodes.push(barcode);
    names.push(name);
  });
  log(`  ${scale.items} items`);
  const partyIds: string[] = [];
  batch(ledger, scale.parties, 5_000, () =>
    partyIds.push(
      createParty(ledger, ownerActor, {
        kind: 'customer',
        name: faker.person.fullName(),
        phone: `9${faker.string.numeric(9)}`,
        gstin: null,
        stateCode: null,
        address: '',
        creditLimitPaise: null,
        creditLimitPolicy: 'warn',
        openingBalancePaise: 0,
      }).id,
    ),
  );
  const bigPartyId = partyIds[0]!;
  log(`  ${scale.parties} parties`);

  const perDay = Math.ceil(scale.invoices / dayCount);
  // The big customer's sales and payments are spread over the whole period, half each: 10,000 khata entries.
  const bigEvery = Math.max(1, Math.floor(scale.invoices / (BIG_PARTY_ENTRIES / 2)));
  let made = 0;
  for (let day = 0; day < dayCount && made < scale.invoices; day += 1) {
    const date = new Date(firstDay.getTime() + day * 86_400_000);
    days.push(date.toISOString().slice(0, 10));
    now = date;
    ledger.transaction(() => {
      openSession(ledger, cashierActor, { openingFloatPaise: 200_000 });
      for (let n = 0; n < perDay && made < scale.invoices; n += 1, made += 1) {
        now = new Date(date.getTime() + Math.floor((n / perDay) * 12 * 3_600_000));
        const forBig = made % bigEvery === 0;
        sell(ledger, cashierActor, prices, partyIds, forBig ? bigPartyId : null);
        if (forBig)
          receivePayment(ledger, cashierActor, {
            id: randomUUID(),
            partyId: bigPartyId,
            amountPaise: 100,
            mode: 'upi',
            reference: '',
            asAdvance: true,
          });
      }
      closeSession(ledger, cashierActor, { countedPaise: 0, note: '' });
      // A synced counter purges what the server has acknowledged; the bench ledger is such a counter.
      ledger.sqlite.exec('DELETE FROM outbox');
    });
    if (day % 30 === 0) log(`  ${made} invoices`);
  }
  ledger.sqlite.exec('ANALYZE');
  ledger.close();
  return {
    file,
    itemIds,
    barcodes: barcodes.filter((_, i) => i % 97 === 0),
    names: names.filter((_, i) => i % 97 === 0),
    partyIds,
    bigPartyId,
    cashierId: cashier.id,
    days,
  };
}

function batch(ledger: Ledger, count: number, size: number, make: (i: number) => void): void {
  for (let start = 0; start < count; start += size)
    ledger.transaction(() => {
      for (let i = start; i < Math.min(count, start + size); i += 1) make(i);
    });
}

interface ItemPrice {
  id: string;
  pricePaise: number;
  priceIncludesTax: boolean;
  gstRateBp: number;
  cessRateBp: number;
}

function sell(
  ledger: Ledger,
  actor: { staffId: string; role: 'manager' },
  items: ItemPrice[],
  partyIds: string[],
  khataParty: string | null,
): void {
  const lineCount = faker.helpers.weightedArrayElement([
    { weight: 4, value: 1 },
    { weight: 4, value: 2 },
    { weight: 3, value: 3 },
    { weight: 2, value: 5 },
    { weight: 1, value: 8 },
  ]);
  const chosen = Array.from({ length: lineCount }, () => ({
    item: faker.helpers.arrayElement(items),
    qtyMilli: faker.number.int({ min: 1, max: 3 }) * 1000,
  }));
  const partyId = khataParty ?? (faker.number.int(9) === 0 ? faker.helpers.arrayElement(partyIds) : null);
  const mode: PaymentMode = khataParty
    ? 'khata'
    : faker.helpers.weightedArrayElement([
        { weight: 5, value: 'cash' },
        { weight: 4, value: 'upi' },
        { weight: 1, value: 'card' },
      ]);
  const { totalPaise } = computeInvoiceTotals({
    interState: false,
    roundOff: true,
    lines: chosen.map(({ item, qtyMilli }) => ({ ...item, qtyMilli, unitPricePaise: item.pricePaise })),
  });
  // Cash is tendered in round notes, so the ledger gives change; UPI, card and khata pay the exact total.
  const amountPaise = mode === 'cash' ? Math.ceil((totalPaise + 1) / 50_000) * 50_000 : totalPaise;
  finalizeSale(ledger, actor, {
    deliveryAddress: '',
    id: randomUUID(),
    partyId,
    heldBillId: null,
    billDiscount: null,
    lines: chosen.map(({ item, qtyMilli }) => ({ itemId: item.id, qtyMilli, discount: null })),
    payments: [{ mode, amountPaise, reference: '' }],
  });
}
