// Held bills as the recall list shows them: customer, item count, amount (at today's catalogue prices, as a recall
// would bill them), who held the bill and when.
import { asc, eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../../src-shared/errors';
import { holdBillInput, type HoldBillInput } from '../../../src-shared/contracts/sales';
import { computeInvoiceTotals } from '../../../src-shared/sales/totals';
import type { Ledger } from '../ledger';
import { items, type Item } from '../catalogue/schema';
import { parties, type Party } from '../parties/schema';
import { staff } from '../staff/schema';
import { getBilling, getShop } from '../settings/service';
import { heldBills } from './schema';

export interface HeldBillSummary {
  id: string;
  label: string;
  createdAt: string;
  partyName: string | null;
  itemCount: number;
  /** Null when an item has left the catalogue since: the recall will say which. */
  totalPaise: number | null;
  heldBy: string;
}

function billTotal(
  cart: HoldBillInput['cart'],
  byId: Map<string, Item>,
  party: Party | null,
  ledger: Ledger,
): number | null {
  const chosen = cart.lines.map((line) => ({ line, item: byId.get(line.itemId) }));
  if (chosen.length === 0 || chosen.some(({ item }) => !item?.active)) return null;
  const shopState = getShop(ledger)?.stateCode ?? null;
  try {
    return computeInvoiceTotals({
      interState: Boolean(party?.stateCode && shopState && party.stateCode !== shopState),
      roundOff: getBilling(ledger).roundOff,
      billDiscount: cart.billDiscount,
      lines: chosen.map(({ line, item }) => ({
        qtyMilli: line.qtyMilli,
        unitPricePaise: line.unitPricePaise ?? item!.pricePaise,
        priceIncludesTax: item!.priceIncludesTax,
        gstRateBp: item!.gstRateBp,
        cessRateBp: item!.cessRateBp,
        discount: line.discount,
      })),
    }).totalPaise;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

export function heldBillSummaries(ledger: Ledger): HeldBillSummary[] {
  const rows = ledger.db
    .select({ bill: heldBills, heldBy: staff.name })
    .from(heldBills)
    .leftJoin(staff, eq(staff.id, heldBills.staffId))
    .orderBy(asc(heldBills.createdAt))
    .all();
  // A bill held by an older version that no longer parses is still listed (and can be discarded).
  const carts = rows.map(
    ({ bill }) =>
      holdBillInput.shape.cart.safeParse(bill.cart).data ?? {
        lines: [],
        partyId: null,
        billDiscount: null,
        deliveryAddress: '',
      },
  );
  const itemIds = [...new Set(carts.flatMap((cart) => cart.lines.map((line) => line.itemId)))];
  const partyIds = [...new Set(carts.flatMap((cart) => (cart.partyId ? [cart.partyId] : [])))];
  const byId = new Map(
    (itemIds.length ? ledger.db.select().from(items).where(inArray(items.id, itemIds)).all() : []).map((item) => [
      item.id,
      item,
    ]),
  );
  const partyById = new Map(
    (partyIds.length ? ledger.db.select().from(parties).where(inArray(parties.id, partyIds)).all() : []).map(
      (party) => [party.id, party],
    ),
  );
  return rows.map(({ bill, heldBy }, index) => {
    const cart = carts[index]!;
    const party = cart.partyId ? (partyById.get(cart.partyId) ?? null) : null;
    return {
      id: bill.id,
      label: bill.label,
      createdAt: bill.createdAt,
      partyName: party?.name ?? null,
      itemCount: cart.lines.length,
      totalPaise: billTotal(cart, byId, party, ledger),
      heldBy: heldBy ?? '',
    };
  });
}
