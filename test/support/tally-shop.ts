// A Maharashtra shop's month of trade made through a real counter's ledger and synced, for the Tally export: bills with
// change and split tenders, a khata sale, a return, a khata payment, a supplier's bill with freight paid in part, a
// return to the supplier and a payment to them, and one bill of the next month. Figures are worked by hand in rupees.
import { randomUUID } from 'node:crypto';
import { itemInput } from './ledger';
import { BUYER_GSTIN } from './report-shop';
import { billAt } from './gstr1-shop';
import { syncedShop } from './sync-shop';

export const SUPPLIER_GSTIN = '27AABCB1234C1ZE';
export const JUNE = { from: '2026-06-01', to: '2026-06-30' };

export async function tallyShop() {
  const shop = await syncedShop(['C1']);
  const c1 = shop.counters[0]!;
  billAt(c1, '2026-06-10', 10);
  // ₹420 with 5 % inside: taxable ₹400, CGST ₹10, SGST ₹10. ₹59 with 18 % inside: taxable ₹50, CGST ₹4.50, SGST ₹4.50.
  const rice = await c1.manager.catalogue.create(
    itemInput({ sku: 'RICE5', name: 'Rice 5kg', pricePaise: 42_000, gstRateBp: 500, hsn: '1006' }),
  );
  const soap = await c1.manager.catalogue.create(
    itemInput({ sku: 'SOAP', name: 'Neem Soap', pricePaise: 5_900, gstRateBp: 1800, hsn: '3401' }),
  );
  const ramesh = await c1.cashier.parties.create({ name: 'Ramesh Kumar', phone: '9811111111', openingBalancePaise: 0 });
  const mehta = await c1.cashier.parties.create({ name: 'Mehta Traders', phone: '9822222222', gstin: BUYER_GSTIN });
  const supplier = await c1.manager.parties.create({
    kind: 'supplier',
    name: 'Bharat Wholesale',
    gstin: SUPPLIER_GSTIN,
  });
  const sell = (
    partyId: string | null,
    lines: { itemId: string; qtyMilli: number }[],
    payments: { mode: string; amountPaise: number }[],
  ) =>
    c1.cashier.sales.finalize({
      id: randomUUID(),
      partyId,
      lines,
      payments: payments as { mode: 'cash'; amountPaise: number }[],
    });

  // 1. A walk-in customer: rice and a soap, ₹479.00, paid with a ₹500 note (₹21 change).
  const walkIn = await sell(
    null,
    [
      { itemId: rice.id, qtyMilli: 1000 },
      { itemId: soap.id, qtyMilli: 1000 },
    ],
    [{ mode: 'cash', amountPaise: 50_000 }],
  );
  // 2. Mehta Traders (Karnataka, so IGST): 5 rice ₹2,100 (taxable ₹2,000, IGST ₹100) and 10 soaps ₹590 (taxable ₹500,
  //    IGST ₹90), ₹2,690 paid ₹1,000 cash and ₹1,690 by UPI.
  const b2b = await sell(
    mehta.id,
    [
      { itemId: rice.id, qtyMilli: 5000 },
      { itemId: soap.id, qtyMilli: 10_000 },
    ],
    [
      { mode: 'cash', amountPaise: 100_000 },
      { mode: 'upi', amountPaise: 169_000 },
    ],
  );
  // 3. Ramesh on khata: 2 soaps, ₹118 (taxable ₹100, CGST ₹9, SGST ₹9).
  const khata = await sell(ramesh.id, [{ itemId: soap.id, qtyMilli: 2000 }], [{ mode: 'khata', amountPaise: 11_800 }]);
  // 4. Mehta returns 2 soaps, refunded by UPI: ₹118 (taxable ₹100, IGST ₹18).
  billAt(c1, '2026-06-12', 11);
  const soapLine = b2b.lines.find((line) => line.itemId === soap.id)!;
  const note = await c1.manager.returns.create({
    id: randomUUID(),
    invoiceId: b2b.invoice.id,
    lines: [{ invoiceLineId: soapLine.id, qtyMilli: 2000 }],
    refundMode: 'upi',
    reason: 'Damaged',
  });
  // 5. Ramesh pays ₹100 of his khata in cash.
  const receipt = await c1.cashier.khata.receivePayment({
    id: randomUUID(),
    partyId: ramesh.id,
    amountPaise: 10_000,
    mode: 'cash',
  });
  // 6. Bharat Wholesale's bill: 10 soaps at ₹40.25 + 18 % (same state): taxable ₹402.50, CGST = SGST = ₹36.225 → ₹36.23
  //    each, freight ₹50: 402.50 + 72.46 + 50 = ₹524.96, rounded to ₹525.00 (round off ₹0.04);
  //    ₹100 paid in cash at once, ₹425 on credit.
  billAt(c1, '2026-06-15', 12);
  const billId = randomUUID();
  const bill = await c1.manager.purchases.finalise({
    id: billId,
    supplierId: supplier.id,
    supplierInvoiceNumber: 'BW/2026/77',
    supplierInvoiceDate: '2026-06-15',
    reverseCharge: false,
    ratesIncludeTax: false,
    freightPaise: 5_000,
    payments: [{ mode: 'cash', amountPaise: 10_000, reference: '', chequeDate: null }],
    lines: [
      {
        itemId: soap.id,
        qtyMilli: 10_000,
        freeQtyMilli: 0,
        ratePaise: 4_025,
        discountPaise: 0,
        gstRateBp: 1800,
        cessRateBp: 0,
        hsn: '3401',
      },
    ],
  });
  // 7. Two soaps go back: taxable 402.50 × 2/10 = ₹80.50, CGST = SGST = 36.23 × 2/10 = 7.246 → ₹7.25; ₹95.00.
  const detail = await c1.manager.purchases.get({ id: billId });
  const debitNote = await c1.manager.purchases.returnToSupplier({
    id: randomUUID(),
    purchaseBillId: billId,
    lines: [{ purchaseBillLineId: detail.lines[0]!.id, qtyMilli: 2000 }],
    reason: 'damp',
  });
  // 8. ₹200 paid to Bharat Wholesale by UPI.
  const payment = await c1.manager.payables.pay({
    id: randomUUID(),
    supplierId: supplier.id,
    amountPaise: 20_000,
    mode: 'upi',
    reference: 'UTR889911',
    chequeDate: null,
  });
  // A bill of July: outside the range, never in June's file.
  billAt(c1, '2026-07-01', 10);
  await sell(null, [{ itemId: soap.id, qtyMilli: 1000 }], [{ mode: 'cash', amountPaise: 5_900 }]);
  await c1.engine().syncNow();
  await c1.engine().syncNow();
  return { shop, trade: { walkIn, b2b, khata, note, receipt, bill, debitNote, payment } };
}
