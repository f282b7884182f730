// A purchase order on the receipt printer: shop, order number and date, supplier, one item a line with its quantity.
import { formatQuantity } from '../money';
import { shopDate } from '../shop-time';
import {
  centered,
  columnsFor,
  rows,
  wrapText,
  type ReceiptBlock,
  type ReceiptModel,
  type ReceiptPaper,
} from './receipt-model';
import { money, shopHeader, type ReceiptShop } from './receipt-invoice';
import { receiptLabels } from './receipt-labels';

export interface PurchaseOrderReceiptInput {
  shop: ReceiptShop;
  order: { number: string; supplierName: string; note: string; sentAt: string | null; createdAt: string };
  lines: { name: string; unit: string; orderedQtyMilli: number; expectedRatePaise: number }[];
  expectedTotalPaise: number;
  paper: ReceiptPaper;
  reprint: boolean;
}

const left = (text: string, columns: number): ReceiptBlock[] =>
  wrapText(text, columns).map((line) => ({ kind: 'text', text: line, align: 'left' }));

export function purchaseOrderReceipt(input: PurchaseOrderReceiptInput): ReceiptModel {
  const columns = columnsFor(input.paper.width);
  const l = receiptLabels(input.paper.language ?? 'en');
  const { order } = input;
  const blocks: ReceiptBlock[] = [
    ...shopHeader(input.shop, columns, l('purchaseOrder'), input.reprint, l),
    ...rows(l('orderNo'), order.number, columns),
    ...rows(l('date'), shopDate(order.sentAt ?? order.createdAt), columns),
    ...left(`${l('supplier')}: ${order.supplierName}`, columns),
    { kind: 'rule', char: '-' },
    ...left(l('orderItems'), columns),
  ];
  input.lines.forEach((line, index) => {
    blocks.push(...rows(`${index + 1}. ${line.name}`, `${formatQuantity(line.orderedQtyMilli)} ${line.unit}`, columns));
  });
  blocks.push({ kind: 'rule', char: '-' });
  if (input.expectedTotalPaise > 0) blocks.push(...rows(l('expectedValue'), money(input.expectedTotalPaise), columns));
  if (order.note) blocks.push(...left(`${l('note')}: ${order.note}`, columns));
  blocks.push({ kind: 'feed', lines: 1 }, ...centered(order.number, columns, { bold: true }), {
    kind: 'feed',
    lines: 2,
  });
  return { columns, blocks, cut: input.paper.cut, drawerKick: false };
}
