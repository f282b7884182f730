// shopProcedure: a procedure gets one transaction scoped to its caller's shop; a failure rolls it back.
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Conflict } from '../../../src-shared/errors';
import { createContext } from '../../../server/trpc/context';
import { createCallerFactory, router, shopProcedure } from '../../../server/trpc/init';
import { asOwner, testServerDb, type TestServerDb } from '../../support/server';
import { shopWithCounters } from '../../support/server-shop';
import { itemOp, pushOf } from '../../support/sync-ops';

let server: TestServerDb;
afterEach(() => server?.close());

const countRows = async (tx: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }) =>
  Number(((await tx.execute(sql`SELECT count(*) AS n FROM items`)) as { rows: { n: string }[] }).rows[0]!.n);

/** Procedures a real area would write, used here only to watch what the transaction does. */
const probeRouter = router({
  countItems: shopProcedure('manager').query(({ ctx }) => countRows(ctx.tx)),
  addItemThenRefuse: shopProcedure('manager').mutation(async ({ ctx }) => {
    await ctx.tx.execute(
      sql`INSERT INTO items (shop_id, id, sku, name, active, payload, change_seq)
          VALUES (${ctx.shopId}, gen_random_uuid(), 'X1', 'Half-written', true, '{}', 1)`,
    );
    throw new Conflict('That sku is taken.');
  }),
});
const createProbe = createCallerFactory(probeRouter);

async function shopsWithOneItemEach() {
  server = await testServerDb();
  const a = await shopWithCounters(server, 'asha@example.in', ['C1']);
  const b = await shopWithCounters(server, 'bilal@example.in', ['C1']);
  await a.counters[0]!.api.sync.push(pushOf([itemOp({ name: 'Rice' })]));
  await b.counters[0]!.api.sync.push(pushOf([itemOp({ name: 'Dal' })]));
  const probe = async (token: string) => createProbe(await createContext(server.deps, `Bearer ${token}`));
  return { a, b, probe };
}

describe('shopProcedure', () => {
  it("hands the procedure a transaction that sees only the caller's shop, even to a query with no shop filter", async () => {
    const { a, probe } = await shopsWithOneItemEach();
    expect(await asOwner(server.database, countRows)).toBe(2);
    expect(await (await probe(a.session.accessToken)).countItems()).toBe(1);
  });

  it('rolls back what a failed procedure wrote, and the caller sees its domain error', async () => {
    const { a, probe } = await shopsWithOneItemEach();
    await expect((await probe(a.session.accessToken)).addItemThenRefuse()).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'That sku is taken.',
    });
    expect(await asOwner(server.database, countRows)).toBe(2);
  });

  it('refuses a caller below its role before opening the transaction', async () => {
    const { a, probe } = await shopsWithOneItemEach();
    await a.owner.accounts.addStaff({ email: 'sunil@example.in', password: 'staffer password', role: 'staff' });
    const anon = await server.as(null);
    const staff = await anon.accounts.login({ email: 'sunil@example.in', password: 'staffer password' });
    await expect((await probe(staff.accessToken)).countItems()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
