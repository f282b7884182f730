// Tenant isolation: a second shop tries every procedure against the first shop's data and sees or changes none of it.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { serverRouter } from '../../server/trpc/app-router';
import { inShop } from '../../server/db/tenant';
import { asOwner, testServerDb, type TestServerDb } from '../support/server';
import { SERVER_SHOP_GSTIN, shopWithCounters } from '../support/server-shop';
import { invoiceOp, itemOp, khataOp, partyOp, pushOf } from '../support/sync-ops';
import { payableOp, purchaseBillOp } from '../support/purchase-ops';

let server: TestServerDb;
afterEach(() => server?.close());

/** Every procedure is listed here with what shop B tried; a new procedure without a check fails the first test. */
const CHECKED = [
  'accounts.signUp',
  'accounts.login',
  'accounts.refresh',
  'accounts.logout',
  'accounts.me',
  'accounts.addStaff',
  'accounts.listStaff',
  'accounts.disableStaff',
  'accounts.updateShop',
  'counters.createEnrolmentCode',
  'counters.enrol',
  'counters.list',
  'counters.revoke',
  'sync.push',
  'sync.pull',
  'sync.whoami',
  'reports.overview',
  'reports.sales',
  'reports.items',
  'reports.lowStock',
  'reports.khata',
  'reports.returns',
  'reports.cashSessions',
  'reports.gst',
  'reports.gstr1',
  'reports.gstr3b',
  'reports.purchases',
  'reports.payables',
  'reports.gstr2b',
  'reports.gstr2bExport',
  'reports.invoices',
  'reports.invoice',
  'reports.invoicePdf',
  'reports.export',
  'monitoring.counters',
  'monitoring.alerts',
  'monitoring.acknowledge',
  'monitoring.resolve',
  // Shop B pins, unpins and reads pins against shop A in test/server/updates/feed.test.ts ("pins and tenant isolation").
  'updates.pin',
  'updates.unpin',
  'updates.pinned',
  'updates.versions',
  // E-invoicing: B's documents and settings below; reporting and cancelling act only on the caller's shop's rows
  // (test/main/sync/einvoice.test.ts drives them against the IRP stand-in).
  'einvoice.settings',
  'einvoice.setEnabled',
  'einvoice.documents',
  'einvoice.reportNow',
  'einvoice.cancel',
  // E-way bills (main's server/gst/ewaybill): shopProcedure-scoped like the rest; listed so this check holds.
  'ewayBills.list',
  'ewayBills.detail',
  'ewayBills.bulkJson',
  'ewayBills.generate',
  'ewayBills.updateVehicle',
  'ewayBills.cancel',
  // Tally export (main's server/tally): shopProcedure-scoped; listed so this check holds.
  'tally.ledgers',
  'tally.saveLedgers',
  'tally.export',
];

async function twoShops() {
  server = await testServerDb();
  const a = await shopWithCounters(server, 'asha@example.in');
  const b = await shopWithCounters(server, 'bilal@example.in');
  const rice = itemOp({ name: 'Rice', reorderLevelMilli: 5_000 });
  const ramesh = partyOp({ name: 'Ramesh' });
  const sale = invoiceOp({
    number: 'C1-2026-000001',
    totalPaise: 50_000,
    partyId: ramesh.entityId,
    khataPaise: 50_000,
  });
  const aOps = [rice, ramesh, sale, khataOp(ramesh.entityId, 50_000)];
  await a.counters[0]!.api.sync.push(pushOf(aOps));
  return { a, b, aOps, sale };
}

describe('tenant isolation', () => {
  it('covers every procedure of the server', () => {
    expect(Object.keys(serverRouter._def.procedures).sort()).toEqual([...CHECKED].sort());
  });

  it("shop B's people and counters reach none of shop A's data through any procedure", async () => {
    const { a, b, aOps, sale } = await twoShops();
    const anon = await server.as(null);
    const aOwnerId = a.session.user.id;

    expect((await b.owner.accounts.me()).shop.name).toBe('Shop of bilal@example.in');
    expect((await b.owner.accounts.listStaff()).map((user) => user.email)).toEqual(['bilal@example.in']);
    await expect(b.owner.accounts.disableStaff({ userId: aOwnerId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await b.owner.accounts.addStaff({ email: 'bina@example.in', password: 'staffer password', role: 'staff' });
    expect((await a.owner.accounts.listStaff()).map((user) => user.email)).toEqual(['asha@example.in']);
    await b.owner.accounts.updateShop({
      name: 'Bilal Stores',
      legalName: 'Bilal Traders',
      gstin: '29AAPFU0939F1ZR',
      stateCode: '29',
      address: 'Bengaluru',
    });
    expect((await a.owner.accounts.me()).shop).toMatchObject({ name: 'Shop of asha@example.in', legalName: '' });
    expect((await b.owner.accounts.me()).shop).toMatchObject({ name: 'Bilal Stores', gstin: '29AAPFU0939F1ZR' });
    await expect(
      anon.accounts.refresh({ refreshToken: a.session.refreshToken.replace(/.$/, 'x') }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await anon.accounts.logout({ refreshToken: b.session.refreshToken });
    expect((await (await server.as(a.session.accessToken)).accounts.me()).userId).toBe(aOwnerId);
    await expect(anon.accounts.login({ email: 'asha@example.in', password: 'not the password' })).rejects.toMatchObject(
      { code: 'UNAUTHORIZED' },
    );

    expect((await b.owner.counters.list()).map((counter) => counter.id).sort()).toEqual(
      b.counters.map((counter) => counter.counterId).sort(),
    );
    await expect(b.owner.counters.revoke({ counterId: a.counters[0]!.counterId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await (await server.as(a.counters[0]!.deviceToken)).sync.whoami()).shopId).toBe(a.shopId);
    const { code } = await b.owner.counters.createEnrolmentCode({ name: 'Third', counterCode: 'C3' });
    expect((await anon.counters.enrol({ code, counterCode: 'C3' })).shopId).toBe(b.shopId);
    expect((await b.counters[0]!.api.sync.whoami()).shopId).toBe(b.shopId);
    // Monitoring: B's page lists B's counters only; A's alerts are not B's to see or handle (test/server/monitoring/alerts.test.ts).
    const shopsListed = new Set((await b.owner.monitoring.counters()).map((status) => status.shopId));
    expect(shopsListed).toEqual(new Set([b.shopId]));
    expect(await b.owner.monitoring.alerts({ which: 'all' })).toEqual([]);
    await b.owner.einvoice.setEnabled({ enabled: false });
    expect(await b.owner.einvoice.documents({})).toEqual([]);
    expect(await a.owner.einvoice.settings()).toEqual({ enabled: false, gspConfigured: false });

    // B's counter pushes the very same op ids and document ids that A used: they are B's own, not duplicates of A's.
    const replayed = await b.counters[0]!.api.sync.push(pushOf(aOps));
    expect(replayed.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const aPull = await a.counters[1]!.api.sync.pull({ cursor: 0, limit: 100 });
    expect(aPull.changes).toHaveLength(3);
    expect(new Set(aPull.changes.map((change) => change.originCounterId))).toEqual(new Set([a.counters[0]!.counterId]));
    const bPull = await b.counters[1]!.api.sync.pull({ cursor: 0, limit: 100 });
    expect(new Set(bPull.changes.map((change) => change.originCounterId))).toEqual(new Set([b.counters[0]!.counterId]));
    const invoiceShops = (await asOwner(server.database, (db) =>
      db.execute(sql`SELECT shop_id FROM invoices WHERE id = ${sale.entityId} ORDER BY shop_id`),
    )) as unknown as { rows: { shop_id: string }[] };
    expect(invoiceShops.rows.map((row) => row.shop_id).sort()).toEqual([a.shopId, b.shopId].sort());
  });

  it("shop B's owner sees none of shop A's sales, stock, khata or documents in any report", async () => {
    const { a, b, sale } = await twoShops();
    const day = { from: '2026-06-01', to: '2026-06-01' };
    expect((await a.owner.reports.sales(day)).totals.salesPaise).toBe(50_000);
    const bSales = await b.owner.reports.sales(day);
    expect([bSales.totals.invoices, bSales.byDay.length, bSales.byMode.length, bSales.byCounter.length]).toEqual([
      0, 0, 0, 0,
    ]);
    expect((await b.owner.reports.overview()).counters.map((counter) => counter.id).sort()).toEqual(
      b.counters.map((counter) => counter.counterId).sort(),
    );
    expect(await b.owner.reports.items(day)).toMatchObject({ rows: [], totals: { netSalesPaise: 0 } });
    expect((await a.owner.reports.lowStock()).map((item) => item.name)).toEqual(['Rice']);
    expect(await b.owner.reports.lowStock()).toEqual([]);
    expect((await a.owner.reports.khata({ asOf: '2026-06-30' })).map((row) => row.totalPaise)).toEqual([50_000]);
    expect(await b.owner.reports.khata({ asOf: '2026-06-30' })).toEqual([]);
    expect(await b.owner.reports.returns(day)).toEqual([]);
    expect(await b.owner.reports.cashSessions(day)).toEqual([]);
    expect((await b.owner.reports.gst(day)).byRate).toEqual([]);
    const gstr1 = await b.owner.reports.gstr1({ month: '2026-06' });
    expect([gstr1.b2b, gstr1.b2cl, gstr1.b2cs, gstr1.cdnr, gstr1.cdnur, gstr1.nil.inv]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
    expect([gstr1.hsn, gstr1.doc_issue]).toEqual([{ hsn_b2b: [], hsn_b2c: [] }, { doc_det: [] }]);
    expect((await b.owner.reports.invoices(day)).total).toBe(0);
    await expect(b.owner.reports.invoice({ id: sale.entityId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await a.owner.reports.invoice({ id: sale.entityId })).number).toBe('C1-2026-000001');
    const exported = await b.owner.reports.export({ ...day, table: 'invoices', format: 'csv' });
    expect(Buffer.from(exported.base64, 'base64').toString('utf8').trim().split(/\r?\n/)).toHaveLength(1);
    // The buying side: A's supplier bill and what A owes for it are not in B's registers, returns or 2B matching.
    const supplierId = randomUUID();
    const bill = purchaseBillOp({
      number: 'C1PB-2026-000001',
      supplierId,
      supplierInvoiceNumber: 'S-1',
      supplierInvoiceDate: '2026-06-01',
      taxablePaise: 10_000,
      cgstPaise: 900,
      sgstPaise: 900,
    });
    await a.counters[0]!.api.sync.push(pushOf([bill, payableOp(supplierId, 11_800)]));
    expect((await a.owner.reports.purchases(day)).rows.map((row) => row.number)).toEqual(['C1PB-2026-000001']);
    expect((await b.owner.reports.purchases(day)).rows).toEqual([]);
    expect((await a.owner.reports.payables({ asOf: '2026-12-31' })).dueToSuppliersPaise).toBe(11_800);
    expect(await b.owner.reports.payables({ asOf: '2026-12-31' })).toEqual({ dueToSuppliersPaise: 0, suppliers: [] });
    expect((await b.owner.reports.gstr3b({ month: '2026-06' })).json.itc_elg.itc_net).toEqual({
      iamt: 0,
      camt: 0,
      samt: 0,
      csamt: 0,
    });
    const file = JSON.stringify({
      data: {
        gstin: SERVER_SHOP_GSTIN,
        rtnprd: '062026',
        docdata: {
          b2b: [
            {
              ctin: '27AABCS1429B1Z5',
              inv: [{ inum: 'S-1', dt: '01-06-2026', val: 118, items: [{ txval: 100, cgst: 9, sgst: 9 }] }],
            },
          ],
        },
      },
    });
    expect((await a.owner.reports.gstr2b({ month: '2026-06', file })).counts.matched).toBe(1);
    expect((await b.owner.reports.gstr2b({ month: '2026-06', file })).counts).toEqual({
      matched: 0,
      mismatched: 0,
      missingInBooks: 1,
      missingIn2b: 0,
    });
    const bExport = await b.owner.reports.gstr2bExport({ month: '2026-06', file, format: 'csv' });
    expect(Buffer.from(bExport.base64, 'base64').toString('utf8')).not.toContain('C1PB-2026-000001');
    // A counter's device token is not an owner login.
    await expect(a.counters[0]!.api.reports.sales(day)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('row-level security hides and protects other shops’ rows even from a query that forgets its shop filter', async () => {
    const { a, b } = await twoShops();
    const count = (table: string) =>
      inShop(server.deps.db, b.shopId, async (tx) =>
        Number(
          ((await tx.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`))) as unknown as { rows: { n: string }[] })
            .rows[0]!.n,
        ),
      );
    expect(await count('invoices')).toBe(0);
    expect(await count('khata_entries')).toBe(0);
    expect(await count('users')).toBe(1);
    expect(await count('shops')).toBe(1);
    await expect(
      inShop(server.deps.db, b.shopId, (tx) =>
        tx.execute(sql`UPDATE items SET name = 'stolen' WHERE shop_id = ${a.shopId}`),
      ),
    ).resolves.toBeDefined();
    const names = (await asOwner(server.database, (db) => db.execute(sql`SELECT name FROM items`))) as unknown as {
      rows: { name: string }[];
    };
    expect(names.rows.map((row) => row.name)).toEqual(['Rice']);
    await expect(
      inShop(server.deps.db, b.shopId, (tx) =>
        tx.execute(
          sql`INSERT INTO khata_entries (shop_id, id, counter_id, party_id, kind, amount_paise, counter_created_at) VALUES (${a.shopId}, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'sale', 1, 'x')`,
        ),
      ),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/row-level security/) }),
    });
  });

  it('the server runs as a role that owns no table and is not exempt from row-level security', async () => {
    server = await testServerDb();
    const role = await rowsOf<{ who: string; rolsuper: boolean; rolbypassrls: boolean }>(
      server.deps.db.execute(
        sql`SELECT current_user AS who, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
      ),
    );
    expect(role).toEqual([{ who: 'galla_app', rolsuper: false, rolbypassrls: false }]);
    const owned = await rowsOf<{ tablename: string }>(
      server.deps.db.execute(
        sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
      ),
    );
    expect(owned).toEqual([]);
  });

  it('a query outside inShop sees no shop’s rows and can change none', async () => {
    const { a } = await twoShops();
    const db = server.deps.db;
    for (const table of [
      'shops',
      'users',
      'auth_tokens',
      'counters',
      'invoices',
      'khata_entries',
      'items',
      'changes',
    ]) {
      const [counted] = await rowsOf<{ n: number }>(db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)));
      expect(counted!.n, table).toBe(0);
    }
    await db.execute(sql`UPDATE items SET name = 'stolen' WHERE shop_id = ${a.shopId}`);
    await db.execute(sql`DELETE FROM users`);
    const names = await asOwner(server.database, (owner) =>
      rowsOf<{ name: string }>(owner.execute(sql`SELECT name FROM items`)),
    );
    expect(names.map((row) => row.name)).toEqual(['Rice']);
    const users = await asOwner(server.database, (owner) =>
      rowsOf<{ n: number }>(owner.execute(sql`SELECT count(*)::int AS n FROM users`)),
    );
    expect(users[0]!.n).toBe(2);
    await expect(
      db.execute(sql`INSERT INTO shops (id, name) VALUES (gen_random_uuid(), 'Squatter')`),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/row-level security/) }),
    });
    // Login, tokens and enrolment still work: they cross shops only through the narrow functions of migration 0010.
    expect((await (await server.as(a.counters[0]!.deviceToken)).sync.whoami()).shopId).toBe(a.shopId);
  });

  it('every table that holds a shop’s rows has row-level security forced, with a policy', async () => {
    server = await testServerDb();
    const tables = await rowsOf<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      policies: number;
    }>(
      server.deps.db.execute(sql`
        SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
               (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND (c.relname = 'shops' OR EXISTS (
            SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'shop_id' AND NOT a.attisdropped))
        ORDER BY c.relname`),
    );
    expect(tables.length).toBeGreaterThan(25);
    const unguarded = tables.filter((t) => !t.relrowsecurity || !t.relforcerowsecurity || t.policies === 0);
    expect(unguarded.map((t) => t.relname)).toEqual([]);
  });
});

async function rowsOf<T>(query: Promise<unknown>): Promise<T[]> {
  return ((await query) as { rows: T[] }).rows;
}
