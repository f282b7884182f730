// Purchase orders: drafts made and edited, sent, cancelled, read; every change of state audited in its own transaction.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, max, type SQL } from 'drizzle-orm';
import { Conflict, Invalid, NotFound, shopDetail } from '../../../src-shared/errors';
import { divRound } from '../../../src-shared/money';
import type {
  CancelPurchaseOrderInput,
  CreatePurchaseOrderInput,
  ListPurchaseOrdersInput,
  PurchaseOrder,
  PurchaseOrderDetail,
  PurchaseOrderState,
  SendPurchaseOrderInput,
  UpdatePurchaseOrderInput,
} from '../../../src-shared/contracts/purchase-orders';
import { type Actor, type Ledger, nowIso } from '../ledger';
import { recordAudit } from '../audit/service';
import { items } from '../catalogue/schema';
import { parties } from '../parties/schema';
import { getCounter } from '../settings/service';
import { defaultPrinter, addPrintJob } from '../printing/queue';
import { purchaseOrderLines, purchaseOrders, type PurchaseOrderLineRow, type PurchaseOrderRow } from './schema';

/** PO/C1/0001: the counter id keeps two counters' orders apart without asking the server for a number. */
export function purchaseOrderNumber(counterId: string, seq: number): string {
  return `PO/${counterId}/${String(seq).padStart(4, '0')}`;
}

function orderRow(ledger: Ledger, id: string): PurchaseOrderRow {
  const row = ledger.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)).get();
  if (!row) throw new NotFound({ key: 'poNotFound' });
  return row;
}

function requireSupplier(ledger: Ledger, supplierId: string): void {
  const party = ledger.db
    .select({ kind: parties.kind, active: parties.active })
    .from(parties)
    .where(eq(parties.id, supplierId))
    .get();
  if (!party || party.kind !== 'supplier' || !party.active)
    throw new Invalid({ key: 'notASupplier' }, [shopDetail('supplierId', { key: 'notASupplier' })]);
}

/** The lines as stored: each item's name and unit as they are today, so a renamed item leaves the order readable. */
function lineRows(ledger: Ledger, orderId: string, input: CreatePurchaseOrderInput['lines']): PurchaseOrderLineRow[] {
  const wanted = input.map((line) => line.itemId);
  const found = new Map(
    ledger.db
      .select({ id: items.id, name: items.name, unit: items.unit })
      .from(items)
      .where(inArray(items.id, wanted))
      .all()
      .map((item) => [item.id, item]),
  );
  const missing = input.findIndex((line) => !found.has(line.itemId));
  if (missing >= 0)
    throw new NotFound({ key: 'noSuchItem' }, [shopDetail(`lines.${missing}.itemId`, { key: 'noSuchItem' })]);
  return input.map((line, index) => {
    const item = found.get(line.itemId)!;
    return {
      id: randomUUID(),
      purchaseOrderId: orderId,
      lineNo: index + 1,
      itemId: line.itemId,
      name: item.name,
      unit: item.unit,
      orderedQtyMilli: line.qtyMilli,
      receivedQtyMilli: 0,
      expectedRatePaise: line.expectedRatePaise,
    };
  });
}

function nextSeq(ledger: Ledger, counterId: string): number {
  const row = ledger.db
    .select({ last: max(purchaseOrders.seq) })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.counterId, counterId))
    .get();
  return (row?.last ?? 0) + 1;
}

export function createPurchaseOrder(
  ledger: Ledger,
  actor: Actor,
  input: CreatePurchaseOrderInput,
): PurchaseOrderDetail & { replayed: boolean } {
  return ledger.transaction(() => {
    if (ledger.db.select({ id: purchaseOrders.id }).from(purchaseOrders).where(eq(purchaseOrders.id, input.id)).get())
      return { ...getPurchaseOrder(ledger, input.id), replayed: true };
    requireSupplier(ledger, input.supplierId);
    const lines = lineRows(ledger, input.id, input.lines);
    const { counterId } = getCounter(ledger);
    const seq = nextSeq(ledger, counterId);
    const at = nowIso(ledger);
    const number = purchaseOrderNumber(counterId, seq);
    ledger.db
      .insert(purchaseOrders)
      .values({
        id: input.id,
        number,
        counterId,
        seq,
        supplierId: input.supplierId,
        state: 'draft',
        note: input.note,
        staffId: actor.staffId,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    ledger.db.insert(purchaseOrderLines).values(lines).run();
    recordAudit(ledger, {
      action: 'purchase_order.create',
      staffId: actor.staffId,
      subjectId: input.id,
      details: { number, state: 'draft', supplierId: input.supplierId, lines: lines.length },
    });
    return { ...getPurchaseOrder(ledger, input.id), replayed: false };
  });
}

/** Only a draft is edited: once sent, the supplier holds a copy, and a change is a new order. */
export function updatePurchaseOrder(
  ledger: Ledger,
  actor: Actor,
  input: UpdatePurchaseOrderInput,
): PurchaseOrderDetail {
  return ledger.transaction(() => {
    const order = orderRow(ledger, input.id);
    if (order.state !== 'draft') throw new Conflict({ key: 'poOnlyDraftEdited', params: { number: order.number } });
    requireSupplier(ledger, input.supplierId);
    const lines = lineRows(ledger, input.id, input.lines);
    ledger.db.delete(purchaseOrderLines).where(eq(purchaseOrderLines.purchaseOrderId, input.id)).run();
    ledger.db.insert(purchaseOrderLines).values(lines).run();
    ledger.db
      .update(purchaseOrders)
      .set({ supplierId: input.supplierId, note: input.note, updatedAt: nowIso(ledger) })
      .where(eq(purchaseOrders.id, input.id))
      .run();
    recordAudit(ledger, {
      action: 'purchase_order.update',
      staffId: actor.staffId,
      subjectId: input.id,
      details: { number: order.number, supplierId: input.supplierId, lines: lines.length },
    });
    return getPurchaseOrder(ledger, input.id);
  });
}

/** Moves an order to a new state and audits the move in the caller's transaction. */
export function changeState(
  ledger: Ledger,
  order: PurchaseOrderRow,
  to: PurchaseOrderState,
  audit: { action: string; staffId: string | null; details?: Record<string, unknown> },
  extra: Partial<Pick<PurchaseOrderRow, 'sentAt' | 'closedAt' | 'cancelReason'>> = {},
): void {
  const at = nowIso(ledger);
  ledger.db
    .update(purchaseOrders)
    .set({ state: to, updatedAt: at, ...extra })
    .where(eq(purchaseOrders.id, order.id))
    .run();
  recordAudit(ledger, {
    action: audit.action,
    staffId: audit.staffId,
    subjectId: order.id,
    details: { number: order.number, from: order.state, to, ...audit.details },
  });
}

/**
 * Sending marks a draft sent (a sent or partly received order may be sent again, as a reminder; its state stays).
 * Printing queues the order on the receipt printer in the same transaction; a PDF or text is made by the screen's
 * next call, so nothing here depends on it.
 */
export function sendPurchaseOrder(
  ledger: Ledger,
  actor: Actor,
  input: SendPurchaseOrderInput,
): PurchaseOrderDetail & { printJobId: string | null } {
  return ledger.transaction(() => {
    const order = orderRow(ledger, input.id);
    if (order.state === 'received' || order.state === 'cancelled')
      throw new Conflict({ key: 'poCannotSend', params: { number: order.number } });
    let printJobId: string | null = null;
    if (input.via === 'print') {
      const printer = defaultPrinter(ledger);
      if (!printer) throw new Conflict({ key: 'noPrinter' });
      printJobId = addPrintJob(ledger, {
        docType: 'purchase_order',
        docId: order.id,
        printerId: printer.id,
        format: 'receipt',
        opensDrawer: false,
      }).id;
    }
    const to = order.state === 'draft' ? 'sent' : order.state;
    changeState(
      ledger,
      order,
      to,
      { action: 'purchase_order.send', staffId: actor.staffId, details: { via: input.via } },
      order.sentAt ? {} : { sentAt: nowIso(ledger) },
    );
    return { ...getPurchaseOrder(ledger, input.id), printJobId };
  });
}

export function cancelPurchaseOrder(
  ledger: Ledger,
  actor: Actor,
  input: CancelPurchaseOrderInput,
): PurchaseOrderDetail {
  return ledger.transaction(() => {
    const order = orderRow(ledger, input.id);
    if (order.state === 'received' || order.state === 'cancelled')
      throw new Conflict({ key: 'poCannotCancel', params: { number: order.number } });
    changeState(
      ledger,
      order,
      'cancelled',
      { action: 'purchase_order.cancel', staffId: actor.staffId, details: { reason: input.reason } },
      { closedAt: nowIso(ledger), cancelReason: input.reason },
    );
    return getPurchaseOrder(ledger, input.id);
  });
}

const orderColumns = {
  id: purchaseOrders.id,
  number: purchaseOrders.number,
  counterId: purchaseOrders.counterId,
  seq: purchaseOrders.seq,
  supplierId: purchaseOrders.supplierId,
  supplierName: parties.name,
  state: purchaseOrders.state,
  note: purchaseOrders.note,
  staffId: purchaseOrders.staffId,
  createdAt: purchaseOrders.createdAt,
  updatedAt: purchaseOrders.updatedAt,
  sentAt: purchaseOrders.sentAt,
  closedAt: purchaseOrders.closedAt,
  cancelReason: purchaseOrders.cancelReason,
};

function withTotal(ledger: Ledger, orders: Omit<PurchaseOrder, 'expectedTotalPaise'>[]): PurchaseOrder[] {
  if (orders.length === 0) return [];
  const lines = ledger.db
    .select()
    .from(purchaseOrderLines)
    .where(
      inArray(
        purchaseOrderLines.purchaseOrderId,
        orders.map((order) => order.id),
      ),
    )
    .all();
  return orders.map((order) => ({
    ...order,
    expectedTotalPaise: expectedTotalPaise(lines.filter((line) => line.purchaseOrderId === order.id)),
  }));
}

/** What the order should cost at the expected rates (per 1000 milli-units), before tax; the supplier's bill decides. */
export function expectedTotalPaise(
  lines: Pick<PurchaseOrderLineRow, 'orderedQtyMilli' | 'expectedRatePaise'>[],
): number {
  return lines.reduce((sum, line) => sum + divRound(line.orderedQtyMilli * line.expectedRatePaise, 1000), 0);
}

export function listPurchaseOrders(ledger: Ledger, input: ListPurchaseOrdersInput): PurchaseOrder[] {
  const where: SQL[] = [];
  if (input.state) where.push(eq(purchaseOrders.state, input.state));
  if (input.supplierId) where.push(eq(purchaseOrders.supplierId, input.supplierId));
  const rows = ledger.db
    .select(orderColumns)
    .from(purchaseOrders)
    .innerJoin(parties, eq(parties.id, purchaseOrders.supplierId))
    .where(and(...where))
    .orderBy(desc(purchaseOrders.createdAt), desc(purchaseOrders.seq))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  return withTotal(ledger, rows);
}

export function getPurchaseOrder(ledger: Ledger, id: string): PurchaseOrderDetail {
  const row = ledger.db
    .select(orderColumns)
    .from(purchaseOrders)
    .innerJoin(parties, eq(parties.id, purchaseOrders.supplierId))
    .where(eq(purchaseOrders.id, id))
    .get();
  if (!row) throw new NotFound({ key: 'poNotFound' });
  const lines = ledger.db
    .select()
    .from(purchaseOrderLines)
    .where(eq(purchaseOrderLines.purchaseOrderId, id))
    .orderBy(asc(purchaseOrderLines.lineNo))
    .all();
  return {
    order: { ...row, expectedTotalPaise: expectedTotalPaise(lines) },
    lines: lines.map((line) => ({
      ...line,
      leftToReceiveMilli: Math.max(line.orderedQtyMilli - line.receivedQtyMilli, 0),
    })),
  };
}

export { orderRow as purchaseOrderRow };
