// The A4/A5 GST tax invoice as a pdfmake document definition: both GSTINs, place of supply, lines, HSN-wise tax,
// amount in words, signature box. Pure data, so the counter and the server render the same document with pdfmake.
// It carries every particular of CGST Rule 46 (listed with their clause letters in src-shared/gst/rule46.ts); a
// sale of exempt goods or by a composition dealer is a bill of supply instead (Rule 49): no tax columns, and the
// composition dealer's declaration at its top (Rule 5(1)(g)).
import type { Column, Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { amountInWords } from '../amount-in-words';
import { formatQuantity, formatRupees } from '../money';
import { COMPOSITION_DECLARATION, EXEMPT_DECLARATION, stateNameAndCode, type InvoiceSupply } from '../gst/rule46';
import { shopDateTime } from '../shop-time';
import type { ReceiptInvoice, ReceiptLine, ReceiptPayment, ReceiptShop } from './receipt-invoice';
import { percent } from './receipt-invoice';
import type { TaxFigures } from '../contracts/tax';
import type { EinvoicePrint } from './einvoice-print';

export interface InvoicePdfInput {
  shop: ReceiptShop & { stateCode: string };
  invoice: ReceiptInvoice;
  supply: InvoiceSupply;
  lines: ReceiptLine[];
  payments: ReceiptPayment[];
  party: { address: string; phone: string } | null;
  pageSize: 'A4' | 'A5';
  /** The IRN and the signed QR code (as a PNG data URL the caller drew from it), once the bill is e-invoiced. */
  einvoice?: (EinvoicePrint & { qrPng: string }) | null;
  /** The e-way bill made for the goods' movement (Rule 138), when the server has one. */
  ewayBill?: { number: string; generatedAt: string; validUntil: string } | null;
}

const DEVANAGARI = /[\u0900-\u097f]/u;
const rupees = (paise: number) => formatRupees(paise);
const plain = (paise: number) => formatRupees(paise, { symbol: false });
const state = stateNameAndCode;
/** Roboto has Latin and ₹ but no Devanagari; a Hindi name is set in Noto Sans Devanagari. */
const t = (text: string, extra: Record<string, unknown> = {}): Content =>
  ({ text, ...(DEVANAGARI.test(text) ? { font: 'NotoDevanagari' } : {}), ...extra }) as Content;
const num = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, alignment: 'right', ...extra });

/**
 * pdfmake's "light horizontal lines", with the room between columns narrowed on A5 so that every column of
 * the tax invoice fits the page's width (8 points a side leaves the description no room there).
 */
function ruledRows(small: boolean): CustomTableLayout {
  const pad = small ? 3 : 8;
  return {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === node.table.headerRows ? 2 : 1),
    vLineWidth: () => 0,
    hLineColor: (i) => (i === 1 ? 'black' : '#aaaaaa'),
    paddingLeft: (i) => (i === 0 ? 0 : pad),
    paddingRight: (i, node) => (i === (node.table.widths?.length ?? 1) - 1 ? 0 : pad),
  };
}

interface HsnRow extends TaxFigures {
  hsn: string;
  gstRateBp: number;
  cessRateBp: number;
}

export function hsnBreakup(lines: InvoicePdfInput['lines']): HsnRow[] {
  const rows = new Map<string, HsnRow>();
  for (const line of lines) {
    const key = `${line.hsn}|${line.gstRateBp}|${line.cessRateBp}`;
    const row = rows.get(key) ?? {
      hsn: line.hsn,
      gstRateBp: line.gstRateBp,
      cessRateBp: line.cessRateBp,
      taxablePaise: 0,
      cgstPaise: 0,
      sgstPaise: 0,
      igstPaise: 0,
      cessPaise: 0,
    };
    for (const k of ['taxablePaise', 'cgstPaise', 'sgstPaise', 'igstPaise', 'cessPaise'] as const) row[k] += line[k];
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => a.hsn.localeCompare(b.hsn) || a.gstRateBp - b.gstRateBp || a.cessRateBp - b.cessRateBp,
  );
}

/** Rule 46(a)-(e), (n)-(p): seller, number, date, buyer, place of supply, delivery address, reverse charge. */
function header(input: InvoicePdfInput): Content {
  const { shop, invoice, supply } = input;
  const seller: Content[] = [
    t(shop.name, { style: 'shop' }),
    t(shop.address),
    t(shop.phone ? `Phone: ${shop.phone}` : ''),
    t(`GSTIN: ${shop.gstin ?? 'Unregistered'}`, { bold: true }),
    t(`State: ${state(shop.stateCode)}`),
  ];
  const meta: Content[] = [
    { text: supply.billOfSupply ? 'BILL OF SUPPLY' : 'TAX INVOICE', style: 'title' },
    { text: `${supply.billOfSupply ? 'Bill' : 'Invoice'} No: ${invoice.number}`, bold: true },
    { text: `Date: ${shopDateTime(invoice.createdAt)}` },
    { text: `Place of supply: ${state(invoice.placeOfSupply)}` },
  ];
  if (!supply.billOfSupply)
    meta.push(
      { text: invoice.interState ? 'Inter-state supply (IGST)' : 'Intra-state supply (CGST + SGST)' },
      { text: 'Tax payable on reverse charge: No' },
    );
  if (input.ewayBill)
    meta.push(
      { text: `E-way bill No: ${input.ewayBill.number}`, bold: true },
      { text: `E-way bill date: ${shopDateTime(input.ewayBill.generatedAt)}` },
      { text: `Valid until: ${shopDateTime(input.ewayBill.validUntil)}` },
    );
  const address = supply.recipientAddress || input.party?.address || '';
  const buyer: Content[] = [
    { text: 'Bill to', style: 'label' },
    t(invoice.partyName || 'Cash customer', { bold: true }),
  ];
  if (address) buyer.push(t(address));
  if (input.party?.phone) buyer.push(t(`Phone: ${input.party.phone}`));
  buyer.push(t(`GSTIN: ${invoice.partyGstin ?? 'Unregistered (B2C)'}`));
  if (invoice.partyName) buyer.push(t(`State: ${state(invoice.placeOfSupply)}`));
  const parties: Column[] = [{ stack: buyer, width: '*' }];
  if (supply.deliveryAddress)
    parties.push({
      stack: [
        { text: 'Ship to (address of delivery)', style: 'label' },
        t(supply.deliveryAddress),
        t(`State: ${state(invoice.placeOfSupply)}`),
      ],
      width: '*',
    });
  return [
    ...(supply.composition ? [{ text: COMPOSITION_DECLARATION, style: 'declaration' }] : []),
    {
      columns: [
        { stack: seller, width: '*' },
        { stack: meta, width: 'auto', alignment: 'right' },
      ],
    },
    ...(supply.billOfSupply && !supply.composition ? [{ text: EXEMPT_DECLARATION, style: 'declaration' }] : []),
    { columns: parties, columnGap: 12, margin: [0, 8, 0, 8] },
  ] as Content;
}

/** Rule 46(g)-(k): HSN, description, quantity with its unit (pieces too), value, and taxable value after discount. */
function linesTable(input: InvoicePdfInput): Content {
  const taxed = !input.supply.billOfSupply;
  const heads = taxed
    ? ['#', 'Description', 'HSN', 'Qty', 'Rate', 'Disc.', 'Taxable', 'GST', 'Amount']
    : ['#', 'Description', 'HSN', 'Qty', 'Rate', 'Disc.', 'Amount'];
  const body: TableCell[][] = [heads.map((h, i) => ({ text: h, style: 'th', alignment: i >= 3 ? 'right' : 'left' }))];
  input.lines.forEach((line, index) => {
    const tax = taxed ? [num(plain(line.taxablePaise)), num(percent(line.gstRateBp))] : [];
    body.push([
      String(index + 1),
      t(line.name) as TableCell,
      line.hsn,
      num(`${formatQuantity(line.qtyMilli)} ${line.unit}`),
      num(`${plain(line.unitPricePaise)}${taxed && line.priceIncludesTax ? '*' : ''}`),
      num(plain(line.lineDiscountPaise + line.billDiscountPaise)),
      ...tax,
      num(plain(line.totalPaise)),
    ]);
  });
  const fontSize = input.pageSize === 'A5' ? 7 : 9;
  const notes: Content[] = [];
  if (taxed && input.lines.some((line) => line.priceIncludesTax))
    notes.push({ text: '* rate includes GST', fontSize: fontSize - 1, color: '#555555' });
  const small = input.pageSize === 'A5';
  const widths = taxed
    ? small
      ? [10, '*', 28, 36, 38, 30, 42, 22, 44]
      : [14, '*', 38, 40, 48, 36, 52, 30, 56]
    : small
      ? [10, '*', 28, 36, 44, 36, 50]
      : [14, '*', 38, 40, 56, 44, 64];
  return [{ table: { headerRows: 1, widths, body }, layout: ruledRows(small), fontSize }, ...notes];
}

/** Taxable value + taxes ± round-off = total: the sum holds exactly, and never adds GST-inclusive prices to exclusive ones. */
function totals(invoice: ReceiptInvoice, supply: InvoiceSupply): Content {
  const rows: [string, number][] = [];
  if (supply.billOfSupply) rows.push(['Value of supply', invoice.taxablePaise]);
  else {
    rows.push(['Taxable value', invoice.taxablePaise]);
    if (invoice.interState) rows.push(['IGST', invoice.igstPaise]);
    else rows.push(['CGST', invoice.cgstPaise], ['SGST', invoice.sgstPaise]);
    if (invoice.cessPaise) rows.push(['Cess', invoice.cessPaise]);
  }
  if (invoice.roundOffPaise) rows.push(['Round off', invoice.roundOffPaise]);
  const body: TableCell[][] = rows.map(([label, paise]) => [label, num(rupees(paise))]);
  const totalLabel = supply.billOfSupply ? 'Bill total' : 'Invoice total';
  body.push([{ text: totalLabel, bold: true }, num(rupees(invoice.totalPaise), { bold: true })]);
  const discount: Content[] = invoice.discountPaise
    ? [
        {
          text: `Discount given: ${rupees(invoice.discountPaise)} (already deducted from the ${supply.billOfSupply ? 'value of supply' : 'taxable value'})`,
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

/** Rule 46(l), (m): each head of tax with its own rate and amount, by HSN: CGST and SGST (half the GST rate each) or IGST. */
function hsnTable(input: InvoicePdfInput): Content {
  const inter = input.invoice.interState;
  const cess = input.lines.some((line) => line.cessRateBp > 0 || line.cessPaise > 0);
  const head = [
    'HSN',
    'Taxable',
    ...(inter ? ['IGST rate', 'IGST'] : ['CGST rate', 'CGST', 'SGST rate', 'SGST']),
    ...(cess ? ['Cess rate'] : []),
    'Cess',
    'Total tax',
  ];
  const body: TableCell[][] = [head.map((h, i) => ({ text: h, style: 'th', alignment: i === 0 ? 'left' : 'right' }))];
  for (const row of hsnBreakup(input.lines)) {
    const half = percent(row.gstRateBp / 2);
    // (the rate of each of CGST and SGST is half the GST rate: CGST Act s. 9(1) with SGST Act s. 9(1))
    const taxes = inter
      ? [num(percent(row.gstRateBp)), num(plain(row.igstPaise))]
      : [num(half), num(plain(row.cgstPaise)), num(half), num(plain(row.sgstPaise))];
    body.push([
      row.hsn,
      num(plain(row.taxablePaise)),
      ...taxes,
      ...(cess ? [num(percent(row.cessRateBp))] : []),
      num(plain(row.cessPaise)),
      num(plain(row.cgstPaise + row.sgstPaise + row.igstPaise + row.cessPaise)),
    ]);
  }
  const i = input.invoice;
  const bold = (paise: number) => num(plain(paise), { bold: true });
  const totalTaxes = inter ? ['', bold(i.igstPaise)] : ['', bold(i.cgstPaise), '', bold(i.sgstPaise)];
  body.push([
    { text: 'Total', bold: true },
    bold(i.taxablePaise),
    ...totalTaxes,
    ...(cess ? [''] : []),
    bold(i.cessPaise),
    bold(i.cgstPaise + i.sgstPaise + i.igstPaise + i.cessPaise),
  ]);
  const small = input.pageSize === 'A5';
  const [money, rate] = small ? [44, 34] : [54, 40];
  const widths = [
    '*',
    money + 10,
    ...totalTaxes.map((_, k) => (k % 2 === 0 ? rate : money)),
    ...(cess ? [rate] : []),
    money - 8,
    money,
  ];
  return [
    { text: 'HSN-wise tax', style: 'label', margin: [0, 4, 0, 2] },
    {
      table: { headerRows: 1, widths, body },
      layout: ruledRows(small),
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

/** Rule 48(4): the IRN, its acknowledgement and the IRP's signed QR code, beside each other above the lines. */
function einvoiceBlock(einvoice: EinvoicePrint & { qrPng: string }, small: boolean): Content {
  return {
    columns: [
      {
        stack: [
          { text: 'e-Invoice', style: 'label' },
          { text: `IRN: ${einvoice.irn}`, fontSize: small ? 6.5 : 8 },
          { text: `Ack No: ${einvoice.ackNo}` },
          { text: `Ack Date: ${einvoice.ackDt}` },
        ],
        width: '*',
      },
      { image: einvoice.qrPng, width: small ? 90 : 120 },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 8],
  };
}

export function invoiceDocument(input: InvoicePdfInput): TDocumentDefinitions {
  const small = input.pageSize === 'A5';
  return {
    pageSize: input.pageSize,
    pageMargins: small ? [20, 20, 20, 24] : [36, 36, 36, 40],
    info: {
      title: `${input.supply.billOfSupply ? 'Bill of supply' : 'Tax invoice'} ${input.invoice.number}`,
      author: input.shop.name,
      creationDate: new Date(input.invoice.createdAt),
    },
    defaultStyle: { font: 'Roboto', fontSize: small ? 8 : 10 },
    styles: {
      shop: { fontSize: small ? 13 : 16, bold: true },
      title: { fontSize: small ? 12 : 15, bold: true },
      label: { bold: true, color: '#333333' },
      th: { bold: true, fillColor: '#eeeeee' },
      declaration: { bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
    },
    content: [
      header(input),
      ...(input.einvoice ? [einvoiceBlock(input.einvoice, small)] : []),
      linesTable(input),
      totals(input.invoice, input.supply),
      ...(input.supply.billOfSupply ? [] : [hsnTable(input)]),
      footer(input),
    ],
    footer: (page: number, pages: number) => ({
      text: `${input.invoice.number} — page ${page} of ${pages}`,
      alignment: 'center',
      fontSize: 7,
      color: '#777777',
    }),
  };
}
