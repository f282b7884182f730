// A Maharashtra shop with one real counter and bills worked by hand for the GSTR-1: a ₹1,50,000 television sold to an
// unregistered buyer in Karnataka, rice (5 %) and tomatoes (nil-rated) over the counter, rice to a registered buyer,
// a small return and the television's void; the figures each table must show are worked out where it is checked.
import { randomUUID } from 'node:crypto';
import { itemInput } from './ledger';
import { BUYER_GSTIN } from './report-shop';
import { syncedShop, type SyncedShop } from './sync-shop';

type Counter = SyncedShop['counters'][number];

/** Moves a counter's clock to a moment in India (UTC+05:30), as if the bill were made then. */
export function billAt(counter: Counter, isoDate: string, hourIst = 11): void {
  const at = new Date(Date.parse(`${isoDate}T00:00:00Z`) + (hourIst * 60 - 330) * 60_000);
  (counter.t.ledger as { clock: () => Date }).clock = () => at;
}

export async function gstr1Shop() {
  const shop = await syncedShop(['C1']);
  const c1 = shop.counters[0]!;
  const create = (overrides: Parameters<typeof itemInput>[0]) => c1.manager.catalogue.create(itemInput(overrides));
  // ₹1,50,000 with 18 % inside: taxable 1,50,000 ÷ 1.18 = ₹1,27,118.64, IGST ₹22,881.36.
  const tv = await create({ name: 'Smart LED Television 55 inch Black', hsn: '8528', pricePaise: 15_000_000 });
  // ₹420 with 5 % inside: taxable ₹400, tax ₹20 (₹10 + ₹10 within the state).
  const rice = await create({ name: 'Sona Masoori Rice 5kg', hsn: '1006', pricePaise: 42_000, gstRateBp: 500 });
  const tomato = await create({ name: 'Tomato', hsn: '0702', unit: 'kg', pricePaise: 4_000, gstRateBp: 0 });
  const suresh = await c1.cashier.parties.create({ name: 'Suresh', phone: '9833333333', stateCode: '29' });
  const mehta = await c1.cashier.parties.create({ name: 'Mehta Traders', phone: '9822222222', gstin: BUYER_GSTIN });
  const sell = (
    lines: { itemId: string; qtyMilli: number }[],
    totalPaise: number,
    partyId: string | null = null,
    deliveryAddress = '',
  ) =>
    c1.manager.sales.finalize({
      id: randomUUID(),
      partyId,
      deliveryAddress,
      lines,
      payments: [{ mode: 'upi', amountPaise: totalPaise }],
    });

  /** The month's trade on the given days (YYYY-MM-DD), synced to the server. */
  async function tradeMonth(days: { sale: string; b2b: string; smallReturn: string; void: string }) {
    billAt(c1, days.sale);
    // ₹50,000 or more to a buyer without a GSTIN: the bill carries where the goods go (CGST Rule 46(e)).
    const large = await sell(
      [{ itemId: tv.id, qtyMilli: 1000 }],
      15_000_000,
      suresh.id,
      '14, 3rd Cross, Jayanagar, Bengaluru 560011',
    );
    const cash = await sell(
      [
        { itemId: rice.id, qtyMilli: 2000 },
        { itemId: tomato.id, qtyMilli: 1000 },
      ],
      88_000,
    );
    billAt(c1, days.b2b);
    const b2b = await sell([{ itemId: rice.id, qtyMilli: 10_000 }], 420_000, mehta.id);
    billAt(c1, days.smallReturn);
    const riceLine = cash.lines.find((line) => line.itemId === rice.id)!;
    const smallReturn = await c1.manager.returns.create({
      id: randomUUID(),
      invoiceId: cash.invoice.id,
      lines: [{ invoiceLineId: riceLine.id, qtyMilli: 1000 }],
      refundMode: 'upi',
      reason: 'Torn bag',
    });
    billAt(c1, days.void);
    const voided = await c1.manager.returns.voidInvoice({
      id: randomUUID(),
      invoiceId: large.invoice.id,
      reason: 'Wrong model',
      refundMode: 'upi',
    });
    await c1.engine().syncNow();
    return { large, cash, b2b, smallReturn, voided };
  }

  return { shop, c1, items: { tv, rice, tomato }, parties: { suresh, mehta }, sell, tradeMonth };
}
