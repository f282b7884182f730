// Every stored field of every chained document is covered by its hash: change any one of them in the file and
// journal.verify names that document. The fields are read from the database itself (PRAGMA table_info), so a column
// added later that the hash does not see fails here.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../src-main/ledger/journal/service';
import { JOURNAL_DOC_TYPES, type JournalDocType } from '../../../src-main/ledger/journal/schema';
import { invoiceLines, invoices } from '../../../src-main/ledger/sales/schema';
import { creditNoteLines, creditNotes } from '../../../src-main/ledger/returns/schema';
import { receiptReversals, receipts } from '../../../src-main/ledger/khata/schema';
import { payments } from '../../../src-main/ledger/payments/schema';
import {
  debitNoteLines,
  debitNotes,
  purchaseBillLines,
  purchaseBillPayments,
  purchaseBills,
} from '../../../src-main/ledger/purchases/schema';
import { shopBusinessDate } from '../../../src-shared/shop-time';
import { supplierPayments } from '../../../src-main/ledger/payables/schema';
import { itemInput, PINS, shopWithStaff, type Shop } from '../../support/ledger';

/** Where each chained document type keeps its rows: its header, and the rows that belong to it. */
const STORED_IN: Record<JournalDocType, { table: Table; belongs: string }[]> = {
  invoice: [
    { table: invoices, belongs: 'id = :doc' },
    { table: invoiceLines, belongs: 'invoice_id = :doc' },
    { table: payments, belongs: "doc_type = 'invoice' AND doc_id = :doc" },
  ],
  credit_note: [
    { table: creditNotes, belongs: 'id = :doc' },
    { table: creditNoteLines, belongs: 'credit_note_id = :doc' },
    { table: payments, belongs: "doc_type = 'credit_note' AND doc_id = :doc" },
  ],
  receipt: [
    { table: receipts, belongs: 'id = :doc' },
    { table: payments, belongs: "doc_type = 'receipt' AND doc_id = :doc" },
  ],
  receipt_reversal: [
    { table: receiptReversals, belongs: 'id = :doc' },
    { table: payments, belongs: "doc_type = 'receipt_reversal' AND doc_id = :doc" },
  ],
  purchase_bill: [
    { table: purchaseBills, belongs: 'id = :doc' },
    { table: purchaseBillLines, belongs: 'purchase_bill_id = :doc' },
    { table: purchaseBillPayments, belongs: 'purchase_bill_id = :doc' },
  ],
  debit_note: [
    { table: debitNotes, belongs: 'id = :doc' },
    { table: debitNoteLines, belongs: 'debit_note_id = :doc' },
  ],
  supplier_payment: [{ table: supplierPayments, belongs: 'id = :doc' }],
};

/** One stored value: a column of one row that belongs to one chained document. */
interface Field {
  docType: JournalDocType;
  docId: string;
  table: string;
  rowid: number;
  column: string;
  value: unknown;
  /** The column's declared type (integer, text…), for a forged value of the same kind where it is empty. */
  sqlType: string;
  /** Stored as 0/1 and read as true/false: the only other value that means something different is the flip. */
  boolean: boolean;
}

let shop: Shop;
let fields: Field[] = [];

/** A ledger with one of each chained document, each with every optional part filled in where the trade allows. */
async function ledgerWithEveryDocument() {
  shop = await shopWithStaff();
  const soap = await shop.manager.catalogue.create(itemInput({ pricePaise: 5_900, gstRateBp: 1800, hsn: '3401' }));
  const rice = await shop.manager.catalogue.create(
    itemInput({ sku: 'RICE', name: 'Rice', unit: 'kg', pricePaise: 6_000, gstRateBp: 500, hsn: '1006' }),
  );
  const trader = await shop.cashier.parties.create({ name: 'Karnataka trader', gstin: '29AAPFU0939F1ZR' });
  const sale = await shop.manager.sales.finalize({
    id: randomUUID(),
    partyId: trader.id,
    billDiscount: { kind: 'percent', bp: 500 },
    lines: [
      { itemId: soap.id, qtyMilli: 2000, discount: { kind: 'amount', paise: 100 } },
      { itemId: rice.id, qtyMilli: 1_250 },
    ],
    payments: [
      { mode: 'upi', amountPaise: 5_000, reference: 'UPI-4711' },
      { mode: 'khata', amountPaise: 3_000 },
      { mode: 'cash', amountPaise: 20_000 },
    ],
  });
  expect(sale.invoice.changePaise).toBeGreaterThan(0);
  await shop.cashier.sales.finalize({
    id: randomUUID(),
    lines: [{ itemId: soap.id, qtyMilli: 1000 }],
    payments: [{ mode: 'card', amountPaise: 5_900, reference: 'AUTH 0042' }],
  });
  await shop.manager.returns.create({
    id: randomUUID(),
    invoiceId: sale.invoice.id,
    lines: [
      { invoiceLineId: sale.lines[0]!.id, qtyMilli: 1000 },
      { invoiceLineId: sale.lines[1]!.id, qtyMilli: 250 },
    ],
    refundMode: 'cash',
    reason: 'damaged',
  });
  const receipt = await shop.cashier.khata.receivePayment({
    id: randomUUID(),
    partyId: trader.id,
    amountPaise: 1_000,
    mode: 'upi',
    reference: 'UPI-99',
  });
  await shop.cashier.khata.receivePayment({ id: randomUUID(), partyId: trader.id, amountPaise: 500, mode: 'cash' });
  await shop.cashier.khata.reverseReceipt({
    id: randomUUID(),
    receiptId: receipt.receipt.id,
    reason: 'entered twice',
    approval: { staffId: shop.ids.manager, pin: PINS.manager },
  });
  // A supplier's bill (reverse charge, freight, free goods, a cheque paid) and a return to the supplier against it.
  const supplier = await shop.manager.parties.create({
    kind: 'supplier',
    name: 'Karnataka wholesaler',
    gstin: '29AAPFU0939F1ZR',
  });
  const bill = await shop.manager.purchases.finalise({
    id: randomUUID(),
    supplierId: supplier.id,
    supplierInvoiceNumber: 'KW/77',
    supplierInvoiceDate: shopBusinessDate(new Date()),
    reverseCharge: true,
    freightPaise: 1_500,
    lines: [
      {
        itemId: soap.id,
        qtyMilli: 5_000,
        freeQtyMilli: 1_000,
        ratePaise: 3_000,
        discountPaise: 500,
        gstRateBp: 1800,
        cessRateBp: 100,
        hsn: '3401',
      },
      { itemId: rice.id, qtyMilli: 10_000, ratePaise: 4_000, gstRateBp: 500, hsn: '1006' },
    ],
    payments: [{ mode: 'cheque', amountPaise: 10_000, reference: '000123', chequeDate: shopBusinessDate(new Date()) }],
  });
  const billLines = (await shop.manager.purchases.get({ id: bill.id })).lines;
  await shop.manager.purchases.returnToSupplier({
    id: randomUUID(),
    purchaseBillId: bill.id,
    lines: billLines.map((line) => ({ purchaseBillLineId: line.id, qtyMilli: 1_000 })),
    reason: 'broken',
  });
  // A cheque fills every optional field of a supplier payment: its number (reference) and its date.
  const wholesaler = await shop.manager.parties.create({
    kind: 'supplier',
    name: 'Shree Traders',
    openingBalancePaise: 90_000,
  });
  await shop.manager.payables.pay({
    id: randomUUID(),
    supplierId: wholesaler.id,
    amountPaise: 40_000,
    mode: 'cheque',
    reference: '004711',
    chequeDate: '2026-03-31',
  });
}

function storedFields(): Field[] {
  const { sqlite } = shop.t.ledger;
  const chained = sqlite.prepare('SELECT doc_type AS docType, doc_id AS docId FROM journal ORDER BY seq').all() as {
    docType: JournalDocType;
    docId: string;
  }[];
  const found: Field[] = [];
  for (const { docType, docId } of chained)
    for (const { table, belongs } of STORED_IN[docType]) {
      const name = getTableName(table);
      const booleans = new Set(
        Object.values(getTableColumns(table))
          .filter((column) => column.columnType === 'SQLiteBoolean')
          .map((column) => column.name),
      );
      const columns = sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string }[];
      const rows = sqlite
        .prepare(`SELECT rowid AS "rowid", * FROM "${name}" WHERE ${belongs.replace(':doc', '?')}`)
        .all(docId) as Record<string, unknown>[];
      for (const row of rows)
        for (const column of columns)
          found.push({
            docType,
            docId,
            table: name,
            rowid: row.rowid as number,
            column: column.name,
            value: row[column.name],
            sqlType: column.type.toLowerCase(),
            boolean: booleans.has(column.name),
          });
    }
  return found;
}

/** A different value of the same kind as the stored one: another number, other text, the other truth value. */
function forged(field: Field, delta: number, suffix: string): unknown {
  if (field.boolean) return field.value === 1 ? 0 : 1;
  if (field.value === null) return field.sqlType === 'integer' ? delta : suffix;
  if (typeof field.value === 'number') return field.value + delta;
  return `${String(field.value)}${suffix}`;
}

/**
 * Changes one field as someone with the file would (triggers and foreign keys out of the way), checks, puts it back.
 * Null when the database itself refuses the value (a line number or id already taken): no forgery to find.
 */
function verifyWithForgery(field: Field, value: unknown) {
  const { sqlite } = shop.t.ledger;
  sqlite.exec('SAVEPOINT forgery');
  try {
    let changed: number;
    try {
      changed = sqlite
        .prepare(`UPDATE "${field.table}" SET "${field.column}" = ? WHERE rowid = ?`)
        .run(value, field.rowid).changes;
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) return null;
      throw error;
    }
    expect(changed).toBe(1);
    return verifyJournal(shop.t.ledger);
  } finally {
    sqlite.exec('ROLLBACK TO forgery');
    sqlite.exec('RELEASE forgery');
  }
}

beforeAll(async () => {
  await ledgerWithEveryDocument();
  const { sqlite } = shop.t.ledger;
  const triggers = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%immutable%'")
    .pluck()
    .all() as string[];
  for (const name of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  sqlite.pragma('foreign_keys = OFF');
  fields = storedFields();
});
afterAll(() => shop?.t.cleanup());

describe('the hash covers every stored field of every chained document', () => {
  it('the ledger holds each chained document type, and verifies untouched', () => {
    expect(new Set(fields.map((field) => field.docType))).toEqual(new Set(JOURNAL_DOC_TYPES));
    // Every part of each document is present to be forged: header, lines, payments or refunds.
    for (const docType of JOURNAL_DOC_TYPES)
      expect(new Set(fields.filter((field) => field.docType === docType).map((field) => field.table)), docType).toEqual(
        new Set(STORED_IN[docType].map(({ table }) => getTableName(table))),
      );
    expect(verifyJournal(shop.t.ledger)).toMatchObject({ ok: true, documents: 9 });
  });

  it('changing any one field of an invoice, a credit note, a receipt, a reversal, a purchase bill or a debit note makes verify name that document', () => {
    const fieldArb = fc.constantFrom(...fields);
    const deltaArb = fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((n) => n !== 0);
    const suffixArb = fc.string({ minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fieldArb, deltaArb, suffixArb, (field, delta, suffix) => {
        const verdict = verifyWithForgery(field, forged(field, delta, suffix));
        fc.pre(verdict !== null);
        expect(verdict, `${field.docType} ${field.table}.${field.column}`).toMatchObject({
          ok: false,
          docType: field.docType,
          docId: field.docId,
        });
      }),
      // Every field once for certain (the examples, with a value no other row holds), then random fields and values.
      { examples: fields.map((field) => [field, 1_000_003, 'x'] as [Field, number, string]), numRuns: 300 },
    );
  });
});
