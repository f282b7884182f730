// Inputs of the khata procedures: receiving payments, statements, ageing.
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { id, paise, shortText, isoDate } from './common';

export const receivePaymentInput = z
  .object({
    id,
    partyId: id,
    amountPaise: paise.refine((n) => n > 0, shopText('amountAboveZero')),
    mode: z.enum(['cash', 'upi', 'card']),
    reference: shortText(80).default(''),
  })
  .strict();

export const statementInput = z
  .object({ partyId: id, from: isoDate, to: isoDate })
  .strict()
  .refine((v) => v.from <= v.to, { message: '"from" must not be after "to"', path: ['from'] });
export const ageingInput = z.object({ asOf: isoDate.optional() }).strict();

export type ReceivePaymentInput = z.infer<typeof receivePaymentInput>;
