// The supplier khata (payables): paying a supplier, a supplier's statement and ageing, and what the shop owes in all.
// Inputs and the answers' shapes, for the counter's router and the screens.
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { id, isoDate, paise, shortText } from './common';
import { SUPPLIER_PAYMENT_MODES } from '../sync/purchase-payloads';
import { PAYABLE_ENTRY_KINDS } from '../sync/purchase-payloads';
import { PARTY_KINDS } from './parties';
import { khataAgeing } from './report-rows';

/** A payment to a supplier: cash from the drawer, UPI, a bank transfer, or a cheque with its number and date. */
export const paySupplierInput = z
  .object({
    /** Made by the screen: a retry never records the payment twice. */
    id,
    supplierId: id,
    amountPaise: paise.positive(shopText('amountAboveZero')),
    mode: z.enum(SUPPLIER_PAYMENT_MODES),
    /** UPI/bank reference or the cheque number; empty for cash. */
    reference: shortText(80).default(''),
    /** The date on the cheque; null for the other modes. */
    chequeDate: isoDate.nullable().default(null),
  })
  .strict()
  .refine((input) => input.mode !== 'cheque' || (input.reference !== '' && input.chequeDate !== null), {
    message: shopText('chequeNeedsNumberAndDate'),
    path: ['reference'],
  });

export const payablesStatementInput = z
  .object({ supplierId: id, from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: shopText('invalidEntry'), path: ['from'] });

export const payablesAgeingInput = z.object({ asOf: isoDate.optional() }).strict();
export const payablesSummaryInput = z.object({}).strict();

export type PaySupplierInput = z.infer<typeof paySupplierInput>;
export type PayablesStatementInput = z.infer<typeof payablesStatementInput>;

const int = z.int();

/** The party as a supplier screen names it: both balances, never netted. */
export const supplierBalances = z.object({
  partyId: z.string(),
  kind: z.enum(PARTY_KINDS),
  name: z.string(),
  phone: z.string(),
  gstin: z.string().nullable(),
  /** What the shop owes this party (its payable entries); negative when the shop paid in advance. */
  payablePaise: int,
  /** What this party owes the shop on the customer khata, shown beside it, never subtracted. */
  balancePaise: int,
});

export const paySupplierResult = z.object({
  id: z.string(),
  number: z.string(),
  amountPaise: int,
  /** What is still owed to the supplier after this payment. */
  payablePaise: int,
  replayed: z.boolean(),
});

export const payablesStatementRow = z.object({
  at: z.string(),
  kind: z.enum(PAYABLE_ENTRY_KINDS),
  docId: z.string().nullable(),
  docNumber: z.string().nullable(),
  /** What the entry added to the due (bill on credit, opening due). */
  creditPaise: int,
  /** What it took off (payment, return to the supplier). */
  debitPaise: int,
  /** What the shop owed the supplier after this entry. */
  payablePaise: int,
  /** For a purchase bill: the supplier's own bill number, as printed on their invoice. */
  supplierInvoiceNumber: z.string().nullable(),
  /** For a payment: how it was paid, with the reference or cheque number and the cheque's date. */
  payment: z
    .object({ mode: z.enum(SUPPLIER_PAYMENT_MODES), reference: z.string(), chequeDate: z.string().nullable() })
    .nullable(),
});

export const payablesStatement = z.object({
  supplier: supplierBalances,
  openingPaise: int,
  rows: z.array(payablesStatementRow),
  closingPaise: int,
});

const buckets = khataAgeing.omit({ oldestUnpaidAt: true });
export const payablesAgeingRow = khataAgeing.extend(supplierBalances.shape);
/** Every supplier the shop owes (or has paid in advance), aged oldest bill first, with the sums of the buckets. */
export const payablesAgeingReport = z.object({ rows: z.array(payablesAgeingRow), totals: buckets });

export const payablesSummary = z.object({
  /** What the shop owes its suppliers in all (suppliers paid in advance are not set against it). */
  dueToSuppliersPaise: int,
  /** Paid to suppliers in advance, in all. */
  advancesToSuppliersPaise: int,
  /** Every supplier, and every other party the shop owes, by name. */
  suppliers: z.array(supplierBalances),
});

export type SupplierBalances = z.infer<typeof supplierBalances>;
export type PaySupplierResult = z.infer<typeof paySupplierResult>;
export type PayablesStatementRow = z.infer<typeof payablesStatementRow>;
export type PayablesStatement = z.infer<typeof payablesStatement>;
export type PayablesAgeingRow = z.infer<typeof payablesAgeingRow>;
export type PayablesAgeingReport = z.infer<typeof payablesAgeingReport>;
export type PayablesSummary = z.infer<typeof payablesSummary>;
