// The fields of each outbox payload that the server stores in columns; the rest travels on in JSON (loose objects).
import { z } from 'zod';

const uuid = z.uuid();
const money = z.number().int();
const text = z.string().max(500);
const nullableUuid = uuid.nullable();

/** The seller as the bill was made: the server's copy of a tax invoice shows these, as the counter's does. */
export const invoiceSeller = z.looseObject({
  name: text,
  address: text,
  phone: text,
  gstin: text.nullable(),
  stateCode: text,
  receiptFooter: text,
});

export const invoicePayload = z.looseObject({
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
  }),
  lines: z
    .array(
      z.looseObject({
        id: uuid,
        itemId: uuid,
        qtyMilli: money,
        unitCostPaise: money,
        taxablePaise: money,
        totalPaise: money,
      }),
    )
    .max(500),
  payments: z.array(z.looseObject({ id: uuid, mode: text, amountPaise: money })).max(20),
  /** Sent by counters since the server renders invoice PDFs; older outbox rows lack it. */
  seller: invoiceSeller.optional(),
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
    amountPaise: money,
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
    amountPaise: money,
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
