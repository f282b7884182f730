// Receipt layouts for the other printed documents: credit note, khata payment receipt and its reversal, Z-report, test page.
import type { ShiftDetails, ShiftFigures } from '../contracts/cash-sessions';
import type { TaxRateRow } from '../contracts/tax';
import { shopDate, shopDateTime } from '../shop-time';
import { formatQuantity } from '../money';
import {
  centered,
  columnsFor,
  rows,
  wrapText,
  type ReceiptBlock,
  type ReceiptModel,
  type ReceiptPaper,
} from './receipt-model';
import {
  money,
  percent,
  shopHeader,
  taxSummary,
  type ReceiptPayment,
  type ReceiptShop,
  type ReceiptTaxes,
} from './receipt-invoice';
import { MODE_LABELS, receiptLabels } from './receipt-labels';

const when = shopDateTime;
const left = (text: string, columns: number): ReceiptBlock[] =>
  wrapText(text, columns).map((line) => ({ kind: 'text', text: line, align: 'left' }));
const finish = (paper: ReceiptPaper, blocks: ReceiptBlock[], drawerKick = false): ReceiptModel => ({
  columns: columnsFor(paper.width),
  blocks: [...blocks, { kind: 'feed', lines: 2 }],
  cut: paper.cut,
  drawerKick: paper.drawerKick && drawerKick,
});

export interface CreditNoteReceiptInput {
  shop: ReceiptShop;
  creditNote: ReceiptTaxes & {
    number: string;
    createdAt: string;
    invoiceNumber: string;
    partyName: string;
    interState: boolean;
    reason: string;
    refundMode: ReceiptPayment['mode'];
    roundOffPaise: number;
    totalPaise: number;
  };
  lines: (ReceiptTaxes & { name: string; qtyMilli: number; gstRateBp: number; totalPaise: number })[];
  khataBalancePaise: number | null;
  paper: ReceiptPaper;
  reprint: boolean;
}

export function creditNoteReceipt(input: CreditNoteReceiptInput): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const l = receiptLabels(input.paper.language ?? 'en');
  const note = input.creditNote;
  const blocks: ReceiptBlock[] = [...shopHeader(input.shop, columns, l('creditNote'), input.reprint, l)];
  blocks.push(
    ...rows(l('creditNoteNo'), note.number, columns),
    ...rows(l('date'), when(note.createdAt), columns),
    ...left(`${l('againstBill')} ${note.invoiceNumber}`, columns),
  );
  if (note.partyName) blocks.push(...left(`${l('to')}: ${note.partyName}`, columns));
  blocks.push(...left(`${l('reason')}: ${note.reason}`, columns), { kind: 'rule', char: '-' });
  input.lines.forEach((line, index) => {
    blocks.push(
      ...left(`${index + 1}. ${line.name}`, columns),
      ...rows(
        `   ${formatQuantity(line.qtyMilli)} ${l('returned')} @${percent(line.gstRateBp)}`,
        money(line.totalPaise),
        columns,
      ),
    );
  });
  blocks.push({ kind: 'rule', char: '-' }, ...taxSummary(input.lines, note.interState, columns, l), {
    kind: 'rule',
    char: '-',
  });
  if (note.roundOffPaise !== 0) blocks.push(...rows(l('roundOff'), money(note.roundOffPaise), columns));
  const how =
    note.refundMode === 'khata' ? l('creditedToKhata') : `${l('refundBy')} ${l(MODE_LABELS[note.refundMode])} Rs.`;
  blocks.push(...rows(how, money(note.totalPaise), columns, { bold: true, tall: true }));
  if (input.khataBalancePaise !== null)
    blocks.push(...rows(l('khataBalance'), money(input.khataBalancePaise), columns));
  blocks.push(
    { kind: 'feed', lines: 1 },
    { kind: 'barcode', data: note.number },
    ...centered(input.shop.receiptFooter, columns),
  );
  return finish(input.paper, blocks, note.refundMode === 'cash' && !input.reprint);
}

export interface KhataReceiptInput {
  shop: ReceiptShop;
  receipt: { number: string; createdAt: string; amountPaise: number; mode: ReceiptPayment['mode']; reference: string };
  partyName: string;
  balanceAfterPaise: number;
  paper: ReceiptPaper;
  reprint: boolean;
}

export function khataReceipt(input: KhataReceiptInput): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const l = receiptLabels(input.paper.language ?? 'en');
  const { receipt } = input;
  const blocks: ReceiptBlock[] = [...shopHeader(input.shop, columns, l('paymentReceived'), input.reprint, l)];
  blocks.push(
    ...rows(l('receiptNo'), receipt.number, columns),
    ...rows(l('date'), when(receipt.createdAt), columns),
    ...left(`${l('from')}: ${input.partyName}`, columns),
    { kind: 'rule', char: '-' },
  );
  blocks.push(
    ...rows(`${l('receivedBy')} ${l(MODE_LABELS[receipt.mode])} Rs.`, money(receipt.amountPaise), columns, {
      bold: true,
      tall: true,
    }),
  );
  if (receipt.reference) blocks.push(...left(`${l('reference')}: ${receipt.reference}`, columns));
  blocks.push(
    ...rows(l('khataBalance'), money(input.balanceAfterPaise), columns, { bold: true }),
    { kind: 'feed', lines: 1 },
    { kind: 'barcode', data: receipt.number },
  );
  return finish(input.paper, blocks, receipt.mode === 'cash' && !input.reprint);
}

export interface ReceiptReversalInput {
  shop: ReceiptShop;
  reversal: {
    number: string;
    createdAt: string;
    receiptNumber: string;
    amountPaise: number;
    mode: ReceiptPayment['mode'];
    reason: string;
  };
  partyName: string;
  balanceAfterPaise: number;
  paper: ReceiptPaper;
  reprint: boolean;
}

/** The slip for a cancelled receipt: which receipt, why, and the khata balance it restored. */
export function receiptReversalSlip(input: ReceiptReversalInput): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const l = receiptLabels(input.paper.language ?? 'en');
  const { reversal } = input;
  const blocks: ReceiptBlock[] = [...shopHeader(input.shop, columns, l('receiptCancelled'), input.reprint, l)];
  blocks.push(
    ...rows(l('reversalNo'), reversal.number, columns),
    ...rows(l('date'), when(reversal.createdAt), columns),
    ...left(`${l('cancelsReceipt')} ${reversal.receiptNumber}`, columns),
    ...left(`${l('to')}: ${input.partyName}`, columns),
    ...left(`${l('reason')}: ${reversal.reason}`, columns),
    { kind: 'rule', char: '-' },
    ...rows(`${l('backOutBy')} ${l(MODE_LABELS[reversal.mode])} Rs.`, money(reversal.amountPaise), columns, {
      bold: true,
    }),
    ...rows(l('khataBalance'), money(input.balanceAfterPaise), columns, { bold: true }),
    { kind: 'feed', lines: 1 },
    { kind: 'barcode', data: reversal.number },
  );
  return finish(input.paper, blocks);
}

export interface SupplierPaymentSlipInput {
  shop: ReceiptShop;
  payment: {
    number: string;
    createdAt: string;
    amountPaise: number;
    mode: 'cash' | 'upi' | 'bank' | 'cheque';
    reference: string;
    chequeDate: string | null;
  };
  supplierName: string;
  /** What the shop still owed the supplier right after this payment. */
  payableAfterPaise: number;
  paper: ReceiptPaper;
  reprint: boolean;
}

const SUPPLIER_MODE_LABELS = { cash: 'cash', upi: 'upi', bank: 'bank', cheque: 'cheque' } as const;

/**
 * The slip for money paid to a supplier: the shop's copy of what went out, how, and what is still owed, with a line
 * for the supplier's man to sign. Cash opens the drawer it comes out of (not on a reprint).
 */
export function supplierPaymentSlip(input: SupplierPaymentSlipInput): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const l = receiptLabels(input.paper.language ?? 'en');
  const { payment } = input;
  const blocks: ReceiptBlock[] = [...shopHeader(input.shop, columns, l('paidToSupplier'), input.reprint, l)];
  blocks.push(
    ...rows(l('paymentNo'), payment.number, columns),
    ...rows(l('date'), when(payment.createdAt), columns),
    ...left(`${l('paidTo')}: ${input.supplierName}`, columns),
    { kind: 'rule', char: '-' },
    ...rows(
      `${l('paidBy')} ${l(SUPPLIER_MODE_LABELS[payment.mode])} ${l('rupees')}`,
      money(payment.amountPaise),
      columns,
      {
        bold: true,
        tall: true,
      },
    ),
  );
  if (payment.mode === 'cheque') {
    blocks.push(...rows(l('chequeNo'), payment.reference, columns));
    if (payment.chequeDate) blocks.push(...rows(l('chequeDate'), shopDate(payment.chequeDate), columns));
  } else if (payment.reference) blocks.push(...left(`${l('reference')}: ${payment.reference}`, columns));
  blocks.push(
    ...rows(l('dueToSupplier'), money(input.payableAfterPaise), columns, { bold: true }),
    { kind: 'feed', lines: 2 },
    ...left(`${l('receivedBySupplier')}: ____________`, columns),
    { kind: 'feed', lines: 1 },
    { kind: 'barcode', data: payment.number },
  );
  return finish(input.paper, blocks, payment.mode === 'cash' && !input.reprint);
}

export interface ZReportInput {
  shop: ReceiptShop;
  counterId: string;
  summary: ShiftFigures &
    ShiftDetails & {
      session: {
        openedAt: string;
        closedAt: string | null;
        openingFloatPaise: number;
        countedPaise: number | null;
        differencePaise: number | null;
      };
    };
  paper: ReceiptPaper;
  reprint: boolean;
}

/** GST by rate, one small block a rate (a six-column table does not fit 32 columns): taxable, then each tax charged. */
function gstBlocks(title: string, byRate: TaxRateRow[], columns: number): ReceiptBlock[] {
  if (byRate.length === 0) return [];
  const blocks: ReceiptBlock[] = [{ kind: 'text', text: title, align: 'left', bold: true }];
  const total = { taxablePaise: 0, cgstPaise: 0, sgstPaise: 0, igstPaise: 0, cessPaise: 0 };
  const taxRows = (figures: typeof total, indent: string) =>
    (
      [
        ['CGST', figures.cgstPaise],
        ['SGST', figures.sgstPaise],
        ['IGST', figures.igstPaise],
        ['Cess', figures.cessPaise],
      ] as const
    )
      .filter(([, paise]) => paise !== 0)
      .flatMap(([tax, paise]) => rows(`${indent}${tax}`, money(paise), columns));
  for (const row of byRate) {
    blocks.push(
      ...rows(`  ${percent(row.gstRateBp)} taxable`, money(row.taxablePaise), columns),
      ...taxRows(row, '      '),
    );
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += row[key];
  }
  blocks.push(
    ...rows('  Total taxable', money(total.taxablePaise), columns, { bold: true }),
    ...taxRows(total, '  Total '),
  );
  return blocks;
}

function peopleBlocks(summary: ZReportInput['summary'], columns: number): ReceiptBlock[] {
  const { session } = summary;
  const blocks: ReceiptBlock[] = [
    ...left(`Opened ${when(session.openedAt)} by ${summary.openedByName || '?'}`, columns),
    ...left(
      session.closedAt
        ? `Closed ${when(session.closedAt)} by ${summary.closedByName || '?'}`
        : 'Shift still open (X-report)',
      columns,
    ),
  ];
  if (summary.cashiers.length) blocks.push({ kind: 'text', text: 'Billed by', align: 'left', bold: true });
  for (const cashier of summary.cashiers)
    blocks.push(
      ...rows(
        `  ${cashier.name} (${cashier.invoiceCount} ${cashier.invoiceCount === 1 ? 'bill' : 'bills'})`,
        money(cashier.salesPaise),
        columns,
      ),
    );
  return blocks;
}

export function zReport(input: ZReportInput): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const { summary } = input;
  const { session } = summary;
  const row = (label: string, paise: number) => rows(label, money(paise), columns);
  const blocks: ReceiptBlock[] = [
    ...shopHeader(input.shop, columns, `Z-REPORT counter ${input.counterId}`, input.reprint),
  ];
  blocks.push(...peopleBlocks(summary, columns), { kind: 'rule', char: '-' });
  blocks.push(...rows('Bills', String(summary.invoiceCount), columns), ...row('Sales', summary.salesPaise));
  for (const mode of ['cash', 'upi', 'card', 'khata'] as const)
    blocks.push(
      ...row(`  ${mode.toUpperCase()}${mode === 'cash' ? ' (net of change)' : ''}`, summary.salesByMode[mode]),
    );
  blocks.push(
    ...rows('Returns', String(summary.returnCount), columns),
    ...row('Refunds', summary.refundsPaise),
    ...row('Khata payments received', summary.receiptsPaise),
    { kind: 'rule', char: '-' },
  );
  const gst = [
    ...gstBlocks('GST on sales', summary.gstSales, columns),
    ...gstBlocks('GST on returns', summary.gstReturns, columns),
  ];
  if (gst.length) blocks.push(...gst, { kind: 'rule', char: '-' });
  blocks.push(
    ...row('Opening float', session.openingFloatPaise),
    ...row('Cash sales', summary.salesByMode.cash),
    ...row('Cash refunds', -summary.cashRefundsPaise),
    ...row('Cash receipts', summary.cashReceiptsPaise),
  );
  blocks.push(
    ...row('Cash in', summary.cashInPaise),
    ...row('Cash out', -summary.cashOutPaise),
    ...(summary.cashPaidToSuppliersPaise ? row('Paid to suppliers', -summary.cashPaidToSuppliersPaise) : []),
    ...rows('Expected cash Rs.', money(summary.expectedCashPaise), columns, { bold: true }),
  );
  if (session.countedPaise !== null)
    blocks.push(
      ...row('Counted cash', session.countedPaise),
      ...rows('Difference', money(session.differencePaise ?? 0), columns, { bold: true }),
    );
  return finish(input.paper, blocks);
}

/** The settings screen's test print: columns ruler, styles, Hindi (raster), QR, barcode, cut and drawer. */
export function testPage(input: { shop: ReceiptShop | null; printerName: string; paper: ReceiptPaper }): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const ruler = Array.from({ length: columns }, (_, index) => String((index + 1) % 10)).join('');
  const blocks: ReceiptBlock[] = [
    ...centered('PRINTER TEST', columns, { bold: true, tall: true }),
    ...centered(input.printerName, columns),
    ...centered(input.shop?.name ?? 'Galla', columns),
    { kind: 'rule', char: '=' },
    { kind: 'text', text: ruler, align: 'left' },
    ...rows(`${input.paper.width} mm paper`, `${columns} columns`, columns),
    { kind: 'text', text: 'Bold text', align: 'left', bold: true },
    ...rows('Amount Rs.', money(123456789), columns),
    { kind: 'text', text: 'हिंदी: नमस्ते, धन्यवाद ₹ 50', align: 'left' },
    { kind: 'rule', char: '-' },
    { kind: 'qr', data: 'https://example.invalid/galla-test' },
    { kind: 'barcode', data: 'GALLA-TEST' },
  ];
  return finish(input.paper, blocks, true);
}
