// The Tally export from a real counter's trade (test/support/tally-shop.ts: bills with change and split tenders, a khata
// sale, a return, a khata payment, a supplier's bill with freight paid in part, a return to the supplier and a payment
// to them), synced, exported by the owner, and the file read back: every voucher balances to the paisa and every figure
// is the one worked by hand (in rupees; the shop is in Maharashtra, state 27).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUYER_GSTIN } from '../../support/report-shop';
import type { SyncedShop } from '../../support/sync-shop';
import { JUNE, SUPPLIER_GSTIN, tallyShop } from '../../support/tally-shop';
import { entriesOf, readTallyXml, type ReadVoucher } from '../../support/tally-xml';

let shop: SyncedShop | null = null;
let trade: Awaited<ReturnType<typeof tallyShop>>['trade'];
// One month of trade serves every case (they read it; only the last changes the mapping). Eight documents through a
// real counter and its sync take a while on a busy machine, hence the hook's own limit.
beforeAll(async () => {
  ({ shop, trade } = await tallyShop());
}, 300_000);
afterAll(async () => {
  await shop?.close();
  shop = null;
});

async function exported(range = JUNE) {
  const file = await shop!.owner.tally.export(range);
  return { file, ...readTallyXml(Buffer.from(file.base64, 'base64').toString('utf8')) };
}

const byNumber = (vouchers: ReadVoucher[], number: string) => vouchers.find((voucher) => voucher.number === number)!;

describe('Tally export of a shop’s synced documents', () => {
  it('every document of the range is one balanced voucher with the ledgers and amounts worked by hand', async () => {
    expect(trade.bill.totalPaise).toBe(52_500);
    expect(trade.debitNote.totalPaise).toBe(9_500);

    const { file, request, report, vouchers } = await exported();
    expect(file).toMatchObject({
      filename: 'galla-tally-vouchers-01-06-2026-to-30-06-2026.xml',
      contentType: 'application/xml',
    });
    expect({ request, report }).toEqual({ request: 'Import Data', report: 'Vouchers' });
    expect(vouchers.map((voucher) => [voucher.type, voucher.date])).toEqual([
      ['Sales', '20260610'],
      ['Sales', '20260610'],
      ['Sales', '20260610'],
      ['Credit Note', '20260612'],
      ['Receipt', '20260612'],
      ['Debit Note', '20260615'],
      ['Purchase', '20260615'],
      ['Payment', '20260615'],
    ]);
    for (const voucher of vouchers) {
      // Dr = Cr to the paisa, and a debit is always the deemed-positive, negative-amount side.
      expect(
        voucher.entries.reduce((sum, entry) => sum + entry.paise, 0),
        voucher.number,
      ).toBe(0);
      for (const entry of voucher.entries) expect(entry.deemedPositive).toBe(entry.paise < 0);
      expect(voucher.vchType).toBe(voucher.type);
    }

    // 1. Walk-in: the Cash ledger is the party and takes ₹479 (₹500 less ₹21 change).
    const walkIn = byNumber(vouchers, trade.walkIn.invoice.number);
    expect(walkIn).toMatchObject({ party: 'Cash', partyGstin: null });
    expect(entriesOf(walkIn)).toEqual({
      Cash: -47_900,
      'Sales 5%': 40_000,
      'Output CGST 2.5%': 1_000,
      'Output SGST 2.5%': 1_000,
      'Sales 18%': 5_000,
      'Output CGST 9%': 450,
      'Output SGST 9%': 450,
    });
    // 2. Split tender to a registered buyer in another state.
    const b2b = byNumber(vouchers, trade.b2b.invoice.number);
    expect(b2b).toMatchObject({ party: 'Mehta Traders', partyGstin: BUYER_GSTIN });
    expect(entriesOf(b2b)).toEqual({
      Cash: -100_000,
      'Bank Account': -169_000,
      'Sales 5%': 200_000,
      'Output IGST 5%': 10_000,
      'Sales 18%': 50_000,
      'Output IGST 18%': 9_000,
    });
    // 3. Khata: the customer's own ledger is debited.
    expect(entriesOf(byNumber(vouchers, trade.khata.invoice.number))).toEqual({
      'Ramesh Kumar': -11_800,
      'Sales 18%': 10_000,
      'Output CGST 9%': 900,
      'Output SGST 9%': 900,
    });
    // 4. The return reverses sales and IGST at 18 % and pays back by UPI.
    const note = byNumber(vouchers, trade.note.creditNote.number);
    expect(note).toMatchObject({ party: 'Mehta Traders', reference: trade.b2b.invoice.number });
    expect(entriesOf(note)).toEqual({ 'Sales 18%': -10_000, 'Output IGST 18%': -1_800, 'Bank Account': 11_800 });
    // 5. Khata payment.
    expect(entriesOf(byNumber(vouchers, trade.receipt.receipt.number))).toEqual({
      Cash: -10_000,
      'Ramesh Kumar': 10_000,
    });
    // 6. The supplier's bill: goods, input tax, freight and the ₹0.04 round off on the debit side; ₹100 cash and ₹425
    //    owed on the credit side.
    const purchase = byNumber(vouchers, trade.bill.number);
    expect(purchase).toMatchObject({ party: 'Bharat Wholesale', partyGstin: SUPPLIER_GSTIN, reference: 'BW/2026/77' });
    expect(entriesOf(purchase)).toEqual({
      'Purchase 18%': -40_250,
      'Input CGST 9%': -3_623,
      'Input SGST 9%': -3_623,
      'Freight Inward': -5_000,
      'Round Off': -4,
      Cash: 10_000,
      'Bharat Wholesale': 42_500,
    });
    // 7. The return to the supplier.
    expect(entriesOf(byNumber(vouchers, trade.debitNote.number))).toEqual({
      'Bharat Wholesale': -9_500,
      'Purchase 18%': 8_050,
      'Input CGST 9%': 725,
      'Input SGST 9%': 725,
    });
    // 8. The payment to the supplier.
    expect(entriesOf(byNumber(vouchers, trade.payment.number))).toEqual({
      'Bharat Wholesale': -20_000,
      'Bank Account': 20_000,
    });

    // The month in each ledger, worked by hand: Cash Dr 479 + 1,000 + 100 − 100 paid out = ₹1,479; the bank (UPI)
    // Dr 1,690 − 118 refunded − 200 paid = ₹1,372; Sales 18 % Cr 50 + 500 + 100 − 100 returned = ₹550;
    // Bharat Wholesale Cr 425 − 95 − 200 = ₹130 still owed; Ramesh Dr 118 − 100 = ₹18 still due.
    const net = new Map<string, number>();
    for (const entry of vouchers.flatMap((voucher) => voucher.entries))
      net.set(entry.ledger, (net.get(entry.ledger) ?? 0) + entry.paise);
    expect(net.get('Cash')).toBe(-147_900);
    expect(net.get('Bank Account')).toBe(-137_200);
    expect(net.get('Sales 18%')).toBe(55_000);
    expect(net.get('Bharat Wholesale')).toBe(13_000);
    expect(net.get('Ramesh Kumar')).toBe(-1_800);
  });

  it('uses the shop’s own ledger names, kept per shop; a ledger missing for a rate in the range refuses the file', async () => {
    const { rows } = await shop!.owner.tally.ledgers();
    expect(rows).toContainEqual({ account: 'sales', rateBp: 1800, ledger: 'Sales 18%' });
    expect(rows).toContainEqual({ account: 'walkIn', rateBp: null, ledger: 'Cash' });

    const renamed = rows.map((row) =>
      row.account === 'cash' || row.account === 'walkIn' ? { ...row, ledger: 'Cash-in-hand' } : row,
    );
    await shop!.owner.tally.saveLedgers({ rows: renamed });
    const { vouchers } = await exported();
    expect(byNumber(vouchers, trade.walkIn.invoice.number)).toMatchObject({ party: 'Cash-in-hand' });
    expect(entriesOf(byNumber(vouchers, trade.receipt.receipt.number))).toEqual({
      'Cash-in-hand': -10_000,
      'Ramesh Kumar': 10_000,
    });

    // IGST at 18 % occurs in June (Mehta's bill); with its ledger emptied, the export is refused naming that rate.
    await shop!.owner.tally.saveLedgers({
      rows: renamed.map((row) => (row.account === 'outputIgst' && row.rateBp === 1800 ? { ...row, ledger: ' ' } : row)),
    });
    await expect(exported()).rejects.toMatchObject({
      message: `No Tally ledger for Output IGST 18 %, and ${trade.b2b.invoice.number} has it. Fill it in the ledger table, save, and download again.`,
    });
    // A rate that does not occur in the range needs no ledger: July's one bill is at 18 % within the state.
    const july = await exported({ from: '2026-07-01', to: '2026-07-31' });
    expect(july.vouchers).toHaveLength(1);
  });

  it('refuses a range that ends before it starts, is longer than a financial year, or starts before GST began', async () => {
    await expect(shop!.owner.tally.export({ from: '2026-06-30', to: '2026-06-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('To is before From'),
    });
    await expect(shop!.owner.tally.export({ from: '2025-04-01', to: '2026-04-02' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('at most 366 days'),
    });
    // Year 0000 is an ISO date PostgreSQL cannot hold: refused in words, never a database error.
    await expect(shop!.owner.tally.export({ from: '0000-01-01', to: '0000-01-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('GST began on 01-07-2017'),
    });
    await expect(shop!.owner.tally.export({ from: '2017-06-30', to: '2017-07-31' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    // A whole financial year is fine, and an empty one is a file with no vouchers.
    const { vouchers } = await exported({ from: '2025-04-01', to: '2026-03-31' });
    expect(vouchers).toEqual([]);
  });
});
