// Inputs of billing: finalising a sale, holding and recalling a bill, returns.
import { z } from 'zod';
import { id, paise, qtyMilli, discount, approval, shortText, requiredText, page, isoDate } from './common';
import { LINE_PROBLEM_TEXT, MAX_LINE_QTY_MILLI, MAX_UNIT_PRICE_PAISE } from '../sales/line-bounds';

/** The address of delivery typed at the counter; '' when the buyer takes the goods at the counter. */
const deliveryAddress = shortText(300).default('');

export const PAYMENT_MODES = ['cash', 'upi', 'card', 'khata'] as const;

export const saleLineInput = z
  .object({
    itemId: id,
    qtyMilli: qtyMilli.max(MAX_LINE_QTY_MILLI, LINE_PROBLEM_TEXT['qty-too-large']),
    /** A price typed at the counter instead of the item's; needs a manager when lower than the item's price. */
    unitPricePaise: paise.max(MAX_UNIT_PRICE_PAISE, LINE_PROBLEM_TEXT['price-too-large']).optional(),
    discount: discount.nullable().default(null),
  })
  .strict();

export const paymentInput = z
  .object({ mode: z.enum(PAYMENT_MODES), amountPaise: paise, reference: shortText(80).default('') })
  .strict();

export const finalizeSaleInput = z
  .object({
    /** Made by the client when the bill is started: finalising the same id twice returns the first invoice. */
    id,
    lines: z.array(saleLineInput).min(1, 'a bill needs at least one line').max(500),
    partyId: id.nullable().default(null),
    billDiscount: discount.nullable().default(null),
    /** Where the goods go (CGST Rule 46(e), (o)): required for an unregistered buyer of ₹50,000 or more. */
    deliveryAddress,
    /** Empty only for a bill whose total is zero (a free sample); otherwise the payments must cover the total. */
    payments: z.array(paymentInput).max(10),
    heldBillId: id.nullable().default(null),
    approval: approval.optional(),
  })
  .strict();

export const holdBillInput = z
  .object({
    label: requiredText(60),
    cart: z
      .object({
        lines: z.array(saleLineInput).max(500),
        partyId: id.nullable().default(null),
        billDiscount: discount.nullable().default(null),
        deliveryAddress,
      })
      .strict(),
  })
  .strict();

export const returnInput = z
  .object({
    id,
    invoiceId: id,
    lines: z
      .array(z.object({ invoiceLineId: id, qtyMilli }).strict())
      .min(1, 'choose at least one line to return')
      .max(500),
    refundMode: z.enum(PAYMENT_MODES),
    reason: requiredText(200),
    approval: approval.optional(),
  })
  .strict();

export const listInvoicesInput = page
  .extend({
    from: isoDate.optional(),
    to: isoDate.optional(),
    partyId: id.optional(),
    number: shortText(40).optional(),
  })
  .strict();

export type FinalizeSaleInput = z.infer<typeof finalizeSaleInput>;
export type SaleLineInput = z.infer<typeof saleLineInput>;
export type HoldBillInput = z.infer<typeof holdBillInput>;
export type ReturnInput = z.infer<typeof returnInput>;
export type PaymentMode = (typeof PAYMENT_MODES)[number];
