// Billing: finalising a sale in one transaction, holding and recalling bills, reading invoices back.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { NotFound } from '../../../src-shared/errors';
import type { FinalizeSaleInput, HoldBillInput } from '../../../src-shared/contracts/sales';
import { type Actor, type Ledger, businessDate, nowIso } from '../ledger';
import { items, type Item } from '../catalogue/schema';
import { parties, type Party } from '../parties/schema';
import { payments, type Payment } from '../payments/schema';
import { creditNoteLines, creditNotes, type CreditNote } from '../returns/schema';
import { requireOpenSession } from '../cash-sessions/service';
import { requireShop, getBilling, getCounter } from '../settings/service';
import { approverFor } from '../staff/service';
import { recordAudit } from '../audit/service';
import { moveStocks } from '../stock/service';
import { addKhataEntry } from '../khata/entries';
import { recordDocument } from '../documents/record';
import { buildSale } from './build';
import { isBelowCost } from '../../../src-shared/sales/below-cost';
import { clearMyDraft, dropDraftOfBill } from '../drafts/service';
import { invoiceDocument, newInvoiceDetail, type InvoiceDocument } from './document';
import {
  heldBills,
  invoiceLines,
  invoices,
  invoiceSupply,
  type HeldBill,
  type Invoice,
  type InvoiceLine,
} from './schema';
import type { InvoiceSupply } from '../../../src-shared/gst/rule46';
import { supplyOf } from './document';
import { containsPattern, pageOf } from '../page';

export type SaleWarning =
  | { kind: 'negative-stock'; itemId: string; name: string; stockMilli: number }
  /** The line's taxable value is below its quantity at the item's average cost: a warning, never a refusal. */
  | { kind: 'below-cost'; lineNo: number; itemId: string; name: string; unitCostPaise: number; taxablePaise: number }
  | { kind: 'credit-limit'; partyId: string; name: string; balancePaise: number; creditLimitPaise: number };

export interface InvoiceDetail {
  invoice: Invoice;
  /** What its document must say (src-shared/gst/rule46.ts); a tax invoice without addresses for one made before this was kept. */
  supply: InvoiceSupply;
  lines: (InvoiceLine & { returnedQtyMilli: number })[];
  payments: Payment[];
  creditNotes: CreditNote[];
}

export interface FinalizedSale extends InvoiceDetail {
  warnings: SaleWarning[];
  /** True when this id had already been finalised: the first invoice is returned, nothing new is written. */
  replayed: boolean;
}

function loadItems(ledger: Ledger, ids: string[]): Map<string, Item> {
  const rows = ledger.db
    .select()
    .from(items)
    .where(inArray(items.id, [...new Set(ids)]))
    .all();
  return new Map(rows.map((row) => [row.id, row]));
}

function loadParty(ledger: Ledger, partyId: string | null): Party | null {
  if (!partyId) return null;
  const party = ledger.db.select().from(parties).where(eq(parties.id, partyId)).get();
  if (!party || !party.active) throw new NotFound('The chosen customer is not in the khata (any more).');
  return party;
}

/**
 * Finalises a bill: invoice, lines, payments, stock movements, khata entry, gap-free number,
 * hash-chain link and sync outbox row, in one SQLite transaction: all of it or none of it.
 */
export function finalizeSale(ledger: Ledger, actor: Actor, input: FinalizeSaleInput): FinalizedSale {
  return ledger.transaction(() => {
    if (ledger.db.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, input.id)).get()) {
      return { ...getInvoice(ledger, input.id), warnings: [], replayed: true };
    }
    const session = requireOpenSession(ledger);
    const shop = requireShop(ledger);
    const billing = getBilling(ledger);
    const { counterId } = getCounter(ledger);
    const party = loadParty(ledger, input.partyId);
    const built = buildSale({
      input,
      items: loadItems(
        ledger,
        input.lines.map((line) => line.itemId),
      ),
      party,
      setting: {
        shopStateCode: shop.stateCode,
        taxScheme: shop.taxScheme,
        counterId,
        roundOff: billing.roundOff,
        cashierDiscountLimitBp: billing.cashierDiscountLimitBp,
      },
      newId: randomUUID,
    });
    const approvedBy = built.needsApproval ? approverFor(ledger, actor, input.approval, built.needsApproval) : null;

    const at = ledger.clock();
    const createdAt = at.toISOString();
    const { doc, link, effects } = recordDocument(ledger, invoiceDocument, {
      id: input.id,
      counterId,
      at,
      compose: (number) => ({
        header: {
          ...built.header,
          number,
          staffId: actor.staffId,
          approvedBy,
          cashSessionId: session.id,
          createdAt,
          businessDate: businessDate(at),
        },
        lines: built.lines.map((line) => ({ ...line, invoiceId: input.id })),
        paid: built.payments.map((payment) => ({
          ...payment,
          docId: input.id,
          cashSessionId: session.id,
          createdAt,
        })),
        supply: { ...built.supply, invoiceId: input.id },
      }),
      apply: (sale) => {
        const warnings = [
          ...belowCost(sale),
          ...moveSaleStock(ledger, actor, sale),
          ...postSaleKhata(ledger, party, sale),
        ];
        if (input.heldBillId) ledger.db.delete(heldBills).where(eq(heldBills.id, input.heldBillId)).run();
        dropDraftOfBill(ledger, input.id);
        if (approvedBy)
          auditApproval(ledger, actor, approvedBy, {
            subjectId: input.id,
            reason: built.needsApproval,
            number: sale.header.number,
          });
        return warnings;
      },
    });
    // The rows just written are the invoice: no need to read them back.
    return { ...newInvoiceDetail(doc, link), creditNotes: [], warnings: effects, replayed: false };
  });
}

function belowCost(sale: InvoiceDocument): SaleWarning[] {
  return sale.lines
    .filter((line) => isBelowCost(line, line.unitCostPaise))
    .map((line) => ({
      kind: 'below-cost' as const,
      lineNo: line.lineNo,
      itemId: line.itemId,
      name: line.name,
      unitCostPaise: line.unitCostPaise,
      taxablePaise: line.taxablePaise,
    }));
}

function moveSaleStock(ledger: Ledger, actor: Actor, sale: InvoiceDocument): SaleWarning[] {
  const stockAfter = moveStocks(
    ledger,
    sale.lines.map((line) => ({
      itemId: line.itemId,
      qtyMilli: -line.qtyMilli,
      reason: 'sale' as const,
      docId: line.invoiceId,
      staffId: actor.staffId,
    })),
  );
  return sale.lines.flatMap((line, index) => {
    const stockMilli = stockAfter[index]!;
    return stockMilli < 0
      ? [{ kind: 'negative-stock' as const, itemId: line.itemId, name: line.name, stockMilli }]
      : [];
  });
}

/** What is left on khata goes on the customer's account; going past their limit is allowed, with a warning. */
function postSaleKhata(ledger: Ledger, party: Party | null, sale: InvoiceDocument): SaleWarning[] {
  if (!party || sale.header.khataPaise <= 0) return [];
  const balancePaise = addKhataEntry(ledger, {
    partyId: party.id,
    kind: 'sale',
    docId: sale.header.id,
    docNumber: sale.header.number,
    amountPaise: sale.header.khataPaise,
  });
  if (party.creditLimitPaise === null || balancePaise <= party.creditLimitPaise) return [];
  return [
    {
      kind: 'credit-limit',
      partyId: party.id,
      name: party.name,
      balancePaise,
      creditLimitPaise: party.creditLimitPaise,
    },
  ];
}

/** A manager's approval of a cashier's bill is audited as such; a manager's own privileged bill as privileged. */
function auditApproval(
  ledger: Ledger,
  actor: Actor,
  approvedBy: string,
  approval: { subjectId: string; reason: string | null; number: string },
): void {
  recordAudit(ledger, {
    action: approvedBy !== actor.staffId ? 'sale.approved' : 'sale.privileged',
    staffId: actor.staffId,
    approvedBy,
    subjectId: approval.subjectId,
    details: { reason: approval.reason, number: approval.number },
  });
}

function returnedQty(ledger: Ledger, invoiceId: string): Map<string, number> {
  const rows = ledger.db
    .select({ lineId: creditNoteLines.invoiceLineId, qty: sql<number>`SUM(${creditNoteLines.qtyMilli})` })
    .from(creditNoteLines)
    .innerJoin(creditNotes, eq(creditNotes.id, creditNoteLines.creditNoteId))
    .where(eq(creditNotes.invoiceId, invoiceId))
    .groupBy(creditNoteLines.invoiceLineId)
    .all();
  return new Map(rows.map((row) => [row.lineId, row.qty]));
}

export function getInvoice(ledger: Ledger, id: string): InvoiceDetail {
  const invoice = ledger.db.select().from(invoices).where(eq(invoices.id, id)).get();
  if (!invoice) throw new NotFound('No such invoice.');
  const returned = returnedQty(ledger, id);
  const lines = ledger.db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, id))
    .orderBy(asc(invoiceLines.lineNo))
    .all();
  const supply = ledger.db.select().from(invoiceSupply).where(eq(invoiceSupply.invoiceId, id)).get();
  return {
    invoice,
    supply: supplyOf(supply),
    lines: lines.map((line) => ({ ...line, returnedQtyMilli: returned.get(line.id) ?? 0 })),
    payments: ledger.db
      .select()
      .from(payments)
      .where(and(eq(payments.docType, 'invoice'), eq(payments.docId, id)))
      .orderBy(asc(payments.id))
      .all(),
    creditNotes: ledger.db
      .select()
      .from(creditNotes)
      .where(eq(creditNotes.invoiceId, id))
      .orderBy(asc(creditNotes.createdAt))
      .all(),
  };
}

export function getInvoiceByNumber(ledger: Ledger, number: string): InvoiceDetail {
  const row = ledger.db.select({ id: invoices.id }).from(invoices).where(eq(invoices.number, number)).get();
  if (!row) throw new NotFound(`No invoice numbered ${number}.`);
  return getInvoice(ledger, row.id);
}

export function listInvoices(
  ledger: Ledger,
  input: { limit: number; offset: number; from?: string; to?: string; partyId?: string; number?: string },
): { rows: Invoice[]; total: number } {
  const filters: SQL[] = [];
  if (input.from) filters.push(gte(invoices.businessDate, input.from));
  if (input.to) filters.push(lte(invoices.businessDate, input.to));
  if (input.partyId) filters.push(eq(invoices.partyId, input.partyId));
  if (input.number) filters.push(sql`${invoices.number} LIKE ${containsPattern(input.number)} ESCAPE '\\'`);
  return pageOf(ledger, invoices, filters.length ? and(...filters) : undefined, desc(invoices.createdAt), input);
}

/** Parks a bill while its customer steps away; it is a draft, so it does not touch stock, khata or numbers. */
export function holdBill(ledger: Ledger, actor: Actor, input: HoldBillInput): HeldBill {
  return ledger.transaction(() => {
    const row: HeldBill = {
      id: randomUUID(),
      label: input.label,
      staffId: actor.staffId,
      cart: input.cart,
      createdAt: nowIso(ledger),
    };
    ledger.db.insert(heldBills).values(row).run();
    // The held bill is now where this bill lives; its draft must not bring a second copy back.
    clearMyDraft(ledger, actor);
    return row;
  });
}

/** Recalling returns the cart; the held bill stays until the recalled bill is finalised (or discarded), so nothing is lost on a crash. */
export function recallHeldBill(ledger: Ledger, id: string): HeldBill {
  const row = ledger.db.select().from(heldBills).where(eq(heldBills.id, id)).get();
  if (!row) throw new NotFound('That held bill is no longer there.');
  return row;
}

export function discardHeldBill(ledger: Ledger, actor: Actor, id: string): void {
  ledger.transaction(() => {
    const row = recallHeldBill(ledger, id);
    ledger.db.delete(heldBills).where(eq(heldBills.id, id)).run();
    recordAudit(ledger, {
      action: 'sale.discard-held',
      staffId: actor.staffId,
      subjectId: id,
      details: { label: row.label },
    });
  });
}
