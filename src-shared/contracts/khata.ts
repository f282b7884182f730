// Inputs of the khata procedures: receiving payments, cancelling a wrong receipt, statements, ageing.
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { approval, id, paise, requiredText, shortText, isoDate } from './common';

export const receivePaymentInput = z
  .object({
    id,
    partyId: id,
    amountPaise: paise.refine((n) => n > 0, shopText('amountAboveZero')),
    mode: z.enum(['cash', 'upi', 'card']),
    reference: shortText(80).default(''),
    /** Confirmed at the counter: whatever is more than the due is kept as the customer's advance. */
    asAdvance: z.boolean().default(false),
  })
  .strict();

/** A wrong receipt is never edited or deleted: a reversing document, approved by a manager, cancels it. */
export const reverseReceiptInput = z
  .object({
    id,
    receiptId: id,
    reason: requiredText(200),
    approval: approval.optional(),
  })
  .strict();

export const statementInput = z
  .object({ partyId: id, from: isoDate, to: isoDate })
  .strict()
  .refine((v) => v.from <= v.to, { message: '"from" must not be after "to"', path: ['from'] });
export const ageingInput = z.object({ asOf: isoDate.optional() }).strict();

export type ReceivePaymentInput = z.infer<typeof receivePaymentInput>;
export type ReverseReceiptInput = z.infer<typeof reverseReceiptInput>;
