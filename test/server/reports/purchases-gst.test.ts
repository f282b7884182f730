// GSTR-3B and GSTR-2B matching on the owner's side, from documents pushed as counters push them: each figure is worked
// by hand below, in rupees, and compared with what the server builds.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { SyncOp } from '../../../src-shared/sync/protocol';
import { SHOP_MESSAGES_HI, fillTemplate } from '../../../src-shared/shop-messages';
import { asOwner, testServerDb, type TestServerDb } from '../../support/server';
import { SERVER_SHOP_GSTIN, shopWithCounters } from '../../support/server-shop';
import { pushOf } from '../../support/sync-ops';
import { debitNoteOp, payableOp, purchaseBillOp } from '../../support/purchase-ops';

let server: TestServerDb;
afterEach(() => server?.close());

let seq = 50_000;
const op = (entity: SyncOp['entity'], entityId: string, payload: Record<string, unknown>): SyncOp => ({
  opId: randomUUID(),
  seq: ++seq,
  entity,
  entityId,
  payload,
  createdAt: new Date().toISOString(),
});

interface LineTax {
  gstRateBp: number;
  taxablePaise: number;
  cgstPaise?: number;
  sgstPaise?: number;
  igstPaise?: number;
}

/** A one-line sale as a counter pushes it, with its tax worked out by the test. */
function saleOp(
  number: string,
  businessDate: string,
  tax: LineTax,
  buyer: { gstin: string; state: string } | null = null,
) {
  const id = randomUUID();
  const figures = {
    taxablePaise: tax.taxablePaise,
    cgstPaise: tax.cgstPaise ?? 0,
    sgstPaise: tax.sgstPaise ?? 0,
    igstPaise: tax.igstPaise ?? 0,
    cessPaise: 0,
  };
  const totalPaise = figures.taxablePaise + figures.cgstPaise + figures.sgstPaise + figures.igstPaise;
  const line = {
    id: randomUUID(),
    itemId: randomUUID(),
    name: 'Rice',
    hsn: '1006',
    unit: 'pcs',
    qtyMilli: 1000,
    unitCostPaise: 0,
    gstRateBp: tax.gstRateBp,
    ...figures,
    totalPaise,
  };
  const invoice = {
    id,
    number,
    counterId: 'C1',
    partyId: null,
    partyGstin: buyer?.gstin ?? null,
    placeOfSupply: buyer?.state ?? '27',
    interState: (buyer?.state ?? '27') !== '27',
    staffId: 'staff-1',
    createdAt: `${businessDate}T06:00:00.000Z`,
    businessDate,
    ...figures,
    roundOffPaise: 0,
    totalPaise,
    khataPaise: 0,
    changePaise: 0,
  };
  return op('invoice', id, {
    invoice,
    lines: [line],
    payments: [{ id: randomUUID(), mode: 'upi', amountPaise: totalPaise }],
  });
}

/** A return of part of a sale pushed with saleOp. */
function creditNoteOp(sale: SyncOp, number: string, businessDate: string, tax: Omit<LineTax, 'gstRateBp'>) {
  const id = randomUUID();
  const { invoice, lines } = sale.payload as { invoice: { id: string }; lines: { id: string; itemId: string }[] };
  const figures = {
    taxablePaise: tax.taxablePaise,
    cgstPaise: tax.cgstPaise ?? 0,
    sgstPaise: tax.sgstPaise ?? 0,
    igstPaise: tax.igstPaise ?? 0,
    cessPaise: 0,
  };
  const totalPaise = figures.taxablePaise + figures.cgstPaise + figures.sgstPaise + figures.igstPaise;
  return op('credit_note', id, {
    creditNote: {
      id,
      number,
      invoiceId: invoice.id,
      partyId: null,
      refundMode: 'cash',
      staffId: 'staff-1',
      createdAt: `${businessDate}T07:00:00.000Z`,
      businessDate,
      taxablePaise: figures.taxablePaise,
      totalPaise,
    },
    lines: [
      {
        id: randomUUID(),
        invoiceLineId: lines[0]!.id,
        itemId: lines[0]!.itemId,
        qtyMilli: 100,
        ...figures,
        totalPaise,
      },
    ],
    refunds: [{ id: randomUUID(), mode: 'cash', amountPaise: totalPaise }],
  });
}

const KA_SUPPLIER = '29AAACR5055K1Z5';
const MH_SUPPLIER = '27AABCS1429B1Z5';

describe('GSTR-3B for a month', () => {
  it('sales net of credit notes, purchases net of debit notes and a reverse-charge bill, to the paisa as worked by hand', async () => {
    server = await testServerDb();
    const { counters, owner } = await shopWithCounters(server, 'asha@example.in');
    const c1 = counters[0]!.api;
    // Sales in June 2026 (shop in Maharashtra, 27):
    //   S1 intra-state 18 %: taxable ₹10,000.00, CGST ₹900.00, SGST ₹900.00
    //   S2 to a Karnataka dealer 5 %: taxable ₹2,000.00, IGST ₹100.00
    //   S3 at 0 % (nil rated): ₹500.00
    //   CN1 against S1: taxable ₹1,000.00, CGST ₹90.00, SGST ₹90.00
    //   S4 on 1 July: not in June.
    const s1 = saleOp('C1-2026-000001', '2026-06-05', {
      gstRateBp: 1800,
      taxablePaise: 1_000_000,
      cgstPaise: 90_000,
      sgstPaise: 90_000,
    });
    const sales = [
      s1,
      saleOp(
        'C1-2026-000002',
        '2026-06-12',
        { gstRateBp: 500, taxablePaise: 200_000, igstPaise: 10_000 },
        { gstin: '29AAPFU0939F1ZR', state: '29' },
      ),
      saleOp('C1-2026-000003', '2026-06-20', { gstRateBp: 0, taxablePaise: 50_000 }),
      creditNoteOp(s1, 'C1CN-2026-000001', '2026-06-25', { taxablePaise: 100_000, cgstPaise: 9_000, sgstPaise: 9_000 }),
      saleOp('C1-2026-000004', '2026-07-01', {
        gstRateBp: 1800,
        taxablePaise: 700_000,
        cgstPaise: 63_000,
        sgstPaise: 63_000,
      }),
    ];
    // Purchases in June 2026:
    //   B1 Maharashtra supplier 18 %: taxable ₹6,000.00, CGST ₹540.00, SGST ₹540.00
    //   B2 Karnataka supplier 12 % + cess: taxable ₹2,500.00, IGST ₹300.00, cess ₹25.00
    //   B3 under reverse charge 5 %: taxable ₹1,000.00, CGST ₹25.00, SGST ₹25.00
    //   DN1 against B1: taxable ₹600.00, CGST ₹54.00, SGST ₹54.00
    //   B4 recorded on 2 July: not in June.
    const b1 = purchaseBillOp({
      number: 'C1PB-2026-000001',
      businessDate: '2026-06-04',
      supplierGstin: MH_SUPPLIER,
      taxablePaise: 600_000,
      cgstPaise: 54_000,
      sgstPaise: 54_000,
    });
    const purchases = [
      b1,
      purchaseBillOp({
        number: 'C1PB-2026-000002',
        businessDate: '2026-06-10',
        supplierGstin: KA_SUPPLIER,
        supplierStateCode: '29',
        taxablePaise: 250_000,
        igstPaise: 30_000,
        cessPaise: 2_500,
      }),
      purchaseBillOp({
        number: 'C1PB-2026-000003',
        businessDate: '2026-06-15',
        supplierGstin: null,
        reverseCharge: true,
        taxablePaise: 100_000,
        cgstPaise: 2_500,
        sgstPaise: 2_500,
      }),
      debitNoteOp(b1, {
        number: 'C1DN-2026-000001',
        businessDate: '2026-06-18',
        taxablePaise: 60_000,
        cgstPaise: 5_400,
        sgstPaise: 5_400,
      }),
      purchaseBillOp({
        number: 'C1PB-2026-000004',
        businessDate: '2026-07-02',
        taxablePaise: 900_000,
        cgstPaise: 81_000,
        sgstPaise: 81_000,
      }),
    ];
    const pushed = await c1.sync.push(pushOf([...sales, ...purchases]));
    expect(pushed.results.map((result) => result.status)).toEqual([...sales, ...purchases].map(() => 'applied'));

    const report = await owner.reports.gstr3b({ month: '2026-06' });
    const json = report.json;
    expect(json.gstin).toBe(SERVER_SHOP_GSTIN);
    expect(json.ret_period).toBe('062026');
    // 3.1(a): 10,000 − 1,000 + 2,000 = 11,000.00 taxable; IGST 100; CGST and SGST 900 − 90 = 810 each.
    expect(json.sup_details.osup_det).toEqual({ txval: 11000, iamt: 100, camt: 810, samt: 810, csamt: 0 });
    // 3.1(c): the 0 % sale.
    expect(json.sup_details.osup_nil_exmp).toEqual({ txval: 500 });
    // 3.1(d): the reverse-charge bill.
    expect(json.sup_details.isup_rev).toEqual({ txval: 1000, iamt: 0, camt: 25, samt: 25, csamt: 0 });
    const itc = Object.fromEntries(json.itc_elg.itc_avl.map(({ ty, ...tax }) => [ty, tax]));
    // 4(A)(3): the tax paid under reverse charge comes back as credit.
    expect(itc.ISRC).toEqual({ iamt: 0, camt: 25, samt: 25, csamt: 0 });
    // 4(A)(5): B1 less DN1 (540 − 54 = 486 each of CGST and SGST) and B2 (IGST 300, cess 25).
    expect(itc.OTH).toEqual({ iamt: 300, camt: 486, samt: 486, csamt: 25 });
    expect(itc.IMPG).toEqual({ iamt: 0, camt: 0, samt: 0, csamt: 0 });
    // 4(C): 25 + 486 = 511 each of CGST and SGST.
    expect(json.itc_elg.itc_net).toEqual({ iamt: 300, camt: 511, samt: 511, csamt: 25 });
    // Amounts are rupees with at most two decimals, as the portal takes them.
    expect(JSON.stringify(json)).not.toMatch(/\d\.\d{3}/);

    // Tax payable by head (rule 88A): IGST credit 300 pays IGST 100, then 200 of CGST (810 → 610); CGST credit 511
    // pays CGST down to 99; SGST credit 511 pays SGST down to 299; cess credit 25 is carried. Reverse-charge tax
    // (25 + 25) is paid in cash on top: cash CGST 124.00, SGST 324.00, total 448.00.
    const heads = Object.fromEntries(report.heads.map(({ head, ...figures }) => [head, figures]));
    expect(heads.igst).toMatchObject({
      outputPaise: 10_000,
      itcPaise: 30_000,
      paidByItcPaise: 10_000,
      cashPaise: 0,
      itcCarriedPaise: 0,
    });
    expect(heads.cgst).toMatchObject({
      outputPaise: 81_000,
      reverseChargePaise: 2_500,
      itcPaise: 51_100,
      paidByItcPaise: 71_100,
      cashPaise: 12_400,
      itcCarriedPaise: 0,
    });
    expect(heads.sgst).toMatchObject({
      outputPaise: 81_000,
      reverseChargePaise: 2_500,
      itcPaise: 51_100,
      paidByItcPaise: 51_100,
      cashPaise: 32_400,
      itcCarriedPaise: 0,
    });
    expect(heads.cess).toMatchObject({ outputPaise: 0, itcPaise: 2_500, cashPaise: 0, itcCarriedPaise: 2_500 });
    expect(report.cashTotalPaise).toBe(44_800);
    expect(report.counts).toEqual({ purchaseBills: 3, debitNotes: 1 });

    // July has only S4 and B4: CGST 630 output against 810 credit leaves nothing to pay and 180 carried.
    const july = await owner.reports.gstr3b({ month: '2026-07' });
    expect(july.json.itc_elg.itc_net).toEqual({ iamt: 0, camt: 810, samt: 810, csamt: 0 });
    expect(july.cashTotalPaise).toBe(0);
    expect(july.heads.find((head) => head.head === 'cgst')!.itcCarriedPaise).toBe(18_000);
  });
});

/** A GSTR-2B file as the portal gives it, for this shop and June 2026, with the given supplier invoices. */
function twoB(
  invoices: { ctin: string; inum: string; dt: string; txval: number; cgst?: number; sgst?: number; igst?: number }[],
  credits: { ctin: string; ntnum: string; dt: string; txval: number; cgst?: number; sgst?: number }[] = [],
  header: { gstin?: string; rtnprd?: string } = {},
) {
  const bySupplier = new Map<string, typeof invoices>();
  for (const invoice of invoices) bySupplier.set(invoice.ctin, [...(bySupplier.get(invoice.ctin) ?? []), invoice]);
  return JSON.stringify({
    chksum: 'x',
    data: {
      gstin: header.gstin ?? SERVER_SHOP_GSTIN,
      rtnprd: header.rtnprd ?? '062026',
      version: '1.0',
      gendt: '14-07-2026',
      docdata: {
        b2b: [...bySupplier].map(([ctin, list]) => ({
          ctin,
          trdnm: `Trader ${ctin.slice(2, 7)}`,
          supfildt: '11-07-2026',
          supprd: '062026',
          inv: list.map((invoice) => ({
            inum: invoice.inum,
            typ: 'R',
            dt: invoice.dt,
            val: invoice.txval + (invoice.cgst ?? 0) + (invoice.sgst ?? 0) + (invoice.igst ?? 0),
            pos: '27',
            rev: 'N',
            itcavl: 'Y',
            items: [
              {
                num: 1,
                rt: 18,
                txval: invoice.txval,
                igst: invoice.igst ?? 0,
                cgst: invoice.cgst ?? 0,
                sgst: invoice.sgst ?? 0,
                cess: 0,
              },
            ],
          })),
        })),
        cdnr: credits.map((note) => ({
          ctin: note.ctin,
          trdnm: 'Credit giver',
          nt: [
            {
              ntnum: note.ntnum,
              typ: 'C',
              suptyp: 'R',
              dt: note.dt,
              val: note.txval + (note.cgst ?? 0) + (note.sgst ?? 0),
              pos: '27',
              rev: 'N',
              itcavl: 'Y',
              items: [
                { num: 1, rt: 18, txval: note.txval, igst: 0, cgst: note.cgst ?? 0, sgst: note.sgst ?? 0, cess: 0 },
              ],
            },
          ],
        })),
      },
    },
  });
}

async function count(table: string): Promise<number> {
  const result = (await asOwner(server.database, (db) =>
    db.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`)),
  )) as unknown as {
    rows: { n: string | number }[];
  };
  return Number(result.rows[0]!.n);
}

describe('GSTR-2B reconciliation', () => {
  it('sorts the month into matched, missing in books, missing in GSTR-2B and mismatched amounts (tolerance ±₹1), and exports it', async () => {
    server = await testServerDb();
    const { counters, owner } = await shopWithCounters(server, 'asha@example.in');
    const bill = (
      number: string,
      supplierInvoiceNumber: string,
      date: string,
      taxable: number,
      cgst: number,
      gstin = MH_SUPPLIER,
    ) =>
      purchaseBillOp({
        number,
        supplierGstin: gstin,
        supplierInvoiceNumber,
        supplierInvoiceDate: date,
        businessDate: date,
        taxablePaise: taxable,
        cgstPaise: cgst,
        sgstPaise: cgst,
      });
    const matched = bill('C1PB-2026-000001', 'SA/0042', '2026-06-03', 500_000, 45_000);
    const withinRupee = bill('C1PB-2026-000002', 'SA-43', '2026-06-08', 100_000, 9_000);
    const mismatched = bill('C1PB-2026-000003', 'RK 7', '2026-06-09', 300_000, 27_000, KA_SUPPLIER);
    const notFiled = bill('C1PB-2026-000004', 'SA/0050', '2026-06-21', 80_000, 7_200);
    const returned = debitNoteOp(matched, {
      number: 'C1DN-2026-000001',
      businessDate: '2026-06-12',
      taxablePaise: 50_000,
      cgstPaise: 4_500,
      sgstPaise: 4_500,
    });
    const ops = [matched, withinRupee, mismatched, notFiled, returned, payableOp(randomUUID(), 500)];
    await counters[0]!.api.sync.push(pushOf(ops));

    const file = twoB(
      [
        // Our SA/0042, written by the portal in another case and separator: matched.
        { ctin: MH_SUPPLIER, inum: 'sa-42', dt: '03-06-2026', txval: 5000, cgst: 450, sgst: 450 },
        // Taxable 80 paise more, tax 50 paise less: within ₹1, matched.
        { ctin: MH_SUPPLIER, inum: 'SA/43', dt: '08-06-2026', txval: 1000.8, cgst: 89.75, sgst: 89.75 },
        // The supplier filed ₹3,100 taxable against our ₹3,000: mismatched, both figures shown.
        { ctin: KA_SUPPLIER, inum: 'RK-0007', dt: '09-06-2026', txval: 3100, cgst: 279, sgst: 279 },
        // Not recorded in our books.
        { ctin: KA_SUPPLIER, inum: 'RK-0011', dt: '25-06-2026', txval: 1200, cgst: 108, sgst: 108 },
      ],
      // The supplier's credit note for our return (their number, not ours).
      [{ ctin: MH_SUPPLIER, ntnum: 'CN-9', dt: '13-06-2026', txval: 500, cgst: 45, sgst: 45 }],
    );
    const result = await owner.reports.gstr2b({ month: '2026-06', file });
    const byStatus = (status: string) => result.rows.filter((row) => row.status === status);
    expect(result.counts).toEqual({ matched: 3, mismatched: 1, missingInBooks: 1, missingIn2b: 1 });
    expect(byStatus('matched').map((row) => [row.kind, row.ourNumber])).toEqual([
      ['invoice', 'C1PB-2026-000001'],
      ['invoice', 'C1PB-2026-000002'],
      ['credit_note', 'C1DN-2026-000001'],
    ]);
    expect(byStatus('mismatched')).toEqual([
      expect.objectContaining({
        supplierGstin: KA_SUPPLIER,
        number: 'RK-0007',
        ourNumber: 'C1PB-2026-000003',
        taxable2bPaise: 310_000,
        taxableBooksPaise: 300_000,
        tax2bPaise: 55_800,
        taxBooksPaise: 54_000,
        differences: 'taxable, tax',
      }),
    ]);
    expect(byStatus('missing_in_books')).toEqual([
      expect.objectContaining({ number: 'RK-0011', date2b: '2026-06-25', taxable2bPaise: 120_000, ourNumber: null }),
    ]);
    expect(byStatus('missing_in_2b')).toEqual([
      expect.objectContaining({
        number: 'SA/0050',
        ourNumber: 'C1PB-2026-000004',
        dateBooks: '2026-06-21',
        tax2bPaise: null,
      }),
    ]);
    // Safe to claim: tax of the matched bills (900 + 180) less the returned 90 = ₹990.00.
    expect(result.safeItcPaise).toBe(99_000);

    const csv = await owner.reports.gstr2bExport({ month: '2026-06', file, format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csv.filename).toBe('galla-gstr2b-reconciliation-01-06-2026-to-30-06-2026.csv');
    expect(text.split('\r\n')[0]).toContain('Result,Document,Supplier GSTIN');
    expect(text).toContain('Amounts differ,Invoice,29AAACR5055K1Z5');
    expect(text).toContain('3100.00,3000.00,558.00,540.00,"taxable, tax"');
    const xlsx = await owner.reports.gstr2bExport({ month: '2026-06', file, format: 'xlsx' });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a file that is not JSON, not the portal’s shape, of another GSTIN or another month, each with its message, storing nothing', async () => {
    server = await testServerDb();
    const { owner } = await shopWithCounters(server, 'asha@example.in');
    const before = await count('sync_ops');
    const refusal = async (file: string) => {
      const error = (await owner.reports.gstr2b({ month: '2026-06', file }).catch((caught: unknown) => caught)) as {
        message: string;
        cause: { shop: { key: keyof typeof SHOP_MESSAGES_HI; params?: Record<string, string> } | null };
      };
      const shop = error.cause.shop!;
      return { message: error.message, hindi: fillTemplate(SHOP_MESSAGES_HI[shop.key], shop.params) };
    };
    expect((await refusal('GSTIN,Invoice\n27AAA,1')).message).toBe(
      'This file is not a GSTR-2B JSON file. On the GST portal open Returns → GSTR-2B, download the JSON and upload that file.',
    );
    expect((await refusal(JSON.stringify({ gstin: SERVER_SHOP_GSTIN, fp: '062026', b2b: [] }))).message).toBe(
      'This JSON is not a GSTR-2B from the GST portal (the return data is missing or wrong). Upload the GSTR-2B JSON as downloaded.',
    );
    const badDate = twoB([{ ctin: MH_SUPPLIER, inum: 'A1', dt: '2026-06-03', txval: 10 }]);
    expect((await refusal(badDate)).message).toContain('(a document date is missing or wrong)');
    const other = await refusal(twoB([], [], { gstin: '29AAPFU0939F1ZR' }));
    expect(other.message).toBe("This GSTR-2B is for GSTIN 29AAPFU0939F1ZR, not this shop's GSTIN 27AAPFU0939F1ZV.");
    expect(other.hindi).toBe('यह GSTR-2B GSTIN 29AAPFU0939F1ZR की है, इस दुकान की GSTIN 27AAPFU0939F1ZV की नहीं।');
    expect((await refusal(twoB([], [], { rtnprd: '052026' }))).message).toBe(
      'This GSTR-2B is for May 2026, not Jun 2026. Choose May 2026 or upload the Jun 2026 file.',
    );
    expect(await count('sync_ops')).toBe(before);
    expect(await count('purchase_bills')).toBe(0);
  });
});
