// The tamper-evident journal: every document is chained; any edit, deletion or reordering is found; the database refuses edits.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { verifyJournal } from '../../../src-main/ledger/journal/service';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

async function shopWithDocuments() {
  shop = await shopWithStaff();
  const item = await shop.manager.catalogue.create(itemInput());
  const party = await shop.cashier.parties.create({ name: 'Sunita', phone: '9822222222' });
  const sales = [];
  for (let n = 0; n < 3; n += 1) {
    sales.push(
      await shop.cashier.sales.finalize({
        id: randomUUID(),
        partyId: party.id,
        lines: [{ itemId: item.id, qtyMilli: 1000 * (n + 1) }],
        payments: [{ mode: 'khata', amountPaise: 5900 * (n + 1) }],
      }),
    );
  }
  const receipt = await shop.cashier.khata.receivePayment({
    id: randomUUID(),
    partyId: party.id,
    amountPaise: 5000,
    mode: 'cash',
  });
  const credit = await shop.manager.returns.create({
    id: randomUUID(),
    invoiceId: sales[0]!.invoice.id,
    lines: [{ invoiceLineId: sales[0]!.lines[0]!.id, qtyMilli: 1000 }],
    refundMode: 'khata',
    reason: 'damaged',
  });
  return { sales, receipt, credit };
}

/** Tampering needs the immutability triggers out of the way first, as an attacker with the file would do. */
function tamper(shop: Shop, sql: string) {
  const { sqlite } = shop.t.ledger;
  const triggers = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%immutable%'")
    .pluck()
    .all() as string[];
  for (const name of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  sqlite.exec(sql);
}

describe('the hash chain', () => {
  it('links invoices, receipts and credit notes in the order they were finalised, and verifies', async () => {
    const { sales, receipt, credit } = await shopWithDocuments();
    expect(sales[1]!.invoice.prevHash).toBe(sales[0]!.invoice.hash);
    expect(receipt.receipt.prevHash).toBe(sales[2]!.invoice.hash);
    expect(credit.creditNote.prevHash).toBe(receipt.receipt.hash);
    expect(verifyJournal(shop.t.ledger)).toEqual({ ok: true, documents: 5 });
    expect(await shop.manager.journal.verify()).toEqual({ ok: true, documents: 5 });
  });

  it('finds an invoice whose total was edited in the file', async () => {
    const { sales } = await shopWithDocuments();
    tamper(shop, `UPDATE invoices SET total_paise = total_paise - 100 WHERE id = '${sales[1]!.invoice.id}'`);
    expect(verifyJournal(shop.t.ledger)).toMatchObject({
      ok: false,
      docId: sales[1]!.invoice.id,
      reason: 'hash-mismatch',
    });
  });

  it('finds a payment amount edited under an invoice', async () => {
    const { sales } = await shopWithDocuments();
    tamper(shop, `UPDATE payments SET amount_paise = 1 WHERE doc_id = '${sales[2]!.invoice.id}'`);
    expect(verifyJournal(shop.t.ledger)).toMatchObject({ ok: false, docId: sales[2]!.invoice.id });
  });

  it('finds a deleted receipt', async () => {
    const { receipt } = await shopWithDocuments();
    tamper(shop, `DELETE FROM receipts WHERE id = '${receipt.receipt.id}'`);
    expect(verifyJournal(shop.t.ledger)).toMatchObject({ ok: false, docId: receipt.receipt.id });
  });

  it('finds a journal entry removed from the middle of the chain', async () => {
    const { sales } = await shopWithDocuments();
    tamper(shop, `DELETE FROM journal WHERE doc_id = '${sales[1]!.invoice.id}'`);
    expect(verifyJournal(shop.t.ledger)).toMatchObject({
      ok: false,
      docId: sales[2]!.invoice.id,
      reason: 'prev-mismatch',
    });
  });
});

describe('finalised documents are immutable', () => {
  it('the database itself refuses to change or delete an invoice, a payment, a khata entry or a stock movement', async () => {
    const { sales } = await shopWithDocuments();
    const { sqlite } = shop.t.ledger;
    const id = sales[0]!.invoice.id;
    expect(() => sqlite.prepare('UPDATE invoices SET total_paise = 0 WHERE id = ?').run(id)).toThrow(
      /cannot be changed/,
    );
    expect(() => sqlite.prepare('DELETE FROM invoice_lines WHERE invoice_id = ?').run(id)).toThrow(/cannot be deleted/);
    expect(() => sqlite.prepare('UPDATE payments SET amount_paise = 0 WHERE doc_id = ?').run(id)).toThrow(
      /cannot be changed/,
    );
    expect(() => sqlite.prepare('DELETE FROM khata_entries').run()).toThrow(/cannot be deleted/);
    expect(() => sqlite.prepare('UPDATE stock_movements SET qty_milli = 0').run()).toThrow(/cannot be changed/);
    expect(verifyJournal(shop.t.ledger).ok).toBe(true);
  });
});

describe('the invariant check', () => {
  it('holds on a ledger in use, and names the broken invariant when stock or a balance is forged', async () => {
    await shopWithDocuments();
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, integrity: 'ok', problems: [] });
    shop.t.ledger.sqlite.exec('UPDATE items SET stock_milli = stock_milli + 5000');
    shop.t.ledger.sqlite.exec('UPDATE parties SET balance_paise = 0');
    const report = checkLedgerInvariants(shop.t.ledger);
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => problem.check)).toEqual([
      'stock on hand equals the sum of stock movements',
      'party balance equals the sum of khata entries',
    ]);
  });
});
