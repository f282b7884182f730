// A Maharashtra shop whose real counter synced three bills for the e-way bill tests: a ₹1,50,000 television to Mehta
// Traders in Karnataka (as many as asked; inter-State, above Rule 138's ₹50,000: needs one), an ₹80,000 refrigerator to Suresh in Pune
// (within Maharashtra, whose own limit is ₹1 lakh: needs none) and ₹420 of rice (needs none). The server reaches a
// local e-way bill API stand-in.
import { randomUUID } from 'node:crypto';
import { itemInput } from './ledger';
import { BUYER_GSTIN } from './report-shop';
import { startEwbStandin } from './ewb-standin';
import { syncedShop } from './sync-shop';

export async function ewbShop(options: { clock?: () => Date; timeoutMs?: number; televisions?: number } = {}) {
  const shop = await syncedShop(['C1']);
  const standin = await startEwbStandin(options.clock ? { clock: options.clock } : {});
  shop.server.deps.config.ewayBillApi = standin.config(options.timeoutMs);
  if (options.clock) shop.server.deps.clock = options.clock;
  const c1 = shop.counters[0]!;
  const create = (overrides: Parameters<typeof itemInput>[0]) => c1.manager.catalogue.create(itemInput(overrides));
  const tv = await create({ name: 'Smart LED Television 55 inch Black', hsn: '8528', pricePaise: 15_000_000 });
  const fridge = await create({ name: 'Double Door Refrigerator 340 L', hsn: '8418', pricePaise: 8_000_000 });
  const rice = await create({ name: 'Sona Masoori Rice 5kg', hsn: '1006', pricePaise: 42_000, gstRateBp: 500 });
  const mehta = await c1.cashier.parties.create({ name: 'Mehta Traders', phone: '9822222222', gstin: BUYER_GSTIN });
  const suresh = await c1.cashier.parties.create({ name: 'Suresh Patil', phone: '9833333333', stateCode: '27' });
  const sell = (itemId: string, totalPaise: number, partyId: string | null = null, deliveryAddress = '') =>
    c1.manager.sales.finalize({
      id: randomUUID(),
      partyId,
      deliveryAddress,
      lines: [{ itemId, qtyMilli: 1000 }],
      payments: [{ mode: 'upi', amountPaise: totalPaise }],
    });
  const televisions = [];
  for (let n = 0; n < (options.televisions ?? 1); n++) televisions.push(await sell(tv.id, 15_000_000, mehta.id));
  // ₹50,000 or more to a buyer without a GSTIN names the buyer and where the goods go (Rule 46(e)).
  const refrigerator = await sell(fridge.id, 8_000_000, suresh.id, '7 Shivaji Nagar, Pune 411005');
  const groceries = await sell(rice.id, 42_000);
  await c1.engine().syncNow();
  // The owner logs in again so that the session's context carries the clock given.
  const session = await (
    await shop.server.as(null)
  ).accounts.login({ email: 'asha@example.in', password: 'correct horse battery' });
  const owner = await shop.server.as(session.accessToken);
  return {
    shop,
    owner,
    standin,
    sales: { televisions, television: televisions[0]!, refrigerator, groceries },
    close: async () => {
      await standin.close();
      await shop.close();
    },
  };
}
