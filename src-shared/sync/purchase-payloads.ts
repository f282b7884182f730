// The buying side's outbox payloads: what a counter sends the server for a supplier's bill, a return to the supplier
// (debit note), a payment to the supplier, and each change to what the shop owes a supplier. The server stores the
// named fields in columns (GSTR-3B, 2B matching, payables); the rest travels on in JSON (loose objects), as for sales.
import { z } from 'zod';

const uuid = z.uuid();
const money = z.number().int();
const text = z.string().max(500);
const abovePaise = money.positive('must be above zero');
const aboveMilli = money.positive('must be above zero');
const taxPaise = money.nonnegative();

/** How a shop pays a supplier (a cheque carries its number and date). */
export const SUPPLIER_PAYMENT_MODES = ['cash', 'upi', 'bank', 'cheque'] as const;

/** The tax figures every purchase document and line carries, as on the sales side. */
const taxFigures = {
  taxablePaise: money,
  cgstPaise: taxPaise,
  sgstPaise: taxPaise,
  igstPaise: taxPaise,
  cessPaise: taxPaise,
};

export const purchaseBillPayload = z.looseObject({
  purchaseBill: z.looseObject({
    id: uuid,
    /** Our own number for it, in the counter's purchase series. */
    number: text,
    counterId: text,
    supplierId: uuid,
    /** The supplier as on the bill: GSTIN (null when unregistered) and two-digit state code. */
    supplierGstin: text.nullable(),
    supplierStateCode: text,
    /** The supplier's own tax invoice number and date: unique per supplier; what GSTR-2B lists. */
    supplierInvoiceNumber: text,
    supplierInvoiceDate: z.iso.date(),
    /** Tax on this bill is paid by the shop under reverse charge (GSTR-3B table 3.1(d)). */
    reverseCharge: z.boolean(),
    interState: z.boolean(),
    createdAt: text,
    businessDate: z.iso.date(),
    ...taxFigures,
    freightPaise: money.nonnegative(),
    roundOffPaise: money,
    totalPaise: abovePaise,
    /** Paid at once (sum of payments); the rest is owed to the supplier. */
    paidPaise: money.nonnegative(),
    payablePaise: money.nonnegative(),
  }),
  lines: z
    .array(
      z.looseObject({
        id: uuid,
        itemId: uuid,
        hsn: text,
        gstRateBp: money.nonnegative(),
        qtyMilli: aboveMilli,
        freeQtyMilli: money.nonnegative(),
        ratePaise: money.nonnegative(),
        discountPaise: money.nonnegative(),
        ...taxFigures,
        /** Freight spread onto this line (part of the stock's cost, not of the taxable value). */
        freightPaise: money.nonnegative(),
        totalPaise: money,
      }),
    )
    .min(1)
    .max(500),
  payments: z.array(z.looseObject({ id: uuid, mode: text, amountPaise: abovePaise })).max(20),
});

export const debitNotePayload = z.looseObject({
  debitNote: z.looseObject({
    id: uuid,
    number: text,
    counterId: text,
    purchaseBillId: uuid,
    supplierId: uuid,
    supplierGstin: text.nullable(),
    supplierStateCode: text,
    reverseCharge: z.boolean(),
    interState: z.boolean(),
    createdAt: text,
    businessDate: z.iso.date(),
    ...taxFigures,
    totalPaise: abovePaise,
  }),
  lines: z
    .array(
      z.looseObject({
        id: uuid,
        purchaseBillLineId: uuid,
        itemId: uuid,
        qtyMilli: aboveMilli,
        ...taxFigures,
        totalPaise: money,
      }),
    )
    .min(1)
    .max(500),
});

export const supplierPaymentPayload = z.looseObject({
  supplierPayment: z.looseObject({
    id: uuid,
    number: text,
    counterId: text,
    supplierId: uuid,
    amountPaise: abovePaise,
    mode: z.enum(SUPPLIER_PAYMENT_MODES),
    /** UPI/bank reference or cheque number; empty for cash. */
    reference: text,
    chequeDate: z.iso.date().nullable(),
    createdAt: text,
    businessDate: z.iso.date(),
  }),
});

/** One change to what the shop owes a supplier: + a bill on credit (or an opening due), − a payment or a debit note. */
export const PAYABLE_ENTRY_KINDS = ['opening', 'purchase', 'payment', 'debit_note'] as const;
export const payableEntryPayload = z.looseObject({
  id: uuid,
  partyId: uuid,
  kind: z.enum(PAYABLE_ENTRY_KINDS),
  docId: uuid.nullable(),
  docNumber: text.nullable(),
  amountPaise: money,
  createdAt: text,
});

export type PurchaseBillPayload = z.infer<typeof purchaseBillPayload>;
export type DebitNotePayload = z.infer<typeof debitNotePayload>;
export type SupplierPaymentPayload = z.infer<typeof supplierPaymentPayload>;
export type PayableEntryPayload = z.infer<typeof payableEntryPayload>;
