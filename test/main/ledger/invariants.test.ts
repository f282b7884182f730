// One forged ledger per invariant: a ledger built by real trade, one thing forged in the file with raw SQL (as someone
// with the file, or a bug writing past the services, would), and the check that guards it names itself.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { itemInput, PINS, shopWithStaff, type Shop } from '../../support/ledger';
import { shopBusinessDate } from '../../../src-shared/shop-time';

let shop: Shop;
/** The ids the forgeries aim at. */
const ids = {
  soap: '',
  party: '',
  khataSale: '',
  cardSale: '',
  cashSale: '',
  creditNote: '',
  receiptReversal: '',
  supplier: '',
  supplierPayment: '',
  purchaseBill: '',
  debitNote: '',
};

beforeAll(async () => {
  shop = await shopWithStaff();
  const soap = await shop.manager.catalogue.create(itemInput({ pricePaise: 5_900, gstRateBp: 1800 }));
  const party = await shop.cashier.parties.create({ name: 'Sunita', phone: '9822222222' });
  const khataSale = await shop.cashier.sales.finalize({
    id: randomUUID(),
    partyId: party.id,
    lines: [{ itemId: soap.id, qtyMilli: 2000 }],
    payments: [{ mode: 'khata', amountPaise: 11_800 }],
  });
  const cardSale = await shop.cashier.sales.finalize({
    id: randomUUID(),
    lines: [{ itemId: soap.id, qtyMilli: 1000 }],
    payments: [{ mode: 'card', amountPaise: 5_900 }],
  });
  // ₹100 for ₹59: ₹41 change.
  const cashSale = await shop.cashier.sales.finalize({
    id: randomUUID(),
    lines: [{ itemId: soap.id, qtyMilli: 1000 }],
    payments: [{ mode: 'cash', amountPaise: 10_000 }],
  });
  const credit = await shop.manager.returns.create({
    id: randomUUID(),
    invoiceId: khataSale.invoice.id,
    lines: [{ invoiceLineId: khataSale.lines[0]!.id, qtyMilli: 1000 }],
    refundMode: 'khata',
    reason: 'damaged',
  });
  const receipt = await shop.cashier.khata.receivePayment({
    id: randomUUID(),
    partyId: party.id,
    amountPaise: 2_000,
    mode: 'cash',
  });
  const reversal = await shop.cashier.khata.reverseReceipt({
    id: randomUUID(),
    receiptId: receipt.receipt.id,
    reason: 'entered twice',
    approval: { staffId: shop.ids.manager, pin: PINS.manager },
  });
  const supplier = await shop.manager.parties.create({
    kind: 'supplier',
    name: 'Shree Traders',
    openingBalancePaise: 50_000,
  });
  const supplierPayment = await shop.manager.payables.pay({
    id: randomUUID(),
    supplierId: supplier.id,
    amountPaise: 20_000,
    mode: 'upi',
    reference: 'UPI-1',
  });
  // Bought from the supplier: 10 soaps with 2 free and ₹10.00 freight, part paid; 3 of them sent back.
  const bill = await shop.manager.purchases.finalise({
    id: randomUUID(),
    supplierId: supplier.id,
    supplierInvoiceNumber: 'W-1',
    supplierInvoiceDate: shopBusinessDate(new Date()),
    freightPaise: 1000,
    lines: [{ itemId: soap.id, qtyMilli: 10_000, freeQtyMilli: 2000, ratePaise: 4000, gstRateBp: 1800, hsn: '3401' }],
    payments: [{ mode: 'cash', amountPaise: 20_000 }],
  });
  const billLine = (await shop.manager.purchases.get({ id: bill.id })).lines[0]!;
  const debit = await shop.manager.purchases.returnToSupplier({
    id: randomUUID(),
    purchaseBillId: bill.id,
    lines: [{ purchaseBillLineId: billLine.id, qtyMilli: 3000 }],
  });
  Object.assign(ids, {
    supplier: supplier.id,
    supplierPayment: supplierPayment.id,
    purchaseBill: bill.id,
    debitNote: debit.id,
    soap: soap.id,
    party: party.id,
    khataSale: khataSale.invoice.id,
    cardSale: cardSale.invoice.id,
    cashSale: cashSale.invoice.id,
    creditNote: credit.creditNote.id,
    receiptReversal: reversal.reversal.id,
  });
  // The forger has the file: the immutability triggers and foreign keys are no obstacle.
  const { sqlite } = shop.t.ledger;
  for (const name of sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%immutable%'")
    .pluck()
    .all() as string[])
    sqlite.exec(`DROP TRIGGER "${name}"`);
  sqlite.pragma('foreign_keys = OFF');
});
afterAll(() => shop?.t.cleanup());

/** Runs the forgery, reads the invariant report, and puts the ledger back as it was for the next forgery. */
function checksFiredBy(forgery: string): string[] {
  const { sqlite } = shop.t.ledger;
  sqlite.exec('SAVEPOINT forgery');
  try {
    sqlite.exec(forgery.replace(/:(\w+)/g, (_, key: keyof typeof ids) => `'${ids[key]}'`));
    const report = checkLedgerInvariants(shop.t.ledger);
    expect(report.ok).toBe(false);
    return report.problems.map((problem) => problem.check);
  } finally {
    sqlite.exec('ROLLBACK TO forgery');
    sqlite.exec('RELEASE forgery');
  }
}

describe('the invariant check names each forged invariant', () => {
  it('holds on the ledger as trade left it', () => {
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, integrity: 'ok', problems: [] });
  });

  const forgeries: { forged: string; check: string; forgery: string }[] = [
    {
      check: 'stock on hand equals the sum of stock movements',
      forged: 'soap’s stock raised without a movement',
      forgery: 'UPDATE items SET stock_milli = stock_milli + 1000 WHERE id = :soap',
    },
    {
      check: 'party balance equals the sum of khata entries',
      forged: 'Sunita’s balance lowered without a khata entry',
      forgery: 'UPDATE parties SET balance_paise = balance_paise - 100 WHERE id = :party',
    },
    {
      check: 'what the shop owes each supplier equals the sum of its payable entries',
      forged: 'what the shop owes Shree Traders lowered without a payable entry',
      forgery: 'UPDATE parties SET payable_paise = payable_paise - 100 WHERE id = :supplier',
    },
    {
      check: 'what the shop owes each supplier equals the sum of its payable entries',
      forged: 'a payable entry deleted',
      forgery: 'DELETE FROM payable_entries WHERE party_id = :supplier',
    },
    {
      check: 'a payment to a supplier lowers what is owed to that supplier by exactly its amount, once',
      forged: 'a supplier payment raised by ₹1 after it was recorded',
      forgery: 'UPDATE supplier_payments SET amount_paise = amount_paise + 100 WHERE id = :supplierPayment',
    },
    {
      check: 'a payment to a supplier lowers what is owed to that supplier by exactly its amount, once',
      forged: 'the payment’s payable entry recorded twice',
      forgery: `INSERT INTO payable_entries (id, party_id, kind, doc_id, doc_number, amount_paise, created_at)
                SELECT id || '-copy', party_id, kind, doc_id, doc_number, amount_paise, created_at FROM payable_entries
                WHERE doc_id = :supplierPayment`,
    },
    {
      check: 'each document series is numbered without gaps',
      forged: 'a supplier payment deleted',
      forgery: 'DELETE FROM supplier_payments WHERE id = :supplierPayment',
    },
    {
      // The tax moved from SGST to CGST: the bill’s total still adds up, its lines no longer do.
      check: 'invoice figures equal the sums of their lines, and total = taxable + taxes + round-off',
      forged: 'a bill’s tax moved from SGST to CGST',
      forgery: 'UPDATE invoices SET cgst_paise = cgst_paise + 1, sgst_paise = sgst_paise - 1 WHERE id = :cardSale',
    },
    {
      check: 'every invoice has lines',
      forged: 'a bill’s lines deleted',
      forgery: 'DELETE FROM invoice_lines WHERE invoice_id = :cardSale',
    },
    {
      // ₹1 less came in by card than the bill’s total, and the tendered figure agrees with the payments.
      check: 'payments of an invoice cover its total exactly once change is given back',
      forged: 'a card bill paid ₹1 short',
      forgery: `UPDATE payments SET amount_paise = amount_paise - 100 WHERE doc_type = 'invoice' AND doc_id = :cardSale;
                UPDATE invoices SET tendered_paise = tendered_paise - 100 WHERE id = :cardSale`,
    },
    {
      // More change handed back than the cash over the bill: the drawer is short of the total.
      check: 'payments of an invoice cover its total exactly once change is given back',
      forged: '₹1 more change handed back than the cash over the bill',
      forgery: 'UPDATE invoices SET change_paise = change_paise + 100 WHERE id = :cashSale',
    },
    {
      check: 'credit note total equals its lines plus round-off',
      forged: 'a credit note’s round-off changed',
      forgery: 'UPDATE credit_notes SET round_off_paise = round_off_paise + 1 WHERE id = :creditNote',
    },
    {
      check: 'no line is returned more than it was sold',
      forged: 'five more pieces returned than were sold',
      forgery: 'UPDATE credit_note_lines SET qty_milli = qty_milli + 5000 WHERE credit_note_id = :creditNote',
    },
    {
      check: 'a receipt reversal puts back exactly its receipt, on the same customer, once',
      forged: 'a reversal putting back ₹1 more than its receipt',
      forgery: 'UPDATE receipt_reversals SET amount_paise = amount_paise + 100 WHERE id = :receiptReversal',
    },
    {
      // A number taken and its bill gone: three bills numbered, two left.
      check: 'each document series is numbered without gaps',
      forged: 'a numbered bill deleted',
      forgery: `DELETE FROM payments WHERE doc_id = :cardSale; DELETE FROM invoice_lines WHERE invoice_id = :cardSale;
                DELETE FROM invoices WHERE id = :cardSale`,
    },
    {
      // The last bill renumbered past a hole: as many bills as numbers issued, but …000003 is missing.
      check: 'each document series is numbered without gaps',
      forged: 'the last bill renumbered past a hole',
      forgery: "UPDATE invoices SET number = substr(number, 1, length(number) - 6) || '000009' WHERE id = :cashSale",
    },
    {
      check: 'each document series is numbered without gaps',
      forged: 'a number taken with no document',
      forgery: 'UPDATE document_series SET next_seq = next_seq + 1',
    },
    {
      check: 'daily sales summaries equal the bills and returns of each day',
      forged: 'the day’s sales summary raised by ₹1',
      forgery: 'UPDATE sales_days SET sales_paise = sales_paise + 100',
    },
    {
      check: 'daily takings by mode equal the payments of each day (cash net of change)',
      forged: 'the day’s cash takings raised by ₹1',
      forgery: "UPDATE sales_day_modes SET paise = paise + 100 WHERE mode = 'cash'",
    },
    {
      check: 'purchase bill figures equal the sums of their lines, total = lines + round-off, paid + payable = total',
      forged: 'a purchase bill’s tax moved from SGST to CGST',
      forgery:
        'UPDATE purchase_bills SET cgst_paise = cgst_paise + 1, sgst_paise = sgst_paise - 1 WHERE id = :purchaseBill',
    },
    {
      // What is owed the supplier lowered by ₹1 with nothing paid: the bill no longer adds up to paid + payable.
      check: 'purchase bill figures equal the sums of their lines, total = lines + round-off, paid + payable = total',
      forged: 'a purchase bill’s payable lowered by ₹1',
      forgery: 'UPDATE purchase_bills SET payable_paise = payable_paise - 100 WHERE id = :purchaseBill',
    },
    {
      check: 'every purchase bill has lines, each landed at its taxable value plus its freight',
      forged: 'a purchase line’s landed cost raised by ₹1',
      forgery:
        'UPDATE purchase_bill_lines SET landed_cost_paise = landed_cost_paise + 100 WHERE purchase_bill_id = :purchaseBill',
    },
    {
      check: 'debit note figures equal the sums of their lines',
      forged: 'a debit note’s total raised by ₹1',
      forgery: 'UPDATE debit_notes SET total_paise = total_paise + 100 WHERE id = :debitNote',
    },
    {
      check: 'no purchase line is returned to the supplier more than was bought',
      forged: 'twenty more pieces sent back than were bought',
      forgery: 'UPDATE debit_note_lines SET qty_milli = qty_milli + 20000 WHERE debit_note_id = :debitNote',
    },
    {
      // The movement and the stock both raised (so stock = movements holds), but not what the bill brought in.
      check: 'stock moved by each purchase bill and debit note equals its lines',
      forged: 'a purchase’s stock movement and the stock both raised by one',
      forgery: `UPDATE stock_movements SET qty_milli = qty_milli + 1000 WHERE reason = 'purchase' AND doc_id = :purchaseBill;
                UPDATE items SET stock_milli = stock_milli + 1000 WHERE id = :soap`,
    },
    {
      check: 'average cost is never negative',
      forged: 'soap’s average cost set below zero',
      forgery: 'UPDATE items SET cost_paise = -1 WHERE id = :soap',
    },
  ];
  for (const { forged, check, forgery } of forgeries)
    it(`${forged}: “${check}” fires`, () => {
      expect(checksFiredBy(forgery)).toContain(check);
    });
});
