// Inputs of the party procedures (customers and suppliers).
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { id, paise, signedPaise, shortText, requiredText, page } from './common';
import { isValidGstin, isStateCode } from '../gst/gstin';

export const PARTY_KINDS = ['customer', 'supplier'] as const;

const gstin = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidGstin, { message: shopText('gstinInvalid') });

export const partyFields = z
  .object({
    kind: z.enum(PARTY_KINDS).default('customer'),
    name: requiredText(120),
    phone: z
      .string()
      .trim()
      .regex(/^(\+?\d{10,13})?$/, shopText('phoneFormat'))
      .default(''),
    gstin: gstin.nullable().default(null),
    stateCode: z
      .string()
      .refine(isStateCode, { message: shopText('stateCodeInvalid') })
      .nullable()
      .default(null),
    address: shortText(300).default(''),
    creditLimitPaise: paise.nullable().default(null),
  })
  .strict();

export const createPartyInput = partyFields.extend({ openingBalancePaise: signedPaise.default(0) }).strict();
export const updatePartyInput = partyFields.partial().extend({ id }).strict();
export const listPartiesInput = page
  .extend({
    query: shortText(100).default(''),
    kind: z.enum(PARTY_KINDS).optional(),
    withBalanceOnly: z.boolean().default(false),
  })
  .strict();

export type CreatePartyInput = z.infer<typeof createPartyInput>;
export type UpdatePartyInput = z.infer<typeof updatePartyInput>;
