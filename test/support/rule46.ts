// The particulars of CGST Rule 46 (tax invoice) and Rule 49 (bill of supply), each by its clause, as text a person
// reads off a document: the checks the PDF, the server's PDF and the thermal receipt tests all run.
import { formatQuantity, formatRupees } from '../../src-shared/money';
import { COMPOSITION_DECLARATION } from '../../src-shared/gst/rule46';
import { shopDate } from '../../src-shared/shop-time';

export interface BillOnPaper {
  invoice: {
    number: string;
    createdAt: string;
    partyName: string;
    partyGstin: string | null;
    placeOfSupply: string;
    interState: boolean;
    taxablePaise: number;
    cgstPaise: number;
    sgstPaise: number;
    igstPaise: number;
    totalPaise: number;
  };
  supply: { billOfSupply: boolean; composition: boolean; recipientAddress: string; deliveryAddress: string };
  lines: { name: string; hsn: string; unit: string; qtyMilli: number; gstRateBp: number }[];
}

export type Document = 'pdf' | 'receipt';
export interface Particular {
  clause: string;
  /** Each must be found in the document's text (runs of white space read as one space). */
  shows: (string | RegExp)[];
  /** None may be found. */
  lacks?: (string | RegExp)[];
}

const money = (paise: number) => formatRupees(paise, { symbol: false });
const STATES: Record<string, string> = { '27': 'Maharashtra (27)', '29': 'Karnataka (29)' };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const half = (bp: number) => `${bp / 200}%`;

export const SHOP = { name: 'Galla Kirana', address: 'MG Road, Pune', gstin: '27AAPFU0939F1ZV' };

function lineParticulars(doc: Document, bill: BillOnPaper): Particular[] {
  return [
    { clause: 'Rule 46(g) HSN code of each line', shows: bill.lines.map((line) => line.hsn) },
    { clause: 'Rule 46(h) description of each line', shows: bill.lines.map((line) => line.name) },
    {
      clause: 'Rule 46(i) quantity and unit of each line, pieces too',
      shows: bill.lines.map((line) => `${formatQuantity(line.qtyMilli)} ${line.unit}`),
    },
    {
      clause: 'Rule 46(j) total value of the supply',
      shows: [doc === 'pdf' ? `₹${money(bill.invoice.totalPaise)}` : money(bill.invoice.totalPaise)],
    },
  ];
}

function taxParticulars(doc: Document, bill: BillOnPaper): Particular[] {
  const { invoice } = bill;
  const rates = [...new Set(bill.lines.map((line) => line.gstRateBp))];
  const rateShown = (bp: number): RegExp[] =>
    doc === 'receipt'
      ? invoice.interState
        ? [new RegExp(`IGST @${bp / 100}%`)]
        : [new RegExp(`CGST @${escape(half(bp))}`), new RegExp(`SGST @${escape(half(bp))}`)]
      : invoice.interState
        ? [new RegExp(`[\\d,]+\\.\\d\\d ${bp / 100}% [\\d,]+\\.\\d\\d`)]
        : [new RegExp(`[\\d,]+\\.\\d\\d ${escape(half(bp))} [\\d,]+\\.\\d\\d ${escape(half(bp))} [\\d,]+\\.\\d\\d`)];
  const heads = invoice.interState
    ? [['IGST', invoice.igstPaise] as const]
    : [['CGST', invoice.cgstPaise] as const, ['SGST', invoice.sgstPaise] as const];
  return [
    {
      clause: 'Rule 46(k) taxable value after discount',
      shows: [doc === 'pdf' ? `Taxable value ₹${money(invoice.taxablePaise)}` : /GST [\d.]+% on [\d,]+\.\d\d/],
    },
    {
      clause: 'Rule 46(l) rate of each head of tax (CGST and SGST each, or IGST)',
      shows: [
        ...(doc === 'pdf' ? (invoice.interState ? ['IGST rate'] : ['CGST rate', 'SGST rate']) : []),
        ...rates.flatMap(rateShown),
      ],
      lacks: invoice.interState ? [/CGST/] : [/IGST/],
    },
    {
      clause: 'Rule 46(m) amount of each head of tax',
      shows: heads.map(([head, paise]) =>
        doc === 'pdf' ? `${head} ₹${money(paise)}` : new RegExp(`${head} (@[\\d.]+%|added) +${escape(money(paise))}`),
      ),
    },
    {
      clause: 'Rule 46(n) place of supply with the name of the State',
      shows: [`Place of supply: ${STATES[invoice.placeOfSupply]}`],
    },
    { clause: 'Rule 46(p) whether tax is payable on reverse charge', shows: [/reverse charge: No/i] },
  ];
}

/** What the document must show, by clause, for this bill: a tax invoice (Rule 46) or a bill of supply (Rule 49). */
export function particulars(doc: Document, bill: BillOnPaper): Particular[] {
  const { invoice, supply } = bill;
  const registered = invoice.partyGstin !== null;
  const list: Particular[] = [
    {
      clause: 'Rule 46(a) / 49(a) supplier name, address and GSTIN',
      shows: [SHOP.name, SHOP.address, `GSTIN: ${SHOP.gstin}`],
    },
    { clause: 'Rule 46(b) / 49(b) serial number of at most 16 characters', shows: [invoice.number] },
    { clause: 'Rule 46(c) / 49(c) date of issue', shows: [shopDate(invoice.createdAt)] },
    ...lineParticulars(doc, bill),
    {
      clause: 'Rule 46(q) / 49(h) signature of the supplier or authorised representative',
      shows: [/Authorised Signatory/i, `For ${SHOP.name}`],
    },
  ];
  if (registered)
    list.push({
      clause: 'Rule 46(d) / 49(d) registered recipient: name, address, GSTIN',
      shows: [invoice.partyName, supply.recipientAddress, `GSTIN: ${invoice.partyGstin}`],
    });
  if (!registered && supply.deliveryAddress)
    list.push({
      clause: 'Rule 46(e) unregistered recipient of ₹50,000 or more: name, address, delivery address, State and code',
      shows: [invoice.partyName, supply.recipientAddress, supply.deliveryAddress, STATES[invoice.placeOfSupply]!],
    });
  if (supply.deliveryAddress) list.push({ clause: 'Rule 46(o) address of delivery', shows: [supply.deliveryAddress] });
  if (!supply.billOfSupply)
    return [...list, { clause: 'Tax invoice title', shows: [/TAX INVOICE/] }, ...taxParticulars(doc, bill)];
  return [
    ...list,
    {
      clause: 'Rule 49(g) value of supply after discount, and no tax charged (Section 31(3)(c))',
      shows: [/BILL OF SUPPLY/, `Value of supply ${doc === 'pdf' ? '₹' : ''}${money(invoice.taxablePaise)}`],
      lacks: [/CGST(?! Act)|SGST|IGST/, /Taxable/, /TAX INVOICE/, /@\d/],
    },
    supply.composition
      ? { clause: 'Rule 5(1)(g) composition declaration at the top', shows: [COMPOSITION_DECLARATION] }
      : { clause: 'Exempt supply declaration (Section 31(3)(c))', shows: [/exempt/i, 'no GST charged'] },
  ];
}

/** Text as a person reads it: one line per printed row, runs of white space as one space. */
export function readable(lines: string[]): string {
  // The printer emulator marks a styled line "{bold}" or "{bold,tall}" at its end: not printed text.
  const printed = lines.map((line) => line.replace(/ *\{[a-z,]+\}$/, ''));
  return printed.map((line) => line.replace(/\s+/g, ' ').trim()).join('\n');
}

/** Every particular's text found (and its forbidden text absent), each reported under its clause when it is not. */
export function missingParticulars(doc: Document, bill: BillOnPaper, lines: string[]): string[] {
  const text = readable(lines);
  const flat = text.replace(/\s+/g, ' ');
  const found = (want: string | RegExp) =>
    typeof want === 'string' ? flat.includes(want) : want.test(text) || want.test(flat);
  return particulars(doc, bill).flatMap(({ clause, shows, lacks = [] }) => [
    ...shows.filter((want) => !found(want)).map((want) => `${clause}: missing ${String(want)}`),
    ...lacks.filter(found).map((want) => `${clause}: should not show ${String(want)}`),
  ]);
}
