// Sync refuses what it cannot apply honestly: the same key with other content is a conflict with a code (never a
// "duplicate"), op ids belong to their counter, a cursor the server cannot honour is refused, and each counter's
// journal head must extend the one the server last acknowledged.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { documentHash, GENESIS_HASH } from '../../src-shared/hash-chain';
import type { JournalAnchor, JournalLink } from '../../src-shared/sync/protocol';
import { asOwner, testServerDb, type TestServerDb } from '../support/server';
import { shopWithCounters } from '../support/server-shop';
import { invoiceOp, itemOp, khataOp, partyOp, pushOf, stockOp } from '../support/sync-ops';

let server: TestServerDb;
afterEach(() => server?.close());

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await asOwner(server.database, (db) => db.execute(query))) as unknown as {
    rows: { n: number | string }[];
  };
  return Number(result.rows[0]!.n);
}

async function alertsOf(owner: Awaited<ReturnType<typeof shopWithCounters>>['owner']) {
  return owner.monitoring.alerts({ which: 'unresolved', limit: 100 });
}

describe('conflicts are refused with a code, never called duplicates', () => {
  it('a replayed op id with a different payload is OP_PAYLOAD_CHANGED; the first version stays and the owner is alerted', async () => {
    server = await testServerDb();
    const { counters, owner } = await shopWithCounters(server, 'asha@example.in');
    const party = partyOp();
    const entry = khataOp(party.entityId, 10_000);
    await counters[0]!.api.sync.push(pushOf([party, entry]));
    const altered = { ...entry, payload: { ...entry.payload, amountPaise: 99_000 } };
    const replay = await counters[0]!.api.sync.push(pushOf([altered]));
    expect(replay.results[0]).toMatchObject({ status: 'rejected', code: 'OP_PAYLOAD_CHANGED' });
    expect(await scalar(sql`SELECT sum(amount_paise) AS n FROM khata_entries`)).toBe(10_000);
    // The same op sent again unchanged is still a plain duplicate.
    expect((await counters[0]!.api.sync.push(pushOf([entry]))).results[0]!.status).toBe('duplicate');
    const [alert] = await alertsOf(owner);
    expect(alert).toMatchObject({ kind: 'sync_conflict', subject: counters[0]!.counterId, severity: 'critical' });
    expect(alert!.message).toContain('OP_PAYLOAD_CHANGED');
  });

  it('a new op id reusing an invoice id with other totals is ENTITY_CONTENT_CHANGED; the stored bill gains no line or payment', async () => {
    server = await testServerDb();
    const { counters, owner } = await shopWithCounters(server, 'asha@example.in');
    const sale = invoiceOp({ number: 'C1-2026-000001', totalPaise: 11_800 });
    await counters[0]!.api.sync.push(pushOf([sale]));
    const forged = invoiceOp({ id: sale.entityId, number: 'C1-2026-000001', totalPaise: 500_000 });
    const result = await counters[0]!.api.sync.push(pushOf([forged]));
    expect(result.results[0]).toMatchObject({ status: 'rejected', code: 'ENTITY_CONTENT_CHANGED' });
    expect(await scalar(sql`SELECT sum(total_paise) AS n FROM invoices`)).toBe(11_800);
    expect(await scalar(sql`SELECT count(*) AS n FROM invoice_lines`)).toBe(1);
    expect(await scalar(sql`SELECT sum(amount_paise) AS n FROM payments`)).toBe(11_800);
    // Its answer is remembered: the same forged op again gets the same refusal.
    expect((await counters[0]!.api.sync.push(pushOf([forged]))).results[0]).toMatchObject({
      status: 'rejected',
      code: 'ENTITY_CONTENT_CHANGED',
    });
    expect((await alertsOf(owner)).map((alert) => alert.kind)).toEqual(['sync_conflict']);
  });

  it("another counter's op with the same op id is its own op and is applied: one counter cannot shadow another", async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in');
    const party = partyOp();
    const fromC1 = khataOp(party.entityId, 10_000);
    await counters[0]!.api.sync.push(pushOf([party, fromC1]));
    const fromC2 = { ...khataOp(party.entityId, 2_500), opId: fromC1.opId };
    const result = await counters[1]!.api.sync.push(pushOf([fromC2]));
    expect(result.results[0]!.status).toBe('applied');
    expect(await scalar(sql`SELECT sum(amount_paise) AS n FROM khata_entries`)).toBe(12_500);
    const pulled = await counters[0]!.api.sync.pull({ cursor: 0, limit: 100 });
    expect(pulled.changes.map((change) => change.entityId)).toEqual([fromC2.entityId]);
  });

  it('an op whose entity id differs from its payload id is ENTITY_ID_MISMATCH, for every kind, and nothing is stored', async () => {
    server = await testServerDb();
    const { counters } = await shopWithCounters(server, 'asha@example.in');
    const party = partyOp();
    const item = itemOp();
    await counters[0]!.api.sync.push(pushOf([party, item]));
    const mismatched = [
      khataOp(party.entityId, 7_000),
      stockOp(item.entityId, 3_000),
      itemOp(),
      partyOp(),
      invoiceOp({ number: 'C1-2026-000001' }),
    ].map((op) => ({ ...op, entityId: randomUUID() }));
    const result = await counters[0]!.api.sync.push(pushOf(mismatched));
    expect(result.results.map((r) => [r.status, r.code])).toEqual(
      mismatched.map(() => ['rejected', 'ENTITY_ID_MISMATCH']),
    );
    expect(await scalar(sql`SELECT count(*) AS n FROM khata_entries`)).toBe(0);
    expect(await scalar(sql`SELECT count(*) AS n FROM stock_movements`)).toBe(0);
    expect(await scalar(sql`SELECT count(*) AS n FROM items`)).toBe(1);
    expect(await scalar(sql`SELECT count(*) AS n FROM invoices`)).toBe(0);
  });
});

describe('a cursor the server cannot honour', () => {
  it('a cursor past the head, or naming a change the server does not have, is refused with SYNC_CURSOR_AHEAD and the owner is told', async () => {
    server = await testServerDb();
    const { counters, owner } = await shopWithCounters(server, 'asha@example.in');
    await counters[0]!.api.sync.push(pushOf([partyOp(), itemOp()]));
    const page = await counters[1]!.api.sync.pull({ cursor: 0, limit: 100 });
    expect(page.headCursor).toBe(2);
    await expect(counters[1]!.api.sync.pull({ cursor: 5, limit: 100 })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'SYNC_CURSOR_AHEAD' },
    });
    expect(await counters[1]!.api.sync.pull({ cursor: 2, cursorMark: page.cursorMark, limit: 100 })).toMatchObject({
      changes: [],
    });
    await expect(
      counters[1]!.api.sync.pull({ cursor: 2, cursorMark: `${randomUUID()}@20260101000000000000`, limit: 100 }),
    ).rejects.toMatchObject({ cause: { reason: 'SYNC_CURSOR_AHEAD' } });
    const [alert] = await alertsOf(owner);
    expect(alert).toMatchObject({ kind: 'sync_cursor_reset', subject: counters[1]!.counterId, occurrences: 2 });
  });
});

/** A counter's chain of n documents, as its journal would hold it. */
function chain(n: number, tamperAt?: number): JournalLink[] {
  const links: JournalLink[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const hash = documentHash(prevHash, { seq, totalPaise: seq === tamperAt ? 1 : 10_000 });
    links.push({ seq, prevHash, hash });
    prevHash = hash;
  }
  return links;
}

const anchorOf = (links: JournalLink[], from = 0): JournalAnchor => ({
  head: { seq: links.at(-1)?.seq ?? 0, hash: links.at(-1)?.hash ?? GENESIS_HASH },
  links: links.filter((link) => link.seq > from),
});

describe('the journal anchored on the server', () => {
  it('accepts a chain that extends the acknowledged head and refuses a rewritten one with JOURNAL_CHAIN_BROKEN', async () => {
    server = await testServerDb();
    const { counters, owner } = await shopWithCounters(server, 'asha@example.in');
    const c1 = counters[0]!.api;
    const honest = chain(5);
    await c1.sync.push({ ...pushOf([partyOp()]), journal: anchorOf(honest.slice(0, 3)) });
    await c1.sync.push({ ...pushOf([partyOp()]), journal: anchorOf(honest, 3) });
    expect((await owner.counters.list())[0]!.journal).toMatchObject({ verifiedTo: 5, refused: false });

    // Document 2 edited and every hash after it recomputed: a chain that is whole in itself, but not the one anchored.
    const rewritten = [...chain(6, 2)];
    const party = partyOp();
    await expect(c1.sync.push({ ...pushOf([party]), journal: anchorOf(rewritten) })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { reason: 'JOURNAL_CHAIN_BROKEN' },
    });
    expect(await scalar(sql`SELECT count(*) AS n FROM parties WHERE id = ${party.entityId}`)).toBe(0);
    // A journal replaced by an older copy goes backwards: refused too.
    await expect(c1.sync.push({ ...pushOf([party]), journal: anchorOf(honest.slice(0, 4)) })).rejects.toMatchObject({
      cause: { reason: 'JOURNAL_CHAIN_BROKEN' },
    });
    const list = await owner.counters.list();
    expect(list[0]!.journal).toMatchObject({ verifiedTo: 5, refused: true });
    expect(list[1]!.journal).toMatchObject({ verifiedTo: null, refused: false });
    const [alert] = await alertsOf(owner);
    expect(alert).toMatchObject({ kind: 'journal_chain_broken', subject: counters[0]!.counterId, occurrences: 2 });
    expect(await scalar(sql`SELECT count(*) AS n FROM journal_heads`)).toBe(2);
  });
});
