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

describe('the return’s header', () => {
  it('names the shop’s GSTIN and the period as MMYYYY', () => {
    const json = gstr1({ month: '2025-03' });
    expect(json.gstin).toBe(SHOP);
    expect(json.fp).toBe('032025');
  });

  it('an empty month has empty sections and no documents issued', () => {
    expect(gstr1({})).toMatchObject({
      b2b: [],
      b2cl: [],
      b2cs: [],
      cdnr: [],
      cdnur: [],
      nil: { inv: [] },
      hsn: { data: [] },
      doc_issue: { doc_det: [] },
    });
  });
});

describe('B2B and CDNR, several buyers and documents', () => {
  const OTHER_BUYER = '27AABCS1429B1Z1';
  const intra = (rate: number, taxablePaise: number) =>
    line(rate, {
      taxablePaise,
      cgstPaise: (taxablePaise * rate) / 20_000,
      sgstPaise: (taxablePaise * rate) / 20_000,
    });
  const sale = (number: string, date: string, ctin: string, lines: TaxRateRow[]) =>
    invoice({ number, date, ctin, placeOfSupply: '27', interState: false, valuePaise: 1, lines });

  it('groups invoices by buyer GSTIN in GSTIN order, each buyer’s by date then number', () => {
    const invoices = [
      sale('C1-2024-000004', '2024-08-03', BUYER, [intra(1800, 10_000)]),
      sale('C1-2024-000003', '2024-08-02', OTHER_BUYER, [intra(1800, 10_000)]),
      sale('C2-2024-000001', '2024-08-02', BUYER, [intra(1800, 10_000)]),
      sale('C1-2024-000002', '2024-08-02', BUYER, [intra(1800, 10_000)]),
    ];
    const json = gstr1({ invoices });
    expect(json.b2b.map((buyer) => [buyer.ctin, buyer.inv.map((each) => each.inum)])).toEqual([
      [OTHER_BUYER, ['C1-2024-000003']],
      [BUYER, ['C1-2024-000002', 'C2-2024-000001', 'C1-2024-000004']],
    ]);
  });

  it('adds up the lines of one rate into one item, CGST, SGST and cess too', () => {
    const json = gstr1({
      invoices: [
        sale('C1-2024-000001', '2024-08-01', BUYER, [
          { ...intra(2800, 100_000), cessPaise: 12_000 },
          intra(2800, 50_000),
          { ...intra(500, 20_000), cessPaise: 100 },
        ]),
      ],
    });
    expect(json.b2b[0]!.inv[0]!.itms).toEqual([
      { num: 1, itm_det: { txval: 200, rt: 5, iamt: 0, camt: 5, samt: 5, csamt: 1 } },
      { num: 2, itm_det: { txval: 1_500, rt: 28, iamt: 0, camt: 210, samt: 210, csamt: 120 } },
    ]);
  });

  it('leaves out a document with no taxed line: a bill of nil-rated goods is Table 8 only', () => {
    const nilOnly = sale('C1-2024-000001', '2024-08-01', BUYER, [line(0, { taxablePaise: 50_000 })]);
    const { lines: _lines, ...header } = nilOnly;
    const note: Gstr1CreditNote = {
      number: 'C1CN-2024-000001',
      date: '2024-08-02',
      valuePaise: 10_000,
      original: header,
      lines: [line(0, { taxablePaise: 10_000 })],
    };
    const json = gstr1({ invoices: [nilOnly], creditNotes: [note], supplies: suppliesOf([nilOnly], [note]) });
    expect(json.b2b).toEqual([]);
    expect(json.cdnr).toEqual([]);
    expect(json.nil.inv).toEqual([{ sply_ty: 'INTRAB2B', nil_amt: 400, expt_amt: 0, ngsup_amt: 0 }]);
  });

  it('groups credit notes by the buyer of their invoice, each buyer’s by date then number', () => {
    const first = sale('C1-2024-000001', '2024-08-01', BUYER, [intra(1800, 100_000)]);
    const second = sale('C1-2024-000002', '2024-08-01', OTHER_BUYER, [intra(1800, 100_000)]);
    const note = (number: string, date: string, of: Gstr1Invoice): Gstr1CreditNote => {
      const { lines: _lines, ...original } = of;
      return { number, date, valuePaise: 11_800, original, lines: [intra(1800, 10_000)] };
    };
    const json = gstr1({
      invoices: [first, second],
      creditNotes: [
        note('C1CN-2024-000003', '2024-08-09', first),
        note('C1CN-2024-000002', '2024-08-05', second),
        note('C2CN-2024-000001', '2024-08-05', first),
        note('C1CN-2024-000001', '2024-08-05', first),
      ],
    });
    expect(json.cdnr.map((buyer) => [buyer.ctin, buyer.nt.map((each) => each.nt_num)])).toEqual([
      [OTHER_BUYER, ['C1CN-2024-000002']],
      [BUYER, ['C1CN-2024-000001', 'C2CN-2024-000001', 'C1CN-2024-000003']],
    ]);
    expect(json.cdnr[1]!.nt[0]!.itms).toEqual([
      { num: 1, itm_det: { txval: 100, rt: 18, iamt: 0, camt: 9, samt: 9, csamt: 0 } },
    ]);
  });
});

describe('B2C (Large) and CDNUR, several documents', () => {
  it('groups B2CL invoices by place of supply, each by date then number, with cess', () => {
    const large = (number: string, date: string, placeOfSupply: string) =>
      invoice({ number, date, placeOfSupply, lines: [{ ...LARGE_LINE, cessPaise: 1_000 }] });
    const json = gstr1({
      invoices: [
        large('C1-2024-000009', '2024-08-09', '29'),
        large('C1-2024-000005', '2024-08-02', '33'),
        large('C2-2024-000001', '2024-08-02', '29'),
        large('C1-2024-000001', '2024-08-02', '29'),
      ],
    });
    expect(json.b2cl.map((place) => [place.pos, place.inv.map((each) => each.inum)])).toEqual([
      ['29', ['C1-2024-000001', 'C2-2024-000001', 'C1-2024-000009']],
      ['33', ['C1-2024-000005']],
    ]);
    expect(json.b2cl[0]!.inv[0]!.itms[0]!.itm_det).toEqual({ rt: 18, txval: 127_118.64, iamt: 22_881.36, csamt: 10 });
  });

  it('lists CDNUR notes by date then number, and puts their value back into B2CS', () => {
    const large = invoice({ date: '2024-08-01' });
    const { lines: _lines, ...header } = large;
    const note = (number: string, date: string): Gstr1CreditNote => ({
      number,
      date,
      valuePaise: 118_000,
      original: header,
      lines: [line(1800, { taxablePaise: 100_000, igstPaise: 18_000, cessPaise: 500 })],
    });
    const notes = [
      note('C1CN-2024-000003', '2024-08-09'),
      note('C2CN-2024-000001', '2024-08-05'),
      note('C1CN-2024-000002', '2024-08-05'),
    ];
    const json = gstr1({ invoices: [large], creditNotes: notes, supplies: suppliesOf([large], notes) });
    expect(json.cdnur.map((each) => each.nt_num)).toEqual(['C1CN-2024-000002', 'C2CN-2024-000001', 'C1CN-2024-000003']);
    expect(json.cdnur[0]!.itms).toEqual([{ num: 1, itm_det: { rt: 18, txval: 1_000, iamt: 180, csamt: 5 } }]);
    // The summaries subtracted the notes from the B2C figures; the large invoice is in B2CL and the notes in CDNUR,
    // so B2CS adds them back and comes to nothing.
    expect(json.b2cs).toEqual([]);
  });
});

describe('B2CS rows, netting', () => {
  const row = (overrides: Partial<Gstr1SupplyRow>): Gstr1SupplyRow => ({
    registered: false,
    placeOfSupply: '27',
    interState: false,
    gstRateBp: 500,
    taxablePaise: 10_000,
    igstPaise: 0,
    cgstPaise: 250,
    sgstPaise: 250,
    cessPaise: 0,
    ...overrides,
  });

  it('adds the rows of one place and rate, with every tax head, and leaves out sales to registered buyers', () => {
    const json = gstr1({
      supplies: [
        row({ cessPaise: 30 }),
        row({ taxablePaise: 5_000, cgstPaise: 125, sgstPaise: 125, cessPaise: 20 }),
        row({ registered: true, taxablePaise: 99_000 }),
        row({ placeOfSupply: '29', interState: true, cgstPaise: 0, sgstPaise: 0, igstPaise: 500 }),
      ],
    });
    expect(json.b2cs).toEqual([
      { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 5, txval: 150, iamt: 0, camt: 3.75, samt: 3.75, csamt: 0.5 },
      { sply_ty: 'INTER', pos: '29', typ: 'OE', rt: 5, txval: 100, iamt: 5, camt: 0, samt: 0, csamt: 0 },
    ]);
  });

  it('keeps nil-rated sales out of B2CS, and drops a place and rate whose returns cancel its sales', () => {
    const json = gstr1({
      supplies: [
        row({ gstRateBp: 0, cgstPaise: 0, sgstPaise: 0 }),
        row({ gstRateBp: 1800 }),
        row({ gstRateBp: 1800, taxablePaise: -10_000, cgstPaise: -250, sgstPaise: -250 }),
      ],
    });
    expect(json.b2cs).toEqual([]);
  });

  it('keeps an intra-state and an inter-state row of the same place and rate apart', () => {
    const json = gstr1({
      supplies: [row({}), row({ interState: true, cgstPaise: 0, sgstPaise: 0, igstPaise: 500 })],
    });
    expect(json.b2cs.map((each) => [each.sply_ty, each.txval])).toEqual([
      ['INTRA', 100],
      ['INTER', 100],
    ]);
  });
});

describe('nil-rated supplies (Table 8)', () => {
  const nil = (registered: boolean, interState: boolean, taxablePaise: number): Gstr1SupplyRow => ({
    registered,
    placeOfSupply: interState ? '29' : '27',
    interState,
    gstRateBp: 0,
    taxablePaise,
    igstPaise: 0,
    cgstPaise: 0,
    sgstPaise: 0,
    cessPaise: 0,
  });

  it('sums 0 % sales by inter/intra-state and registered/unregistered buyer, in the portal’s order', () => {
    const json = gstr1({
      supplies: [
        nil(false, false, 10_000),
        nil(false, true, 20_000),
        nil(true, false, 30_000),
        nil(true, true, 40_000),
        nil(false, false, 5_050),
        nil(true, true, 0),
      ],
    });
    expect(json.nil.inv).toEqual([
      { sply_ty: 'INTRB2B', nil_amt: 400, expt_amt: 0, ngsup_amt: 0 },
      { sply_ty: 'INTRAB2B', nil_amt: 300, expt_amt: 0, ngsup_amt: 0 },
      { sply_ty: 'INTRB2C', nil_amt: 200, expt_amt: 0, ngsup_amt: 0 },
      { sply_ty: 'INTRAB2C', nil_amt: 150.5, expt_amt: 0, ngsup_amt: 0 },
    ]);
  });

  it('leaves out a kind whose returns cancel its sales', () => {
    const json = gstr1({ supplies: [nil(false, false, 10_000), nil(false, false, -10_000), nil(true, false, 100)] });
    expect(json.nil.inv).toEqual([{ sply_ty: 'INTRAB2B', nil_amt: 1, expt_amt: 0, ngsup_amt: 0 }]);
  });
});

describe('HSN summary, units and empty rows', () => {
  const hsn = (overrides: Partial<Gstr1HsnSource>): Gstr1HsnSource => ({
    registered: false,
    hsn: '2201',
    description: 'Water',
    unit: 'l',
    gstRateBp: 1800,
    qtyMilli: 1000,
    taxablePaise: 1_000,
    igstPaise: 0,
    cgstPaise: 90,
    sgstPaise: 90,
    cessPaise: 10,
    ...overrides,
  });

  it('writes the portal’s unit codes: pieces NOS, kilograms KGS, litres LTR, metres MTR, anything else OTH', () => {
    const json = gstr1({
      month: '2025-04',
      hsn: [
        hsn({ hsn: '1001', unit: 'pcs' }),
        hsn({ hsn: '1002', unit: 'kg' }),
        hsn({ hsn: '1003', unit: 'l' }),
        hsn({ hsn: '1004', unit: 'm' }),
        hsn({ hsn: '1005', unit: 'box' }),
      ],
    });
    expect(json.hsn.data!.map((row) => row.uqc)).toEqual(['NOS', 'KGS', 'LTR', 'MTR', 'OTH']);
  });

  it('orders rows of one HSN and rate by unit, and carries every tax head', () => {
    const json = gstr1({ month: '2025-04', hsn: [hsn({ unit: 'pcs', qtyMilli: 2500 }), hsn({ unit: 'l' })] });
    expect(json.hsn.data).toEqual([
      {
        num: 1,
        hsn_sc: '2201',
        desc: 'Water',
        uqc: 'LTR',
        qty: 1,
        rt: 18,
        txval: 10,
        iamt: 0,
        camt: 0.9,
        samt: 0.9,
        csamt: 0.1,
      },
      {
        num: 2,
        hsn_sc: '2201',
        desc: 'Water',
        uqc: 'NOS',
        qty: 2.5,
        rt: 18,
        txval: 10,
        iamt: 0,
        camt: 0.9,
        samt: 0.9,
        csamt: 0.1,
      },
    ]);
  });

  it('leaves out a row whose returns cancel both its value and its quantity, but keeps a free-goods row', () => {
    const json = gstr1({
      month: '2025-04',
      hsn: [
        hsn({}),
        hsn({ qtyMilli: -1000, taxablePaise: -1_000, cgstPaise: -90, sgstPaise: -90, cessPaise: -10 }),
        hsn({ hsn: '3401', taxablePaise: 0, cgstPaise: 0, sgstPaise: 0, cessPaise: 0 }),
        hsn({ hsn: '3402', qtyMilli: 0 }),
      ],
    });
    expect(json.hsn.data!.map((row) => [row.hsn_sc, row.qty, row.txval])).toEqual([
      ['3401', 1, 0],
      ['3402', 0, 10],
    ]);
  });
});

describe('HSN descriptions', () => {
  it('cuts a description to 30 characters without leaving a space at the end of the cut', () => {
    const json = gstr1({
      month: '2025-04',
      hsn: [
        {
          registered: false,
          hsn: '1006',
          // The 30th character is the space before "Grain".
          description: 'Premium Basmati Rice Long Gra in 5kg',
          unit: 'kg',
          gstRateBp: 500,
          qtyMilli: 5000,
          taxablePaise: 50_000,
          igstPaise: 0,
          cgstPaise: 1_250,
          sgstPaise: 1_250,
          cessPaise: 0,
        },
      ],
    });
    expect(json.hsn.data![0]!.desc).toBe('Premium Basmati Rice Long Gra');
  });
});

describe('documents issued, series and runs', () => {
  it('lists the series in order whatever order the numbers come in, and a run may cross 9 → 10', () => {
    const json = gstr1({
      documents: {
        invoices: ['C2-2024-000001', 'C1-2024-000009', 'C1-2024-000010', 'C1-2024-000011'],
        creditNotes: [],
      },
    });
    expect(json.doc_issue.doc_det).toEqual([
      {
        doc_num: 1,
        docs: [
          { num: 1, from: 'C1-2024-000009', to: 'C1-2024-000011', totnum: 3, cancel: 0, net_issue: 3 },
          { num: 2, from: 'C2-2024-000001', to: 'C2-2024-000001', totnum: 1, cancel: 0, net_issue: 1 },
        ],
      },
    ]);
  });

  it('a number without trailing digits is a series of its own', () => {
    const json = gstr1({ documents: { invoices: ['MANUAL', 'C1-2024-000001'], creditNotes: [] } });
    expect(json.doc_issue.doc_det[0]!.docs).toEqual([
      { num: 1, from: 'C1-2024-000001', to: 'C1-2024-000001', totnum: 1, cancel: 0, net_issue: 1 },
      { num: 2, from: 'MANUAL', to: 'MANUAL', totnum: 1, cancel: 0, net_issue: 1 },
    ]);
  });
});
