// Receipt layouts for the other printed documents: credit note, khata payment receipt and its reversal, Z-report, test page.
import { format } from 'date-fns';
import type { ShiftFigures } from '../contracts/cash-sessions';
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

const when = (iso: string): string => format(new Date(iso), 'dd-MM-yyyy HH:mm');
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
  const note = input.creditNote;
  const blocks: ReceiptBlock[] = [...shopHeader(input.shop, columns, 'CREDIT NOTE (RETURN)', input.reprint)];
  blocks.push(
    ...rows('Credit note', note.number, columns),
    ...rows('Date', when(note.createdAt), columns),
    ...left(`Against bill ${note.invoiceNumber}`, columns),
  );
  if (note.partyName) blocks.push(...left(`To: ${note.partyName}`, columns));
  blocks.push(...left(`Reason: ${note.reason}`, columns), { kind: 'rule', char: '-' });
  input.lines.forEach((line, index) => {
    blocks.push(
      ...left(`${index + 1}. ${line.name}`, columns),
      ...rows(
        `   ${formatQuantity(line.qtyMilli)} returned @${percent(line.gstRateBp)}`,
        money(line.totalPaise),
        columns,
      ),
    );
  });
  blocks.push({ kind: 'rule', char: '-' }, ...taxSummary(input.lines, note.interState, columns), {
    kind: 'rule',
    char: '-',
  });
  if (note.roundOffPaise !== 0) blocks.push(...rows('Round off', money(note.roundOffPaise), columns));
  const how = note.refundMode === 'khata' ? 'Credited to khata' : `Refund by ${note.refundMode.toUpperCase()}`;
  blocks.push(...rows(`${how} Rs.`, money(note.totalPaise), columns, { bold: true, tall: true }));
  if (input.khataBalancePaise !== null)
    blocks.push(...rows('Khata balance now', money(input.khataBalancePaise), columns));
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
  const { receipt } = input;
  const blocks: ReceiptBlock[] = [...shopHeader(input.shop, columns, 'PAYMENT RECEIVED', input.reprint)];
  blocks.push(
    ...rows('Receipt No', receipt.number, columns),
    ...rows('Date', when(receipt.createdAt), columns),
    ...left(`From: ${input.partyName}`, columns),
    { kind: 'rule', char: '-' },
  );
  blocks.push(
    ...rows(`Received by ${receipt.mode.toUpperCase()} Rs.`, money(receipt.amountPaise), columns, {
      bold: true,
      tall: true,
    }),
  );
  if (receipt.reference) blocks.push(...left(`Ref: ${receipt.reference}`, columns));
  blocks.push(
    ...rows('Khata balance now', money(input.balanceAfterPaise), columns, { bold: true }),
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
  const { reversal } = input;
  const blocks: ReceiptBlock[] = [...shopHeader(input.shop, columns, 'RECEIPT CANCELLED', input.reprint)];
  blocks.push(
    ...rows('Reversal No', reversal.number, columns),
    ...rows('Date', when(reversal.createdAt), columns),
    ...left(`Cancels receipt ${reversal.receiptNumber}`, columns),
    ...left(`Customer: ${input.partyName}`, columns),
    ...left(`Reason: ${reversal.reason}`, columns),
    { kind: 'rule', char: '-' },
    ...rows(`Back out by ${reversal.mode.toUpperCase()} Rs.`, money(reversal.amountPaise), columns, { bold: true }),
    ...rows('Khata balance now', money(input.balanceAfterPaise), columns, { bold: true }),
    { kind: 'feed', lines: 1 },
    { kind: 'barcode', data: reversal.number },
  );
  return finish(input.paper, blocks);
}

export interface ZReportInput {
  shop: ReceiptShop;
  counterId: string;
  summary: ShiftFigures & {
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

export function zReport(input: ZReportInput): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const { summary } = input;
  const { session } = summary;
  const row = (label: string, paise: number) => rows(label, money(paise), columns);
  const blocks: ReceiptBlock[] = [
    ...shopHeader(input.shop, columns, `Z-REPORT counter ${input.counterId}`, input.reprint),
  ];
  blocks.push(
    ...left(`Opened ${when(session.openedAt)}`, columns),
    ...left(session.closedAt ? `Closed ${when(session.closedAt)}` : 'Shift still open (X-report)', columns),
    { kind: 'rule', char: '-' },
  );
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
  blocks.push(
    ...row('Opening float', session.openingFloatPaise),
    ...row('Cash sales', summary.salesByMode.cash),
    ...row('Cash refunds', -summary.cashRefundsPaise),
    ...row('Cash receipts', summary.cashReceiptsPaise),
  );
  blocks.push(
    ...row('Cash in', summary.cashInPaise),
    ...row('Cash out', -summary.cashOutPaise),
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
