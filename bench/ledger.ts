// Ledger speed rows on the cached million-bill ledger, each write beside a plain-SQL baseline of the same rows.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { openLedger, type Ledger } from '../src-main/ledger/ledger';
import { finalizeSale } from '../src-main/ledger/sales/service';
import { finalisePurchase } from '../src-main/ledger/purchases/service';
import { createParty } from '../src-main/ledger/parties/service';
import { businessDate } from '../src-main/ledger/ledger';
import { lookupCode, searchItems } from '../src-main/ledger/catalogue/service';
import { partyStatement } from '../src-main/ledger/khata/service';
import { salesSummary } from '../src-main/ledger/reports/service';
import { currentSession, openSession } from '../src-main/ledger/cash-sessions/service';
import { ensureBenchLedger, type BenchScale } from './ledger-data';
import { measure, type BenchRow } from './stats';

const COMPACT = new Intl.NumberFormat('en', { notation: 'compact' });

export async function ledgerBench(scale: BenchScale, log: (line: string) => void): Promise<BenchRow[]> {
  const data = ensureBenchLedger(scale, log);
  // Writes go to a copy, so the cached ledger stays as generated (and its invariants true) for the next run.
  const file = `${data.file}.work`;
  fs.copyFileSync(data.file, file);
  const ledger = openLedger({ file });
  const actor = { staffId: data.cashierId, role: 'manager' as const };
  try {
    if (!currentSession(ledger)) openSession(ledger, actor, { openingFloatPaise: 0 });
    const rows: BenchRow[] = [];
    const fiveLines = (i: number) =>
      Array.from({ length: 5 }, (_, n) => ({
        itemId: data.itemIds[(Math.abs(i) * 7 + n * 13) % data.itemIds.length]!,
        qtyMilli: 1000,
        discount: null,
      }));

    rows.push(
      measure(
        'finalise a 5-line bill (fsync on)',
        { runs: 1000, target: 5 },
        (i) => fiveLines(i),
        (lines) =>
          finalizeSale(ledger, actor, {
            deliveryAddress: '',
            id: randomUUID(),
            partyId: null,
            heldBillId: null,
            billDiscount: null,
            lines,
            payments: [{ mode: 'cash', amountPaise: 100_000_000, reference: '' }],
          }),
      ),
    );
    rows.push(baselineFinalise(ledger, data.itemIds));
    // The labels state the generated scale (GALLA_BENCH_ITEMS and GALLA_BENCH_INVOICES choose smaller ledgers).
    const items = `${COMPACT.format(data.itemIds.length)} items`;
    rows.push(
      measure(
        `item lookup by barcode (${items})`,
        { runs: 5000, target: 2 },
        (i) => data.barcodes[Math.abs(i) % data.barcodes.length]!,
        (code) => lookupCode(ledger, code),
      ),
    );
    const prefixes = data.names.map((name) => name.split(' ')[1]!.slice(0, 3));
    rows.push(
      measure(
        `item search by name prefix (${items})`,
        { runs: 2000, target: 10 },
        (i) => prefixes[Math.abs(i) % prefixes.length]!,
        (prefix) => searchItems(ledger, prefix, 20),
      ),
    );
    const last = data.days.at(-1)!;
    const entries = partyStatement(ledger, { partyId: data.bigPartyId, from: data.days[0]!, to: last }).rows.length;
    rows.push(
      measure(
        `party statement, ${entries.toLocaleString('en-IN')} entries`,
        { runs: 100, target: 20 },
        () => data.bigPartyId,
        (partyId) => partyStatement(ledger, { partyId, from: data.days[0]!, to: last }),
      ),
    );
    rows.push(
      measure(
        'day sales summary',
        { runs: 200, target: 50 },
        (i) => data.days[Math.abs(i) % data.days.length]!,
        (day) => salesSummary(ledger, { from: day, to: day }),
      ),
    );
    const months = [...new Set(data.days.map((day) => day.slice(0, 7)))];
    rows.push(
      measure(
        'month sales summary',
        { runs: 50, target: 50 },
        (i) => months[Math.abs(i) % months.length]!,
        (month) => salesSummary(ledger, { from: `${month}-01`, to: `${month}-31` }),
      ),
    );
    const ratio = rows[0]!.p50 / rows[1]!.p50;
    rows[1]!.note = `ours/baseline at p50: ${ratio.toFixed(2)}×`;
    rows.push(...purchaseRows(ledger, data.itemIds, data.cashierId));
    return rows;
  } finally {
    ledger.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
}

/**
 * A supplier's 10-line bill (freight spread, stock in, moving-average cost, payable entry, journal, outbox) with the
 * sales bill's target, beside the same rows written as plain prepared statements.
 */
function purchaseRows(ledger: Ledger, itemIds: string[], staffId: string): BenchRow[] {
  const manager = { staffId, role: 'manager' as const };
  const supplier = ledger.transaction(() =>
    createParty(ledger, manager, {
      kind: 'supplier',
      name: `Bench supplier ${randomUUID().slice(0, 8)}`,
      phone: '',
      gstin: null,
      stateCode: null,
      address: '',
      creditLimitPaise: null,
      creditLimitPolicy: 'warn',
      openingBalancePaise: 0,
    }),
  );
  const today = businessDate(ledger.clock());
  const tenLines = (i: number) =>
    Array.from({ length: 10 }, (_, n) => ({
      itemId: itemIds[(Math.abs(i) * 11 + n * 17) % itemIds.length]!,
      qtyMilli: 12_000,
      freeQtyMilli: n % 3 === 0 ? 1000 : 0,
      ratePaise: 4_250 + n,
      discountPaise: 100,
      gstRateBp: 1800,
      cessRateBp: 0,
      hsn: '',
    }));
  const ours = measure(
    'finalise a 10-line purchase bill (fsync on)',
    { runs: 1000, target: 5 },
    (i) => ({ i, lines: tenLines(i) }),
    ({ i, lines }) =>
      finalisePurchase(ledger, manager, {
        id: randomUUID(),
        supplierId: supplier.id,
        supplierInvoiceNumber: `B${i}-${randomUUID().slice(0, 6)}`,
        supplierInvoiceDate: today,
        reverseCharge: false,
        ratesIncludeTax: false,
        freightPaise: 1_500,
        lines,
        payments: [{ mode: 'cash', amountPaise: 10_000, reference: '', chequeDate: null }],
      }),
  );
  const baseline = baselinePurchase(ledger, itemIds);
  baseline.note = `ours/baseline at p50: ${(ours.p50 / baseline.p50).toFixed(2)}×`;
  return [ours, baseline];
}

/** The rows a 10-line purchase bill writes, from the last one recorded, as plain prepared statements (fsync on). */
function baselinePurchase(ledger: Ledger, itemIds: string[]): BenchRow {
  const { sqlite } = ledger;
  const inserter = (table: string) => {
    const names = (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter(
      (name) => name !== 'seq',
    );
    return sqlite.prepare(
      `INSERT INTO ${table} (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`,
    );
  };
  const template = <T>(sql: string) => sqlite.prepare(sql).get() as T;
  const bill = template<Record<string, unknown>>('SELECT * FROM purchase_bills ORDER BY rowid DESC LIMIT 1');
  const of = `WHERE purchase_bill_id = '${String(bill.id)}' LIMIT 1`;
  const line = template<Record<string, unknown>>(`SELECT * FROM purchase_bill_lines ${of}`);
  const payment = template<Record<string, unknown>>(`SELECT * FROM purchase_bill_payments ${of}`);
  const entry = template<Record<string, unknown>>('SELECT * FROM payable_entries ORDER BY rowid DESC LIMIT 1');
  const movement = template<Record<string, unknown>>('SELECT * FROM stock_movements ORDER BY rowid DESC LIMIT 1');
  const insert = {
    bill: inserter('purchase_bills'),
    line: inserter('purchase_bill_lines'),
    payment: inserter('purchase_bill_payments'),
    entry: inserter('payable_entries'),
    movement: inserter('stock_movements'),
    journal: inserter('journal'),
    outbox: inserter('outbox'),
  };
  const updateItem = sqlite.prepare(
    'UPDATE items SET stock_milli = stock_milli + 12000, cost_paise = cost_paise + 1 WHERE id = ?',
  );
  const updatePayable = sqlite.prepare('UPDATE parties SET payable_paise = payable_paise + ? WHERE id = ?');
  const write = sqlite.transaction((i: number) => {
    const id = randomUUID();
    insert.bill.run({ ...bill, id, number: `PB${i}-${id.slice(0, 8)}`, supplier_invoice_key: id });
    for (let n = 0; n < 10; n += 1) {
      const itemId = itemIds[(i * 11 + n * 17) % itemIds.length];
      insert.line.run({ ...line, id: randomUUID(), purchase_bill_id: id, line_no: n + 1, item_id: itemId });
      insert.movement.run({ ...movement, id: randomUUID(), item_id: itemId, doc_id: id });
      updateItem.run(itemId);
    }
    insert.payment.run({ ...payment, id: randomUUID(), purchase_bill_id: id });
    insert.entry.run({ ...entry, id: randomUUID(), doc_id: id });
    updatePayable.run(entry.amount_paise, entry.party_id);
    insert.journal.run({ doc_type: 'purchase_bill', doc_id: id, prev_hash: bill.hash, hash: bill.hash });
    insert.outbox.run({
      op_id: randomUUID(),
      entity: 'purchase_bill',
      entity_id: id,
      payload: JSON.stringify(bill),
      created_at: bill.created_at,
      sent_at: null,
    });
  });
  return measure(
    'baseline: same rows of a purchase bill, plain prepared statements',
    { runs: 1000, target: null },
    (i) => Math.abs(i),
    (i) => write.immediate(i),
  );
}

/**
 * The same rows a 5-line bill writes (invoice, 5 lines, payment, 5 stock movements and stock updates, journal, outbox),
 * as plain prepared statements in one IMMEDIATE transaction with fsync on: what SQLite costs without our code.
 */
function baselineFinalise(ledger: Ledger, itemIds: string[]): BenchRow {
  const { sqlite } = ledger;
  const columns = (table: string) =>
    (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter(
      (name) => name !== 'seq',
    );
  const inserter = (table: string) => {
    const names = columns(table);
    return sqlite.prepare(
      `INSERT INTO ${table} (${names.map((name) => `"${name}"`).join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`,
    );
  };
  const template = <T>(sql: string) => sqlite.prepare(sql).get() as T;
  const invoice = template<Record<string, unknown>>('SELECT * FROM invoices ORDER BY rowid DESC LIMIT 1');
  const line = template<Record<string, unknown>>(
    `SELECT * FROM invoice_lines WHERE invoice_id = '${String(invoice.id)}' LIMIT 1`,
  );
  const payment = template<Record<string, unknown>>(
    `SELECT * FROM payments WHERE doc_id = '${String(invoice.id)}' LIMIT 1`,
  );
  const movement = template<Record<string, unknown>>('SELECT * FROM stock_movements ORDER BY rowid DESC LIMIT 1');
  const insert = {
    invoice: inserter('invoices'),
    line: inserter('invoice_lines'),
    payment: inserter('payments'),
    movement: inserter('stock_movements'),
    journal: inserter('journal'),
    outbox: inserter('outbox'),
  };
  const updateStock = sqlite.prepare('UPDATE items SET stock_milli = stock_milli - 1000 WHERE id = ?');
  const write = sqlite.transaction((i: number) => {
    const id = randomUUID();
    insert.invoice.run({ ...invoice, id, number: `B${i}-${id.slice(0, 8)}` });
    for (let n = 0; n < 5; n += 1) {
      const itemId = itemIds[(i * 7 + n * 13) % itemIds.length];
      insert.line.run({ ...line, id: randomUUID(), invoice_id: id, line_no: n + 1, item_id: itemId });
      insert.movement.run({ ...movement, id: randomUUID(), item_id: itemId, doc_id: id });
      updateStock.run(itemId);
    }
    insert.payment.run({ ...payment, id: randomUUID(), doc_id: id });
    insert.journal.run({ doc_type: 'invoice', doc_id: id, prev_hash: invoice.hash, hash: invoice.hash });
    insert.outbox.run({
      op_id: randomUUID(),
      entity: 'invoice',
      entity_id: id,
      payload: JSON.stringify(invoice),
      created_at: invoice.created_at,
      sent_at: null,
    });
  });
  return measure(
    'baseline: same rows, plain prepared statements',
    { runs: 1000, target: null },
    (i) => Math.abs(i),
    (i) => write.immediate(i),
  );
}
