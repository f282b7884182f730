// The buying side on the counter: finalising a supplier's bill (stock in, moving-average cost, what is owed the
// supplier) and returning goods to the supplier against it (a debit note: stock out, cost, payable lowered), each in
// one transaction through recordDocument; reading them back.
import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { Conflict, Invalid, NotFound, shopDetail, type DomainError } from '../../../src-shared/errors';
import { formatRupees } from '../../../src-shared/money';
import { shopDate } from '../../../src-shared/shop-time';
import { isValidGstin } from '../../../src-shared/gst/gstin';
import type { ShopMessage } from '../../../src-shared/shop-messages';
import {
  financialYearOpened,
  normaliseSupplierInvoiceNumber,
  supplierInvoiceDateProblem,
  type FinalisePurchaseInput,
  type ListPurchasesInput,
  type ReturnToSupplierInput,
} from '../../../src-shared/contracts/purchases';
import { landedUnitCostPaise, purchaseBillTotals, returnedLineFigures } from '../../../src-shared/purchases/totals';
import {
  averageCostAfterPurchase,
  averageCostAfterReturn,
  type StockAtCost,
} from '../../../src-shared/purchases/average-cost';
import { type Actor, type Ledger, businessDate } from '../ledger';
import { items, type Item } from '../catalogue/schema';
import { parties, type Party } from '../parties/schema';
import { requireShop, getCounter } from '../settings/service';
import { recordAudit } from '../audit/service';
import { moveStocks } from '../stock/service';
import { enqueueAll } from '../outbox/service';
import { recordDocument } from '../documents/record';
import { debitNoteDocument, purchaseBillDocument } from './document';
import {
  debitNoteLines,
  debitNotes,
  purchaseBillLines,
  purchaseBillPayments,
  purchaseBills,
  type DebitNote,
  type DebitNoteLine,
  type PurchaseBill,
  type PurchaseBillLine,
  type PurchaseBillPayment,
} from './schema';
import { postPurchasePayable } from './payable';
import { purchaseOrderRow } from '../purchase-orders/service';
import { recordReceipt } from '../purchase-orders/receive';
import { containsPattern, pageOf } from '../page';

export interface FinalisedPurchase {
  id: string;
  number: string;
  totalPaise: number;
  paidPaise: number;
  payablePaise: number;
  /** True when this id had already been finalised: the first bill is answered, nothing new is written. */
  replayed: boolean;
}

export interface PurchaseBillDetail {
  bill: PurchaseBill;
  lines: (PurchaseBillLine & { returnedQtyMilli: number; returnableQtyMilli: number })[];
  payments: PurchaseBillPayment[];
  debitNotes: DebitNote[];
}

export interface ReturnedToSupplier {
  id: string;
  number: string;
  totalPaise: number;
  replayed: boolean;
}

/** A refusal that names the field it is about, for the form to show beside it. */
function refuseField<E extends DomainError>(Kind: new (m: ShopMessage, d: ReturnType<typeof shopDetail>[]) => E) {
  return (path: string, message: ShopMessage): E => new Kind(message, [shopDetail(path, message)]);
}
const invalidField = refuseField(Invalid);
const conflictField = refuseField(Conflict);

/** The supplier as the bill must name it: an active party of kind supplier, its GSTIN valid, its state known. */
function requireSupplier(ledger: Ledger, supplierId: string, shopStateCode: string) {
  const party = ledger.db.select().from(parties).where(eq(parties.id, supplierId)).get();
  if (!party || !party.active || party.kind !== 'supplier') throw invalidField('supplierId', { key: 'notASupplier' });
  if (party.gstin !== null && !isValidGstin(party.gstin)) throw invalidField('supplierId', { key: 'gstinInvalid' });
  // A registered supplier's state is the first two digits of its GSTIN; an unregistered one's as entered, else local.
  const stateCode = party.gstin?.slice(0, 2) ?? party.stateCode ?? shopStateCode;
  return { party, stateCode };
}

function refuseDuplicate(ledger: Ledger, supplier: Party, input: FinalisePurchaseInput, key: string): void {
  const existing = ledger.db
    .select({ number: purchaseBills.number, businessDate: purchaseBills.businessDate })
    .from(purchaseBills)
    .where(and(eq(purchaseBills.supplierId, supplier.id), eq(purchaseBills.supplierInvoiceKey, key)))
    .get();
  if (existing)
    throw conflictField('supplierInvoiceNumber', {
      key: 'supplierBillDuplicate',
      params: { invoice: input.supplierInvoiceNumber, number: existing.number, date: shopDate(existing.businessDate) },
    });
}

function loadItems(ledger: Ledger, ids: string[]): Map<string, Item> {
  const rows = ledger.db
    .select()
    .from(items)
    .where(inArray(items.id, [...new Set(ids)]))
    .all();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The field of a line each problem from the maths is about. */
const LINE_FIELD: Record<string, string> = {
  purchaseLineQty: 'qtyMilli',
  purchaseLineFreeQty: 'freeQtyMilli',
  purchaseLineRate: 'ratePaise',
  purchaseLineGstRate: 'gstRateBp',
  purchaseLineCess: 'cessRateBp',
  lineDiscountAboveAmount: 'discountPaise',
  lineDiscountAmount: 'discountPaise',
};

/** Line problems from the maths name their line ("Line 2: …"); the form also gets the line's field. */
function withLineField<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    const line = error instanceof Invalid ? error.shop?.params?.line : undefined;
    if (error instanceof Invalid && error.shop && typeof line === 'number') {
      const field = LINE_FIELD[error.shop.key];
      throw new Invalid(error.shop, [shopDetail(`lines.${line - 1}${field ? `.${field}` : ''}`, error.shop)]);
    }
    throw error;
  }
}

/**
 * Finalises a supplier's bill: the bill, its lines and payments, stock in (quantity + free quantity), each item's
 * moving-average cost, the unpaid part on the supplier's payable, gap-free number, hash-chain link and outbox row,
 * in one SQLite transaction: all of it or none of it.
 */
export function finalisePurchase(ledger: Ledger, actor: Actor, input: FinalisePurchaseInput): FinalisedPurchase {
  return ledger.transaction(() => {
    const done = ledger.db.select().from(purchaseBills).where(eq(purchaseBills.id, input.id)).get();
    if (done) return { ...summaryOf(done), replayed: true };
    const shop = requireShop(ledger);
    const { counterId } = getCounter(ledger);
    const at = ledger.clock();
    const today = businessDate(at);
    const dateProblem = supplierInvoiceDateProblem(input.supplierInvoiceDate, today);
    if (dateProblem)
      throw invalidField('supplierInvoiceDate', {
        key: dateProblem,
        params: { date: shopDate(financialYearOpened(today)) },
      });
    const { party: supplier, stateCode } = requireSupplier(ledger, input.supplierId, shop.stateCode);
    const invoiceKey = normaliseSupplierInvoiceNumber(input.supplierInvoiceNumber);
    refuseDuplicate(ledger, supplier, input, invoiceKey);
    const known = loadItems(
      ledger,
      input.lines.map((line) => line.itemId),
    );
    input.lines.forEach((line, index) => {
      if (!known.has(line.itemId)) throw invalidField(`lines.${index}.itemId`, { key: 'noSuchItem' });
    });
    const totals = withLineField(() =>
      purchaseBillTotals(input, { shopStateCode: shop.stateCode, supplierStateCode: stateCode }),
    );
    if (totals.totalPaise <= 0) throw invalidField('lines', { key: 'purchaseTotalZero' });
    const paidPaise = input.payments.reduce((sum, payment) => sum + payment.amountPaise, 0);
    if (paidPaise > totals.totalPaise)
      throw invalidField('payments', {
        key: 'purchasePaidMoreThanBill',
        params: { paid: formatRupees(paidPaise), total: formatRupees(totals.totalPaise) },
      });

    if (input.purchaseOrderId) requireOrderOf(ledger, input.purchaseOrderId, supplier.id);

    const createdAt = at.toISOString();
    const lines: PurchaseBillLine[] = input.lines.map((line, index) => {
      const item = known.get(line.itemId)!;
      const figures = totals.lines[index]!;
      return {
        id: randomUUID(),
        purchaseBillId: input.id,
        lineNo: index + 1,
        itemId: line.itemId,
        name: item.name,
        hsn: line.hsn || item.hsn,
        unit: item.unit,
        qtyMilli: line.qtyMilli,
        freeQtyMilli: line.freeQtyMilli,
        ratePaise: line.ratePaise,
        gstRateBp: line.gstRateBp,
        cessRateBp: line.cessRateBp,
        grossPaise: figures.grossPaise,
        discountPaise: figures.discountPaise,
        taxablePaise: figures.taxablePaise,
        cgstPaise: figures.cgstPaise,
        sgstPaise: figures.sgstPaise,
        igstPaise: figures.igstPaise,
        cessPaise: figures.cessPaise,
        freightPaise: figures.freightPaise,
        landedCostPaise: figures.landedCostPaise,
        unitCostPaise: landedUnitCostPaise(figures.landedCostPaise, line.qtyMilli, line.freeQtyMilli),
        totalPaise: figures.totalPaise,
      };
    });
    const paid: PurchaseBillPayment[] = input.payments.map((payment) => ({
      id: randomUUID(),
      purchaseBillId: input.id,
      mode: payment.mode,
      amountPaise: payment.amountPaise,
      reference: payment.reference,
      chequeDate: payment.chequeDate,
      createdAt,
    }));
    const payablePaise = totals.totalPaise - paidPaise;

    const { doc } = recordDocument(ledger, purchaseBillDocument, {
      id: input.id,
      counterId,
      at,
      compose: (number) => ({
        header: {
          id: input.id,
          number,
          counterId,
          supplierId: supplier.id,
          supplierName: supplier.name,
          supplierGstin: supplier.gstin,
          supplierStateCode: stateCode,
          supplierInvoiceNumber: input.supplierInvoiceNumber,
          supplierInvoiceKey: invoiceKey,
          supplierInvoiceDate: input.supplierInvoiceDate,
          reverseCharge: input.reverseCharge,
          ratesIncludeTax: input.ratesIncludeTax,
          interState: totals.interState,
          purchaseOrderId: input.purchaseOrderId ?? null,
          staffId: actor.staffId,
          createdAt,
          businessDate: today,
          grossPaise: totals.grossPaise,
          discountPaise: totals.discountPaise,
          taxablePaise: totals.taxablePaise,
          cgstPaise: totals.cgstPaise,
          sgstPaise: totals.sgstPaise,
          igstPaise: totals.igstPaise,
          cessPaise: totals.cessPaise,
          freightPaise: totals.freightPaise,
          roundOffPaise: totals.roundOffPaise,
          totalPaise: totals.totalPaise,
          paidPaise,
          payablePaise,
        },
        lines,
        paid,
      }),
      apply: (bill) => {
        receiveStock(ledger, actor, known, bill.lines);
        if (input.purchaseOrderId)
          recordReceipt(
            ledger,
            input.purchaseOrderId,
            bill.lines.map((line) => ({ itemId: line.itemId, qtyMilli: line.qtyMilli + line.freeQtyMilli })),
            { staffId: actor.staffId, purchaseBillId: input.id },
          );
        postPurchasePayable(ledger, {
          partyId: supplier.id,
          kind: 'purchase',
          docId: input.id,
          docNumber: bill.header.number,
          amountPaise: payablePaise,
        });
        recordAudit(ledger, {
          action: 'purchase.bill',
          staffId: actor.staffId,
          subjectId: input.id,
          details: {
            number: bill.header.number,
            supplierInvoiceNumber: input.supplierInvoiceNumber,
            totalPaise: totals.totalPaise,
          },
        });
      },
    });
    return { ...summaryOf({ ...doc.header }), replayed: false };
  });
}

/** The order a bill receives must exist and be to the bill's own supplier. */
function requireOrderOf(ledger: Ledger, purchaseOrderId: string, supplierId: string): void {
  let order;
  try {
    order = purchaseOrderRow(ledger, purchaseOrderId);
  } catch (error) {
    if (error instanceof NotFound) throw invalidField('purchaseOrderId', { key: 'poNotFound' });
    throw error;
  }
  if (order.supplierId !== supplierId) throw invalidField('purchaseOrderId', { key: 'purchaseOrderOtherSupplier' });
}

function summaryOf(bill: Pick<PurchaseBill, 'id' | 'number' | 'totalPaise' | 'paidPaise' | 'payablePaise'>) {
  return {
    id: bill.id,
    number: bill.number,
    totalPaise: bill.totalPaise,
    paidPaise: bill.paidPaise,
    payablePaise: bill.payablePaise,
  };
}

/**
 * Each line's stock comes in (bought + free), and the item's average cost takes in its landed cost first, line after
 * line (an item on two lines takes in both, in order). The averages are worked in memory from the items as this
 * transaction read them (`known`), then each item's cost is written once, the movements in one batch, one item op each.
 */
function receiveStock(ledger: Ledger, actor: Actor, known: Map<string, Item>, lines: PurchaseBillLine[]): void {
  const held = new Map<string, StockAtCost>();
  for (const line of lines) {
    const item = known.get(line.itemId)!;
    const before = held.get(line.itemId) ?? { stockMilli: item.stockMilli, costPaise: item.costPaise };
    const receivedMilli = line.qtyMilli + line.freeQtyMilli;
    held.set(line.itemId, {
      stockMilli: before.stockMilli + receivedMilli,
      costPaise: averageCostAfterPurchase(before, receivedMilli, line.landedCostPaise),
    });
  }
  writeAverageCosts(ledger, known, held);
  moveStocks(
    ledger,
    lines.map((line) => ({
      itemId: line.itemId,
      qtyMilli: line.qtyMilli + line.freeQtyMilli,
      reason: 'purchase' as const,
      docId: line.purchaseBillId,
      staffId: actor.staffId,
    })),
  );
  announceItems(ledger, known, held);
}

/**
 * Each returned line's stock goes back to the supplier, and the item's average gives up the line's landed unit cost
 * first, line after line, as receiveStock does it the other way.
 */
function sendBackStock(ledger: Ledger, actor: Actor, lines: DebitNoteLine[]): void {
  const known = loadItems(
    ledger,
    lines.map((line) => line.itemId),
  );
  const held = new Map<string, StockAtCost>();
  for (const line of lines) {
    const item = known.get(line.itemId);
    if (!item) throw new NotFound({ key: 'noSuchItem' });
    const before = held.get(line.itemId) ?? { stockMilli: item.stockMilli, costPaise: item.costPaise };
    held.set(line.itemId, {
      stockMilli: before.stockMilli - line.qtyMilli,
      costPaise: averageCostAfterReturn(before, line.qtyMilli, line.unitCostPaise),
    });
  }
  writeAverageCosts(ledger, known, held);
  moveStocks(
    ledger,
    lines.map((line) => ({
      itemId: line.itemId,
      qtyMilli: -line.qtyMilli,
      reason: 'purchase_return' as const,
      docId: line.debitNoteId,
      staffId: actor.staffId,
    })),
  );
  announceItems(ledger, known, held);
}

const costStatements = new WeakMap<Ledger, Statement<[number, string]>>();

/** Writes each item's new average, where it changed from the one read at the start of the transaction. */
function writeAverageCosts(ledger: Ledger, known: Map<string, Item>, averages: Map<string, StockAtCost>): void {
  let update = costStatements.get(ledger);
  if (!update) {
    update = ledger.sqlite.prepare<[number, string]>('UPDATE items SET cost_paise = ? WHERE id = ?');
    costStatements.set(ledger, update);
  }
  for (const [itemId, { costPaise }] of averages)
    if (costPaise !== known.get(itemId)!.costPaise) update.run(costPaise, itemId);
}

const barcodeStatements = new WeakMap<Ledger, Statement<[string], string>>();

/**
 * Other counters and the server learn each item's new cost as they learn any change to an item: one op per item, the
 * item as getItem reads it, built from the row this transaction read and the stock and average it has just written.
 */
function announceItems(ledger: Ledger, known: Map<string, Item>, after: Map<string, StockAtCost>): void {
  let barcodes = barcodeStatements.get(ledger);
  if (!barcodes) {
    barcodes = ledger.sqlite.prepare<[string], string>('SELECT barcode FROM item_barcodes WHERE item_id = ?').pluck();
    barcodeStatements.set(ledger, barcodes);
  }
  const read = barcodes;
  enqueueAll(
    ledger,
    [...after].map(([itemId, { stockMilli, costPaise }]) => ({
      entity: 'item' as const,
      entityId: itemId,
      payload: { ...known.get(itemId)!, stockMilli, costPaise, barcodes: read.all(itemId) },
    })),
  );
}

function returnedQty(ledger: Ledger, purchaseBillId: string): Map<string, number> {
  const rows = ledger.db
    .select({ lineId: debitNoteLines.purchaseBillLineId, qty: sql<number>`SUM(${debitNoteLines.qtyMilli})` })
    .from(debitNoteLines)
    .innerJoin(debitNotes, eq(debitNotes.id, debitNoteLines.debitNoteId))
    .where(eq(debitNotes.purchaseBillId, purchaseBillId))
    .groupBy(debitNoteLines.purchaseBillLineId)
    .all();
  return new Map(rows.map((row) => [row.lineId, row.qty]));
}

export function getPurchase(ledger: Ledger, id: string): PurchaseBillDetail {
  const bill = ledger.db.select().from(purchaseBills).where(eq(purchaseBills.id, id)).get();
  if (!bill) throw new NotFound({ key: 'purchaseBillNotFound' });
  const returned = returnedQty(ledger, id);
  const lines = ledger.db
    .select()
    .from(purchaseBillLines)
    .where(eq(purchaseBillLines.purchaseBillId, id))
    .orderBy(asc(purchaseBillLines.lineNo))
    .all();
  return {
    bill,
    lines: lines.map((line) => {
      const returnedQtyMilli = returned.get(line.id) ?? 0;
      return { ...line, returnedQtyMilli, returnableQtyMilli: line.qtyMilli - returnedQtyMilli };
    }),
    payments: ledger.db
      .select()
      .from(purchaseBillPayments)
      .where(eq(purchaseBillPayments.purchaseBillId, id))
      .orderBy(asc(purchaseBillPayments.id))
      .all(),
    debitNotes: ledger.db
      .select()
      .from(debitNotes)
      .where(eq(debitNotes.purchaseBillId, id))
      .orderBy(asc(debitNotes.createdAt))
      .all(),
  };
}

export function listPurchases(ledger: Ledger, input: ListPurchasesInput): { rows: PurchaseBill[]; total: number } {
  const filters: SQL[] = [];
  if (input.from) filters.push(gte(purchaseBills.businessDate, input.from));
  if (input.to) filters.push(lte(purchaseBills.businessDate, input.to));
  if (input.supplierId) filters.push(eq(purchaseBills.supplierId, input.supplierId));
  if (input.search) {
    const like = containsPattern(input.search);
    const key = containsPattern(normaliseSupplierInvoiceNumber(input.search));
    filters.push(
      or(
        sql`${purchaseBills.number} LIKE ${like} ESCAPE '\\'`,
        sql`${purchaseBills.supplierInvoiceKey} LIKE ${key} ESCAPE '\\'`,
        sql`${purchaseBills.supplierName} LIKE ${like} ESCAPE '\\'`,
      )!,
    );
  }
  return pageOf(
    ledger,
    purchaseBills,
    filters.length ? and(...filters) : undefined,
    desc(purchaseBills.createdAt),
    input,
  );
}

/**
 * Goods back to the supplier against one of its bills (a debit note), partial allowed: stock out at the bill's landed
 * unit cost (the average cost follows), and the supplier's payable lowered by the note's total. The payable is lowered
 * by the whole total even past zero: a payable below zero is what the supplier owes the shop back, settled by its next
 * bill or a refund (a supplier payment the other way), never hidden by capping it.
 * The note carries each line's share of taxable value and tax (CGST Act s.34(3): a debit note for goods returned);
 * freight is not credited back (the supplier keeps it) and the note is not rounded.
 */
export function returnToSupplier(ledger: Ledger, actor: Actor, input: ReturnToSupplierInput): ReturnedToSupplier {
  return ledger.transaction(() => {
    const done = ledger.db.select().from(debitNotes).where(eq(debitNotes.id, input.id)).get();
    if (done) return { id: done.id, number: done.number, totalPaise: done.totalPaise, replayed: true };
    const bill = ledger.db.select().from(purchaseBills).where(eq(purchaseBills.id, input.purchaseBillId)).get();
    if (!bill) throw invalidField('purchaseBillId', { key: 'purchaseBillNotFound' });
    const billLines = new Map(
      ledger.db
        .select()
        .from(purchaseBillLines)
        .where(eq(purchaseBillLines.purchaseBillId, bill.id))
        .all()
        .map((line) => [line.id, line]),
    );
    const returned = returnedQty(ledger, bill.id);
    const lines: DebitNoteLine[] = input.lines.map((wanted, index) => {
      const line = billLines.get(wanted.purchaseBillLineId);
      if (!line) throw invalidField(`lines.${index}.purchaseBillLineId`, { key: 'purchaseLineNotOnBill' });
      let share;
      try {
        share = returnedLineFigures(line, returned.get(line.id) ?? 0, wanted.qtyMilli);
      } catch (error) {
        if (error instanceof Invalid && error.shop) throw invalidField(`lines.${index}.qtyMilli`, error.shop);
        throw error;
      }
      const { freightPaise: _freight, ...taxed } = share;
      const taxPaise = taxed.cgstPaise + taxed.sgstPaise + taxed.igstPaise + taxed.cessPaise;
      return {
        id: randomUUID(),
        debitNoteId: input.id,
        purchaseBillLineId: line.id,
        itemId: line.itemId,
        qtyMilli: wanted.qtyMilli,
        ...taxed,
        unitCostPaise: line.unitCostPaise,
        totalPaise: taxed.taxablePaise + (bill.reverseCharge ? 0 : taxPaise),
      };
    });
    const sum = (pick: (line: DebitNoteLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
    const totalPaise = sum((line) => line.totalPaise);
    if (totalPaise <= 0) throw invalidField('lines', { key: 'debitNoteZero' });

    const { counterId } = getCounter(ledger);
    const at = ledger.clock();
    const { doc } = recordDocument(ledger, debitNoteDocument, {
      id: input.id,
      counterId,
      at,
      compose: (number) => ({
        header: {
          id: input.id,
          number,
          purchaseBillId: bill.id,
          counterId,
          supplierId: bill.supplierId,
          supplierGstin: bill.supplierGstin,
          supplierStateCode: bill.supplierStateCode,
          reverseCharge: bill.reverseCharge,
          interState: bill.interState,
          staffId: actor.staffId,
          reason: input.reason,
          createdAt: at.toISOString(),
          businessDate: businessDate(at),
          taxablePaise: sum((line) => line.taxablePaise),
          cgstPaise: sum((line) => line.cgstPaise),
          sgstPaise: sum((line) => line.sgstPaise),
          igstPaise: sum((line) => line.igstPaise),
          cessPaise: sum((line) => line.cessPaise),
          totalPaise,
        },
        lines,
      }),
      apply: (note) => {
        sendBackStock(ledger, actor, note.lines);
        postPurchasePayable(ledger, {
          partyId: bill.supplierId,
          kind: 'debit_note',
          docId: input.id,
          docNumber: note.header.number,
          amountPaise: -totalPaise,
        });
        recordAudit(ledger, {
          action: 'purchase.return',
          staffId: actor.staffId,
          subjectId: input.id,
          details: { purchaseBill: bill.number, debitNote: note.header.number, totalPaise, reason: input.reason },
        });
      },
    });
    return { id: doc.header.id, number: doc.header.number, totalPaise, replayed: false };
  });
}

export function getDebitNote(ledger: Ledger, id: string): { debitNote: DebitNote; lines: DebitNoteLine[] } {
  const debitNote = ledger.db.select().from(debitNotes).where(eq(debitNotes.id, id)).get();
  if (!debitNote) throw new NotFound({ key: 'purchaseBillNotFound' });
  return { debitNote, lines: ledger.db.select().from(debitNoteLines).where(eq(debitNoteLines.debitNoteId, id)).all() };
}
