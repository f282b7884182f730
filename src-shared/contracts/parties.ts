// Inputs of the party procedures (customers and suppliers).
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { id, paise, signedPaise, shortText, requiredText, page } from './common';
import { isValidGstin, isStateCode } from '../gst/gstin';

export const PARTY_KINDS = ['customer', 'supplier'] as const;
/** Going over a customer's credit limit on a bill: only warn, or need a manager's PIN. */
export const CREDIT_LIMIT_POLICIES = ['warn', 'approve'] as const;
export type CreditLimitPolicy = (typeof CREDIT_LIMIT_POLICIES)[number];

export const PHONE_PATTERN = /^(\+?\d{10,13})?$/;

const gstin = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidGstin, { message: shopText('gstinInvalid') });

/** Each field once, without defaults: an edit sends only what changed and must leave the rest as it was. */
const partyShape = {
  kind: z.enum(PARTY_KINDS),
  name: requiredText(120),
  phone: z.string().trim().regex(PHONE_PATTERN, shopText('phoneFormat')),
  gstin: gstin.nullable(),
  stateCode: z
    .string()
    .refine(isStateCode, { message: shopText('stateCodeInvalid') })
    .nullable(),
  address: shortText(300),
  creditLimitPaise: paise.nullable(),
  creditLimitPolicy: z.enum(CREDIT_LIMIT_POLICIES),
};

export const partyFields = z
  .object({
    kind: partyShape.kind.default('customer'),
    name: partyShape.name,
    phone: partyShape.phone.default(''),
    gstin: partyShape.gstin.default(null),
    stateCode: partyShape.stateCode.default(null),
    address: partyShape.address.default(''),
    creditLimitPaise: partyShape.creditLimitPaise.default(null),
    creditLimitPolicy: partyShape.creditLimitPolicy.default('warn'),
  })
  .strict();

export const createPartyInput = partyFields.extend({ openingBalancePaise: signedPaise.default(0) }).strict();
export const updatePartyInput = z.object(partyShape).partial().extend({ id }).strict();
export const listPartiesInput = page
  .extend({
    query: shortText(100).default(''),
    kind: z.enum(PARTY_KINDS).optional(),
    withBalanceOnly: z.boolean().default(false),
  })
  .strict();

export type CreatePartyInput = z.infer<typeof createPartyInput>;
export type UpdatePartyInput = z.infer<typeof updatePartyInput>;
