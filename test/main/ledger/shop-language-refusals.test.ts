// The refusals a cashier meets at the counter carry their catalogue message, so a Hindi counter shows them in Hindi.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src-shared/errors';
import { fillTemplate, SHOP_MESSAGES_HI, type ShopMessage } from '../../../src-shared/shop-messages';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';

let shop: Shop;
afterEach(() => shop?.t.cleanup());

/** The catalogue message a refused call carried, and the words a Hindi counter shows for it. */
async function refusal(call: Promise<unknown>): Promise<ShopMessage & { hindi: string }> {
  const error: unknown = await call.then(
    () => expect.unreachable('the ledger took it'),
    (thrown: unknown) => thrown,
  );
  const domain = error instanceof DomainError ? error : (error as { cause?: unknown }).cause;
  expect(domain).toBeInstanceOf(DomainError);
  const shop = (domain as DomainError).shop;
  expect(shop, (domain as DomainError).message).not.toBeNull();
  return { ...shop!, hindi: fillTemplate(SHOP_MESSAGES_HI[shop!.key], shop!.params) };
}

async function shopWithTea() {
  shop = await shopWithStaff();
  const tea = await shop.manager.catalogue.create(itemInput({ name: 'Tea 250 g', pricePaise: 12_000 }));
  return tea;
}

describe('refusals at the counter, in the counter’s language', () => {
  it('payments that fall short name the shortfall in rupees', async () => {
    const tea = await shopWithTea();
    const short = await refusal(
      shop.cashier.sales.finalize({
        id: randomUUID(),
        lines: [{ itemId: tea.id, qtyMilli: 1000 }],
        payments: [{ mode: 'cash', amountPaise: 10_000 }],
      }),
    );
    expect(short).toEqual({ key: 'paymentsShort', params: { amount: '₹20.00' }, hindi: 'भुगतान बिल से ₹20.00 कम है।' });
  });

  it('a bill on khata with no customer, and a payment of zero', async () => {
    const tea = await shopWithTea();
    const bill = { id: randomUUID(), lines: [{ itemId: tea.id, qtyMilli: 1000 }] };
    expect(
      await refusal(shop.cashier.sales.finalize({ ...bill, payments: [{ mode: 'khata', amountPaise: 12_000 }] })),
    ).toMatchObject({ key: 'khataNeedsCustomer', hindi: 'बिल खाते में डालने से पहले ग्राहक चुनें।' });
    const zero = await refusal(
      shop.cashier.sales.finalize({
        ...bill,
        payments: [
          { mode: 'cash', amountPaise: 12_000 },
          { mode: 'upi', amountPaise: 0 },
        ],
      }),
    );
    expect(zero.key).toBe('paymentZero');
    expect(await shop.cashier.sales.list({ limit: 10, offset: 0 })).toMatchObject({ total: 0 });
  });

  it('a second shift, and returning more than is left on a line', async () => {
    const tea = await shopWithTea();
    expect((await refusal(shop.cashier.cashSessions.open({ openingFloatPaise: 0 }))).key).toBe('shiftAlreadyOpen');
    const sale = await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId: tea.id, qtyMilli: 2000 }],
      payments: [{ mode: 'cash', amountPaise: 24_000 }],
    });
    const tooMany = await refusal(
      shop.manager.returns.create({
        id: randomUUID(),
        invoiceId: sale.invoice.id,
        lines: [{ invoiceLineId: sale.lines[0]!.id, qtyMilli: 3000 }],
        refundMode: 'cash',
        reason: 'wrong item',
      }),
    );
    expect(tooMany).toEqual({
      key: 'returnOnlyLeft',
      params: { line: 1, name: 'Tea 250 g', left: 2 },
      hindi: 'लाइन 1 (Tea 250 g): अब सिर्फ़ 2 वापस हो सकता है।',
    });
  });
});
