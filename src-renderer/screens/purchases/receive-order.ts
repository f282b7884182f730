// Receiving a purchase order: the order's supplier and what is left to come (at the order's rates) as a purchase bill
// being entered, with each item's GST rate and HSN read from the catalogue like a scanned line.
import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../app/trpc';
import { formatQuantity } from '../../../src-shared/money';
import type { PurchaseBillPrefill } from '../purchase-orders/receive-prefill';
import { emptyPurchaseDraft, purchaseDraftReducer, rupeesText, type PurchaseDraft } from './purchase-draft';

export async function draftFromOrder(
  client: TRPCClient<AppRouter>,
  prefill: PurchaseBillPrefill,
): Promise<PurchaseDraft> {
  const [supplier, items] = await Promise.all([
    client.parties.get.query({ id: prefill.supplierId }),
    Promise.all(prefill.lines.map((line) => client.catalogue.get.query({ id: line.itemId }))),
  ]);
  let draft: PurchaseDraft = {
    ...emptyPurchaseDraft(crypto.randomUUID()),
    supplier: { id: supplier.id, name: supplier.name, stateCode: supplier.stateCode, gstin: supplier.gstin },
    purchaseOrderId: prefill.purchaseOrderId,
    purchaseOrderNumber: prefill.purchaseOrderNumber,
  };
  prefill.lines.forEach((line, index) => {
    draft = purchaseDraftReducer(draft, { type: 'add', item: items[index]!, qty: formatQuantity(line.qtyMilli) });
    draft = purchaseDraftReducer(draft, { type: 'line', index, field: 'rate', value: rupeesText(line.ratePaise) });
  });
  return draft;
}
