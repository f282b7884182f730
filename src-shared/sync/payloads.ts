// The fields of each outbox payload that the server stores in columns; the rest travels on in JSON (loose objects).
import { z } from 'zod';

const uuid = z.uuid();
const money = z.number().int();
const text = z.string().max(500);
const nullableUuid = uuid.nullable();
/** Paid, received or sold: the counter's ledger never records zero or less of these (its inputs refuse them). */
const abovePaise = money.positive('must be above zero');
const aboveMilli = money.positive('must be above zero');

/** The seller as the bill was made: the server's copy of a tax invoice shows these, as the counter's does. */
export const invoiceSeller = z.looseObject({
  name: text,
  address: text,
  phone: text,
  gstin: text.nullable(),
  stateCode: text,
  receiptFooter: text,
});

/** What the bill's document must say (src-shared/gst/rule46.ts): a bill of supply or not, and its Rule 46 addresses. */
export const invoiceSupplyPayload = z.looseObject({
  billOfSupply: z.boolean(),
  composition: z.boolean(),
  recipientAddress: text,
  deliveryAddress: text,
});

const wholePaise = z.number().int();

/**
 * A bill line as printed and reported: what the server's PDF and the e-invoice read from a synced invoice (counters
 * send every field; a payload without them is refused by those readers, not guessed).
 */
export const invoiceLineOnPaper = z.looseObject({
  name: z.string(),
  hsn: z.string(),
  unit: z.string(),
  qtyMilli: wholePaise,
  unitPricePaise: wholePaise,
  priceIncludesTax: z.boolean(),
  gstRateBp: wholePaise,
  cessRateBp: wholePaise.default(0),
  grossPaise: wholePaise,
  lineDiscountPaise: wholePaise,
  billDiscountPaise: wholePaise,
  taxablePaise: wholePaise,
  cgstPaise: wholePaise,
  sgstPaise: wholePaise,
  igstPaise: wholePaise,
  cessPaise: wholePaise,
  totalPaise: wholePaise,
});

export const invoicePayload = z
  .looseObject({
    invoice: z.looseObject({
      id: uuid,
      number: text,
      counterId: text,
      partyId: nullableUuid,
      staffId: text,
      createdAt: text,
      businessDate: z.iso.date(),
      taxablePaise: money,
      cgstPaise: money,
      sgstPaise: money,
      igstPaise: money,
      cessPaise: money,
      roundOffPaise: money,
      totalPaise: money,
      khataPaise: money,
      /** Cash handed back; the counter has always sent it with the bill. */
      changePaise: money.nonnegative().default(0),
    }),
    lines: z
      .array(
        z.looseObject({
          id: uuid,
          itemId: uuid,
          qtyMilli: aboveMilli,
          unitCostPaise: money,
          taxablePaise: money,
          totalPaise: money,
        }),
      )
      .max(500),
    payments: z.array(z.looseObject({ id: uuid, mode: text, amountPaise: abovePaise })).max(20),
    /** Sent by counters since the server renders invoice PDFs; older outbox rows lack it. */
    seller: invoiceSeller.optional(),
    /** Sent by counters since they keep Rule 46 details; older outbox rows lack it. */
    supply: invoiceSupplyPayload.optional(),
  })
  // The same rule as the counter's invariant check: what was paid, less the change, is the bill; khata is its khata part.
  .superRefine(({ invoice, payments }, context) => {
    const paid = payments.reduce((sum, payment) => sum + payment.amountPaise, 0);
    const onKhata = payments
      .filter((payment) => payment.mode === 'khata')
      .reduce((sum, payment) => sum + payment.amountPaise, 0);
    if (paid - invoice.changePaise !== invoice.totalPaise)
      context.addIssue({
        code: 'custom',
        path: ['payments'],
        message: 'do not add up to the bill once change is given',
      });
    if (onKhata !== invoice.khataPaise)
      context.addIssue({ code: 'custom', path: ['invoice', 'khataPaise'], message: 'differs from the khata payments' });
  });

export const creditNotePayload = z.looseObject({
  creditNote: z.looseObject({
    id: uuid,
    number: text,
    invoiceId: uuid,
    partyId: nullableUuid,
    refundMode: text,
    createdAt: text,
    businessDate: z.iso.date(),
    taxablePaise: money,
    totalPaise: money,
  }),
  lines: z
    .array(
      z.looseObject({
        id: uuid,
        invoiceLineId: uuid,
        itemId: uuid,
        qtyMilli: money,
        taxablePaise: money,
        totalPaise: money,
      }),
    )
    .max(500),
  refunds: z.array(z.looseObject({ id: uuid, mode: text, amountPaise: money })).max(20),
});

export const receiptPayload = z.looseObject({
  receipt: z.looseObject({
    id: uuid,
    number: text,
    partyId: uuid,
    amountPaise: abovePaise,
    mode: text,
    createdAt: text,
    businessDate: z.iso.date(),
  }),
  payments: z.array(z.looseObject({ id: uuid, mode: text, amountPaise: money })).max(20),
});

export const receiptReversalPayload = z.looseObject({
  reversal: z.looseObject({
    id: uuid,
    number: text,
    receiptId: uuid,
    partyId: uuid,
    amountPaise: abovePaise,
    mode: text,
    createdAt: text,
    businessDate: z.iso.date(),
  }),
  payments: z.array(z.looseObject({ id: uuid, mode: text, amountPaise: money })).max(20),
});

export const khataEntryPayload = z.looseObject({
  id: uuid,
  partyId: uuid,
  kind: text,
  docId: nullableUuid,
  docNumber: text.nullable(),
  amountPaise: money,
  createdAt: text,
});
export const stockMovementPayload = z.looseObject({
  id: uuid,
  itemId: uuid,
  qtyMilli: money,
  reason: text,
  docId: nullableUuid,
  note: text,
  staffId: text.nullable(),
  createdAt: text,
});
export const itemPayload = z.looseObject({
  id: uuid,
  sku: text,
  name: text,
  active: z.boolean(),
  barcodes: z.array(text).max(20),
});
export const partyPayload = z.looseObject({ id: uuid, kind: text, name: text, active: z.boolean() });
export const cashSessionPayload = z.looseObject({ id: uuid, openedAt: text });

export type InvoicePayload = z.infer<typeof invoicePayload>;
export type CreditNotePayload = z.infer<typeof creditNotePayload>;
export type ReceiptPayload = z.infer<typeof receiptPayload>;
export type ReceiptReversalPayload = z.infer<typeof receiptReversalPayload>;
export type KhataEntryPayload = z.infer<typeof khataEntryPayload>;
export type StockMovementPayload = z.infer<typeof stockMovementPayload>;
