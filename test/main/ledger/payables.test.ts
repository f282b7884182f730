// The supplier khata (payables): what the shop owes each wholesaler moves only by its entries, reaches the server as
// 'payable_entry' ops, and arrives on the shop's other counters once.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { checkLedgerInvariants } from '../../../src-main/ledger/journal/invariants';
import { postPayableEntry } from '../../../src-main/ledger/payables/entries';
import { payableEntries } from '../../../src-main/ledger/payables/schema';
import { outbox } from '../../../src-main/ledger/outbox/schema';
import { applyPulledPage, readCursor } from '../../../src-main/sync/pull';
import { payableEntryPayload } from '../../../src-shared/sync/purchase-payloads';
import { shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

function opsOf(entity: string) {
  return shop.t.ledger.db
    .select()
    .from(outbox)
    .orderBy(asc(outbox.createdAt))
    .all()
    .filter((op) => op.entity === entity);
}

describe('payable entries', () => {
  it('a supplier’s opening due goes on the payables, not on the khata, and is sent as a payable entry', async () => {
    shop = await shopWithStaff();
    const wholesaler = await shop.manager.parties.create({
      kind: 'supplier',
      name: 'Shree Traders',
      openingBalancePaise: 1_25_000_00,
    });
    const customer = await shop.cashier.parties.create({ name: 'Sunita', openingBalancePaise: 5_000 });

    expect(wholesaler).toMatchObject({ payablePaise: 1_25_000_00, balancePaise: 0 });
    expect(customer).toMatchObject({ payablePaise: 0, balancePaise: 5_000 });
    const [entry] = shop.t.ledger.db.select().from(payableEntries).all();
    expect(entry).toMatchObject({ partyId: wholesaler.id, kind: 'opening', amountPaise: 1_25_000_00, docId: null });
    const ops = opsOf('payable_entry');
    expect(ops).toHaveLength(1);
    expect(ops[0]!.entityId).toBe(entry!.id);
    expect(payableEntryPayload.parse(ops[0]!.payload)).toEqual(entry);
    expect(checkLedgerInvariants(shop.t.ledger)).toMatchObject({ ok: true, problems: [] });
  });

  it('postPayableEntry moves what is owed by the entry and answers the supplier’s payable after it', async () => {
    shop = await shopWithStaff();
    const supplier = await shop.manager.parties.create({ kind: 'supplier', name: 'Gupta Wholesale' });
    const { ledger } = shop.t;
    const afterBill = ledger.transaction(() =>
      postPayableEntry(ledger, {
        partyId: supplier.id,
        kind: 'purchase',
        docId: randomUUID(),
        docNumber: 'C1PB-2026-000001',
        amountPaise: 40_000,
      }),
    );
    const afterReturn = ledger.transaction(() =>
      postPayableEntry(ledger, {
        partyId: supplier.id,
        kind: 'debit_note',
        docId: randomUUID(),
        docNumber: 'C1DN-2026-000001',
        amountPaise: -15_000,
      }),
    );
    expect([afterBill, afterReturn]).toEqual([40_000, 25_000]);
    expect((await shop.cashier.parties.get({ id: supplier.id })).payablePaise).toBe(25_000);
    expect(opsOf('payable_entry').map((op) => (op.payload as { amountPaise: number }).amountPaise)).toEqual([
      40_000, -15_000,
    ]);
    expect(() =>
      ledger.transaction(() =>
        postPayableEntry(ledger, {
          partyId: randomUUID(),
          kind: 'purchase',
          docId: null,
          docNumber: null,
          amountPaise: 1,
        }),
      ),
    ).toThrow();
    expect(checkLedgerInvariants(ledger).ok).toBe(true);
  });

  it('a payable entry pulled from another counter is applied once, moves the payable and is not sent back', async () => {
    shop = await shopWithStaff();
    const supplier = await shop.manager.parties.create({ kind: 'supplier', name: 'Shree Traders' });
    const { ledger } = shop.t;
    const queued = opsOf('payable_entry').length;
    const cursor = readCursor(ledger);
    const pulled = {
      id: randomUUID(),
      partyId: supplier.id,
      kind: 'purchase',
      docId: randomUUID(),
      docNumber: 'C2PB-2026-000007',
      amountPaise: 73_450,
      createdAt: new Date().toISOString(),
    };
    const page = (from: number) => ({
      changes: [
        {
          cursor: from + 1,
          entity: 'payable_entry' as const,
          entityId: pulled.id,
          originCounterId: randomUUID(),
          payload: pulled,
        },
      ],
      nextCursor: from + 1,
      headCursor: from + 1,
      hasMore: false,
      serverTime: new Date().toISOString(),
    });

    expect(applyPulledPage(ledger, page(cursor), cursor)).toMatchObject({ kind: 'applied', applied: 1 });
    expect(applyPulledPage(ledger, page(cursor + 1), cursor + 1)).toMatchObject({
      kind: 'applied',
      applied: 0,
      skipped: 1,
    });
    expect((await shop.cashier.parties.get({ id: supplier.id })).payablePaise).toBe(73_450);
    expect(opsOf('payable_entry')).toHaveLength(queued);
    expect(checkLedgerInvariants(ledger).ok).toBe(true);
  });
});
