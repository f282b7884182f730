// Lays out a sales invoice as a thermal receipt: header, GSTIN, wrapped lines, tax by rate, payments, khata, UPI QR, barcode.
import { format } from 'date-fns';
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
  gstRateBp: number;
  lineDiscountPaise: number;
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
const MODE_LABEL: Record<ReceiptPayment['mode'], string> = {
  cash: 'Cash',
  upi: 'UPI',
  card: 'Card',
  khata: 'Khata (credit)',
};

export function shopHeader(shop: ReceiptShop, columns: number, title: string, reprint: boolean): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [];
  if (reprint) blocks.push(...centered('*** REPRINT / DUPLICATE ***', columns, { bold: true }));
  blocks.push(...centered(shop.name, columns, { bold: true, tall: true }));
  if (shop.address) blocks.push(...centered(shop.address, columns));
  if (shop.phone) blocks.push(...centered(`Ph: ${shop.phone}`, columns));
  if (shop.gstin) blocks.push(...centered(`GSTIN: ${shop.gstin}`, columns));
  blocks.push({ kind: 'rule', char: '=' }, ...centered(title, columns, { bold: true }));
  return blocks;
}

export function taxSummary(
  lines: (ReceiptTaxes & { gstRateBp: number })[],
  interState: boolean,
  columns: number,
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
  const head = interState ? ['GST', 'Taxable', 'IGST', 'Cess'] : ['GST', 'Taxable', 'CGST', 'SGST'];
  const blocks: ReceiptBlock[] = [{ kind: 'text', text: tableLine(head, widths), align: 'left', bold: true }];
  for (const [rateBp, row] of [...byRate].sort(([a], [b]) => a - b)) {
    const cells = interState
      ? [percent(rateBp), money(row.taxablePaise), money(row.igstPaise), money(row.cessPaise)]
      : [percent(rateBp), money(row.taxablePaise), money(row.cgstPaise), money(row.sgstPaise)];
    blocks.push({ kind: 'text', text: tableLine(cells, widths), align: 'left' });
  }
  return blocks;
}

function lineBlocks(lines: ReceiptLine[], columns: number): ReceiptBlock[] {
  return lines.flatMap((line, index) => {
    const qty = line.unit === 'pcs' ? formatQuantity(line.qtyMilli) : `${formatQuantity(line.qtyMilli)} ${line.unit}`;
    const blocks: ReceiptBlock[] = wrapText(`${index + 1}. ${line.name}`, columns).map((text) => ({
      kind: 'text',
      text,
      align: 'left',
    }));
    blocks.push(
      ...rows(`   ${qty} x ${money(line.unitPricePaise)} @${percent(line.gstRateBp)}`, money(line.totalPaise), columns),
    );
    if (line.lineDiscountPaise > 0) blocks.push(...rows('   discount', `-${money(line.lineDiscountPaise)}`, columns));
    return blocks;
  });
}

function totalBlocks(invoice: ReceiptInvoice, columns: number): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [...rows('Gross', money(invoice.grossPaise), columns)];
  if (invoice.discountPaise > 0) blocks.push(...rows('Discount', `-${money(invoice.discountPaise)}`, columns));
  blocks.push(...rows('Taxable value', money(invoice.taxablePaise), columns));
  if (invoice.interState) blocks.push(...rows('IGST', money(invoice.igstPaise), columns));
  else
    blocks.push(...rows('CGST', money(invoice.cgstPaise), columns), ...rows('SGST', money(invoice.sgstPaise), columns));
  if (invoice.cessPaise > 0) blocks.push(...rows('Cess', money(invoice.cessPaise), columns));
  if (invoice.roundOffPaise !== 0) blocks.push(...rows('Round off', money(invoice.roundOffPaise), columns));
  blocks.push(...rows('TOTAL Rs.', money(invoice.totalPaise), columns, { bold: true, tall: true }));
  return blocks;
}

function paymentBlocks(input: InvoiceReceiptInput, columns: number): ReceiptBlock[] {
  const { invoice, payments } = input;
  const order = ['cash', 'upi', 'card', 'khata'];
  const sorted = [...payments].sort((a, b) => order.indexOf(a.mode) - order.indexOf(b.mode));
  const blocks: ReceiptBlock[] = sorted.flatMap((payment) =>
    rows(
      `${MODE_LABEL[payment.mode]}${payment.reference ? ` (${payment.reference})` : ''}`,
      money(payment.amountPaise),
      columns,
    ),
  );
  if (invoice.changePaise > 0) blocks.push(...rows('Change', money(invoice.changePaise), columns, { bold: true }));
  if (invoice.khataPaise > 0) {
    blocks.push(...rows('Due on khata', money(invoice.khataPaise), columns, { bold: true }));
    if (input.khataBalancePaise !== null)
      blocks.push(...rows('Khata balance now', money(input.khataBalancePaise), columns));
    if (input.shop.upiId) {
      blocks.push(
        { kind: 'feed', lines: 1 },
        ...centered(`Scan to pay Rs. ${money(invoice.khataPaise)} by UPI`, columns),
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

export function invoiceReceipt(input: InvoiceReceiptInput): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const { invoice, shop } = input;
  const blocks: ReceiptBlock[] = [...shopHeader(shop, columns, 'TAX INVOICE', input.reprint)];
  blocks.push(
    ...rows('Bill No', invoice.number, columns),
    ...rows('Date', format(new Date(invoice.createdAt), 'dd-MM-yyyy HH:mm'), columns),
  );
  if (invoice.partyName)
    blocks.push(
      ...wrapText(`To: ${invoice.partyName}`, columns).map((text): ReceiptBlock => ({
        kind: 'text',
        text,
        align: 'left',
      })),
    );
  if (invoice.partyGstin) blocks.push({ kind: 'text', text: `GSTIN: ${invoice.partyGstin}`, align: 'left' });
  if (invoice.interState)
    blocks.push({ kind: 'text', text: `Place of supply: ${invoice.placeOfSupply}`, align: 'left' });
  blocks.push({ kind: 'rule', char: '-' }, ...lineBlocks(input.lines, columns), { kind: 'rule', char: '-' });
  blocks.push(...totalBlocks(invoice, columns), { kind: 'rule', char: '-' });
  blocks.push(...taxSummary(input.lines, invoice.interState, columns), { kind: 'rule', char: '-' });
  blocks.push(...paymentBlocks(input, columns), { kind: 'feed', lines: 1 });
  blocks.push({ kind: 'barcode', data: invoice.number }, ...centered(shop.receiptFooter, columns), {
    kind: 'feed',
    lines: 2,
  });
  const paidCash = input.payments.some((payment) => payment.mode === 'cash');
  return { columns, blocks, cut: input.paper.cut, drawerKick: input.paper.drawerKick && paidCash && !input.reprint };
}
