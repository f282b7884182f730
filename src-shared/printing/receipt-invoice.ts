// Lays out a sales invoice as a thermal receipt: header, GSTIN, wrapped lines, tax by rate, payments, khata, UPI QR, barcode.
import { shopDateTime } from '../shop-time';
import { formatQuantity, formatRupees } from '../money';
import {
  centered,
  columnsFor,
  rows,
  tableLine,
  wrapText,
  type ReceiptBlock,
  type ReceiptModel,
  type ReceiptPaper,
} from './receipt-model';
import { upiPayUri } from './upi';
import { MODE_LABELS, receiptLabels, type Labeller } from './receipt-labels';

export interface ReceiptShop {
  name: string;
  address: string;
  phone: string;
  gstin: string | null;
  upiId: string;
  receiptFooter: string;
}

export interface ReceiptTaxes {
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  cessPaise: number;
}

export interface ReceiptInvoice extends ReceiptTaxes {
  number: string;
  createdAt: string;
  partyName: string;
  partyGstin: string | null;
  placeOfSupply: string;
  interState: boolean;
  grossPaise: number;
  discountPaise: number;
  roundOffPaise: number;
  totalPaise: number;
  tenderedPaise: number;
  changePaise: number;
  khataPaise: number;
}

export interface ReceiptLine extends ReceiptTaxes {
  name: string;
  unit: string;
  qtyMilli: number;
  unitPricePaise: number;
  /** A sticker price that includes GST, or a price GST is added to: the receipt never adds the two kinds up unlabelled. */
  priceIncludesTax: boolean;
  gstRateBp: number;
  /** qty × unit price: the line at its own price, before any discount. */
  grossPaise: number;
  lineDiscountPaise: number;
  /** This line's share of the bill discount; the receipt prints the bill discount once, not spread into lines. */
  billDiscountPaise: number;
  totalPaise: number;
}

export interface ReceiptPayment {
  mode: 'cash' | 'upi' | 'card' | 'khata';
  amountPaise: number;
  reference: string;
}

export interface InvoiceReceiptInput {
  shop: ReceiptShop;
  invoice: ReceiptInvoice;
  lines: ReceiptLine[];
  payments: ReceiptPayment[];
  /** The customer's khata balance right after this bill; null for a walk-in customer. */
  khataBalancePaise: number | null;
  paper: ReceiptPaper;
  /** Printed again (a reprint, or a retry after a print that may have come out in part): marked so it is never taken for a second sale. */
  reprint: boolean;
}

export const money = (paise: number): string => formatRupees(paise, { symbol: false });
export const percent = (bp: number): string =>
  `${bp % 100 === 0 ? bp / 100 : (bp / 100).toFixed(2).replace(/0$/, '')}%`;
const PAYMENT_ORDER = ['cash', 'upi', 'card', 'khata'];

export function shopHeader(
  shop: ReceiptShop,
  columns: number,
  title: string,
  reprint: boolean,
  l: Labeller = receiptLabels('en'),
): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [];
  if (reprint) blocks.push(...centered(l('reprint'), columns, { bold: true }));
  blocks.push(...centered(shop.name, columns, { bold: true, tall: true }));
  if (shop.address) blocks.push(...centered(shop.address, columns));
  if (shop.phone) blocks.push(...centered(`${l('phone')}: ${shop.phone}`, columns));
  if (shop.gstin) blocks.push(...centered(`GSTIN: ${shop.gstin}`, columns));
  blocks.push({ kind: 'rule', char: '=' }, ...centered(title, columns, { bold: true }));
  return blocks;
}

export function taxSummary(
  lines: (ReceiptTaxes & { gstRateBp: number })[],
  interState: boolean,
  columns: number,
  l: Labeller = receiptLabels('en'),
): ReceiptBlock[] {
  const byRate = new Map<number, ReceiptTaxes>();
  for (const line of lines) {
    const row = byRate.get(line.gstRateBp) ?? {
      taxablePaise: 0,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 0,
      cessPaise: 0,
    };
    for (const key of ['taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise'] as const)
      row[key] += line[key];
    byRate.set(line.gstRateBp, row);
  }
  const wide = columns >= 48;
  const widths = interState ? (wide ? [8, 16, 12, 12] : [6, 10, 8, 8]) : wide ? [8, 16, 12, 12] : [5, 11, 8, 8];
  const head = interState ? [l('rate'), l('taxable'), 'IGST', 'Cess'] : [l('rate'), l('taxable'), 'CGST', 'SGST'];
  const blocks: ReceiptBlock[] = [{ kind: 'text', text: tableLine(head, widths), align: 'left', bold: true }];
  for (const [rateBp, row] of [...byRate].sort(([a], [b]) => a - b)) {
    const cells = interState
      ? [percent(rateBp), money(row.taxablePaise), money(row.igstPaise), money(row.cessPaise)]
      : [percent(rateBp), money(row.taxablePaise), money(row.cgstPaise), money(row.sgstPaise)];
    blocks.push({ kind: 'text', text: tableLine(cells, widths), align: 'left' });
  }
  return blocks;
}

/** Each line at its own price (qty × rate); its own discount under it. The bill discount is not spread in here. */
function lineBlocks(lines: ReceiptLine[], columns: number, l: Labeller): ReceiptBlock[] {
  return lines.flatMap((line, index) => {
    const qty = line.unit === 'pcs' ? formatQuantity(line.qtyMilli) : `${formatQuantity(line.qtyMilli)} ${line.unit}`;
    const blocks: ReceiptBlock[] = wrapText(`${index + 1}. ${line.name}`, columns).map((text) => ({
      kind: 'text',
      text,
      align: 'left',
    }));
    blocks.push(
      ...rows(`   ${qty} x ${money(line.unitPricePaise)} @${percent(line.gstRateBp)}`, money(line.grossPaise), columns),
    );
    if (line.lineDiscountPaise > 0)
      blocks.push(...rows(`   ${l('discount')}`, `-${money(line.lineDiscountPaise)}`, columns));
    return blocks;
  });
}

const sum = <T>(list: T[], pick: (item: T) => number): number => list.reduce((total, item) => total + pick(item), 0);

/**
 * The sum a customer can check with a pencil: items (GST-inclusive and GST-exclusive prices never added up
 * under one label) − bill discount + GST added to exclusive prices ± round-off = total. It holds exactly,
 * because a line's total is its net price (inclusive) or net price plus its taxes (exclusive).
 */
function totalBlocks(input: InvoiceReceiptInput, columns: number, l: Labeller): ReceiptBlock[] {
  const { invoice, lines } = input;
  const inclusive = lines.filter((line) => line.priceIncludesTax);
  const exclusive = lines.filter((line) => !line.priceIncludesTax);
  const blocks: ReceiptBlock[] = [];
  const afterLineDiscount = (line: ReceiptLine) => line.grossPaise - line.lineDiscountPaise;
  if (inclusive.length) blocks.push(...rows(l('itemsInclusive'), money(sum(inclusive, afterLineDiscount)), columns));
  if (exclusive.length) blocks.push(...rows(l('itemsExclusive'), money(sum(exclusive, afterLineDiscount)), columns));
  const billDiscountPaise = sum(lines, (line) => line.billDiscountPaise);
  if (billDiscountPaise > 0) blocks.push(...rows(l('billDiscount'), `-${money(billDiscountPaise)}`, columns));
  const added = [
    ['CGST', sum(exclusive, (line) => line.cgstPaise)],
    ['SGST', sum(exclusive, (line) => line.sgstPaise)],
    ['IGST', sum(exclusive, (line) => line.igstPaise)],
    ['Cess', sum(exclusive, (line) => line.cessPaise)],
  ] as const;
  for (const [tax, paise] of added) if (paise > 0) blocks.push(...rows(`${tax} ${l('added')}`, money(paise), columns));
  if (invoice.roundOffPaise !== 0) blocks.push(...rows(l('roundOff'), money(invoice.roundOffPaise), columns));
  blocks.push(...rows(l('total'), money(invoice.totalPaise), columns, { bold: true, tall: true }));
  return blocks;
}

function paymentBlocks(input: InvoiceReceiptInput, columns: number, l: Labeller): ReceiptBlock[] {
  const { invoice, payments } = input;
  const sorted = [...payments].sort((a, b) => PAYMENT_ORDER.indexOf(a.mode) - PAYMENT_ORDER.indexOf(b.mode));
  const blocks: ReceiptBlock[] = sorted.flatMap((payment) =>
    rows(
      `${l(MODE_LABELS[payment.mode])}${payment.reference ? ` (${payment.reference})` : ''}`,
      money(payment.amountPaise),
      columns,
    ),
  );
  if (invoice.changePaise > 0) blocks.push(...rows(l('change'), money(invoice.changePaise), columns, { bold: true }));
  if (invoice.khataPaise > 0) {
    blocks.push(...rows(l('dueOnKhata'), money(invoice.khataPaise), columns, { bold: true }));
    if (input.khataBalancePaise !== null)
      blocks.push(...rows(l('khataBalance'), money(input.khataBalancePaise), columns));
    if (input.shop.upiId) {
      blocks.push(
        { kind: 'feed', lines: 1 },
        ...centered(`${l('scanToPay')}: Rs. ${money(invoice.khataPaise)}`, columns),
        {
          kind: 'qr',
          data: upiPayUri({
            payeeVpa: input.shop.upiId,
            payeeName: input.shop.name,
            amountPaise: invoice.khataPaise,
            note: invoice.number,
          }),
        },
      );
    }
  }
  return blocks;
}

const leftText = (text: string, columns: number): ReceiptBlock[] =>
  wrapText(text, columns).map((line): ReceiptBlock => ({ kind: 'text', text: line, align: 'left' }));

export function invoiceReceipt(input: InvoiceReceiptInput): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const l = receiptLabels(input.paper.language ?? 'en');
  const { invoice, shop } = input;
  const blocks: ReceiptBlock[] = [...shopHeader(shop, columns, l('taxInvoice'), input.reprint, l)];
  blocks.push(
    ...rows(l('billNo'), invoice.number, columns),
    ...rows(l('date'), shopDateTime(invoice.createdAt), columns),
  );
  if (invoice.partyName) blocks.push(...leftText(`${l('to')}: ${invoice.partyName}`, columns));
  if (invoice.partyGstin) blocks.push(...leftText(`GSTIN: ${invoice.partyGstin}`, columns));
  if (invoice.interState) blocks.push(...leftText(`${l('placeOfSupply')}: ${invoice.placeOfSupply}`, columns));
  blocks.push({ kind: 'rule', char: '-' }, ...lineBlocks(input.lines, columns, l), { kind: 'rule', char: '-' });
  blocks.push(...totalBlocks(input, columns, l), { kind: 'rule', char: '-' });
  const allInclusive = input.lines.every((line) => line.priceIncludesTax);
  blocks.push(...leftText(l(allInclusive ? 'gstIncluded' : 'gstSummary'), columns));
  blocks.push(...taxSummary(input.lines, invoice.interState, columns, l), { kind: 'rule', char: '-' });
  blocks.push(...paymentBlocks(input, columns, l), { kind: 'feed', lines: 1 });
  blocks.push({ kind: 'barcode', data: invoice.number }, ...centered(shop.receiptFooter, columns), {
    kind: 'feed',
    lines: 2,
  });
  const paidCash = input.payments.some((payment) => payment.mode === 'cash');
  return { columns, blocks, cut: input.paper.cut, drawerKick: input.paper.drawerKick && paidCash && !input.reprint };
}
