// Inputs of the buying side's bills: finalising a supplier's bill, listing and opening them, returning goods to the
// supplier (a debit note). The answers' shapes are exported here too, for the screens.
import { z } from 'zod';
import { id, paise, qtyMilli, basisPoints, shortText, isoDate, page, withoutNul, NUL_MESSAGE } from './common';
import { gstRateBp } from './catalogue';
import { shopText } from '../shop-messages';
import { MAX_LINE_QTY_MILLI } from '../sales/line-bounds';
import { MAX_FREIGHT_PAISE, MAX_PURCHASE_RATE_PAISE } from '../purchases/totals';
import { SUPPLIER_PAYMENT_MODES } from '../sync/purchase-payloads';
import { shopBusinessDate } from '../shop-time';

export { SUPPLIER_PAYMENT_MODES };
export type SupplierPaymentMode = (typeof SUPPLIER_PAYMENT_MODES)[number];

/** CGST Rules 2017 rule 46(b): a tax invoice's serial number has at most sixteen characters. */
export const MAX_SUPPLIER_INVOICE_NUMBER = 16;

export const purchaseLineInput = z
  .object({
    itemId: id,
    qtyMilli: qtyMilli.max(MAX_LINE_QTY_MILLI, shopText('purchaseQtyTooLarge')),
    freeQtyMilli: z
      .number()
      .int(shopText('qtyDecimals'))
      .min(0, shopText('amountNotNegative'))
      .max(MAX_LINE_QTY_MILLI, shopText('purchaseQtyTooLarge'))
      .default(0),
    /** Per unit, inclusive or exclusive of tax as the bill's ratesIncludeTax says. */
    ratePaise: paise.max(MAX_PURCHASE_RATE_PAISE, shopText('purchaseRateTooHigh')),
    discountPaise: paise.default(0),
    gstRateBp,
    cessRateBp: basisPoints.default(0),
    hsn: z
      .string()
      .trim()
      .regex(/^(\d{4}|\d{6}|\d{8})?$/, shopText('hsnFormat'))
      .default(''),
  })
  .strict();

export const supplierPaymentInput = z
  .object({
    mode: z.enum(SUPPLIER_PAYMENT_MODES),
    amountPaise: paise.positive(shopText('amountAboveZero')),
    /** UPI/bank reference or cheque number; empty for cash. */
    reference: shortText(80).default(''),
    chequeDate: isoDate.nullable().default(null),
  })
  .strict()
  .refine((payment) => payment.mode !== 'cheque' || (payment.reference !== '' && payment.chequeDate !== null), {
    message: shopText('chequeNeedsNumberAndDate'),
    path: ['reference'],
  });

export const supplierInvoiceNumber = z
  .string()
  .trim()
  .min(1, shopText('supplierInvoiceNumberRequired'))
  .max(MAX_SUPPLIER_INVOICE_NUMBER, shopText('supplierInvoiceNumberTooLong'))
  .refine(withoutNul, NUL_MESSAGE);

export const finalisePurchaseInput = z
  .object({
    /** Made by the screen when the bill is started: finalising the same id twice returns the first bill. */
    id,
    supplierId: id,
    supplierInvoiceNumber,
    /** 'yyyy-mm-dd'; not after today, not before the financial year opened (see supplierInvoiceDateProblem). */
    supplierInvoiceDate: isoDate,
    reverseCharge: z.boolean().default(false),
    ratesIncludeTax: z.boolean().default(false),
    freightPaise: paise.max(MAX_FREIGHT_PAISE, shopText('purchaseFreight')).default(0),
    lines: z.array(purchaseLineInput).min(1, shopText('purchaseNoLines')).max(500),
    /** Paid at once; the rest goes on the supplier's payable. */
    payments: z.array(supplierPaymentInput).max(10).default([]),
    /** Receiving a purchase order (in full or in part). */
    purchaseOrderId: id.optional(),
  })
  .strict()
  .refine((bill) => !(bill.reverseCharge && bill.ratesIncludeTax), {
    message: shopText('purchaseReverseChargeInclusive'),
    path: ['ratesIncludeTax'],
  });

export const listPurchasesInput = page
  .extend({
    from: isoDate.optional(),
    to: isoDate.optional(),
    supplierId: id.optional(),
    /** Our number or the supplier's bill number, in part. */
    search: shortText(40).optional(),
  })
  .strict();

export const getPurchaseInput = z.object({ id }).strict();

export const returnToSupplierInput = z
  .object({
    /** Made by the screen: returning with the same id twice returns the first debit note. */
    id,
    purchaseBillId: id,
    lines: z
      .array(
        z
          .object({
            purchaseBillLineId: id,
            qtyMilli: qtyMilli.max(MAX_LINE_QTY_MILLI, shopText('purchaseQtyTooLarge')),
          })
          .strict(),
      )
      .min(1, shopText('chooseFromList'))
      .max(500)
      .refine((lines) => new Set(lines.map((line) => line.purchaseBillLineId)).size === lines.length, {
        message: shopText('returnLineTwice'),
      }),
    reason: shortText(200).default(''),
  })
  .strict();

/** The day the Indian financial year holding `today` ('yyyy-mm-dd') opened: 1 April. */
export function financialYearOpened(today: string): string {
  const [year = 0, month = 0] = today.split('-').map(Number);
  return `${month >= 4 ? year : year - 1}-04-01`;
}

/**
 * Why a supplier's bill date cannot be taken, or null: after today (a bill not yet issued), or before the financial
 * year opened (its input tax credit belongs to last year's returns, CGST Act s.16(4); it is entered in that year's books).
 */
export function supplierInvoiceDateProblem(
  date: string,
  today: string = shopBusinessDate(new Date()),
): 'supplierInvoiceDateFuture' | 'supplierInvoiceDateBeforeYear' | null {
  if (date > today) return 'supplierInvoiceDateFuture';
  if (date < financialYearOpened(today)) return 'supplierInvoiceDateBeforeYear';
  return null;
}

/** The supplier's bill number as compared for duplicates: case and spaces do not make another bill. */
export function normaliseSupplierInvoiceNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export type PurchaseLineInput = z.infer<typeof purchaseLineInput>;
export type SupplierPaymentInput = z.infer<typeof supplierPaymentInput>;
export type FinalisePurchaseInput = z.infer<typeof finalisePurchaseInput>;
export type ListPurchasesInput = z.infer<typeof listPurchasesInput>;
export type ReturnToSupplierInput = z.infer<typeof returnToSupplierInput>;
