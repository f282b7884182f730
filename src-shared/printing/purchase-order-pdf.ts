// A purchase order as an A4 pdfmake document: the shop, the supplier, the items with quantities and expected rates.
// Pure data, like the invoice PDF, so any side can render it.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { divRound, formatQuantity, formatRupees } from '../money';
import { shopDate } from '../shop-time';

export interface PurchaseOrderPdfInput {
  shop: { name: string; address: string; phone: string; gstin: string | null };
  supplier: { name: string; address: string; phone: string; gstin: string | null };
  order: { number: string; note: string; sentAt: string | null; createdAt: string; expectedTotalPaise: number };
  lines: { name: string; unit: string; orderedQtyMilli: number; expectedRatePaise: number }[];
}

const DEVANAGARI = /[\u0900-\u097f]/u;
/** Roboto has no Devanagari; a Hindi name is set in Noto Sans Devanagari. */
const t = (text: string, extra: Record<string, unknown> = {}): Content =>
  ({ text, ...(DEVANAGARI.test(text) ? { font: 'NotoDevanagari' } : {}), ...extra }) as Content;
const num = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, alignment: 'right', ...extra });

function party(label: string, who: PurchaseOrderPdfInput['shop']): Content[] {
  const stack: Content[] = [{ text: label, bold: true, color: '#333333' }, t(who.name, { bold: true })];
  if (who.address) stack.push(t(who.address));
  if (who.phone) stack.push(t(`Phone: ${who.phone}`));
  if (who.gstin) stack.push(t(`GSTIN: ${who.gstin}`));
  return stack;
}

function linesTable(input: PurchaseOrderPdfInput): Content {
  const head: TableCell[] = ['#', 'Item', 'Quantity', 'Expected rate', 'Expected value'].map((text) => ({
    text,
    style: 'th',
  }));
  const body: TableCell[][] = input.lines.map((line, index) => [
    String(index + 1),
    t(line.name) as TableCell,
    num(`${formatQuantity(line.orderedQtyMilli)} ${line.unit}`),
    num(line.expectedRatePaise ? formatRupees(line.expectedRatePaise) : '—'),
    num(line.expectedRatePaise ? formatRupees(divRound(line.orderedQtyMilli * line.expectedRatePaise, 1000)) : '—'),
  ]);
  const total: TableCell[] = [
    { text: 'Expected value (before tax)', colSpan: 4, bold: true },
    '',
    '',
    '',
    num(formatRupees(input.order.expectedTotalPaise), { bold: true }),
  ];
  return {
    table: { headerRows: 1, widths: [18, '*', 80, 80, 90], body: [head, ...body, total] },
    layout: 'lightHorizontalLines',
    margin: [0, 14, 0, 0],
  };
}

export function purchaseOrderDocument(input: PurchaseOrderPdfInput): TDocumentDefinitions {
  const { order } = input;
  const content: Content[] = [
    {
      columns: [
        { stack: [t(input.shop.name, { style: 'shop' }), ...party('', input.shop).slice(2)], width: '*' },
        {
          stack: [
            { text: 'PURCHASE ORDER', style: 'title' },
            { text: `Order No: ${order.number}`, bold: true },
            { text: `Date: ${shopDate(order.sentAt ?? order.createdAt)}` },
          ],
          width: 'auto',
        },
      ],
    },
    { stack: party('To (supplier)', input.supplier), margin: [0, 14, 0, 0] },
    linesTable(input),
  ];
  if (order.note) content.push(t(`Note: ${order.note}`, { margin: [0, 10, 0, 0] }));
  content.push(
    t('Rates are what we expect to pay; your tax invoice decides. Please confirm the order and the delivery date.', {
      margin: [0, 12, 0, 0],
      color: '#555555',
    }),
    t(`For ${input.shop.name}`, { alignment: 'right', bold: true, margin: [0, 30, 0, 0] }),
  );
  return {
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 40],
    info: { title: `Purchase order ${order.number}`, author: input.shop.name, creationDate: new Date(order.createdAt) },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      shop: { fontSize: 16, bold: true },
      title: { fontSize: 15, bold: true },
      th: { bold: true, fillColor: '#eeeeee' },
    },
    content,
    footer: (page: number, pages: number) => ({
      text: `${order.number} — page ${page} of ${pages}`,
      alignment: 'center',
      fontSize: 7,
      color: '#777777',
    }),
  };
}
