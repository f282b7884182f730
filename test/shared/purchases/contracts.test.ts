import { describe, it, expect } from 'vitest';
import {
  finalisePurchaseInput,
  returnToSupplierInput,
  listPurchasesInput,
  supplierInvoiceDateProblem,
  financialYearOpened,
  normaliseSupplierInvoiceNumber,
} from '../../../src-shared/contracts/purchases';
import { SHOP_MESSAGES_HI, shopKeyOfText } from '../../../src-shared/shop-messages';

const ID = '00000000-0000-4000-8000-0000000000a1';
const SUPPLIER = '00000000-0000-4000-8000-0000000000b1';
const ITEM = '00000000-0000-4000-8000-0000000000c1';

function bill(overrides: Record<string, unknown> = {}, lineOverrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    supplierId: SUPPLIER,
    supplierInvoiceNumber: 'INV/77',
    supplierInvoiceDate: '2026-11-30',
    lines: [{ itemId: ITEM, qtyMilli: 1000, ratePaise: 10000, gstRateBp: 1800, ...lineOverrides }],
    ...overrides,
  };
}

/** The refusal's message and where it sits, and that the message has its Hindi text. */
function refusal(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) {
  expect(result.success).toBe(false);
  const issue = result.error!.issues[0]!;
  const key = shopKeyOfText(issue.message);
  expect(key, issue.message).toBeDefined();
  expect(SHOP_MESSAGES_HI[key!]).toBeTruthy();
  return { key, path: issue.path.join('.') };
}

describe('finalisePurchaseInput', () => {
  it('fills the defaults of a plain bill', () => {
    const parsed = finalisePurchaseInput.parse(bill());
    expect(parsed).toMatchObject({ reverseCharge: false, ratesIncludeTax: false, freightPaise: 0, payments: [] });
    expect(parsed.lines[0]).toMatchObject({ freeQtyMilli: 0, discountPaise: 0, cessRateBp: 0, hsn: '' });
  });

  it.each([
    ['a zero quantity', bill({}, { qtyMilli: 0 }), 'qtyAboveZero', 'lines.0.qtyMilli'],
    ['a negative quantity', bill({}, { qtyMilli: -5000 }), 'qtyAboveZero', 'lines.0.qtyMilli'],
    ['a quantity above 99,999', bill({}, { qtyMilli: 100_000_000 }), 'purchaseQtyTooLarge', 'lines.0.qtyMilli'],
    ['a rate above ₹10,00,000', bill({}, { ratePaise: 10_00_000_01 }), 'purchaseRateTooHigh', 'lines.0.ratePaise'],
    [
      'no supplier bill number',
      bill({ supplierInvoiceNumber: '   ' }),
      'supplierInvoiceNumberRequired',
      'supplierInvoiceNumber',
    ],
    [
      'a bill number over 16 characters (CGST rule 46(b))',
      bill({ supplierInvoiceNumber: 'A'.repeat(17) }),
      'supplierInvoiceNumberTooLong',
      'supplierInvoiceNumber',
    ],
    ['no lines', bill({ lines: [] }), 'purchaseNoLines', 'lines'],
    ['a GST rate that is no slab', bill({}, { gstRateBp: 1000 }), 'gstRateInvalid', 'lines.0.gstRateBp'],
    [
      'a cheque without its date',
      bill({ payments: [{ mode: 'cheque', amountPaise: 100, reference: '000123' }] }),
      'chequeNeedsNumberAndDate',
      'payments.0.reference',
    ],
    [
      'a payment of ₹0',
      bill({ payments: [{ mode: 'cash', amountPaise: 0 }] }),
      'amountAboveZero',
      'payments.0.amountPaise',
    ],
    [
      'tax-inclusive rates under reverse charge',
      bill({ reverseCharge: true, ratesIncludeTax: true }),
      'purchaseReverseChargeInclusive',
      'ratesIncludeTax',
    ],
    ['a date that is no date', bill({ supplierInvoiceDate: '31-11-2026' }), 'notADate', 'supplierInvoiceDate'],
  ])('refuses %s beside the field', (_, input, key, path) => {
    expect(refusal(finalisePurchaseInput.safeParse(input))).toEqual({ key, path });
  });
});

describe('the supplier bill date', () => {
  it('is taken from the day the financial year opened up to today', () => {
    expect(financialYearOpened('2026-12-02')).toBe('2026-04-01');
    expect(financialYearOpened('2027-03-31')).toBe('2026-04-01');
    expect(supplierInvoiceDateProblem('2026-12-02', '2026-12-02')).toBeNull();
    expect(supplierInvoiceDateProblem('2026-04-01', '2026-12-02')).toBeNull();
    expect(supplierInvoiceDateProblem('2026-12-03', '2026-12-02')).toBe('supplierInvoiceDateFuture');
    expect(supplierInvoiceDateProblem('2026-03-31', '2026-12-02')).toBe('supplierInvoiceDateBeforeYear');
    expect(supplierInvoiceDateProblem('2026-03-31', '2026-04-01')).toBe('supplierInvoiceDateBeforeYear');
    expect(supplierInvoiceDateProblem('2026-03-31', '2027-03-31')).toBe('supplierInvoiceDateBeforeYear');
  });
});

describe('supplier bill numbers', () => {
  it('compare without case and spaces', () => {
    expect(normaliseSupplierInvoiceNumber(' inv / 77 ')).toBe(normaliseSupplierInvoiceNumber('INV/77'));
    expect(normaliseSupplierInvoiceNumber('INV/77')).not.toBe(normaliseSupplierInvoiceNumber('INV/78'));
  });
});

describe('returnToSupplierInput', () => {
  const line = { purchaseBillLineId: ITEM, qtyMilli: 1000 };
  it('refuses a zero quantity, no lines, and one line twice', () => {
    const base = { id: ID, purchaseBillId: SUPPLIER };
    expect(refusal(returnToSupplierInput.safeParse({ ...base, lines: [{ ...line, qtyMilli: 0 }] })).key).toBe(
      'qtyAboveZero',
    );
    expect(refusal(returnToSupplierInput.safeParse({ ...base, lines: [] })).key).toBe('chooseFromList');
    expect(refusal(returnToSupplierInput.safeParse({ ...base, lines: [line, line] })).key).toBe('returnLineTwice');
    expect(returnToSupplierInput.parse({ ...base, lines: [line] }).reason).toBe('');
  });
});

describe('listPurchasesInput', () => {
  it('pages by default and refuses a date that is no date', () => {
    expect(listPurchasesInput.parse({})).toEqual({ limit: 50, offset: 0 });
    expect(refusal(listPurchasesInput.safeParse({ from: 'yesterday' })).key).toBe('notADate');
  });
});
