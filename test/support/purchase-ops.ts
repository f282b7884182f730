// Outbox ops for the buying side as a counter pushes them (src-shared/sync/purchase-payloads.ts): a supplier's bill,
// a return to the supplier, a payment to the supplier and a payable entry. Figures are given by the test, in paise.
import { randomUUID } from 'node:crypto';
import type { SyncOp } from '../../src-shared/sync/protocol';
import type {
  DebitNotePayload,
  PayableEntryPayload,
  PurchaseBillPayload,
  SupplierPaymentPayload,
} from '../../src-shared/sync/purchase-payloads';

let seq = 10_000;
const op = (entity: SyncOp['entity'], entityId: string, payload: Record<string, unknown>): SyncOp => ({
  opId: randomUUID(),
  seq: ++seq,
  entity,
  entityId,
  payload,
  createdAt: new Date().toISOString(),
});

export interface Tax {
  taxablePaise: number;
  cgstPaise?: number;
  sgstPaise?: number;
  igstPaise?: number;
  cessPaise?: number;
}

const taxOf = (tax: Tax) => ({
  taxablePaise: tax.taxablePaise,
  cgstPaise: tax.cgstPaise ?? 0,
  sgstPaise: tax.sgstPaise ?? 0,
  igstPaise: tax.igstPaise ?? 0,
  cessPaise: tax.cessPaise ?? 0,
});
const totalOf = (tax: Tax) =>
  tax.taxablePaise + (tax.cgstPaise ?? 0) + (tax.sgstPaise ?? 0) + (tax.igstPaise ?? 0) + (tax.cessPaise ?? 0);

export interface PurchaseBillOptions extends Tax {
  number: string;
  id?: string;
  supplierId?: string;
  supplierGstin?: string | null;
  supplierStateCode?: string;
  supplierInvoiceNumber?: string;
  /** yyyy-mm-dd */
  supplierInvoiceDate?: string;
  businessDate?: string;
  reverseCharge?: boolean;
  /** Paid at once; the rest goes on the supplier's payable. */
  paidPaise?: number;
  gstRateBp?: number;
  itemId?: string;
  lineId?: string;
}

/** A one-line supplier bill with the given tax figures (the line carries the bill's figures). */
export function purchaseBillOp(options: PurchaseBillOptions): SyncOp {
  const id = options.id ?? randomUUID();
  const totalPaise = totalOf(options);
  const paidPaise = options.paidPaise ?? 0;
  const stateCode = options.supplierStateCode ?? '27';
  const date = options.supplierInvoiceDate ?? '2026-06-03';
  const payload: PurchaseBillPayload = {
    purchaseBill: {
      id,
      number: options.number,
      counterId: options.number.split('-')[0]!.replace(/[A-Z]+$/, ''),
      supplierId: options.supplierId ?? randomUUID(),
      supplierGstin: options.supplierGstin === undefined ? '27AABCS1429B1Z5' : options.supplierGstin,
      supplierStateCode: stateCode,
      supplierInvoiceNumber: options.supplierInvoiceNumber ?? `INV-${id.slice(0, 4)}`,
      supplierInvoiceDate: date,
      reverseCharge: options.reverseCharge ?? false,
      interState: stateCode !== '27',
      createdAt: `${options.businessDate ?? date}T10:00:00.000Z`,
      businessDate: options.businessDate ?? date,
      ...taxOf(options),
      freightPaise: 0,
      roundOffPaise: 0,
      totalPaise,
      paidPaise,
      payablePaise: totalPaise - paidPaise,
    },
    lines: [
      {
        id: options.lineId ?? randomUUID(),
        itemId: options.itemId ?? randomUUID(),
        hsn: '1006',
        gstRateBp: options.gstRateBp ?? 1800,
        qtyMilli: 10_000,
        freeQtyMilli: 0,
        ratePaise: Math.round(options.taxablePaise / 10),
        discountPaise: 0,
        ...taxOf(options),
        freightPaise: 0,
        totalPaise,
      },
    ],
    payments: paidPaise > 0 ? [{ id: randomUUID(), mode: 'cash', amountPaise: paidPaise }] : [],
  };
  return op('purchase_bill', id, payload);
}

/** A return to the supplier against a bill pushed with purchaseBillOp (one line, the given figures). */
export function debitNoteOp(
  bill: SyncOp,
  options: Tax & { number: string; id?: string; businessDate?: string },
): SyncOp {
  const id = options.id ?? randomUUID();
  const { purchaseBill, lines } = bill.payload as unknown as PurchaseBillPayload;
  const businessDate = options.businessDate ?? purchaseBill.businessDate;
  const payload: DebitNotePayload = {
    debitNote: {
      id,
      number: options.number,
      counterId: purchaseBill.counterId,
      purchaseBillId: purchaseBill.id,
      supplierId: purchaseBill.supplierId,
      supplierGstin: purchaseBill.supplierGstin,
      supplierStateCode: purchaseBill.supplierStateCode,
      reverseCharge: purchaseBill.reverseCharge,
      interState: purchaseBill.interState,
      createdAt: `${businessDate}T12:00:00.000Z`,
      businessDate,
      ...taxOf(options),
      totalPaise: totalOf(options),
    },
    lines: [
      {
        id: randomUUID(),
        purchaseBillLineId: lines[0]!.id,
        itemId: lines[0]!.itemId,
        qtyMilli: 1000,
        ...taxOf(options),
        totalPaise: totalOf(options),
      },
    ],
  };
  return op('debit_note', id, payload);
}

export function supplierPaymentOp(options: {
  number: string;
  supplierId: string;
  amountPaise: number;
  mode?: 'cash' | 'upi' | 'bank' | 'cheque';
  id?: string;
}): SyncOp {
  const id = options.id ?? randomUUID();
  const mode = options.mode ?? 'cash';
  const payload: SupplierPaymentPayload = {
    supplierPayment: {
      id,
      number: options.number,
      counterId: options.number.split('-')[0]!.replace(/[A-Z]+$/, ''),
      supplierId: options.supplierId,
      amountPaise: options.amountPaise,
      mode,
      reference: mode === 'cheque' ? '004512' : '',
      chequeDate: mode === 'cheque' ? '2026-06-20' : null,
      createdAt: '2026-06-15T10:00:00.000Z',
      businessDate: '2026-06-15',
    },
  };
  return op('supplier_payment', id, payload);
}

export function payableOp(
  partyId: string,
  amountPaise: number,
  kind: PayableEntryPayload['kind'] = amountPaise > 0 ? 'purchase' : 'payment',
  options: { createdAt?: string; docId?: string | null; docNumber?: string | null } = {},
): SyncOp {
  const id = randomUUID();
  const payload: PayableEntryPayload = {
    id,
    partyId,
    kind,
    docId: options.docId ?? null,
    docNumber: options.docNumber ?? null,
    amountPaise,
    createdAt: options.createdAt ?? new Date().toISOString(),
  };
  return op('payable_entry', id, payload);
}
