// The supplier bill being entered: what the manager types is read into the ledger's numbers or refused beside the
// right box (before anything is sent), the ledger's own refusals land beside the same boxes, and the bill kept in
// storage comes back as it was.
import { describe, expect, it } from 'vitest';
import {
  emptyPurchaseDraft,
  fieldOfPath,
  fieldOfRefusal,
  loadStoredDraft,
  purchaseDraftReducer,
  readPurchaseDraft,
  storeDraft,
  type PurchaseDraft,
  type PurchaseItem,
} from '../../src-renderer/screens/purchases/purchase-draft';

const TODAY = '2026-12-02';
const DAL: PurchaseItem = {
  id: '7d0c5f0e-3f4a-4c55-9a43-0a1b2c3d4e5f',
  name: 'Toor Dal 1kg',
  sku: 'DAL-1',
  unit: 'pcs',
  gstRateBp: 500,
  cessRateBp: 0,
  hsn: '0713',
  costPaise: 9_850,
};
const SUPPLIER = { id: '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b', name: 'Shree Traders', stateCode: '27', gstin: null };

function billWith(...changes: Parameters<typeof purchaseDraftReducer>[1][]): PurchaseDraft {
  return changes.reduce(purchaseDraftReducer, emptyPurchaseDraft('a0000000-0000-4000-8000-000000000001'));
}

/** In-memory Web Storage (the browser's API, which Node does not have). */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('a new line', () => {
  it("starts from the item's GST rate, HSN and last cost, and every one of them can be changed", () => {
    const bill = billWith(
      { type: 'add', item: DAL, qty: '10' },
      { type: 'line', index: 0, field: 'rate', value: '96.40' },
      { type: 'line', index: 0, field: 'hsn', value: '07131000' },
      { type: 'line-gst', index: 0, gstRateBp: 1200 },
    );
    expect(billWith({ type: 'add', item: DAL, qty: '10' }).lines[0]).toMatchObject({
      rate: '98.50',
      gstRateBp: 500,
      hsn: '0713',
    });
    expect(bill.lines[0]).toMatchObject({ qty: '10', rate: '96.40', gstRateBp: 1200, hsn: '07131000' });
    expect(bill.selected).toBe(0);
  });
});

describe('reading the bill', () => {
  const complete = billWith(
    { type: 'supplier', supplier: SUPPLIER },
    { type: 'field', field: 'invoiceNumber', value: ' ST/4471 ' },
    { type: 'field', field: 'invoiceDate', value: '28-11-2026' },
    { type: 'field', field: 'freight', value: '150' },
    { type: 'add', item: DAL, qty: '20' },
    { type: 'line', index: 0, field: 'freeQty', value: '2' },
    { type: 'line', index: 0, field: 'discount', value: '5%' },
    { type: 'field', field: 'payAmount', value: '500' },
  );

  it('turns typed rupees, quantities, a percentage discount and dd-mm-yyyy into paise, milli-units and the ledger date', () => {
    const read = readPurchaseDraft(complete, TODAY);
    expect(read.problems).toEqual({});
    expect(read.invoiceDate).toBe('2026-11-28');
    expect(read.freightPaise).toBe(15_000);
    expect(read.payPaise).toBe(50_000);
    // 20 × ₹98.50 = ₹1,970; 5 % of it is ₹98.50.
    expect(read.lines).toEqual([
      {
        itemId: DAL.id,
        qtyMilli: 20_000,
        freeQtyMilli: 2_000,
        ratePaise: 9_850,
        discountPaise: 9_850,
        gstRateBp: 500,
        cessRateBp: 0,
        hsn: '0713',
      },
    ]);
  });

  it('names each wrong box with its own words, and sends nothing until they are right', () => {
    const wrong = billWith(
      { type: 'field', field: 'invoiceDate', value: '31-04-2026' },
      { type: 'add', item: DAL, qty: '0' },
      { type: 'add', item: DAL, qty: 'two' },
      { type: 'line', index: 0, field: 'rate', value: '99999999' },
      { type: 'line', index: 1, field: 'discount', value: '120%' },
      { type: 'line', index: 1, field: 'hsn', value: '12' },
      { type: 'field', field: 'payAmount', value: '10' },
      { type: 'pay-mode', mode: 'cheque' },
    );
    expect(
      Object.fromEntries(Object.entries(readPurchaseDraft(wrong, TODAY).problems).map(([f, p]) => [f, p.key])),
    ).toEqual({
      supplier: 'purchases.problems.supplier',
      invoiceNumber: 'purchases.problems.invoiceNumber',
      invoiceDate: 'purchases.problems.date-no-such-day',
      'lines.0.qty': 'purchases.problems.qtyAboveZero',
      'lines.0.rate': 'purchases.problems.rateTooHigh',
      'lines.1.qty': 'purchases.problems.qty',
      'lines.1.discount': 'purchases.problems.discount',
      'lines.1.hsn': 'purchases.problems.hsn',
      payReference: 'purchases.problems.chequeNumber',
      chequeDate: 'purchases.problems.dateMissing',
    });
  });

  it('refuses an invoice dated after today or before the financial year opened, and a discount above the line', () => {
    const dated = (date: string) =>
      readPurchaseDraft(purchaseDraftReducer(complete, { type: 'field', field: 'invoiceDate', value: date }), TODAY)
        .problems.invoiceDate;
    expect(dated('03-12-2026')?.key).toBe('errors.supplierInvoiceDateFuture');
    expect(dated('31-03-2026')).toEqual({
      key: 'errors.supplierInvoiceDateBeforeYear',
      values: { date: '01-04-2026' },
    });
    expect(dated('01-04-2026')).toBeUndefined();
    const discounted = purchaseDraftReducer(complete, { type: 'line', index: 0, field: 'discount', value: '2000' });
    expect(readPurchaseDraft(discounted, TODAY).problems['lines.0.discount']?.key).toBe(
      'purchases.problems.discountOverLine',
    );
  });
});

describe("the ledger's refusals", () => {
  it('land beside the box they are about', () => {
    expect(fieldOfPath('lines.2.qtyMilli')).toBe('lines.2.qty');
    expect(fieldOfPath('lines.0.ratePaise')).toBe('lines.0.rate');
    expect(fieldOfPath('lines.1.discountPaise')).toBe('lines.1.discount');
    expect(fieldOfPath('supplierInvoiceNumber')).toBe('invoiceNumber');
    expect(fieldOfPath('supplierInvoiceDate')).toBe('invoiceDate');
    expect(fieldOfPath('supplierId')).toBe('supplier');
    expect(fieldOfPath('payments.0.chequeDate')).toBe('chequeDate');
    expect(fieldOfPath('freightPaise')).toBe('freight');
  });

  it('of the whole bill (its maths, a duplicate bill number) land beside the box they name, or below when none', () => {
    expect(fieldOfRefusal({ key: 'purchaseLineRate', params: { line: 2 } })).toBe('lines.1.rate');
    expect(fieldOfRefusal({ key: 'lineDiscountAboveAmount', params: { line: 1 } })).toBe('lines.0.discount');
    expect(fieldOfRefusal({ key: 'purchaseReverseChargeInclusive' })).toBe('ratesIncludeTax');
    expect(
      fieldOfRefusal({ key: 'supplierBillDuplicate', params: { invoice: 'ST/1', number: 'P1-1', date: '01-12-2026' } }),
    ).toBe('invoiceNumber');
    expect(fieldOfRefusal({ key: 'supplierInvoiceDateFuture' })).toBe('invoiceDate');
    expect(fieldOfRefusal({ key: 'purchaseBillNotFound' })).toBeNull();
    expect(fieldOfRefusal(null)).toBeNull();
  });
});

describe('the bill kept in storage', () => {
  it('comes back as it was for the same member of staff only, and an emptied bill leaves nothing behind', () => {
    const storage = new MemoryStorage();
    const bill = billWith({ type: 'supplier', supplier: SUPPLIER }, { type: 'add', item: DAL, qty: '3' });
    storeDraft(storage, 'staff-1', bill);
    expect(loadStoredDraft(storage, 'staff-1')).toEqual(bill);
    expect(loadStoredDraft(storage, 'staff-2')).toBeNull();
    storeDraft(
      storage,
      'staff-1',
      purchaseDraftReducer(bill, { type: 'reset', id: 'b0000000-0000-4000-8000-000000000002' }),
    );
    expect(loadStoredDraft(storage, 'staff-1')).toBeNull();
    storage.setItem('galla.purchaseDraft.staff-1', '{not json');
    expect(loadStoredDraft(storage, 'staff-1')).toBeNull();
  });
});
