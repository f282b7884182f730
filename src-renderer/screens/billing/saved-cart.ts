// A bill kept in the ledger (held, or the open bill's draft) back into a cart: its items re-read from the catalogue.
import type { TRPCClient } from '@trpc/client';
import type { HoldBillInput } from '../../../src-shared/contracts/sales';
import type { AppRouter } from '../../app/trpc';
import type { Cart } from './cart';

export async function cartFromSaved(
  client: TRPCClient<AppRouter>,
  saved: HoldBillInput['cart'],
  ids: { billId: string; heldBillId: string | null },
): Promise<Cart> {
  const items = await Promise.all(saved.lines.map((line) => client.catalogue.get.query({ id: line.itemId })));
  const party = saved.partyId ? await client.parties.get.query({ id: saved.partyId }) : null;
  return {
    billId: ids.billId,
    heldBillId: ids.heldBillId,
    selected: saved.lines.length - 1,
    party,
    billDiscount: saved.billDiscount,
    deliveryAddress: saved.deliveryAddress,
    lines: saved.lines.map((line, index) => ({
      key: `${line.itemId}:${index}:saved`,
      item: items[index]!,
      qtyMilli: line.qtyMilli,
      unitPricePaise: line.unitPricePaise ?? null,
      discount: line.discount,
    })),
  };
}
