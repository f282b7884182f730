// The receipt layout, pure: every line fits the paper, long names wrap, taxes are summed by rate, khata dues get a UPI QR.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, receiptText, wrapText } from '../../../src-shared/printing/receipt-model';
import {
  invoiceReceipt,
  type InvoiceReceiptInput,
  type ReceiptLine,
} from '../../../src-shared/printing/receipt-invoice';
import { testPage } from '../../../src-shared/printing/receipt-documents';
import { NO_SUPPLY_DETAILS } from '../../../src-shared/gst/rule46';
import { computeInvoiceTotals, type Discount } from '../../../src-shared/sales/totals';

const shop = {
  name: 'Galla Kirana',
  address: 'MG Road, Pune',
  phone: '9800000000',
  gstin: '27AAPFU0939F1ZV',
  upiId: 'galla@upi',
  receiptFooter: 'Thank you! Visit again.',
};
const line = (over: Partial<ReceiptLine>): ReceiptLine => {
  const qtyMilli = over.qtyMilli ?? 1000;
  const unitPricePaise = over.unitPricePaise ?? 10_000;
  return {
    name: 'Soap',
    hsn: '3401',
    cessRateBp: 0,
    unit: 'pcs',
    qtyMilli,
    unitPricePaise,
    priceIncludesTax: true,
    gstRateBp: 1800,
    grossPaise: (qtyMilli * unitPricePaise) / 1000,
    lineDiscountPaise: 0,
    billDiscountPaise: 0,
    taxablePaise: 8_475,
    cgstPaise: 763,
    sgstPaise: 762,
    igstPaise: 0,
    cessPaise: 0,
    totalPaise: 10_000,
    ...over,
  };
};

function bill(over: Partial<InvoiceReceiptInput> = {}): InvoiceReceiptInput {
  const lines = [
    line({
      name: 'Basmati Rice Premium Long Grain Aged Two Years 5kg Bag',
      gstRateBp: 500,
      taxablePaise: 95_238,
      cgstPaise: 2_381,
      sgstPaise: 2_381,
      totalPaise: 100_000,
      unitPricePaise: 100_000,
    }),
    line({}),
    line({
      name: 'Loose sugar',
      unit: 'kg',
      qtyMilli: 1500,
      unitPricePaise: 4_000,
      gstRateBp: 500,
      taxablePaise: 5_714,
      cgstPaise: 143,
      sgstPaise: 143,
      totalPaise: 6_000,
    }),
  ];
  return {
    shop,
    invoice: {
      number: 'C1-2026-000042',
      createdAt: '2026-05-01T06:30:00.000Z',
      partyName: 'Ramesh Kumar',
      partyGstin: null,
      placeOfSupply: '27',
      interState: false,
      grossPaise: 116_000,
      discountPaise: 0,
      taxablePaise: 109_427,
      cgstPaise: 3_287,
      sgstPaise: 3_286,
      igstPaise: 0,
      cessPaise: 0,
      roundOffPaise: 0,
      totalPaise: 116_000,
      tenderedPaise: 70_000,
      changePaise: 4_000,
      khataPaise: 50_000,
    },
    supply: NO_SUPPLY_DETAILS,
    lines,
    payments: [
      { mode: 'khata', amountPaise: 50_000, reference: '' },
      { mode: 'cash', amountPaise: 70_000, reference: '' },
    ],
    khataBalancePaise: 125_000,
    paper: { width: 58, cut: true, drawerKick: true },
    reprint: false,
    ...over,
  };
}

describe('laying out an invoice receipt', () => {
  it.each([
    [58, 32],
    [80, 48],
  ] as const)('fits every line into %i mm paper (%i columns)', (width, columns) => {
    const model = invoiceReceipt(bill({ paper: { width, cut: true, drawerKick: false } }));
    expect(model.columns).toBe(columns);
    for (const text of receiptText(model).filter((l) => !l.startsWith('[QR')))
      expect(displayWidth(text)).toBeLessThanOrEqual(columns);
  });

  it('wraps a long item name over lines without losing a word', () => {
    const text = receiptText(invoiceReceipt(bill())).join('\n');
    expect(text).toContain('1. Basmati Rice Premium Long\nGrain Aged Two Years 5kg Bag');
    expect(text).toMatch(/1\.5 kg x 40\.00 @5% +60\.00/);
  });

  it('shows header, GSTIN, each line total, taxes by rate, payments, change, khata balance, a UPI QR for the due and the bill barcode', () => {
    const text = receiptText(invoiceReceipt(bill()));
    const all = text.join('\n');
    for (const expected of [
      'Galla Kirana',
      'GSTIN: 27AAPFU0939F1ZV',
      'TAX INVOICE',
      'C1-2026-000042',
      '1,000.00',
      '100.00',
      '60.00',
      'Thank you! Visit again.',
    ])
      expect(all).toContain(expected);
    expect(text).toContainEqual(expect.stringMatching(/^TOTAL Rs\. +1,160\.00$/));
    // Each head with its own rate (CGST Rule 46(l), (m)).
    expect(all).toMatch(/^GST 5% on 1,009\.52\n {2}CGST @2\.5% +25\.24\n {2}SGST @2\.5% +25\.24$/m);
    expect(all).toMatch(/^GST 18% on 84\.75\n {2}CGST @9% +7\.63\n {2}SGST @9% +7\.62$/m);
    expect(text).toContainEqual(expect.stringMatching(/^Change +40\.00$/));
    expect(text).toContainEqual(expect.stringMatching(/^Khata balance now +1,250\.00$/));
    expect(text).toContain('[QR upi://pay?pa=galla%40upi&pn=Galla%20Kirana&am=500.00&cu=INR&tn=C1-2026-000042]');
    expect(text).toContain('[BARCODE C1-2026-000042]');
    expect(text.findIndex((l) => l.startsWith('Cash'))).toBeLessThan(
      text.findIndex((l) => l.startsWith('Khata (credit)')),
    );
  });

  it('prints no QR when nothing is due, and IGST instead of CGST+SGST for another state', () => {
    const paid = bill({
      invoice: {
        ...bill().invoice,
        khataPaise: 0,
        interState: true,
        placeOfSupply: '29',
        igstPaise: 6_573,
        cgstPaise: 0,
        sgstPaise: 0,
      },
      lines: bill().lines.map((l) => ({ ...l, igstPaise: l.cgstPaise + l.sgstPaise, cgstPaise: 0, sgstPaise: 0 })),
      khataBalancePaise: null,
    });
    const text = receiptText(invoiceReceipt(paid)).join('\n');
    expect(text).not.toContain('[QR');
    expect(text).toContain('Place of supply: Karnataka (29)');
    expect(text).toMatch(/^GST 18% on 84\.75\n {2}IGST @18% +15\.25$/m);
    expect(text).not.toMatch(/CGST/);
  });

  it('marks a reprint, and a reprint never opens the cash drawer', () => {
    const first = invoiceReceipt(bill());
    const again = invoiceReceipt(bill({ reprint: true }));
    expect(first.drawerKick).toBe(true);
    expect(receiptText(first).join('\n')).not.toContain('REPRINT');
    expect(again.drawerKick).toBe(false);
    expect(receiptText(again)[0]).toContain('*** REPRINT / DUPLICATE ***');
  });

  it('opens the drawer only when cash changed hands', () => {
    expect(
      invoiceReceipt(bill({ payments: [{ mode: 'upi', amountPaise: 116_000, reference: 'UTR1' }] })).drawerKick,
    ).toBe(false);
  });

  it('counts Devanagari vowel signs as no column when wrapping Hindi text', () => {
    expect(displayWidth('किलो')).toBe(2);
    const model = testPage({ shop, printerName: 'Counter', paper: { width: 58, cut: true, drawerKick: true } });
    expect(receiptText(model).join('\n')).toContain('हिंदी: नमस्ते');
  });
});

describe('word wrapping', () => {
  it('never exceeds the width and keeps every word in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,60}$/), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 8, max: 48 }),
        (words, columns) => {
          const lines = wrapText(words.join(' '), columns);
          expect(lines.length).toBeGreaterThan(0);
          expect(lines.every((l) => displayWidth(l) <= columns)).toBe(true);
          expect(lines.join('').replaceAll(' ', '')).toBe(words.join(''));
        },
      ),
    );
  });
});

interface SaleLine {
  name: string;
  pricePaise: number;
  qtyMilli?: number;
  gstRateBp: number;
  priceIncludesTax?: boolean;
  discount?: Discount;
}

/** A receipt input made by the same maths that finalises a bill, so the test sees what a real bill prints. */
function realBill(lines: SaleLine[], billDiscount: Discount | null, roundOff = true): InvoiceReceiptInput {
  const inputs = lines.map((l) => ({
    qtyMilli: l.qtyMilli ?? 1000,
    unitPricePaise: l.pricePaise,
    priceIncludesTax: l.priceIncludesTax ?? true,
    gstRateBp: l.gstRateBp,
    cessRateBp: 0,
    discount: l.discount ?? null,
  }));
  const totals = computeInvoiceTotals({ lines: inputs, billDiscount, interState: false, roundOff });
  const base = bill();
  return {
    ...base,
    invoice: {
      ...base.invoice,
      ...totals,
      tenderedPaise: totals.totalPaise,
      changePaise: 0,
      khataPaise: 0,
    },
    lines: totals.lines.map((figures, i) => ({
      ...figures,
      name: lines[i]!.name,
      hsn: '3401',
      cessRateBp: 0,
      unit: 'pcs',
      qtyMilli: inputs[i]!.qtyMilli,
      unitPricePaise: inputs[i]!.unitPricePaise,
      priceIncludesTax: inputs[i]!.priceIncludesTax,
      gstRateBp: inputs[i]!.gstRateBp,
    })),
    payments: [{ mode: 'cash', amountPaise: totals.totalPaise, reference: '' }],
    khataBalancePaise: null,
  };
}

const amountOf = (text: string): number => Math.round(Number(text.replaceAll(',', '')) * 100);

/** The rows between the item lines and TOTAL, as a customer adds them up: label and signed paise. */
function billSum(text: string[]): { rows: [string, number][]; totalPaise: number } {
  const totalAt = text.findIndex((l) => /^(TOTAL Rs\.|कुल ₹)/.test(l));
  const ruleAt = text
    .slice(0, totalAt)
    .map((l) => /^-+$/.test(l))
    .lastIndexOf(true);
  const rows = text.slice(ruleAt + 1, totalAt).map((l): [string, number] => {
    const match = /^(.*?) +(-?[\d,]+\.\d\d)$/.exec(l)!;
    return [match[1]!, amountOf(match[2]!)];
  });
  return { rows, totalPaise: amountOf(/(-?[\d,]+\.\d\d)$/.exec(text[totalAt]!)![1]!) };
}

describe('the bill discount and the sum on the receipt', () => {
  it('prints a line at its own price and the bill discount once, not spread into the line', () => {
    const input = realBill([{ name: 'Detergent 1kg', pricePaise: 14_000, gstRateBp: 1800 }], {
      kind: 'percent',
      bp: 1000,
    });
    const text = receiptText(invoiceReceipt(input));
    expect(text).toContainEqual(expect.stringMatching(/^ +1 pcs x 140\.00 @18% +140\.00$/));
    expect(billSum(text)).toEqual({
      rows: [
        ['Items (GST incl.)', 14_000],
        ['Bill discount', -1_400],
      ],
      totalPaise: 12_600,
    });
    expect(text).toContain('GST included in the prices:');
    expect(text).not.toContainEqual(expect.stringMatching(/^Gross/));
  });

  it('keeps GST-inclusive and GST-exclusive prices apart and adds the GST charged on top', () => {
    const input = realBill(
      [
        { name: 'Soap', pricePaise: 4_000, qtyMilli: 3000, gstRateBp: 1800, discount: { kind: 'amount', paise: 1000 } },
        { name: 'Cement bag', pricePaise: 35_000, gstRateBp: 2800, priceIncludesTax: false },
      ],
      { kind: 'amount', paise: 5_000 },
    );
    const text = receiptText(invoiceReceipt(input));
    const sum = billSum(text);
    expect(sum.rows.map(([label]) => label)).toEqual([
      'Items (GST incl.)',
      'Items (before GST)',
      'Bill discount',
      'CGST added',
      'SGST added',
      'Round off',
    ]);
    expect(sum.rows[0]![1]).toBe(11_000);
    expect(sum.rows[1]![1]).toBe(35_000);
    expect(sum.rows[2]![1]).toBe(-5_000);
    expect(text).toContainEqual(expect.stringMatching(/^ +discount +-10\.00$/));
    expect(text).toContain('GST on this bill:');
    expect(sum.rows.reduce((total, [, paise]) => total + paise, 0)).toBe(sum.totalPaise);
  });

  it('always adds up on paper: items − bill discount + GST added ± round-off = total', () => {
    const saleLine = fc.record({
      name: fc.constant('Item'),
      pricePaise: fc.integer({ min: 1, max: 500_000 }),
      qtyMilli: fc.integer({ min: 1, max: 20_000 }),
      gstRateBp: fc.constantFrom(0, 500, 1200, 1800, 2800),
      priceIncludesTax: fc.boolean(),
      discount: fc.option(fc.record({ kind: fc.constant('percent' as const), bp: fc.integer({ min: 0, max: 5000 }) }), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(
        fc.array(saleLine, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.boolean(),
        (lines, billBp, roundOff) => {
          const input = realBill(lines, { kind: 'percent', bp: billBp }, roundOff);
          const sum = billSum(receiptText(invoiceReceipt(input)));
          expect(sum.rows.length).toBeGreaterThan(0);
          expect(sum.totalPaise).toBe(input.invoice.totalPaise);
          expect(sum.rows.reduce((total, [, paise]) => total + paise, 0)).toBe(sum.totalPaise);
        },
      ),
    );
  });
});

describe('the receipt language', () => {
  it('prints the words in Hindi when the shop chooses Hindi, and in both when it chooses both', () => {
    const hindi = receiptText(
      invoiceReceipt(bill({ paper: { width: 80, cut: true, drawerKick: false, language: 'hi' } })),
    );
    expect(hindi).toContainEqual(expect.stringMatching(/कर बीजक/));
    expect(hindi).toContainEqual(expect.stringMatching(/^बिल नं\. +C1-2026-000042$/));
    expect(hindi).toContainEqual(expect.stringMatching(/^कुल ₹ +1,160\.00$/));
    expect(hindi).toContainEqual(expect.stringMatching(/^नकद +700\.00$/));
    expect(hindi.join('\n')).not.toContain('TOTAL');
    const both = receiptText(
      invoiceReceipt(bill({ paper: { width: 80, cut: true, drawerKick: false, language: 'both' } })),
    );
    expect(both).toContainEqual(expect.stringMatching(/^TOTAL Rs\. \/ कुल ₹ +1,160\.00$/));
    for (const text of both.filter((l) => !l.startsWith('[QR'))) expect(displayWidth(text)).toBeLessThanOrEqual(48);
  });
});
