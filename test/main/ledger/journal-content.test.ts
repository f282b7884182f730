// What each document type's hash covers: its type, its header, and its lines and payments in one fixed order, so the
// same stored rows always hash the same, whatever order the database hands them back in.
import { describe, expect, it } from 'vitest';
import {
  creditNoteContent,
  invoiceContent,
  receiptContent,
  receiptReversalContent,
} from '../../../src-main/ledger/journal/content';

// Rows carry only the fields that decide the order (`as never` stands in for the full stored row types): the content
// functions pass every other field through untouched.
const header = { id: 'doc-1', number: 'C1-2026-000001' } as never;
const payment = (id: string, mode: string) => ({ id, mode, amountPaise: 100 });
const paid = [payment('pay-b', 'upi'), payment('pay-a', 'cash'), payment('pay-c', 'card')];
const byIdOrder = ['pay-a', 'pay-b', 'pay-c'];

describe('the content a document hash covers', () => {
  it('an invoice: its type, header, lines in line order and payments in id order', () => {
    const lines = [
      { id: 'l-a', lineNo: 2 },
      { id: 'l-b', lineNo: 1 },
    ];
    const content = invoiceContent(header, lines as never, paid as never);
    expect(content.type).toBe('invoice');
    expect(content.header).toBe(header);
    expect(content.lines.map((line) => line.lineNo)).toEqual([1, 2]);
    expect(content.payments.map((row) => row.id)).toEqual(byIdOrder);
  });

  it('a credit note: its type, header, lines and refunds in id order', () => {
    const lines = [{ id: 'l-c' }, { id: 'l-a' }, { id: 'l-b' }];
    const content = creditNoteContent(header, lines as never, paid as never);
    expect(content.type).toBe('credit_note');
    expect(content.header).toBe(header);
    expect(content.lines.map((line) => line.id)).toEqual(['l-a', 'l-b', 'l-c']);
    expect(content.payments.map((row) => row.id)).toEqual(byIdOrder);
  });

  it('a khata receipt and its reversal: their types, headers and payments in id order', () => {
    const receipt = receiptContent(header, paid as never);
    const reversal = receiptReversalContent(header, paid as never);
    expect([receipt.type, reversal.type]).toEqual(['receipt', 'receipt_reversal']);
    expect([receipt.header, reversal.header]).toEqual([header, header]);
    expect(receipt.payments.map((row) => row.id)).toEqual(byIdOrder);
    expect(reversal.payments.map((row) => row.id)).toEqual(byIdOrder);
  });

  it("orders copies, leaving the caller's rows as they were", () => {
    const lines = [
      { id: 'l-a', lineNo: 2 },
      { id: 'l-b', lineNo: 1 },
    ];
    const rows = [...paid];
    invoiceContent(header, lines as never, rows as never);
    creditNoteContent(header, lines as never, rows as never);
    expect(lines.map((line) => line.id)).toEqual(['l-a', 'l-b']);
    expect(rows.map((row) => row.id)).toEqual(['pay-b', 'pay-a', 'pay-c']);
  });
});
