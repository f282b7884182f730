// The buying side's outbox payloads as the server checks them on push: what a counter sends is taken; a payload
// missing a named field, or with a figure out of range, is refused before anything is stored.
import { describe, it, expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  PAYABLE_ENTRY_KINDS,
  SUPPLIER_PAYMENT_MODES,
  debitNotePayload,
  payableEntryPayload,
  purchaseBillPayload,
  supplierPaymentPayload,
} from '../../../src-shared/sync/purchase-payloads';
import { debitNoteOp, payableOp, purchaseBillOp, supplierPaymentOp } from '../../support/purchase-ops';

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const billOp = () =>
  purchaseBillOp({
    number: 'C1PB-2026-000001',
    taxablePaise: 100_000,
    cgstPaise: 9_000,
    sgstPaise: 9_000,
    paidPaise: 50_000,
  });
const bill = (): Json => structuredClone(billOp().payload) as Json;
const debitNote = (): Json =>
  structuredClone(
    debitNoteOp(billOp(), { number: 'C1DN-2026-000001', taxablePaise: 10_000, cgstPaise: 900, sgstPaise: 900 }).payload,
  ) as Json;
const payment = (mode: (typeof SUPPLIER_PAYMENT_MODES)[number] = 'cash'): Json =>
  structuredClone(
    supplierPaymentOp({ number: 'C1SP-2026-000001', supplierId: randomUUID(), amountPaise: 5_000, mode }).payload,
  ) as Json;
const payable = (kind: (typeof PAYABLE_ENTRY_KINDS)[number] = 'purchase'): Json =>
  structuredClone(payableOp(randomUUID(), 5_000, kind).payload) as Json;

/** Where the first problem is, and what it says. */
function problem(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  const issue = result.error!.issues[0]!;
  return { path: issue.path.join('.'), message: issue.message };
}

describe('purchaseBillPayload', () => {
  it('takes a bill as a counter sends it, with an unregistered supplier too', () => {
    expect(purchaseBillPayload.safeParse(bill()).success).toBe(true);
    const unregistered = bill();
    unregistered.purchaseBill.supplierGstin = null;
    expect(purchaseBillPayload.safeParse(unregistered).success).toBe(true);
  });

  it('takes from one line up to 500, and no payment up to 20', () => {
    const many = bill();
    many.lines = Array.from({ length: 500 }, () => ({ ...many.lines[0], id: randomUUID() }));
    many.payments = Array.from({ length: 20 }, () => ({ id: randomUUID(), mode: 'cash', amountPaise: 100 }));
    expect(purchaseBillPayload.safeParse(many).success).toBe(true);
    const none = bill();
    none.payments = [];
    expect(purchaseBillPayload.safeParse(none).success).toBe(true);
  });

  it.each([
    ['no bill', (p: Json) => delete p.purchaseBill, 'purchaseBill'],
    ['a bill without its supplier', (p: Json) => delete p.purchaseBill.supplierId, 'purchaseBill.supplierId'],
    ['a bill without its CGST', (p: Json) => delete p.purchaseBill.cgstPaise, 'purchaseBill.cgstPaise'],
    ['a negative SGST', (p: Json) => (p.purchaseBill.sgstPaise = -1), 'purchaseBill.sgstPaise'],
    ['a negative IGST', (p: Json) => (p.purchaseBill.igstPaise = -1), 'purchaseBill.igstPaise'],
    ['a negative cess', (p: Json) => (p.purchaseBill.cessPaise = -1), 'purchaseBill.cessPaise'],
    [
      'a bill number over 500 characters',
      (p: Json) => (p.purchaseBill.number = 'x'.repeat(501)),
      'purchaseBill.number',
    ],
    ['no lines', (p: Json) => (p.lines = []), 'lines'],
    ['501 lines', (p: Json) => (p.lines = Array.from({ length: 501 }, () => p.lines[0])), 'lines'],
    ['a line without its item', (p: Json) => delete p.lines[0].itemId, 'lines.0.itemId'],
    ['a line without its taxable value', (p: Json) => delete p.lines[0].taxablePaise, 'lines.0.taxablePaise'],
    ['a payment without its amount', (p: Json) => delete p.payments[0].amountPaise, 'payments.0.amountPaise'],
    [
      '21 payments',
      (p: Json) =>
        (p.payments = Array.from({ length: 21 }, () => ({ id: randomUUID(), mode: 'cash', amountPaise: 1 }))),
      'payments',
    ],
  ])('refuses %s', (_, breakIt, path) => {
    const payload = bill();
    breakIt(payload);
    expect(problem(purchaseBillPayload.safeParse(payload)).path).toBe(path);
  });

  it('refuses a bill of ₹0, a line of no quantity and a payment of ₹0, saying the figure must be above zero', () => {
    const free = bill();
    free.purchaseBill.totalPaise = 0;
    expect(problem(purchaseBillPayload.safeParse(free))).toEqual({
      path: 'purchaseBill.totalPaise',
      message: 'must be above zero',
    });
    const empty = bill();
    empty.lines[0].qtyMilli = 0;
    expect(problem(purchaseBillPayload.safeParse(empty))).toEqual({
      path: 'lines.0.qtyMilli',
      message: 'must be above zero',
    });
    const nothing = bill();
    nothing.payments[0].amountPaise = 0;
    expect(problem(purchaseBillPayload.safeParse(nothing))).toEqual({
      path: 'payments.0.amountPaise',
      message: 'must be above zero',
    });
  });
});

describe('debitNotePayload', () => {
  it('takes a debit note as a counter sends it, with one or two lines', () => {
    expect(debitNotePayload.safeParse(debitNote()).success).toBe(true);
    const two = debitNote();
    two.lines.push({ ...two.lines[0], id: randomUUID() });
    expect(debitNotePayload.safeParse(two).success).toBe(true);
  });

  it.each([
    ['no note', (p: Json) => delete p.debitNote, 'debitNote'],
    ['a note without its bill', (p: Json) => delete p.debitNote.purchaseBillId, 'debitNote.purchaseBillId'],
    ['a note of ₹0', (p: Json) => (p.debitNote.totalPaise = 0), 'debitNote.totalPaise'],
    ['no lines', (p: Json) => (p.lines = []), 'lines'],
    ['501 lines', (p: Json) => (p.lines = Array.from({ length: 501 }, () => p.lines[0])), 'lines'],
    ['a line without its bill line', (p: Json) => delete p.lines[0].purchaseBillLineId, 'lines.0.purchaseBillLineId'],
  ])('refuses %s', (_, breakIt, path) => {
    const payload = debitNote();
    breakIt(payload);
    expect(problem(debitNotePayload.safeParse(payload)).path).toBe(path);
  });
});

describe('supplierPaymentPayload', () => {
  it('takes a payment in cash, by UPI, by bank transfer and by cheque', () => {
    expect(SUPPLIER_PAYMENT_MODES).toEqual(['cash', 'upi', 'bank', 'cheque']);
    for (const mode of SUPPLIER_PAYMENT_MODES)
      expect(supplierPaymentPayload.safeParse(payment(mode)).success).toBe(true);
  });

  it.each([
    ['no payment', (p: Json) => delete p.supplierPayment, 'supplierPayment'],
    ['a payment of ₹0', (p: Json) => (p.supplierPayment.amountPaise = 0), 'supplierPayment.amountPaise'],
    ['a mode it does not know', (p: Json) => (p.supplierPayment.mode = 'barter'), 'supplierPayment.mode'],
  ])('refuses %s', (_, breakIt, path) => {
    const payload = payment();
    breakIt(payload);
    expect(problem(supplierPaymentPayload.safeParse(payload)).path).toBe(path);
  });
});

describe('payableEntryPayload', () => {
  it('takes an opening due, a bill, a payment and a debit note', () => {
    expect(PAYABLE_ENTRY_KINDS).toEqual(['opening', 'purchase', 'payment', 'debit_note']);
    for (const kind of PAYABLE_ENTRY_KINDS) expect(payableEntryPayload.safeParse(payable(kind)).success).toBe(true);
  });

  it('refuses an entry without its supplier, or of a kind it does not know', () => {
    const orphan = payable();
    delete orphan.partyId;
    expect(problem(payableEntryPayload.safeParse(orphan)).path).toBe('partyId');
    const odd = payable();
    odd.kind = 'gift';
    expect(problem(payableEntryPayload.safeParse(odd)).path).toBe('kind');
  });
});
