// Bench: receipt → ESC/POS bytes (target p99 ≤ 5 ms) and A4 tax-invoice PDF (target ≤ 100 ms).
// bench/run.ts adds printingBench()'s rows to its table; `npx tsx bench/printing.ts` runs it alone.
import { invoiceReceipt, type InvoiceReceiptInput } from '../src-shared/printing/receipt-invoice';
import { renderEscPos } from '../src-main/printing/escpos';
import { invoiceDocument } from '../src-shared/printing/invoice-pdf';
import { NO_SUPPLY_DETAILS } from '../src-shared/gst/rule46';
import { renderPdf } from '../src-main/printing/pdf/render';
import { measure, measureAsync, type BenchRow } from './stats';

const shop = {
  name: 'Galla Kirana',
  address: 'MG Road, Pune',
  phone: '9800000000',
  gstin: '27AAPFU0939F1ZV',
  upiId: 'galla@upi',
  receiptFooter: 'Thank you! Visit again.',
  stateCode: '27',
};

function fiveLineBill(hindi: boolean): InvoiceReceiptInput {
  const names = [
    'Basmati Rice Premium Long Grain 5kg',
    'Lifebuoy Soap 125g',
    hindi ? 'तूर दाल 1 किलो' : 'Toor Dal 1kg',
    'Amul Butter 500g',
    'Tata Salt 1kg',
  ];
  const lines = names.map((name, i) => ({
    name,
    hsn: ['1006', '3401', '0713', '0405', '2501'][i]!,
    unit: 'pcs',
    qtyMilli: 2000,
    unitPricePaise: 11_800,
    priceIncludesTax: true,
    gstRateBp: [500, 1800, 0, 1200, 500][i]!,
    cessRateBp: 0,
    grossPaise: 23_600,
    lineDiscountPaise: 0,
    billDiscountPaise: 0,
    taxablePaise: 20_000,
    cgstPaise: 1_800,
    sgstPaise: 1_800,
    igstPaise: 0,
    cessPaise: 0,
    totalPaise: 23_600,
  }));
  return {
    shop,
    invoice: {
      number: 'C1-2026-000123',
      createdAt: '2026-06-01T10:00:00Z',
      partyName: 'Ramesh Kumar',
      partyGstin: null,
      placeOfSupply: '27',
      interState: false,
      grossPaise: 118_000,
      discountPaise: 0,
      taxablePaise: 100_000,
      cgstPaise: 9_000,
      sgstPaise: 9_000,
      igstPaise: 0,
      cessPaise: 0,
      roundOffPaise: 0,
      totalPaise: 118_000,
      tenderedPaise: 100_000,
      changePaise: 0,
      khataPaise: 18_000,
    },
    supply: NO_SUPPLY_DETAILS,
    lines,
    payments: [
      { mode: 'cash', amountPaise: 100_000, reference: '' },
      { mode: 'khata', amountPaise: 18_000, reference: '' },
    ],
    khataBalancePaise: 45_000,
    paper: { width: 80, cut: true, drawerKick: true },
    reprint: false,
  };
}

export async function printingBench(): Promise<BenchRow[]> {
  const ascii = fiveLineBill(false);
  const hindi = fiveLineBill(true);
  const profile = { codePage: 'PC437_USA' as const };
  const pdfOf = (bill: typeof ascii) =>
    invoiceDocument({
      shop,
      invoice: bill.invoice,
      supply: bill.supply,
      lines: bill.lines,
      payments: bill.payments,
      party: null,
      pageSize: 'A4',
    });
  return [
    measure(
      'receipt → ESC/POS bytes (5 lines, 80 mm)',
      { runs: 2000, target: 5 },
      () => ascii,
      (bill) => renderEscPos(invoiceReceipt(bill), profile),
    ),
    measure(
      'receipt → ESC/POS bytes, one line Hindi (raster)',
      { runs: 1000, target: 5 },
      () => hindi,
      (bill) => renderEscPos(invoiceReceipt(bill), profile),
    ),
    await measureAsync(
      'A4 tax invoice PDF (5 lines)',
      { runs: 200, target: 100 },
      () => ascii,
      (bill) => renderPdf(pdfOf(bill)),
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await printingBench())
    console.log(
      `${row.name.padEnd(52)} p50 ${row.p50} ms  p95 ${row.p95} ms  p99 ${row.p99} ms  (target ≤ ${row.target} ms)`,
    );
}
