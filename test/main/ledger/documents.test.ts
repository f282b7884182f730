// Recording a document: one step gives it its number, chain link, rows, outbox row and print job, or none of them.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { recordDocument, type DocumentKind, type DocumentToRecord } from '../../../src-main/ledger/documents/record';
import { receiptDocument, type ReceiptDocument } from '../../../src-main/ledger/khata/document';
import { verifyJournal } from '../../../src-main/ledger/journal/service';
import { journal } from '../../../src-main/ledger/journal/schema';
import { outbox } from '../../../src-main/ledger/outbox/schema';
import { printJobs } from '../../../src-main/ledger/printing/schema';
import { receipts } from '../../../src-main/ledger/khata/schema';
import { ledgerFingerprint } from '../../support/fingerprint';
import { shopWithStaff, type Shop } from '../../support/ledger';
import { emulatorPrinter, usePrinter } from '../../support/printing';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

async function shopWithCustomerAndPrinter() {
  shop = await shopWithStaff();
  await usePrinter(shop, emulatorPrinter(9100));
  return shop.cashier.parties.create({ name: 'Kavita', phone: '9833333333' });
}

/** A khata receipt of 100 rupees in cash, as a caller would hand it to recordDocument. */
function receiptInputs(partyId: string): Omit<DocumentToRecord<ReceiptDocument, unknown>, 'apply'> {
  const id = randomUUID();
  const at = shop.t.ledger.clock();
  const createdAt = at.toISOString();
  return {
    id,
    counterId: 'C1',
    at,
    compose: (number) => ({
      header: {
        id,
        number,
        partyId,
        amountPaise: 10_000,
        mode: 'cash',
        reference: '',
        staffId: shop.ids.cashier,
        cashSessionId: null,
        createdAt,
        businessDate: createdAt.slice(0, 10),
      },
      paid: [
        {
          id: randomUUID(),
          docType: 'receipt',
          docId: id,
          mode: 'cash',
          amountPaise: 10_000,
          reference: '',
          cashSessionId: null,
          createdAt,
        },
      ],
    }),
  };
}

/** Records that receipt with the given kind; its effect answers the number it got. */
function recordReceipt(kind: DocumentKind<ReceiptDocument>, partyId: string) {
  return recordDocument(shop.t.ledger, kind, {
    ...receiptInputs(partyId),
    apply: (doc) => doc.header.number,
  });
}

function rowsAbout(docId: string) {
  const { db } = shop.t.ledger;
  return {
    journal: db.select().from(journal).where(eq(journal.docId, docId)).all(),
    outbox: db.select().from(outbox).where(eq(outbox.entityId, docId)).all(),
    printJobs: db.select().from(printJobs).where(eq(printJobs.docId, docId)).all(),
  };
}

describe('recording a document', () => {
  it('gives it the next gap-free number, a chain link the journal verifies, an outbox row and a print job', async () => {
    const party = await shopWithCustomerAndPrinter();
    const first = shop.t.ledger.transaction(() => recordReceipt(receiptDocument, party.id));
    const second = shop.t.ledger.transaction(() => recordReceipt(receiptDocument, party.id));

    expect(first.doc.header.number).toMatch(/^C1RC-\d{4}-000001$/);
    expect(second.doc.header.number).toMatch(/^C1RC-\d{4}-000002$/);
    expect(first.effects).toBe(first.doc.header.number);
    expect(second.link.prevHash).toBe(first.link.hash);
    expect(verifyJournal(shop.t.ledger)).toEqual({ ok: true, documents: 2 });

    const stored = rowsAbout(first.doc.header.id);
    expect(stored.journal).toEqual([
      expect.objectContaining({ docType: 'receipt', prevHash: first.link.prevHash, hash: first.link.hash }),
    ]);
    expect(stored.outbox).toHaveLength(1);
    expect(stored.outbox[0]!.entity).toBe('receipt');
    expect(stored.outbox[0]!.payload).toEqual({
      receipt: { ...first.doc.header, ...first.link },
      payments: first.doc.paid,
    });
    expect(stored.printJobs).toEqual([
      expect.objectContaining({ docType: 'receipt', printerId: 'counter-1', format: 'receipt', status: 'queued' }),
    ]);
  });

  it('when the caller’s transaction throws, none of it stays: not the number, the link, the rows, the outbox row or the print job', async () => {
    const party = await shopWithCustomerAndPrinter();
    const before = ledgerFingerprint(shop.t.ledger);
    let abandonedId = '';
    expect(() =>
      shop.t.ledger.transaction(() => {
        abandonedId = recordReceipt(receiptDocument, party.id).doc.header.id;
        throw new Error('the drawer jammed');
      }),
    ).toThrow('the drawer jammed');

    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
    expect(rowsAbout(abandonedId)).toEqual({ journal: [], outbox: [], printJobs: [] });
    const next = shop.t.ledger.transaction(() => recordReceipt(receiptDocument, party.id));
    expect(next.doc.header.number).toMatch(/^C1RC-\d{4}-000001$/);
    expect(verifyJournal(shop.t.ledger)).toEqual({ ok: true, documents: 1 });
  });

  it('runs the steps in order, the document’s rows and link in place before its effects and summaries', async () => {
    const party = await shopWithCustomerAndPrinter();
    const seen: string[] = [];
    const traced: DocumentKind<ReceiptDocument> = {
      ...receiptDocument,
      summarise: (_ledger, doc) => {
        const pending = rowsAbout(doc.header.id);
        seen.push(`summarise: journal ${pending.journal.length}, outbox ${pending.outbox.length}`);
      },
    };
    shop.t.ledger.transaction(() =>
      recordDocument(shop.t.ledger, traced, {
        ...receiptInputs(party.id),
        apply: (doc) => {
          const stored = shop.t.ledger.db.select().from(receipts).where(eq(receipts.id, doc.header.id)).all();
          seen.push(`apply: receipt rows ${stored.length}`);
        },
      }),
    );
    expect(seen).toEqual(['apply: receipt rows 1', 'summarise: journal 1, outbox 0']);
  });

  it('queues no print job for a type that does not print as it is recorded', async () => {
    const party = await shopWithCustomerAndPrinter();
    const recorded = shop.t.ledger.transaction(() =>
      recordReceipt({ ...receiptDocument, printsOnRecord: false }, party.id),
    );
    const stored = rowsAbout(recorded.doc.header.id);
    expect(stored.printJobs).toEqual([]);
    expect(stored.outbox).toHaveLength(1);
  });

  it('refuses to run outside a transaction, so a document can never be half written', async () => {
    const party = await shopWithCustomerAndPrinter();
    const before = ledgerFingerprint(shop.t.ledger);
    expect(() => recordReceipt(receiptDocument, party.id)).toThrow(/inside the caller’s transaction/);
    expect(ledgerFingerprint(shop.t.ledger)).toBe(before);
  });
});
