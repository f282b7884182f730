// Turns validated outbox ops into the server's rows, table by table, so a batch is written with a few multi-row inserts.
import { parseDocumentNumber } from '../../src-shared/invoice-number';
import type { SyncConflictCode, SyncOp } from '../../src-shared/sync/protocol';
import {
  cashSessionPayload,
  creditNotePayload,
  invoicePayload,
  itemPayload,
  khataEntryPayload,
  partyPayload,
  receiptPayload,
  receiptReversalPayload,
  stockMovementPayload,
} from '../../src-shared/sync/payloads';
import type {
  cashSessions,
  creditNoteLines,
  creditNotes,
  invoiceLines,
  invoices,
  payments,
  receiptReversals,
  receipts,
} from '../documents/schema';
import type { khataEntries, stockMovements } from '../catalogue/schema';
import {
  debitNotePayload,
  payableEntryPayload,
  purchaseBillPayload,
  supplierPaymentPayload,
} from '../../src-shared/sync/purchase-payloads';
import type {
  debitNoteLines,
  debitNotes,
  payableEntries,
  purchaseBillLines,
  purchaseBillPayments,
  purchaseBills,
  supplierPayments,
} from '../purchases/schema';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface BatchRows {
  invoices: Row<typeof invoices>[];
  invoiceLines: Row<typeof invoiceLines>[];
  creditNotes: Row<typeof creditNotes>[];
  creditNoteLines: Row<typeof creditNoteLines>[];
  receipts: Row<typeof receipts>[];
  receiptReversals: Row<typeof receiptReversals>[];
  payments: Row<typeof payments>[];
  cashSessions: Row<typeof cashSessions>[];
  khataEntries: Row<typeof khataEntries>[];
  stockMovements: Row<typeof stockMovements>[];
  purchaseBills: Row<typeof purchaseBills>[];
  purchaseBillLines: Row<typeof purchaseBillLines>[];
  purchaseBillPayments: Row<typeof purchaseBillPayments>[];
  debitNotes: Row<typeof debitNotes>[];
  debitNoteLines: Row<typeof debitNoteLines>[];
  supplierPayments: Row<typeof supplierPayments>[];
  payableEntries: Row<typeof payableEntries>[];
  /** Catalogue writes in op order; the last one per id wins (server order). */
  catalogue: { op: SyncOp; entity: 'item' | 'party'; payload: Record<string, unknown> }[];
}

export function emptyRows(): BatchRows {
  return {
    invoices: [],
    invoiceLines: [],
    creditNotes: [],
    creditNoteLines: [],
    receipts: [],
    receiptReversals: [],
    payments: [],
    cashSessions: [],
    khataEntries: [],
    stockMovements: [],
    purchaseBills: [],
    purchaseBillLines: [],
    purchaseBillPayments: [],
    debitNotes: [],
    debitNoteLines: [],
    supplierPayments: [],
    payableEntries: [],
    catalogue: [],
  };
}

export interface Device {
  shopId: string;
  counterId: string;
  counterCode: string;
}

/** Thrown for an op the server will never accept; it is acknowledged as rejected so it cannot block the queue. */
export class RejectedOp extends Error {
  override readonly name = 'RejectedOp';

  constructor(
    message: string,
    readonly code?: SyncConflictCode,
  ) {
    super(message);
  }
}

/** Every kind: the op is keyed by its entity id, so the id inside the payload must be the same one. */
function checkEntityId(op: SyncOp, payloadId: string, what: string): void {
  if (payloadId !== op.entityId)
    throw new RejectedOp(
      `${what} id ${payloadId} does not match the op's entity id ${op.entityId}`,
      'ENTITY_ID_MISMATCH',
    );
}

function checkSeries(number: string, expectedPrefix: string): void {
  const parsed = parseDocumentNumber(number);
  if (!parsed || parsed.prefix !== expectedPrefix)
    throw new RejectedOp(`document ${number} is not in this counter's series ${expectedPrefix}`);
}

/**
 * The buying side's series belong to the counter too: the counter's code followed by letters only (its purchase,
 * debit-note or supplier-payment series), so C1's series can never be C12's.
 */
function checkBuyingSeries(number: string, counterCode: string): void {
  const parsed = parseDocumentNumber(number);
  const suffix = parsed?.prefix.startsWith(counterCode) ? parsed.prefix.slice(counterCode.length) : null;
  if (suffix === null || !/^[A-Z]+$/.test(suffix))
    throw new RejectedOp(`document ${number} is not in one of this counter's series ${counterCode}…`);
}

function parse<T>(
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  op: SyncOp,
): T {
  const result = schema.safeParse(op.payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RejectedOp(
    `${op.entity} payload is not valid: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unknown problem'}`,
  );
}

/** The id inside an op's payload, which must be its entity id (undefined when the payload lacks one). */
export function payloadIdOf(op: SyncOp): unknown {
  const inner = (key: string) => (op.payload[key] as { id?: unknown } | undefined)?.id;
  switch (op.entity) {
    case 'invoice':
      return inner('invoice');
    case 'credit_note':
      return inner('creditNote');
    case 'receipt':
      return inner('receipt');
    case 'receipt_reversal':
      return inner('reversal');
    case 'purchase_bill':
      return inner('purchaseBill');
    case 'debit_note':
      return inner('debitNote');
    case 'supplier_payment':
      return inner('supplierPayment');
    default:
      return op.payload.id;
  }
}

/** Adds one op's rows to the batch; throws RejectedOp for a payload the server will not store. */
export function addOpRows(rows: BatchRows, device: Device, op: SyncOp): void {
  const base = { shopId: device.shopId, counterId: device.counterId };
  switch (op.entity) {
    case 'invoice': {
      const { invoice, lines, payments } = parse(invoicePayload, op);
      checkEntityId(op, invoice.id, 'invoice');
      checkSeries(invoice.number, device.counterCode);
      rows.invoices.push({
        ...base,
        id: invoice.id,
        number: invoice.number,
        partyId: invoice.partyId,
        staffId: invoice.staffId,
        businessDate: invoice.businessDate,
        counterCreatedAt: invoice.createdAt,
        taxablePaise: invoice.taxablePaise,
        cgstPaise: invoice.cgstPaise,
        sgstPaise: invoice.sgstPaise,
        igstPaise: invoice.igstPaise,
        cessPaise: invoice.cessPaise,
        roundOffPaise: invoice.roundOffPaise,
        totalPaise: invoice.totalPaise,
        khataPaise: invoice.khataPaise,
        payload: op.payload,
      });
      lines.forEach((line, index) =>
        rows.invoiceLines.push({
          shopId: device.shopId,
          id: line.id,
          invoiceId: invoice.id,
          lineNo: index + 1,
          itemId: line.itemId,
          qtyMilli: line.qtyMilli,
          unitCostPaise: line.unitCostPaise,
          taxablePaise: line.taxablePaise,
          totalPaise: line.totalPaise,
        }),
      );
      for (const payment of payments)
        rows.payments.push({
          ...base,
          id: payment.id,
          docType: 'invoice',
          docId: invoice.id,
          mode: payment.mode,
          amountPaise: payment.amountPaise,
        });
      return;
    }
    case 'credit_note': {
      const { creditNote, lines, refunds } = parse(creditNotePayload, op);
      checkEntityId(op, creditNote.id, 'credit note');
      checkSeries(creditNote.number, `${device.counterCode}CN`);
      rows.creditNotes.push({
        ...base,
        id: creditNote.id,
        number: creditNote.number,
        invoiceId: creditNote.invoiceId,
        partyId: creditNote.partyId,
        refundMode: creditNote.refundMode,
        businessDate: creditNote.businessDate,
        counterCreatedAt: creditNote.createdAt,
        taxablePaise: creditNote.taxablePaise,
        totalPaise: creditNote.totalPaise,
        payload: op.payload,
      });
      for (const line of lines)
        rows.creditNoteLines.push({
          shopId: device.shopId,
          id: line.id,
          creditNoteId: creditNote.id,
          invoiceLineId: line.invoiceLineId,
          itemId: line.itemId,
          qtyMilli: line.qtyMilli,
          taxablePaise: line.taxablePaise,
          totalPaise: line.totalPaise,
        });
      for (const refund of refunds)
        rows.payments.push({
          ...base,
          id: refund.id,
          docType: 'credit_note',
          docId: creditNote.id,
          mode: refund.mode,
          amountPaise: refund.amountPaise,
        });
      return;
    }
    case 'receipt': {
      const { receipt, payments } = parse(receiptPayload, op);
      checkEntityId(op, receipt.id, 'receipt');
      checkSeries(receipt.number, `${device.counterCode}RC`);
      rows.receipts.push({
        ...base,
        id: receipt.id,
        number: receipt.number,
        partyId: receipt.partyId,
        mode: receipt.mode,
        amountPaise: receipt.amountPaise,
        businessDate: receipt.businessDate,
        counterCreatedAt: receipt.createdAt,
        payload: op.payload,
      });
      for (const payment of payments)
        rows.payments.push({
          ...base,
          id: payment.id,
          docType: 'receipt',
          docId: receipt.id,
          mode: payment.mode,
          amountPaise: payment.amountPaise,
        });
      return;
    }
    case 'receipt_reversal': {
      const { reversal, payments } = parse(receiptReversalPayload, op);
      checkEntityId(op, reversal.id, 'receipt reversal');
      checkSeries(reversal.number, `${device.counterCode}RV`);
      rows.receiptReversals.push({
        ...base,
        id: reversal.id,
        number: reversal.number,
        receiptId: reversal.receiptId,
        partyId: reversal.partyId,
        mode: reversal.mode,
        amountPaise: reversal.amountPaise,
        businessDate: reversal.businessDate,
        counterCreatedAt: reversal.createdAt,
        payload: op.payload,
      });
      for (const payment of payments)
        rows.payments.push({
          ...base,
          id: payment.id,
          docType: 'receipt_reversal',
          docId: reversal.id,
          mode: payment.mode,
          amountPaise: payment.amountPaise,
        });
      return;
    }
    case 'khata_entry': {
      const entry = parse(khataEntryPayload, op);
      checkEntityId(op, entry.id, 'khata entry');
      rows.khataEntries.push({
        ...base,
        id: entry.id,
        partyId: entry.partyId,
        kind: entry.kind,
        docId: entry.docId,
        amountPaise: entry.amountPaise,
        counterCreatedAt: entry.createdAt,
      });
      return;
    }
    case 'stock_movement': {
      const movement = parse(stockMovementPayload, op);
      checkEntityId(op, movement.id, 'stock movement');
      rows.stockMovements.push({
        ...base,
        id: movement.id,
        itemId: movement.itemId,
        qtyMilli: movement.qtyMilli,
        reason: movement.reason,
        docId: movement.docId,
        counterCreatedAt: movement.createdAt,
      });
      return;
    }
    case 'purchase_bill': {
      const { purchaseBill: bill, lines, payments } = parse(purchaseBillPayload, op);
      checkEntityId(op, bill.id, 'purchase bill');
      checkBuyingSeries(bill.number, device.counterCode);
      rows.purchaseBills.push({
        ...base,
        id: bill.id,
        number: bill.number,
        supplierId: bill.supplierId,
        supplierGstin: bill.supplierGstin,
        supplierStateCode: bill.supplierStateCode,
        supplierInvoiceNumber: bill.supplierInvoiceNumber,
        supplierInvoiceDate: bill.supplierInvoiceDate,
        reverseCharge: bill.reverseCharge,
        interState: bill.interState,
        businessDate: bill.businessDate,
        counterCreatedAt: bill.createdAt,
        taxablePaise: bill.taxablePaise,
        cgstPaise: bill.cgstPaise,
        sgstPaise: bill.sgstPaise,
        igstPaise: bill.igstPaise,
        cessPaise: bill.cessPaise,
        freightPaise: bill.freightPaise,
        roundOffPaise: bill.roundOffPaise,
        totalPaise: bill.totalPaise,
        paidPaise: bill.paidPaise,
        payablePaise: bill.payablePaise,
        payload: op.payload,
      });
      lines.forEach((line, index) =>
        rows.purchaseBillLines.push({
          shopId: device.shopId,
          id: line.id,
          purchaseBillId: bill.id,
          lineNo: index + 1,
          itemId: line.itemId,
          hsn: line.hsn,
          gstRateBp: line.gstRateBp,
          qtyMilli: line.qtyMilli,
          freeQtyMilli: line.freeQtyMilli,
          ratePaise: line.ratePaise,
          discountPaise: line.discountPaise,
          taxablePaise: line.taxablePaise,
          cgstPaise: line.cgstPaise,
          sgstPaise: line.sgstPaise,
          igstPaise: line.igstPaise,
          cessPaise: line.cessPaise,
          freightPaise: line.freightPaise,
          totalPaise: line.totalPaise,
        }),
      );
      for (const payment of payments)
        rows.purchaseBillPayments.push({
          ...base,
          id: payment.id,
          purchaseBillId: bill.id,
          mode: payment.mode,
          amountPaise: payment.amountPaise,
        });
      return;
    }
    case 'debit_note': {
      const { debitNote: note, lines } = parse(debitNotePayload, op);
      checkEntityId(op, note.id, 'debit note');
      checkBuyingSeries(note.number, device.counterCode);
      rows.debitNotes.push({
        ...base,
        id: note.id,
        number: note.number,
        purchaseBillId: note.purchaseBillId,
        supplierId: note.supplierId,
        supplierGstin: note.supplierGstin,
        supplierStateCode: note.supplierStateCode,
        reverseCharge: note.reverseCharge,
        interState: note.interState,
        businessDate: note.businessDate,
        counterCreatedAt: note.createdAt,
        taxablePaise: note.taxablePaise,
        cgstPaise: note.cgstPaise,
        sgstPaise: note.sgstPaise,
        igstPaise: note.igstPaise,
        cessPaise: note.cessPaise,
        totalPaise: note.totalPaise,
        payload: op.payload,
      });
      for (const line of lines)
        rows.debitNoteLines.push({
          shopId: device.shopId,
          id: line.id,
          debitNoteId: note.id,
          purchaseBillLineId: line.purchaseBillLineId,
          itemId: line.itemId,
          qtyMilli: line.qtyMilli,
          taxablePaise: line.taxablePaise,
          cgstPaise: line.cgstPaise,
          sgstPaise: line.sgstPaise,
          igstPaise: line.igstPaise,
          cessPaise: line.cessPaise,
          totalPaise: line.totalPaise,
        });
      return;
    }
    case 'supplier_payment': {
      const { supplierPayment: payment } = parse(supplierPaymentPayload, op);
      checkEntityId(op, payment.id, 'supplier payment');
      checkBuyingSeries(payment.number, device.counterCode);
      rows.supplierPayments.push({
        ...base,
        id: payment.id,
        number: payment.number,
        supplierId: payment.supplierId,
        amountPaise: payment.amountPaise,
        mode: payment.mode,
        reference: payment.reference,
        chequeDate: payment.chequeDate,
        businessDate: payment.businessDate,
        counterCreatedAt: payment.createdAt,
        payload: op.payload,
      });
      return;
    }
    case 'payable_entry': {
      const entry = parse(payableEntryPayload, op);
      checkEntityId(op, entry.id, 'payable entry');
      rows.payableEntries.push({
        ...base,
        id: entry.id,
        partyId: entry.partyId,
        kind: entry.kind,
        docId: entry.docId,
        docNumber: entry.docNumber,
        amountPaise: entry.amountPaise,
        counterCreatedAt: entry.createdAt,
      });
      return;
    }
    case 'item': {
      const payload = parse(itemPayload, op);
      checkEntityId(op, payload.id, 'item');
      rows.catalogue.push({ op, entity: 'item', payload });
      return;
    }
    case 'party': {
      const payload = parse(partyPayload, op);
      checkEntityId(op, payload.id, 'party');
      rows.catalogue.push({ op, entity: 'party', payload });
      return;
    }
    case 'cash_session': {
      const { id } = parse(cashSessionPayload, op);
      checkEntityId(op, id, 'cash session');
      rows.cashSessions.push({ ...base, id, payload: op.payload });
      return;
    }
  }
}
