// Goods received against a purchase order: its lines' received quantities and its state move inside the caller's
// transaction (a purchase bill's finalise), so the bill and the order change together or not at all.
import { eq, sql } from 'drizzle-orm';
import { Conflict } from '../../../src-shared/errors';
import type { PurchaseOrderReceipt, PurchaseOrderState } from '../../../src-shared/contracts/purchase-orders';
import { type Ledger, nowIso } from '../ledger';
import { purchaseOrderLines } from './schema';
import { changeState, purchaseOrderRow } from './service';

export interface ReceivedLine {
  itemId: string;
  qtyMilli: number;
}

/** Who received it and on which bill, for the audit log. */
export interface ReceiptSource {
  staffId?: string | null;
  purchaseBillId?: string | null;
}

/** Received in full when every line has at least what was ordered; partly when anything has come. */
function stateAfter(lines: { orderedQtyMilli: number; receivedQtyMilli: number }[]): PurchaseOrderState | null {
  if (lines.every((line) => line.receivedQtyMilli >= line.orderedQtyMilli)) return 'received';
  if (lines.some((line) => line.receivedQtyMilli > 0)) return 'partly_received';
  return null;
}

/**
 * Records `lines` as received on the order. Call inside the purchase bill's own transaction (it opens none).
 * More than ordered is accepted (the supplier sent it and the bill says so) and reported in `overReceived`; items the
 * order never named are reported in `notOnOrder`. A received or cancelled order refuses with a Conflict, which rolls
 * the caller's bill back too.
 */
export function recordReceipt(
  ledger: Ledger,
  purchaseOrderId: string,
  lines: ReceivedLine[],
  source: ReceiptSource = {},
): PurchaseOrderReceipt {
  const order = purchaseOrderRow(ledger, purchaseOrderId);
  if (order.state === 'received' || order.state === 'cancelled')
    throw new Conflict({ key: 'poCannotReceive', params: { number: order.number } });
  const received = new Map<string, number>();
  for (const line of lines) received.set(line.itemId, (received.get(line.itemId) ?? 0) + line.qtyMilli);

  const orderLines = ledger.db
    .select()
    .from(purchaseOrderLines)
    .where(eq(purchaseOrderLines.purchaseOrderId, purchaseOrderId))
    .all();
  const onOrder = new Set(orderLines.map((line) => line.itemId));
  for (const line of orderLines) {
    const qtyMilli = received.get(line.itemId);
    if (!qtyMilli) continue;
    ledger.db
      .update(purchaseOrderLines)
      .set({ receivedQtyMilli: sql`${purchaseOrderLines.receivedQtyMilli} + ${qtyMilli}` })
      .where(eq(purchaseOrderLines.id, line.id))
      .run();
    line.receivedQtyMilli += qtyMilli;
  }
  const overReceived = orderLines
    .filter((line) => line.receivedQtyMilli > line.orderedQtyMilli)
    .map((line) => ({
      itemId: line.itemId,
      orderedQtyMilli: line.orderedQtyMilli,
      receivedQtyMilli: line.receivedQtyMilli,
    }));
  const notOnOrder = [...received.keys()].filter((itemId) => !onOrder.has(itemId));
  const to = stateAfter(orderLines) ?? order.state;
  changeState(
    ledger,
    order,
    to,
    {
      action: 'purchase_order.receive',
      staffId: source.staffId ?? null,
      details: {
        purchaseBillId: source.purchaseBillId ?? null,
        lines: lines.map((line) => ({ itemId: line.itemId, qtyMilli: line.qtyMilli })),
        overReceived,
        notOnOrder,
      },
    },
    to === 'received' ? { closedAt: nowIso(ledger) } : {},
  );
  return { purchaseOrderId, number: order.number, state: to, overReceived, notOnOrder };
}
