// Open-bill drafts: saved on each change of the bill, brought back at the same cashier's next login, gone once the
// bill is finalised, held or cleared. A draft is plain working state: no audit, no outbox, no hash chain.
import { and, eq } from 'drizzle-orm';
import type { BillDraftInput } from '../../../src-shared/contracts/drafts';
import { holdBillInput, type HoldBillInput } from '../../../src-shared/contracts/sales';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { getCounter } from '../settings/service';
import { invoices } from '../sales/schema';
import { billDrafts } from './schema';

export interface OpenBill {
  billId: string;
  heldBillId: string | null;
  cart: HoldBillInput['cart'];
  updatedAt: string;
}

function mine(ledger: Ledger, actor: Actor) {
  return and(eq(billDrafts.counterId, getCounter(ledger).counterId), eq(billDrafts.staffId, actor.staffId));
}

function isEmpty(cart: HoldBillInput['cart']): boolean {
  return cart.lines.length === 0 && cart.partyId === null && cart.billDiscount === null;
}

function isFinalised(ledger: Ledger, billId: string): boolean {
  return Boolean(ledger.db.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, billId)).get());
}

/** Keeps the bill on screen; an empty bill, or one already finalised (a late save), leaves no draft. */
export function saveDraft(ledger: Ledger, actor: Actor, input: BillDraftInput): void {
  ledger.transaction(() => {
    if (isEmpty(input.cart) || isFinalised(ledger, input.billId)) {
      ledger.db.delete(billDrafts).where(mine(ledger, actor)).run();
      return;
    }
    const row = {
      counterId: getCounter(ledger).counterId,
      staffId: actor.staffId,
      billId: input.billId,
      heldBillId: input.heldBillId,
      cart: input.cart,
      updatedAt: nowIso(ledger),
    };
    ledger.db
      .insert(billDrafts)
      .values(row)
      .onConflictDoUpdate({ target: [billDrafts.counterId, billDrafts.staffId], set: row })
      .run();
  });
}

/** The cashier's own open bill on this counter, if one was left; another cashier's is never shown. */
export function myDraft(ledger: Ledger, actor: Actor): OpenBill | null {
  const row = ledger.db.select().from(billDrafts).where(mine(ledger, actor)).get();
  if (!row || isFinalised(ledger, row.billId)) return null;
  const cart = holdBillInput.shape.cart.safeParse(row.cart);
  if (!cart.success) return null;
  return { billId: row.billId, heldBillId: row.heldBillId, cart: cart.data, updatedAt: row.updatedAt };
}

export function clearMyDraft(ledger: Ledger, actor: Actor): void {
  ledger.db.delete(billDrafts).where(mine(ledger, actor)).run();
}

/** Called inside finalise's transaction: the bill is a document now, so its draft goes with the same commit. */
export function dropDraftOfBill(ledger: Ledger, billId: string): void {
  ledger.db.delete(billDrafts).where(eq(billDrafts.billId, billId)).run();
}
