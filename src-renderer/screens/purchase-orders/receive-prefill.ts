// What "Receive" hands the purchase-bill entry: the order's supplier and, per line, what is still to come at its expected rate.
import type { Outputs } from '../../app/trpc';

export interface PurchaseBillPrefill {
  purchaseOrderId: string;
  purchaseOrderNumber: string;
  supplierId: string;
  lines: { itemId: string; qtyMilli: number; ratePaise: number }[];
}

/** Lines already received in full are left out: the bill starts with exactly what is left to receive. */
export function receivePrefill(detail: Outputs['purchaseOrders']['get']): PurchaseBillPrefill {
  return {
    purchaseOrderId: detail.order.id,
    purchaseOrderNumber: detail.order.number,
    supplierId: detail.order.supplierId,
    lines: detail.lines
      .filter((line) => line.leftToReceiveMilli > 0)
      .map((line) => ({ itemId: line.itemId, qtyMilli: line.leftToReceiveMilli, ratePaise: line.expectedRatePaise })),
  };
}
