// A shop with bills, khata and a return on a real ledger, and the figures a restore must bring back unchanged.
import { randomUUID } from 'node:crypto';
import { ledgerFingerprint } from '../../support/fingerprint';
import { itemInput, shopWithStaff, type Shop } from '../../support/ledger';
import type { Ledger } from '../../../src-main/ledger/ledger';

export const PASSPHRASE = 'chai-and-samosa-2026';

export async function sellSome(shop: Shop, count: number, itemId: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const whole = i % 3 === 0;
    const payment = whole
      ? { mode: 'upi' as const, amountPaise: 5900 }
      : { mode: 'cash' as const, amountPaise: 20_000 };
    await shop.cashier.sales.finalize({
      id: randomUUID(),
      lines: [{ itemId, qtyMilli: whole ? 1000 : 1500 }],
      payments: [payment],
    });
  }
}

/** A shop with 12 bills (one on khata), a return, and a backup passphrase set by the owner. */
export async function shopWithSales(options: Parameters<typeof shopWithStaff>[0] = {}) {
  const shop = await shopWithStaff(options);
  // Sold by weight: the fixture's bills take 1.5 of it.
  const item = await shop.manager.catalogue.create(itemInput({ pricePaise: 5900, unit: 'kg' }));
  const party = await shop.cashier.parties.create({ name: 'Ramesh', phone: '9811111111', creditLimitPaise: 1_000_000 });
  await sellSome(shop, 10, item.id);
  const khataBill = await shop.cashier.sales.finalize({
    id: randomUUID(),
    partyId: party.id,
    lines: [{ itemId: item.id, qtyMilli: 2000 }],
    payments: [{ mode: 'khata', amountPaise: 11_800 }],
  });
  await shop.manager.returns.create({
    id: randomUUID(),
    invoiceId: khataBill.invoice.id,
    lines: [{ invoiceLineId: khataBill.lines[0]!.id, qtyMilli: 1000 }],
    refundMode: 'khata',
    reason: 'one bag torn',
  });
  await sellSome(shop, 1, item.id);
  await shop.owner.backup.setPassphrase({ passphrase: PASSPHRASE });
  return { shop, item, party };
}

/** What must be equal before and after: the journal's length and head, the day's totals, and every row. */
export function ledgerFigures(ledger: Ledger) {
  const journal = ledger.sqlite
    .prepare('SELECT COUNT(*) AS documents, (SELECT hash FROM journal ORDER BY seq DESC LIMIT 1) AS head FROM journal')
    .get();
  const totals = ledger.sqlite
    .prepare(
      'SELECT SUM(invoice_count) AS bills, SUM(sales_paise) AS sales, SUM(returns_paise) AS returns FROM sales_days',
    )
    .get();
  const khata = ledger.sqlite.prepare('SELECT SUM(balance_paise) AS owed FROM parties').get();
  return { journal, totals, khata, fingerprint: ledgerFingerprint(ledger) };
}
