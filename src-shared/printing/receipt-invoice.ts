// Lays out a sales invoice as a thermal receipt: header, GSTIN, wrapped lines, tax by rate, payments, khata, UPI QR, barcode.
// It is the tax invoice itself for most counter sales, so it carries every particular of CGST Rule 46 (listed with
// their clause letters in src-shared/gst/rule46.ts), or of Rule 49 when the sale is a bill of supply.
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
import { COMPOSITION_DECLARATION, stateNameAndCode, type InvoiceSupply } from '../gst/rule46';
import { einvoiceReceiptBlocks, type EinvoicePrint } from './einvoice-print';

export interface ReceiptShop {
  name: string;
  address: string;
  phone: string;
  gstin: string | null;
  /** The shop's State (Rule 46(a) asks for the supplier's address; the State completes it). */
  stateCode?: string;
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
  hsn: string;
  unit: string;
  qtyMilli: number;
  unitPricePaise: number;
  /** A sticker price that includes GST, or a price GST is added to: the receipt never adds the two kinds up unlabelled. */
  priceIncludesTax: boolean;
  gstRateBp: number;
  cessRateBp: number;
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
  /** A tax invoice or a bill of supply, and the addresses given with the sale. */
  supply: InvoiceSupply;
  lines: ReceiptLine[];
  payments: ReceiptPayment[];
  /** The customer's khata balance right after this bill; null for a walk-in customer. */
  khataBalancePaise: number | null;
  paper: ReceiptPaper;
  /** Printed again (a reprint, or a retry after a print that may have come out in part): marked so it is never taken for a second sale. */
  reprint: boolean;
  /** The IRN and the IRP's signed QR code, once the bill is e-invoiced (printed on a reprint after sync). */
  einvoice?: EinvoicePrint | null;
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
  if (shop.stateCode) blocks.push(...centered(`${l('state')}: ${stateNameAndCode(shop.stateCode)}`, columns));
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

/**
 * Each line at its own price (qty × rate); its own discount under it. The bill discount is not spread in here.
 * The name carries its HSN (Rule 46(g), (h)); the quantity its unit, pieces too (Rule 46(i)).
 */
function lineBlocks(lines: ReceiptLine[], columns: number, l: Labeller, taxed: boolean): ReceiptBlock[] {
  return lines.flatMap((line, index) => {
    const qty = `${formatQuantity(line.qtyMilli)} ${line.unit}`;
    const blocks = leftText(`${index + 1}. ${line.name}${line.hsn ? ` HSN ${line.hsn}` : ''}`, columns);
    const rate = taxed ? ` @${percent(line.gstRateBp)}` : '';
    blocks.push(...rows(`   ${qty} x ${money(line.unitPricePaise)}${rate}`, money(line.grossPaise), columns));
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
  if (input.supply.billOfSupply) return supplyTotalBlocks(input, columns, l);
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

/** A bill of supply has no tax to show: the value of supply after discounts (Rule 49(g)), round-off, total. */
function supplyTotalBlocks(input: InvoiceReceiptInput, columns: number, l: Labeller): ReceiptBlock[] {
  const { invoice, lines } = input;
  const blocks: ReceiptBlock[] = [];
  const billDiscountPaise = sum(lines, (line) => line.billDiscountPaise);
  if (billDiscountPaise > 0) {
    const itemsPaise = sum(lines, (line) => line.grossPaise - line.lineDiscountPaise);
    blocks.push(...rows(l('items'), money(itemsPaise), columns));
    blocks.push(...rows(l('billDiscount'), `-${money(billDiscountPaise)}`, columns));
  }
  blocks.push(...rows(l('valueOfSupply'), money(invoice.taxablePaise), columns));
  if (invoice.roundOffPaise !== 0) blocks.push(...rows(l('roundOff'), money(invoice.roundOffPaise), columns));
  blocks.push(...rows(l('total'), money(invoice.totalPaise), columns, { bold: true, tall: true }));
  return blocks;
}

/**
 * Tax by rate, each head with its own rate (Rule 46(l), (m)): "18% on 106.78", then CGST @9% and SGST @9%, or
 * IGST @18%, and cess at its rate.
 */
function rateBlocks(lines: ReceiptLine[], interState: boolean, columns: number, l: Labeller): ReceiptBlock[] {
  const byRate = new Map<string, ReceiptTaxes & { gstRateBp: number; cessRateBp: number }>();
  for (const line of lines) {
    const key = `${line.gstRateBp}|${line.cessRateBp}`;
    const row = byRate.get(key) ?? {
      gstRateBp: line.gstRateBp,
      cessRateBp: line.cessRateBp,
      taxablePaise: 0,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 0,
      cessPaise: 0,
    };
    for (const k of ['taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise'] as const) row[k] += line[k];
    byRate.set(key, row);
  }
  const sorted = [...byRate.values()].sort((a, b) => a.gstRateBp - b.gstRateBp || a.cessRateBp - b.cessRateBp);
  return sorted.flatMap((row) => {
    const half = percent(row.gstRateBp / 2);
    const heads: [string, number][] = interState
      ? [[`IGST @${percent(row.gstRateBp)}`, row.igstPaise]]
      : [
          [`CGST @${half}`, row.cgstPaise],
          [`SGST @${half}`, row.sgstPaise],
        ];
    if (row.cessRateBp > 0 || row.cessPaise > 0) heads.push([`Cess @${percent(row.cessRateBp)}`, row.cessPaise]);
    return [
      ...leftText(`GST ${percent(row.gstRateBp)} ${l('taxOn')} ${money(row.taxablePaise)}`, columns),
      ...heads.flatMap(([head, paise]) => rows(`  ${head}`, money(paise), columns)),
    ];
  });
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

function leftText(text: string, columns: number): ReceiptBlock[] {
  return wrapText(text, columns).map((line): ReceiptBlock => ({ kind: 'text', text: line, align: 'left' }));
}

/** The buyer (Rule 46(d), (e)), where the goods go (46(o)), the place of supply (46(n)) and reverse charge (46(p)). */
function buyerBlocks(input: InvoiceReceiptInput, columns: number, l: Labeller): ReceiptBlock[] {
  const { invoice, supply } = input;
  const blocks: ReceiptBlock[] = [];
  if (invoice.partyName) blocks.push(...leftText(`${l('to')}: ${invoice.partyName}`, columns));
  if (invoice.partyName && supply.recipientAddress)
    blocks.push(...leftText(`${l('address')}: ${supply.recipientAddress}`, columns));
  if (invoice.partyGstin) blocks.push(...leftText(`GSTIN: ${invoice.partyGstin}`, columns));
  if (supply.deliveryAddress) blocks.push(...leftText(`${l('deliverTo')}: ${supply.deliveryAddress}`, columns));
  const state = stateNameAndCode(invoice.placeOfSupply);
  if (supply.deliveryAddress) blocks.push(...leftText(`${l('state')}: ${state}`, columns));
  blocks.push(...leftText(`${l('placeOfSupply')}: ${state}`, columns));
  if (!supply.billOfSupply) blocks.push(...leftText(l('reverseCharge'), columns));
  return blocks;
}

/** Rule 46(q) / 49(h): the supplier's authorised signatory signs the paper copy. */
function signatureBlocks(shop: ReceiptShop, columns: number, l: Labeller): ReceiptBlock[] {
  return [
    ...centered(`${l('forShop')} ${shop.name}`, columns),
    { kind: 'feed', lines: 2 },
    ...centered(l('signatory'), columns),
  ];
}

export function invoiceReceipt(input: InvoiceReceiptInput): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const l = receiptLabels(input.paper.language ?? 'en');
  const { invoice, shop, supply } = input;
  const blocks: ReceiptBlock[] = [];
  // Rule 5(1)(g): the composition dealer's words go at the top of the bill of supply.
  if (supply.composition) blocks.push(...centered(COMPOSITION_DECLARATION, columns, { bold: true }));
  const title = supply.billOfSupply ? l('billOfSupply') : l('taxInvoice');
  blocks.push(...shopHeader(shop, columns, title, input.reprint, l));
  if (supply.billOfSupply && !supply.composition) blocks.push(...centered(l('exemptSupply'), columns));
  blocks.push(
    ...rows(l('billNo'), invoice.number, columns),
    ...rows(l('date'), shopDateTime(invoice.createdAt), columns),
    ...buyerBlocks(input, columns, l),
  );
  if (input.einvoice) blocks.push(...einvoiceReceiptBlocks(input.einvoice, columns, l));
  const taxed = !supply.billOfSupply;
  blocks.push({ kind: 'rule', char: '-' }, ...lineBlocks(input.lines, columns, l, taxed), { kind: 'rule', char: '-' });
  blocks.push(...totalBlocks(input, columns, l), { kind: 'rule', char: '-' });
  if (taxed) {
    const allInclusive = input.lines.every((line) => line.priceIncludesTax);
    blocks.push(...leftText(l(allInclusive ? 'gstIncluded' : 'gstSummary'), columns));
    blocks.push(...rateBlocks(input.lines, invoice.interState, columns, l), { kind: 'rule', char: '-' });
  }
  blocks.push(...paymentBlocks(input, columns, l), { kind: 'feed', lines: 1 });
  blocks.push(...signatureBlocks(shop, columns, l), { kind: 'feed', lines: 1 });
  blocks.push({ kind: 'barcode', data: invoice.number }, ...centered(shop.receiptFooter, columns), {
    kind: 'feed',
    lines: 2,
  });
  const paidCash = input.payments.some((payment) => payment.mode === 'cash');
  return { columns, blocks, cut: input.paper.cut, drawerKick: input.paper.drawerKick && paidCash && !input.reprint };
}
