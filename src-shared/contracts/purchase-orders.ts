// Purchase orders: what the counter asks a supplier for, before any bill. Inputs and outputs of purchaseOrders.*.
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { ITEM_UNITS } from './catalogue';
import { id, paise, qtyMilli, requiredText, shortText } from './common';

/** draft → sent → partly_received → received; cancelled from draft, sent or partly_received, never after received. */
export const PURCHASE_ORDER_STATES = ['draft', 'sent', 'partly_received', 'received', 'cancelled'] as const;
export type PurchaseOrderState = (typeof PURCHASE_ORDER_STATES)[number];
/** States in which goods are still expected: they count as "on order" for suggestions, and may be received. */
export const OPEN_ORDER_STATES = ['draft', 'sent', 'partly_received'] as const satisfies readonly PurchaseOrderState[];
/** How an order leaves the shop: the receipt printer, an A4 PDF, or text pasted into WhatsApp. */
export const SEND_VIAS = ['print', 'pdf', 'text'] as const;

/** ₹10 lakh per unit: above any wholesale rate a counter orders at, so a slipped key is caught. */
export const MAX_ORDER_RATE_PAISE = 10_00_000_00;
export const MAX_ORDER_LINES = 200;

const orderLine = z
  .object({
    itemId: id,
    qtyMilli,
    expectedRatePaise: paise.max(MAX_ORDER_RATE_PAISE, shopText('poRateTooLarge')),
  })
  .strict();

const orderLines = z
  .array(orderLine)
  .min(1, shopText('poNeedsLines'))
  .max(MAX_ORDER_LINES, shopText('poTooManyLines'))
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.itemId))
        ctx.addIssue({ code: 'custom', path: [index, 'itemId'], message: shopText('poItemTwice') });
      seen.add(line.itemId);
    });
  });

const supplierId = z.uuid({ message: shopText('notASupplier') });

/** A new draft; `id` is made by the screen, so a retried create never makes two orders. */
export const createPurchaseOrderInput = z
  .object({ id, supplierId, note: shortText(200).default(''), lines: orderLines })
  .strict();
/** A draft's supplier, note and lines, replaced whole. */
export const updatePurchaseOrderInput = createPurchaseOrderInput;
export const sendPurchaseOrderInput = z.object({ id, via: z.enum(SEND_VIAS) }).strict();
export const cancelPurchaseOrderInput = z.object({ id, reason: requiredText(200) }).strict();
export const purchaseOrderIdInput = z.object({ id }).strict();
export const listPurchaseOrdersInput = z
  .object({
    state: z.enum(PURCHASE_ORDER_STATES).optional(),
    supplierId: id.optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export const suggestPurchaseOrderInput = z
  .object({
    /** Only items last bought from this supplier (and those never bought from anyone); null: every low-stock item. */
    supplierId: id.nullable().default(null),
    periodDays: z
      .number()
      .int(shopText('poPeriodDays'))
      .min(1, shopText('poPeriodDays'))
      .max(365, shopText('poPeriodDays'))
      .default(30),
    coverDays: z
      .number()
      .int(shopText('poCoverDays'))
      .min(1, shopText('poCoverDays'))
      .max(180, shopText('poCoverDays'))
      .default(15),
  })
  .strict();

export type CreatePurchaseOrderInput = z.infer<typeof createPurchaseOrderInput>;
export type UpdatePurchaseOrderInput = z.infer<typeof updatePurchaseOrderInput>;
export type SendPurchaseOrderInput = z.infer<typeof sendPurchaseOrderInput>;
export type CancelPurchaseOrderInput = z.infer<typeof cancelPurchaseOrderInput>;
export type ListPurchaseOrdersInput = z.infer<typeof listPurchaseOrdersInput>;
export type SuggestPurchaseOrderInput = z.infer<typeof suggestPurchaseOrderInput>;

export const purchaseOrder = z.object({
  id: z.string(),
  number: z.string(),
  counterId: z.string(),
  seq: z.number(),
  supplierId: z.string(),
  supplierName: z.string(),
  state: z.enum(PURCHASE_ORDER_STATES),
  note: z.string(),
  staffId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  expectedTotalPaise: z.number(),
});

export const purchaseOrderLine = z.object({
  id: z.string(),
  purchaseOrderId: z.string(),
  lineNo: z.number(),
  itemId: z.string(),
  name: z.string(),
  unit: z.enum(ITEM_UNITS),
  orderedQtyMilli: z.number(),
  receivedQtyMilli: z.number(),
  expectedRatePaise: z.number(),
});

export const purchaseOrderDetail = z.object({
  order: purchaseOrder,
  lines: purchaseOrderLine
    .extend({
      /** Ordered less received, never below zero: what the purchase-bill entry is prefilled with. */
      leftToReceiveMilli: z.number(),
    })
    .array(),
});

export const purchaseOrderSuggestion = z.object({
  itemId: z.string(),
  name: z.string(),
  unit: z.enum(ITEM_UNITS),
  stockMilli: z.number(),
  reorderLevelMilli: z.number(),
  /** Sold less returned over the period, per day (milli-units, rounded up). */
  averageDailySalesMilli: z.number(),
  /** Still to come on draft, sent and partly received orders. */
  onOrderMilli: z.number(),
  suggestedQtyMilli: z.number(),
  expectedRatePaise: z.number(),
  lastSupplierId: z.string().nullable(),
  lastSupplierName: z.string().nullable(),
});

export const purchaseOrderSuggestions = z.object({
  periodDays: z.number(),
  coverDays: z.number(),
  suggestions: purchaseOrderSuggestion.array(),
});

/** What a receipt against an order did: its new state, and any line received beyond what was ordered. */
export const purchaseOrderReceipt = z.object({
  purchaseOrderId: z.string(),
  number: z.string(),
  state: z.enum(PURCHASE_ORDER_STATES),
  overReceived: z.object({ itemId: z.string(), orderedQtyMilli: z.number(), receivedQtyMilli: z.number() }).array(),
  /** Items on the bill that the order never asked for: received, but nothing on the order moves. */
  notOnOrder: z.string().array(),
});

export type PurchaseOrder = z.infer<typeof purchaseOrder>;
export type PurchaseOrderLine = z.infer<typeof purchaseOrderLine>;
export type PurchaseOrderDetail = z.infer<typeof purchaseOrderDetail>;
export type PurchaseOrderSuggestion = z.infer<typeof purchaseOrderSuggestion>;
export type PurchaseOrderReceipt = z.infer<typeof purchaseOrderReceipt>;
