// GSTR-1 export: the JSON has every field the GST portal's offline tool requires, in its formats, and adds up to the GST report.
import { afterEach, describe, expect, it } from 'vitest';
import { buildGstr1, portalDate } from '../../../src-shared/gst/gstr1';
import { gstr1Problems } from '../../support/gstr1-schema';
import { BUYER_GSTIN, reportShop, type ReportShop } from '../../support/report-shop';
import { SHOP_GSTIN } from '../../support/ledger';
import { billAt, gstr1Shop } from '../../support/gstr1-shop';

let shop: ReportShop | null = null;
afterEach(async () => {
  await shop?.close();
  shop = null;
});

const paiseOf = (rupees: number) => Math.round(rupees * 100);

describe('GSTR-1 export', () => {
  it('writes dates as dd-mm-yyyy and paise as exact two-decimal rupees, one item per rate', () => {
    expect(portalDate('2026-06-09')).toBe('09-06-2026');
    const json = buildGstr1({
      gstin: SHOP_GSTIN,
      month: '2026-06',
      invoices: [
        {
          ctin: BUYER_GSTIN,
          number: 'C1-2026-000001',
          date: '2026-06-09',
          valuePaise: 1_234_567,
          placeOfSupply: '29',
          interState: true,
          lines: [
            { gstRateBp: 1800, taxablePaise: 1_000_001, igstPaise: 180_000, cgstPaise: 0, sgstPaise: 0, cessPaise: 0 },
            { gstRateBp: 1800, taxablePaise: 1, igstPaise: 0, cgstPaise: 0, sgstPaise: 0, cessPaise: 0 },
            { gstRateBp: 25, taxablePaise: 54_565, igstPaise: 0, cgstPaise: 0, sgstPaise: 0, cessPaise: 0 },
          ],
        },
      ],
      creditNotes: [],
      supplies: [],
      hsn: [],
      documents: { invoices: ['C1-2026-000001'], creditNotes: [] },
    });
    expect(gstr1Problems(json)).toEqual([]);
    expect(JSON.stringify(json.b2b[0]!.inv[0]!.val)).toBe('12345.67');
    expect(json.fp).toBe('062026');
    expect(json.b2b[0]!.inv[0]!.itms.map((item) => [item.itm_det.rt, item.itm_det.txval])).toEqual([
      [0.25, 545.65],
      [18, 10000.02],
    ]);
  });

  it("from a month of synced trade: the portal's required fields are all there and the sections add up to the GST report", async () => {
    shop = await reportShop({ days: 4 });
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date()).slice(0, 7);
    const json = await shop.owner.reports.gstr1({ month });
    expect(gstr1Problems(json)).toEqual([]);

    expect(json.gstin).toBe(SHOP_GSTIN);
    expect(json.b2b.map((buyer) => buyer.ctin)).toEqual([BUYER_GSTIN]);
    // Karnataka buyer, Maharashtra shop: inter-state, so IGST only.
    expect(json.b2b[0]!.inv.length).toBeGreaterThan(0);
    for (const invoice of json.b2b[0]!.inv) {
      expect(invoice.itms.length).toBeGreaterThan(0);
      expect(invoice.pos).toBe('29');
      for (const item of invoice.itms)
        expect([item.itm_det.camt, item.itm_det.samt, item.itm_det.iamt > 0]).toEqual([0, 0, true]);
    }
    expect(json.cdnr).toHaveLength(1);
    expect(json.b2cs.length).toBeGreaterThan(0);
    expect(json.b2cs.every((row) => row.sply_ty === 'INTRA' && row.pos === '27')).toBe(true);

    const [year, mm] = month.split('-').map(Number) as [number, number];
    const gst = await shop.owner.reports.gst({
      from: `${month}-01`,
      to: `${month}-${new Date(Date.UTC(year, mm, 0)).getUTCDate()}`,
    });
    const sum = (values: number[]) => values.reduce((total, value) => total + paiseOf(value), 0);
    const b2bTaxable = sum(
      json.b2b.flatMap((buyer) => buyer.inv.flatMap((invoice) => invoice.itms.map((item) => item.itm_det.txval))),
    );
    const notesTaxable = sum(
      json.cdnr.flatMap((buyer) => buyer.nt.flatMap((note) => note.itms.map((item) => item.itm_det.txval))),
    );
    const b2csTaxable = sum(json.b2cs.map((row) => row.txval));
    const hsnRows = [...(json.hsn.data ?? []), ...(json.hsn.hsn_b2b ?? []), ...(json.hsn.hsn_b2c ?? [])];
    const hsnTaxable = sum(hsnRows.map((row) => row.txval));
    const nilTaxable = sum(json.nil.inv.map((row) => row.nil_amt));
    expect(b2bTaxable - notesTaxable + b2csTaxable + nilTaxable).toBe(hsnTaxable);
    // B2B buyers' rows in the B2B tab, the rest in B2C, from May 2025.
    expect(sum(json.hsn.hsn_b2b!.map((row) => row.txval))).toBe(b2bTaxable - notesTaxable);
    expect(hsnTaxable).toBe(gst.byRate.reduce((total, row) => total + row.taxablePaise, 0));
  });
});

describe('GSTR-1 from bills worked by hand (a Maharashtra shop, synced from a real counter)', () => {
  it('B2CL by the limit of the invoice date, CDNUR for its void, B2CS net of a small return, nil-rated, HSN and Table 13', async () => {
    const { shop: synced, c1, items, parties, sell, tradeMonth } = await gstr1Shop();
    shop = Object.assign(synced, { itemIds: {}, partyIds: {} }) as unknown as ReportShop;
    billAt(c1, '2024-07-31');
    const july = await sell(
      [{ itemId: items.tv.id, qtyMilli: 1000 }],
      15_000_000,
      parties.suresh.id,
      '14, 3rd Cross, Jayanagar, Bengaluru 560011',
    );
    const { large, b2b, smallReturn, voided } = await tradeMonth({
      sale: '2024-08-01',
      b2b: '2024-08-02',
      smallReturn: '2024-08-05',
      void: '2024-08-06',
    });

    const julyReturn = await shop.owner.reports.gstr1({ month: '2024-07' });
    expect(gstr1Problems(julyReturn)).toEqual([]);
    // ₹1,50,000 is not above July's ₹2,50,000 limit: B2CS.
    expect(julyReturn.b2cl).toEqual([]);
    expect(julyReturn.b2cs).toEqual([
      {
        sply_ty: 'INTER',
        pos: '29',
        typ: 'OE',
        rt: 18,
        txval: 127_118.64,
        iamt: 22_881.36,
        camt: 0,
        samt: 0,
        csamt: 0,
      },
    ]);
    expect(julyReturn.doc_issue.doc_det).toEqual([
      {
        doc_num: 1,
        docs: [{ num: 1, from: july.invoice.number, to: july.invoice.number, totnum: 1, cancel: 0, net_issue: 1 }],
      },
    ]);

    const august = await shop.owner.reports.gstr1({ month: '2024-08' });
    expect(gstr1Problems(august)).toEqual([]);
    const tvItem = [{ num: 1, itm_det: { rt: 18, txval: 127_118.64, iamt: 22_881.36, csamt: 0 } }];
    // Above August's ₹1,00,000 limit: B2CL; its void is a credit note, reported in CDNUR against it.
    expect(august.b2cl).toEqual([
      { pos: '29', inv: [{ inum: large.invoice.number, idt: '01-08-2024', val: 150_000, itms: tvItem }] },
    ]);
    expect(august.cdnur).toEqual([
      {
        typ: 'B2CL',
        ntty: 'C',
        nt_num: voided.creditNote.number,
        nt_dt: '06-08-2024',
        val: 150_000,
        pos: '29',
        itms: tvItem,
      },
    ]);
    // Ten bags to Mehta Traders in Karnataka: ₹4,000 taxable, ₹200 IGST.
    expect(august.b2b).toEqual([
      {
        ctin: BUYER_GSTIN,
        inv: [
          {
            inum: b2b.invoice.number,
            idt: '02-08-2024',
            val: 4_200,
            pos: '29',
            rchrg: 'N',
            inv_typ: 'R',
            itms: [{ num: 1, itm_det: { txval: 4_000, rt: 5, iamt: 200, camt: 0, samt: 0, csamt: 0 } }],
          },
        ],
      },
    ]);
    expect(august.cdnr).toEqual([]);
    // Two bags sold over the counter, one returned: ₹400 taxable, ₹10 + ₹10. The TV and its void are not in B2CS.
    expect(august.b2cs).toEqual([
      { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 5, txval: 400, iamt: 0, camt: 10, samt: 10, csamt: 0 },
    ]);
    expect(august.nil).toEqual({ inv: [{ sply_ty: 'INTRAB2C', nil_amt: 40, expt_amt: 0, ngsup_amt: 0 }] });
    // Before May 2025 one HSN list; the TV sold and voided nets to nothing and drops out.
    expect(august.hsn).toEqual({
      data: [
        {
          num: 1,
          hsn_sc: '0702',
          desc: 'Tomato',
          uqc: 'KGS',
          qty: 1,
          rt: 0,
          txval: 40,
          iamt: 0,
          camt: 0,
          samt: 0,
          csamt: 0,
        },
        {
          num: 2,
          hsn_sc: '1006',
          desc: 'Sona Masoori Rice 5kg',
          uqc: 'NOS',
          qty: 11,
          rt: 5,
          txval: 4_400,
          iamt: 200,
          camt: 10,
          samt: 10,
          csamt: 0,
        },
      ],
    });
    // Three invoices in one unbroken run, two credit notes; the void cancels no invoice number.
    expect(august.doc_issue.doc_det).toEqual([
      {
        doc_num: 1,
        docs: [{ num: 1, from: large.invoice.number, to: b2b.invoice.number, totnum: 3, cancel: 0, net_issue: 3 }],
      },
      {
        doc_num: 5,
        docs: [
          {
            num: 1,
            from: smallReturn.creditNote.number,
            to: voided.creditNote.number,
            totnum: 2,
            cancel: 0,
            net_issue: 2,
          },
        ],
      },
    ]);

    // From May 2025 the HSN table has B2B and B2C tabs, each HSN described by its item, cut to 30 characters.
    billAt(c1, '2025-06-10');
    await sell([{ itemId: items.tv.id, qtyMilli: 1000 }], 15_000_000, parties.mehta.id);
    await sell([{ itemId: items.rice.id, qtyMilli: 1000 }], 42_000);
    await c1.engine().syncNow();
    const june = await shop.owner.reports.gstr1({ month: '2025-06' });
    expect(gstr1Problems(june)).toEqual([]);
    expect(june.hsn.data).toBeUndefined();
    expect(june.hsn.hsn_b2b!.map((row) => [row.hsn_sc, row.desc, row.rt, row.txval, row.iamt])).toEqual([
      ['8528', 'Smart LED Television 55 inch B', 18, 127_118.64, 22_881.36],
    ]);
    expect(june.hsn.hsn_b2c!.map((row) => [row.hsn_sc, row.desc, row.rt, row.txval, row.camt])).toEqual([
      ['1006', 'Sona Masoori Rice 5kg', 5, 400, 10],
    ]);
  });
});
