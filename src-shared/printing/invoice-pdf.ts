// The A4/A5 GST tax invoice as a pdfmake document definition: both GSTINs, place of supply, lines, HSN-wise tax,
// amount in words, signature box. Pure data, so the counter and the server render the same document with pdfmake.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { amountInWords } from '../amount-in-words';
import { formatQuantity, formatRupees } from '../money';
import { INDIAN_STATE_CODES } from '../gst/gstin';
import { shopDateTime } from '../shop-time';
import type { ReceiptInvoice, ReceiptLine, ReceiptPayment, ReceiptShop } from './receipt-invoice';
import { percent } from './receipt-invoice';
import type { TaxFigures } from '../contracts/tax';

export interface InvoicePdfInput {
  shop: ReceiptShop & { stateCode: string };
  invoice: ReceiptInvoice;
  lines: (ReceiptLine & { hsn: string })[];
  payments: ReceiptPayment[];
  party: { address: string; phone: string } | null;
  pageSize: 'A4' | 'A5';
}

const DEVANAGARI = /[\u0900-\u097f]/u;
const rupees = (paise: number) => formatRupees(paise);
const plain = (paise: number) => formatRupees(paise, { symbol: false });
const state = (code: string) => `${INDIAN_STATE_CODES[code] ?? 'State'} (${code})`;
/** Roboto has Latin and ₹ but no Devanagari; a Hindi name is set in Noto Sans Devanagari. */
const t = (text: string, extra: Record<string, unknown> = {}): Content =>
  ({ text, ...(DEVANAGARI.test(text) ? { font: 'NotoDevanagari' } : {}), ...extra }) as Content;
const num = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, alignment: 'right', ...extra });

interface HsnRow extends TaxFigures {
  hsn: string;
  gstRateBp: number;
}

export function hsnBreakup(lines: InvoicePdfInput['lines']): HsnRow[] {
  const rows = new Map<string, HsnRow>();
  for (const line of lines) {
    const key = `${line.hsn}|${line.gstRateBp}`;
    const row = rows.get(key) ?? {
      hsn: line.hsn,
      gstRateBp: line.gstRateBp,
      taxablePaise: 0,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 0,
      cessPaise: 0,
    };
    for (const k of ['taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise'] as const) row[k] += line[k];
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.hsn.localeCompare(b.hsn) || a.gstRateBp - b.gstRateBp);
}

function header(input: InvoicePdfInput): Content {
  const { shop, invoice } = input;
  const seller: Content[] = [
    t(shop.name, { style: 'shop' }),
    t(shop.address),
    t(shop.phone ? `Phone: ${shop.phone}` : ''),
    t(`GSTIN: ${shop.gstin ?? 'Unregistered'}`, { bold: true }),
    t(`State: ${state(shop.stateCode)}`),
  ];
  const meta: Content[] = [
    { text: 'TAX INVOICE', style: 'title' },
    { text: `Invoice No: ${invoice.number}`, bold: true },
    { text: `Date: ${shopDateTime(invoice.createdAt)}` },
    { text: `Place of supply: ${state(invoice.placeOfSupply)}` },
    { text: invoice.interState ? 'Inter-state supply (IGST)' : 'Intra-state supply (CGST + SGST)' },
  ];
  const buyer: Content[] = [
    { text: 'Bill to', style: 'label' },
    t(invoice.partyName || 'Cash customer', { bold: true }),
  ];
  if (input.party?.address) buyer.push(t(input.party.address));
  if (input.party?.phone) buyer.push(t(`Phone: ${input.party.phone}`));
  buyer.push(t(`GSTIN: ${invoice.partyGstin ?? 'Unregistered (B2C)'}`));
  return [
    {
      columns: [
        { stack: seller, width: '*' },
        { stack: meta, width: 'auto', alignment: 'right' },
      ],
    },
    { stack: buyer, margin: [0, 8, 0, 8] },
  ];
}

function linesTable(input: InvoicePdfInput): Content {
  const body: TableCell[][] = [
    ['#', 'Description', 'HSN', 'Qty', 'Rate', 'Disc.', 'Taxable', 'GST', 'Amount'].map((h, i) => ({
      text: h,
      style: 'th',
      alignment: i >= 3 ? 'right' : 'left',
    })),
  ];
  input.lines.forEach((line, index) => {
    const qty = line.unit === 'pcs' ? formatQuantity(line.qtyMilli) : `${formatQuantity(line.qtyMilli)} ${line.unit}`;
    body.push([
      String(index + 1),
      t(line.name) as TableCell,
      line.hsn,
      num(qty),
      num(`${plain(line.unitPricePaise)}${line.priceIncludesTax ? '*' : ''}`),
      num(plain(line.lineDiscountPaise + line.billDiscountPaise)),
      num(plain(line.taxablePaise)),
      num(percent(line.gstRateBp)),
      num(plain(line.totalPaise)),
    ]);
  });
  const fontSize = input.pageSize === 'A5' ? 7 : 9;
  const notes: Content[] = [];
  if (input.lines.some((line) => line.priceIncludesTax))
    notes.push({ text: '* rate includes GST', fontSize: fontSize - 1, color: '#555555' });
  return [
    {
      table: { headerRows: 1, widths: [14, '*', 38, 34, 48, 36, 52, 30, 56], body },
      layout: 'lightHorizontalLines',
      fontSize,
    },
    ...notes,
  ];
}

/** Taxable value + taxes ± round-off = total: the sum holds exactly, and never adds GST-inclusive prices to exclusive ones. */
function totals(invoice: ReceiptInvoice): Content {
  const rows: [string, number][] = [['Taxable value', invoice.taxablePaise]];
  if (invoice.interState) rows.push(['IGST', invoice.igstPaise]);
  else rows.push(['CGST', invoice.cgstPaise], ['SGST', invoice.sgstPaise]);
  if (invoice.cessPaise) rows.push(['Cess', invoice.cessPaise]);
  if (invoice.roundOffPaise) rows.push(['Round off', invoice.roundOffPaise]);
  const body: TableCell[][] = rows.map(([label, paise]) => [label, num(rupees(paise))]);
  body.push([{ text: 'Invoice total', bold: true }, num(rupees(invoice.totalPaise), { bold: true })]);
  const discount: Content[] = invoice.discountPaise
    ? [
        {
          text: `Discount given: ${rupees(invoice.discountPaise)} (already deducted from the taxable value)`,
          fontSize: 8,
        },
      ]
    : [];
  return {
    columns: [
      { stack: discount, width: '*' },
      { width: 200, table: { widths: ['*', 90], body }, layout: 'noBorders' },
    ],
    margin: [0, 6, 0, 6],
  };
}

function hsnTable(input: InvoicePdfInput): Content {
  const inter = input.invoice.interState;
  const head = ['HSN', 'Taxable', 'Rate', ...(inter ? ['IGST'] : ['CGST', 'SGST']), 'Cess', 'Total tax'];
  const body: TableCell[][] = [head.map((h, i) => ({ text: h, style: 'th', alignment: i === 0 ? 'left' : 'right' }))];
  for (const row of hsnBreakup(input.lines)) {
    const taxes = inter ? [row.igstPaise] : [row.cgstPaise, row.sgstPaise];
    body.push([
      row.hsn,
      num(plain(row.taxablePaise)),
      num(percent(row.gstRateBp)),
      ...taxes.map((p) => num(plain(p))),
      num(plain(row.cessPaise)),
      num(plain(row.cgstPaise + row.sgstPaise + row.igstPaise + row.cessPaise)),
    ]);
  }
  const i = input.invoice;
  const totalTaxes = inter ? [i.igstPaise] : [i.cgstPaise, i.sgstPaise];
  body.push([
    { text: 'Total', bold: true },
    num(plain(i.taxablePaise), { bold: true }),
    '',
    ...totalTaxes.map((p) => num(plain(p), { bold: true })),
    num(plain(i.cessPaise), { bold: true }),
    num(plain(i.cgstPaise + i.sgstPaise + i.igstPaise + i.cessPaise), { bold: true }),
  ]);
  return [
    { text: 'HSN-wise tax', style: 'label', margin: [0, 4, 0, 2] },
    {
      table: { headerRows: 1, widths: ['*', 70, 40, ...totalTaxes.map(() => 60), 50, 60], body },
      layout: 'lightHorizontalLines',
      fontSize: input.pageSize === 'A5' ? 7 : 8,
    },
  ];
}

function footer(input: InvoicePdfInput): Content {
  const { invoice, shop } = input;
  const order = ['cash', 'upi', 'card', 'khata'];
  const paid = [...input.payments]
    .sort((a, b) => order.indexOf(a.mode) - order.indexOf(b.mode))
    .map((p) => `${p.mode.toUpperCase()} ${rupees(p.amountPaise)}`)
    .join(', ');
  const notes: Content[] = [
    { text: [{ text: 'Amount in words: ', bold: true }, amountInWords(invoice.totalPaise)] },
    { text: `Paid: ${paid || 'nothing'}${invoice.changePaise ? `; change ${rupees(invoice.changePaise)}` : ''}` },
  ];
  if (invoice.khataPaise) notes.push({ text: `Due on khata (credit): ${rupees(invoice.khataPaise)}`, bold: true });
  const signature = {
    width: 170,
    table: {
      widths: ['*'],
      heights: [14, 44, 14],
      body: [
        [t(`For ${shop.name}`, { bold: true, alignment: 'center' }) as TableCell],
        [''],
        [{ text: 'Authorised Signatory', alignment: 'center', fontSize: 8 }],
      ],
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
        i === 0 || i === node.table.body.length ? 1 : 0,
      vLineWidth: () => 1,
    },
  };
  return [
    { columns: [{ stack: notes, width: '*' }, signature as Content], columnGap: 12, margin: [0, 10, 0, 0] },
    t(shop.receiptFooter, { alignment: 'center', margin: [0, 12, 0, 0], color: '#555555' }),
  ];
}

export function invoiceDocument(input: InvoicePdfInput): TDocumentDefinitions {
  const small = input.pageSize === 'A5';
  return {
    pageSize: input.pageSize,
    pageMargins: small ? [20, 20, 20, 24] : [36, 36, 36, 40],
    info: {
      title: `Tax invoice ${input.invoice.number}`,
      author: input.shop.name,
      creationDate: new Date(input.invoice.createdAt),
    },
    defaultStyle: { font: 'Roboto', fontSize: small ? 8 : 10 },
    styles: {
      shop: { fontSize: small ? 13 : 16, bold: true },
      title: { fontSize: small ? 12 : 15, bold: true },
      label: { bold: true, color: '#333333' },
      th: { bold: true, fillColor: '#eeeeee' },
    },
    content: [header(input), linesTable(input), totals(input.invoice), hsnTable(input), footer(input)],
    footer: (page: number, pages: number) => ({
      text: `${input.invoice.number} — page ${page} of ${pages}`,
      alignment: 'center',
      fontSize: 7,
      color: '#777777',
    }),
  };
}
