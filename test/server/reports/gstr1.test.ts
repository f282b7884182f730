// GSTR-1 export: the JSON has every field the GST portal's offline tool requires, in its formats, and adds up to the GST report.
import Ajv from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGstr1, portalDate } from '../../../src-shared/gst/gstr1';
import { BUYER_GSTIN, reportShop, type ReportShop } from '../../support/report-shop';
import { SHOP_GSTIN } from '../../support/ledger';

let shop: ReportShop | null = null;
afterEach(async () => {
  await shop?.close();
  shop = null;
});

const amount = { type: 'number', multipleOf: 0.01 };
const state = { type: 'string', pattern: '^[0-3][0-9]$' };
const date = { type: 'string', pattern: '^[0-3][0-9]-[01][0-9]-20[0-9]{2}$' };
const gstin = { type: 'string', pattern: '^[0-9]{2}[A-Z0-9]{13}$' };
const itemDetail = {
  type: 'object',
  required: ['txval', 'rt', 'iamt', 'camt', 'samt', 'csamt'],
  properties: { txval: amount, rt: { type: 'number' }, iamt: amount, camt: amount, samt: amount, csamt: amount },
};
const items = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['num', 'itm_det'],
    properties: { num: { type: 'integer', minimum: 1 }, itm_det: itemDetail },
  },
};

/** The portal offline tool's GSTR-1 sections Galla writes, with the fields it requires and their formats. */
const GSTR1_SCHEMA = {
  type: 'object',
  required: ['gstin', 'fp', 'b2b', 'b2cs', 'hsn', 'cdnr'],
  properties: {
    gstin,
    fp: { type: 'string', pattern: '^(0[1-9]|1[0-2])20[0-9]{2}$' },
    b2b: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ctin', 'inv'],
        properties: {
          ctin: gstin,
          inv: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['inum', 'idt', 'val', 'pos', 'rchrg', 'inv_typ', 'itms'],
              properties: {
                inum: { type: 'string', maxLength: 16 },
                idt: date,
                val: amount,
                pos: state,
                rchrg: { enum: ['Y', 'N'] },
                inv_typ: { enum: ['R', 'SEWP', 'SEWOP', 'DE', 'CBW'] },
                itms: items,
              },
            },
          },
        },
      },
    },
    b2cs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sply_ty', 'pos', 'typ', 'rt', 'txval', 'iamt', 'csamt'],
        properties: {
          sply_ty: { enum: ['INTRA', 'INTER'] },
          pos: state,
          typ: { enum: ['OE', 'E'] },
          rt: { type: 'number' },
          txval: amount,
          iamt: amount,
          camt: amount,
          samt: amount,
          csamt: amount,
        },
      },
    },
    hsn: {
      type: 'object',
      required: ['data'],
      properties: {
        data: {
          type: 'array',
          items: {
            type: 'object',
            required: ['num', 'hsn_sc', 'uqc', 'qty', 'txval', 'iamt', 'camt', 'samt', 'csamt'],
            properties: {
              num: { type: 'integer' },
              hsn_sc: { type: 'string', pattern: '^[0-9]{4,8}$' },
              uqc: { type: 'string', minLength: 3 },
              qty: { type: 'number' },
              val: amount,
              txval: amount,
              iamt: amount,
              camt: amount,
              samt: amount,
              csamt: amount,
            },
          },
        },
      },
    },
    cdnr: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ctin', 'nt'],
        properties: {
          ctin: gstin,
          nt: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['ntty', 'nt_num', 'nt_dt', 'val', 'pos', 'rchrg', 'inv_typ', 'itms'],
              properties: {
                ntty: { enum: ['C', 'D'] },
                nt_num: { type: 'string', maxLength: 16 },
                nt_dt: date,
                val: amount,
                pos: state,
                itms: items,
              },
            },
          },
        },
      },
    },
  },
};

const paiseOf = (rupees: number) => Math.round(rupees * 100);

describe('GSTR-1 export', () => {
  it('writes dates as dd-mm-yyyy and paise as exact two-decimal rupees, one item per rate', () => {
    expect(portalDate('2026-06-09')).toBe('09-06-2026');
    const json = buildGstr1({
      gstin: SHOP_GSTIN,
      month: '2026-06',
      b2b: [
        {
          ctin: BUYER_GSTIN,
          number: 'C1-2026-000001',
          date: '2026-06-09',
          valuePaise: 1_234_567,
          placeOfSupply: '29',
          lines: [
            { gstRateBp: 1800, taxablePaise: 1_000_001, igstPaise: 180_000, cgstPaise: 0, sgstPaise: 0, cessPaise: 0 },
            { gstRateBp: 1800, taxablePaise: 1, igstPaise: 0, cgstPaise: 0, sgstPaise: 0, cessPaise: 0 },
            { gstRateBp: 25, taxablePaise: 54_565, igstPaise: 0, cgstPaise: 0, sgstPaise: 0, cessPaise: 0 },
          ],
        },
      ],
      creditNotes: [],
      b2cs: [],
      hsn: [],
    });
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
    const ajv = new Ajv({ allErrors: true });
    const valid = ajv.validate(GSTR1_SCHEMA, json);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

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
    const hsnTaxable = sum(json.hsn.data.map((row) => row.txval));
    expect(b2bTaxable - notesTaxable + b2csTaxable).toBe(hsnTaxable);
    expect(hsnTaxable).toBe(gst.byRate.reduce((total, row) => total + row.taxablePaise, 0));
  });
});
