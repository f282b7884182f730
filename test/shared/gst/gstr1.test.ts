// GSTR-1 sections worked by hand: B2CL either side of 01-08-2024, CDNUR and the B2CS netting, B2B/CDNR with a nil-rated
// line, the HSN split and descriptions, Table 13's serial ranges, and rates in numeric order; every result fits the schema.
import { describe, expect, it } from 'vitest';
import type { TaxRateRow } from '../../../src-shared/contracts/tax';
import {
  b2clLimitPaise,
  buildGstr1,
  isB2cl,
  type Gstr1CreditNote,
  type Gstr1HsnSource,
  type Gstr1Invoice,
  type Gstr1Source,
  type Gstr1SupplyRow,
} from '../../../src-shared/gst/gstr1';
import { gstr1Problems } from '../../support/gstr1-schema';

const SHOP = '27AAPFU0939F1ZV';
const BUYER = '29AAPFU0939F1ZR';

const line = (gstRateBp: number, tax: Partial<TaxRateRow>): TaxRateRow => ({
  gstRateBp,
  taxablePaise: 0,
  igstPaise: 0,
  cgstPaise: 0,
  sgstPaise: 0,
  cessPaise: 0,
  ...tax,
});

/** ₹1,27,118.64 at 18 % IGST is ₹22,881.36 (22,881.3552 rounded): a ₹1,50,000.00 invoice to Karnataka. */
const LARGE_LINE = line(1800, { taxablePaise: 12_711_864, igstPaise: 2_288_136 });

function invoice(overrides: Partial<Gstr1Invoice>): Gstr1Invoice {
  return {
    number: 'C1-2024-000001',
    date: '2024-08-01',
    valuePaise: 15_000_000,
    placeOfSupply: '29',
    interState: true,
    ctin: null,
    lines: [LARGE_LINE],
    ...overrides,
  };
}

/** The summaries' view of documents: each line by kind of buyer, place and rate, notes subtracted. */
function suppliesOf(invoices: Gstr1Invoice[], notes: Gstr1CreditNote[] = []): Gstr1SupplyRow[] {
  const rows: Gstr1SupplyRow[] = [];
  const add = (document: Omit<Gstr1Invoice, 'lines'>, lines: TaxRateRow[], sign: number) => {
    for (const each of lines)
      rows.push({
        registered: document.ctin !== null,
        placeOfSupply: document.placeOfSupply,
        interState: document.interState,
        gstRateBp: each.gstRateBp,
        taxablePaise: sign * each.taxablePaise,
        igstPaise: sign * each.igstPaise,
        cgstPaise: sign * each.cgstPaise,
        sgstPaise: sign * each.sgstPaise,
        cessPaise: sign * each.cessPaise,
      });
  };
  for (const each of invoices) add(each, each.lines, 1);
  for (const note of notes) add(note.original, note.lines, -1);
  return rows;
}

function source(overrides: Partial<Gstr1Source>): Gstr1Source {
  return {
    gstin: SHOP,
    month: '2024-08',
    invoices: [],
    creditNotes: [],
    supplies: [],
    hsn: [],
    documents: { invoices: [], creditNotes: [] },
    ...overrides,
  };
}

function gstr1(overrides: Partial<Gstr1Source>) {
  const json = buildGstr1(source(overrides));
  expect(gstr1Problems(json)).toEqual([]);
  return json;
}

describe('B2C (Large): inter-state, unregistered, invoice value above the limit of its date', () => {
  it('the limit is ₹2,50,000 up to 31-07-2024 and ₹1,00,000 from 01-08-2024, and the value must be more than it', () => {
    expect([b2clLimitPaise('2024-07-31'), b2clLimitPaise('2024-08-01')]).toEqual([25_000_000, 10_000_000]);
    expect(isB2cl(invoice({ date: '2024-08-01', valuePaise: 10_000_000 }))).toBe(false);
    expect(isB2cl(invoice({ date: '2024-08-01', valuePaise: 10_000_001 }))).toBe(true);
    expect(isB2cl(invoice({ date: '2024-07-31', valuePaise: 25_000_000 }))).toBe(false);
    expect(isB2cl(invoice({ date: '2024-07-31', valuePaise: 25_000_001 }))).toBe(true);
    expect(isB2cl(invoice({ interState: false, placeOfSupply: '27' }))).toBe(false);
    expect(isB2cl(invoice({ ctin: BUYER }))).toBe(false);
  });

  it('a ₹1,50,000 inter-state B2C invoice of 31-07-2024 is reported in B2CS', () => {
    const july = invoice({ date: '2024-07-31' });
    const json = gstr1({ month: '2024-07', invoices: [july], supplies: suppliesOf([july]) });
    expect(json.b2cl).toEqual([]);
    expect(json.b2cs).toEqual([
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
  });

  it('the same invoice of 01-08-2024 is B2CL, and B2CS no longer counts it', () => {
    const august = invoice({ date: '2024-08-01' });
    const json = gstr1({ invoices: [august], supplies: suppliesOf([august]) });
    expect(json.b2cl).toEqual([
      {
        pos: '29',
        inv: [
          {
            inum: 'C1-2024-000001',
            idt: '01-08-2024',
            val: 150_000,
            itms: [{ num: 1, itm_det: { rt: 18, txval: 127_118.64, iamt: 22_881.36, csamt: 0 } }],
          },
        ],
      },
    ]);
    expect(json.b2cs).toEqual([]);
  });
});

describe('credit notes to unregistered buyers', () => {
  it('a note against a B2CL invoice is CDNUR; one against a small sale stays netted into B2CS', () => {
    const large = invoice({ date: '2024-08-01' });
    // An intra-state cash sale: ₹1,000.00 at 5 % is ₹25.00 CGST and ₹25.00 SGST.
    const small = invoice({
      number: 'C1-2024-000002',
      date: '2024-08-02',
      valuePaise: 105_000,
      placeOfSupply: '27',
      interState: false,
      lines: [line(500, { taxablePaise: 100_000, cgstPaise: 2_500, sgstPaise: 2_500 })],
    });
    const { lines: _largeLines, ...largeHeader } = large;
    const { lines: _smallLines, ...smallHeader } = small;
    // ₹10,000.00 of the large bill comes back: ₹1,800.00 IGST, a ₹11,800.00 note.
    const largeReturn: Gstr1CreditNote = {
      number: 'C1CN-2024-000001',
      date: '2024-08-10',
      valuePaise: 1_180_000,
      original: largeHeader,
      lines: [line(1800, { taxablePaise: 1_000_000, igstPaise: 180_000 })],
    };
    // ₹200.00 of the small one: ₹5.00 + ₹5.00.
    const smallReturn: Gstr1CreditNote = {
      number: 'C1CN-2024-000002',
      date: '2024-08-11',
      valuePaise: 21_000,
      original: smallHeader,
      lines: [line(500, { taxablePaise: 20_000, cgstPaise: 500, sgstPaise: 500 })],
    };
    const notes = [largeReturn, smallReturn];
    const json = gstr1({
      invoices: [large],
      creditNotes: [largeReturn],
      supplies: suppliesOf([large, small], notes),
    });
    expect(json.cdnur).toEqual([
      {
        typ: 'B2CL',
        ntty: 'C',
        nt_num: 'C1CN-2024-000001',
        nt_dt: '10-08-2024',
        val: 11_800,
        pos: '29',
        itms: [{ num: 1, itm_det: { rt: 18, txval: 10_000, iamt: 1_800, csamt: 0 } }],
      },
    ]);
    expect(json.cdnr).toEqual([]);
    // ₹1,000.00 − ₹200.00 = ₹800.00 taxable, ₹20.00 + ₹20.00; nothing of the B2CL bill or its note is left in B2CS.
    expect(json.b2cs).toEqual([
      { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 5, txval: 800, iamt: 0, camt: 20, samt: 20, csamt: 0 },
    ]);
  });
});

describe('B2B and CDNR', () => {
  it('lists taxed lines by rate, 5 before 18; a nil-rated line goes to Table 8', () => {
    const sale = invoice({
      ctin: BUYER,
      valuePaise: 2_288_000,
      lines: [
        line(1800, { taxablePaise: 1_000_000, igstPaise: 180_000 }),
        line(0, { taxablePaise: 58_000 }),
        line(500, { taxablePaise: 1_000_000, igstPaise: 50_000 }),
      ],
    });
    const { lines: _lines, ...header } = sale;
    const back: Gstr1CreditNote = {
      number: 'C1CN-2024-000003',
      date: '2024-08-20',
      valuePaise: 118_000,
      original: header,
      lines: [line(1800, { taxablePaise: 100_000, igstPaise: 18_000 })],
    };
    const json = gstr1({ invoices: [sale], creditNotes: [back], supplies: suppliesOf([sale], [back]) });
    expect(json.b2b).toEqual([
      {
        ctin: BUYER,
        inv: [
          {
            inum: 'C1-2024-000001',
            idt: '01-08-2024',
            val: 22_880,
            pos: '29',
            rchrg: 'N',
            inv_typ: 'R',
            itms: [
              { num: 1, itm_det: { txval: 10_000, rt: 5, iamt: 500, camt: 0, samt: 0, csamt: 0 } },
              { num: 2, itm_det: { txval: 10_000, rt: 18, iamt: 1_800, camt: 0, samt: 0, csamt: 0 } },
            ],
          },
        ],
      },
    ]);
    expect(json.cdnr[0]!.nt).toEqual([
      {
        ntty: 'C',
        nt_num: 'C1CN-2024-000003',
        nt_dt: '20-08-2024',
        val: 1_180,
        pos: '29',
        rchrg: 'N',
        inv_typ: 'R',
        itms: [{ num: 1, itm_det: { txval: 1_000, rt: 18, iamt: 180, camt: 0, samt: 0, csamt: 0 } }],
      },
    ]);
    expect(json.nil).toEqual({ inv: [{ sply_ty: 'INTRB2B', nil_amt: 580, expt_amt: 0, ngsup_amt: 0 }] });
    expect(json.b2cs).toEqual([]);
  });
});

describe('B2CS rows', () => {
  it('sort by place of supply, then by rate as a number: 5, 18, 28', () => {
    const row = (placeOfSupply: string, gstRateBp: number): Gstr1SupplyRow => ({
      registered: false,
      placeOfSupply,
      interState: placeOfSupply !== '27',
      gstRateBp,
      taxablePaise: 10_000,
      igstPaise: 0,
      cgstPaise: 0,
      sgstPaise: 0,
      cessPaise: 0,
    });
    const json = gstr1({
      supplies: [row('29', 1800), row('27', 2800), row('27', 1800), row('27', 500), row('29', 500)],
    });
    expect(json.b2cs.map((each) => [each.pos, each.rt])).toEqual([
      ['27', 5],
      ['27', 18],
      ['27', 28],
      ['29', 5],
      ['29', 18],
    ]);
  });
});

describe('HSN summary (Table 12)', () => {
  const hsn = (overrides: Partial<Gstr1HsnSource>): Gstr1HsnSource => ({
    registered: false,
    hsn: '1006',
    description: 'Sona Masoori Premium Rice 25kg Bag',
    unit: 'kg',
    gstRateBp: 500,
    qtyMilli: 25_000,
    taxablePaise: 100_000,
    igstPaise: 0,
    cgstPaise: 2_500,
    sgstPaise: 2_500,
    cessPaise: 0,
    ...overrides,
  });
  const rows = [
    hsn({ description: ' Neem Soap ', hsn: '3401', unit: 'pcs', gstRateBp: 1800, qtyMilli: 10_000 }),
    hsn({ description: 'Neem Soap', hsn: '3401', unit: 'pcs', qtyMilli: 4_000 }),
    hsn({}),
    hsn({ registered: true, qtyMilli: 50_000, taxablePaise: 200_000, cgstPaise: 0, sgstPaise: 0, igstPaise: 10_000 }),
  ];

  it('from May 2025 splits B2B and B2C, with descriptions of at most 30 characters and rates in numeric order', () => {
    const json = gstr1({ month: '2025-05', hsn: rows });
    expect(json.hsn.data).toBeUndefined();
    expect(json.hsn.hsn_b2b).toEqual([
      {
        num: 1,
        hsn_sc: '1006',
        desc: 'Sona Masoori Premium Rice 25kg',
        uqc: 'KGS',
        qty: 50,
        rt: 5,
        txval: 2_000,
        iamt: 100,
        camt: 0,
        samt: 0,
        csamt: 0,
      },
    ]);
    expect(json.hsn.hsn_b2c!.map((row) => [row.num, row.hsn_sc, row.rt, row.desc, row.uqc, row.qty])).toEqual([
      [1, '1006', 5, 'Sona Masoori Premium Rice 25kg', 'KGS', 25],
      [2, '3401', 5, 'Neem Soap', 'NOS', 4],
      [3, '3401', 18, 'Neem Soap', 'NOS', 10],
    ]);
  });

  it('before May 2025 keeps one list, B2B and B2C rows of an HSN, unit and rate added together', () => {
    const json = gstr1({ month: '2025-04', hsn: rows });
    expect([json.hsn.hsn_b2b, json.hsn.hsn_b2c]).toEqual([undefined, undefined]);
    expect(json.hsn.data!.map((row) => [row.hsn_sc, row.rt, row.qty, row.txval, row.iamt, row.camt])).toEqual([
      ['1006', 5, 75, 3_000, 100, 25],
      ['3401', 5, 4, 1_000, 0, 25],
      ['3401', 18, 10, 1_000, 0, 25],
    ]);
  });
});

describe('documents issued (Table 13)', () => {
  it('one row per unbroken run of each series; nothing is cancelled in Galla, so net issued is the count', () => {
    const json = gstr1({
      documents: {
        invoices: ['C1-2024-000003', 'C1-2024-000001', 'C2-2024-000012', 'C1-2024-000002', 'C2-2024-000010'],
        creditNotes: ['C1CN-2024-000001'],
      },
    });
    expect(json.doc_issue).toEqual({
      doc_det: [
        {
          doc_num: 1,
          docs: [
            { num: 1, from: 'C1-2024-000001', to: 'C1-2024-000003', totnum: 3, cancel: 0, net_issue: 3 },
            { num: 2, from: 'C2-2024-000010', to: 'C2-2024-000010', totnum: 1, cancel: 0, net_issue: 1 },
            { num: 3, from: 'C2-2024-000012', to: 'C2-2024-000012', totnum: 1, cancel: 0, net_issue: 1 },
          ],
        },
        {
          doc_num: 5,
          docs: [{ num: 1, from: 'C1CN-2024-000001', to: 'C1CN-2024-000001', totnum: 1, cancel: 0, net_issue: 1 }],
        },
      ],
    });
  });
});

describe('the GSTR-1 schema', () => {
  it('refuses what the portal would: a long description, a 17-character number, a string rate, both HSN shapes', () => {
    const json = buildGstr1(
      source({
        month: '2025-05',
        invoices: [invoice({ ctin: BUYER })],
        hsn: [
          {
            registered: true,
            hsn: '1006',
            description: 'Rice',
            unit: 'kg',
            gstRateBp: 500,
            qtyMilli: 1000,
            taxablePaise: 100,
            igstPaise: 5,
            cgstPaise: 0,
            sgstPaise: 0,
            cessPaise: 0,
          },
        ],
      }),
    );
    expect(gstr1Problems(json)).toEqual([]);
    const broken = structuredClone(json);
    broken.hsn.hsn_b2b![0]!.desc = 'x'.repeat(31);
    broken.b2b[0]!.inv[0]!.inum = 'C1-2024-0000000001';
    (broken.b2b[0]!.inv[0]!.itms[0]!.itm_det as { rt: unknown }).rt = '18';
    expect(gstr1Problems(broken)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/hsn'),
        expect.stringContaining('/b2b/0/inv/0/inum'),
        expect.stringContaining('/b2b/0/inv/0/itms/0/itm_det/rt'),
      ]),
    );
    expect(gstr1Problems({ ...json, hsn: { data: [], hsn_b2b: [], hsn_b2c: [] } })).not.toEqual([]);
  });
});
