// Inputs of the open-bill draft: what the counter's billing screen is building, saved as it changes.
import { z } from 'zod';
import { id } from './common';
import { holdBillInput } from './sales';

/** The bill on screen, in the same shape a held bill keeps (items are re-read from the catalogue when it comes back). */
export const billDraftInput = z
  .object({
    /** The id the bill will be finalised under; a draft of a bill already finalised is never brought back. */
    billId: id,
    /** The held bill this one was recalled from, so finalising it still removes that held copy. */
    heldBillId: id.nullable().default(null),
    cart: holdBillInput.shape.cart,
  })
  .strict();

export type BillDraftInput = z.infer<typeof billDraftInput>;
