// E-way bills worked by hand: when a movement needs one (Rule 138, per-State limits within a State, exempt lines left
// out), how long it is valid (Rule 138(10)), Part A and Part B's checks, and the bulk file against its schema.
import { describe, expect, it } from 'vitest';
import {
  cancellableUntil,
  ewayBillNeed,
  ewbTransportInput,
  ewbVehicleUpdateInput,
  validityDays,
  validUntil,
  type EwbTransportInput,
} from '../../../src-shared/gst/ewaybill';
import { ewbApiRequest, ewbBill, ewbBulkJson, type EwbInvoice } from '../../../src-shared/gst/ewaybill-json';
import { SHOP_MESSAGES_EN } from '../../../src-shared/shop-messages';
import { ewbApiProblems, ewbBulkProblems } from '../../support/ewb-schema';

const taxed = (totalPaise: number) => ({ gstRateBp: 1800, cessRateBp: 0, totalPaise });
const exempt = (totalPaise: number) => ({ gstRateBp: 0, cessRateBp: 0, totalPaise });

describe('whether a movement needs an e-way bill', () => {
  it('between States, above ₹50,000 with tax: ₹50,000.01 needs one, ₹50,000.00 does not', () => {
    expect(ewayBillNeed({ fromStateCode: '27', toStateCode: '29', lines: [taxed(5_000_001)] }).needed).toBe(true);
    expect(ewayBillNeed({ fromStateCode: '27', toStateCode: '29', lines: [taxed(5_000_000)] })).toEqual({
      needed: false,
      limitPaise: 5_000_000,
      valuePaise: 5_000_000,
      why: 'below-limit',
    });
  });

  it('leaves exempt lines out of the value: ₹40,000 taxed and ₹20,000 of vegetables need none', () => {
    const need = ewayBillNeed({ fromStateCode: '27', toStateCode: '29', lines: [taxed(4_000_000), exempt(2_000_000)] });
    expect(need).toMatchObject({ needed: false, valuePaise: 4_000_000 });
  });

  it("within Maharashtra the State's ₹1 lakh applies; within Karnataka Rule 138's ₹50,000", () => {
    expect(ewayBillNeed({ fromStateCode: '27', toStateCode: '27', lines: [taxed(8_000_000)] })).toMatchObject({
      needed: false,
      limitPaise: 10_000_000,
    });
    expect(ewayBillNeed({ fromStateCode: '27', toStateCode: '27', lines: [taxed(10_000_001)] }).needed).toBe(true);
    expect(ewayBillNeed({ fromStateCode: '29', toStateCode: '29', lines: [taxed(6_000_000)] }).needed).toBe(true);
  });

  it('within Gujarat (specified goods only) asks the owner to check; within Jammu and Kashmir none is needed', () => {
    expect(ewayBillNeed({ fromStateCode: '24', toStateCode: '24', lines: [taxed(9_000_000)] })).toMatchObject({
      needed: 'check',
      why: 'specified-goods',
    });
    expect(ewayBillNeed({ fromStateCode: '01', toStateCode: '01', lines: [taxed(9_000_000)] })).toMatchObject({
      needed: false,
      why: 'not-in-state',
    });
    // Gujarat to Karnataka is inter-State: Rule 138's limit.
    expect(ewayBillNeed({ fromStateCode: '24', toStateCode: '29', lines: [taxed(9_000_000)] }).needed).toBe(true);
  });
});

describe('validity (Rule 138(10))', () => {
  it('one day per 200 km or part of it; 20 km for over-dimensional cargo', () => {
    expect([1, 200, 201, 400, 450, 4000].map((km) => validityDays(km))).toEqual([1, 1, 2, 2, 3, 20]);
    expect([20, 21, 45].map((km) => validityDays(km, true))).toEqual([1, 2, 3]);
  });

  it('each day ends at midnight IST of the day after the e-way bill was made', () => {
    // 02-12-2026 10:00 IST, 150 km: valid until 03-12-2026 23:59:59 IST.
    const morning = new Date('2026-12-02T04:30:00Z');
    expect(validUntil(morning, 150).toISOString()).toBe('2026-12-03T18:29:59.000Z');
    expect(validUntil(morning, 450).toISOString()).toBe('2026-12-05T18:29:59.000Z');
    // 23:50 IST is still the 2nd; 00:10 IST on the 3rd counts from the 3rd.
    expect(validUntil(new Date('2026-12-02T18:20:00Z'), 150).toISOString()).toBe('2026-12-03T18:29:59.000Z');
    expect(validUntil(new Date('2026-12-02T18:40:00Z'), 150).toISOString()).toBe('2026-12-04T18:29:59.000Z');
    expect(cancellableUntil(morning).toISOString()).toBe('2026-12-03T04:30:00.000Z');
  });
});

const transport = (overrides: Partial<EwbTransportInput> = {}): EwbTransportInput => ({
  fromPincode: '400001',
  toPincode: '560011',
  transportMode: 'road',
  distanceKm: 985,
  vehicleNo: 'mh 01-ab 1234',
  ...overrides,
});

function problems(input: EwbTransportInput): Record<string, string> {
  const parsed = ewbTransportInput.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
}

describe('Part A and Part B checks', () => {
  it('takes a vehicle number as people type it and keeps it as the plate reads', () => {
    expect(ewbTransportInput.parse(transport()).vehicleNo).toBe('MH01AB1234');
    for (const plate of ['KA05A1234', 'DL1C1234', 'DLA1234', '22BH1234AB', 'TR0012345678'])
      expect(problems(transport({ vehicleNo: plate }))).toEqual({});
  });

  it('road transport without a vehicle number is refused at the vehicle box; rail, air and ship need none', () => {
    expect(problems(transport({ vehicleNo: '' }))).toEqual({ vehicleNo: SHOP_MESSAGES_EN.ewbVehicleRequired });
    expect(problems(transport({ vehicleNo: '', transportMode: 'rail' }))).toEqual({});
    expect(problems(transport({ vehicleNo: 'MH 1234 AB' }))).toEqual({ vehicleNo: SHOP_MESSAGES_EN.ewbVehicleFormat });
  });

  it('a PIN code of five or seven digits, or with letters, is refused beside it', () => {
    for (const pin of ['56001', '5600111', '56OO11', '060011'])
      expect(problems(transport({ toPincode: pin }))).toEqual({ toPincode: SHOP_MESSAGES_EN.ewbPincode });
  });

  it('a distance of 0 or above 4000 km is refused; 1 and 4000 are taken', () => {
    for (const distanceKm of [0, 4001, -5, 12.5])
      expect(problems(transport({ distanceKm }))).toEqual({ distanceKm: SHOP_MESSAGES_EN.ewbDistance });
    expect(problems(transport({ distanceKm: 1 }))).toEqual({});
    expect(problems(transport({ distanceKm: 4000 }))).toEqual({});
  });

  it('a vehicle update needs the new vehicle, as on its plate', () => {
    const update = { invoiceId: crypto.randomUUID(), reason: 'breakdown', fromPlace: 'Pune' } as const;
    expect(ewbVehicleUpdateInput.safeParse({ ...update, vehicleNo: '' }).error?.issues[0]?.message).toBe(
      SHOP_MESSAGES_EN.ewbVehicleRequired,
    );
    expect(ewbVehicleUpdateInput.parse({ ...update, vehicleNo: 'ka01 ab 9999' }).vehicleNo).toBe('KA01AB9999');
  });
});

/** ₹1,50,000 with 18 % inside, to Mehta Traders in Karnataka: ₹1,27,118.64 + ₹22,881.36 IGST. */
const SALE: EwbInvoice = {
  seller: { name: 'Galla Kirana', address: '12 Station Road, Mumbai', gstin: '27AAPFU0939F1ZV', stateCode: '27' },
  invoice: {
    number: 'C1-2026-000001',
    createdAt: '2026-12-02T04:30:00.000Z',
    partyName: 'Mehta Traders',
    partyGstin: '29AAPFU0939F1ZR',
    placeOfSupply: '29',
    interState: true,
    taxablePaise: 12_711_864,
    cgstPaise: 0,
    sgstPaise: 0,
    igstPaise: 2_288_136,
    cessPaise: 0,
    totalPaise: 15_000_000,
  },
  toAddress: '4 MG Road, Bengaluru',
  billOfSupply: false,
  lines: [
    {
      name: 'Smart LED Television 55 inch Black',
      hsn: '8528',
      unit: 'pcs',
      qtyMilli: 1000,
      taxablePaise: 12_711_864,
      gstRateBp: 1800,
      cessRateBp: 0,
    },
  ],
};

describe('the bulk-upload JSON', () => {
  it("carries Part A and B in the portal's field names and fits the schema", () => {
    const bill = ewbBill(SALE, ewbTransportInput.parse(transport()));
    const file = ewbBulkJson([bill]);
    expect(ewbBulkProblems(file)).toEqual([]);
    expect(bill).toMatchObject({
      userGstin: '27AAPFU0939F1ZV',
      docType: 'INV',
      docNo: 'C1-2026-000001',
      docDate: '02/12/2026',
      fromPincode: 400001,
      fromStateCode: 27,
      toGstin: '29AAPFU0939F1ZR',
      toPincode: 560011,
      toStateCode: 29,
      totalValue: 127_118.64,
      igstValue: 22_881.36,
      totInvValue: 150_000,
      transMode: 1,
      transDistance: 985,
      vehicleNo: 'MH01AB1234',
      vehicleType: 'R',
      mainHsnCode: 8528,
    });
    expect(bill.itemList).toEqual([
      expect.objectContaining({ hsnCode: 8528, quantity: 1, qtyUnit: 'NOS', igstRate: 18, cgstRate: 0, sgstRate: 0 }),
    ]);
    expect(ewbApiProblems(ewbApiRequest(bill))).toEqual([]);
  });

  it('names an unregistered buyer URP, splits the rate within a State, and the schema catches a stray field', () => {
    const local = {
      ...SALE,
      invoice: { ...SALE.invoice, partyGstin: null, placeOfSupply: '27', interState: false },
    };
    const bill = ewbBill(local, ewbTransportInput.parse(transport({ toPincode: '411001' })));
    expect(bill.toGstin).toBe('URP');
    expect(bill.itemList[0]).toMatchObject({ cgstRate: 9, sgstRate: 9, igstRate: 0 });
    expect(ewbBulkProblems(ewbBulkJson([{ ...bill, extra: 1 } as typeof bill]))).toContain(
      '/billLists/0 must NOT have additional properties',
    );
  });

  it('refuses a buyer GSTIN that fails its checksum, or an item without an HSN, naming the field', () => {
    const parsed = ewbTransportInput.parse(transport());
    const badGstin = { ...SALE, invoice: { ...SALE.invoice, partyGstin: '29AAPFU0939F1ZX' } };
    expect(() => ewbBill(badGstin, parsed)).toThrow(/toGstin/);
    const noHsn = { ...SALE, lines: [{ ...SALE.lines[0]!, hsn: '' }] };
    expect(() => ewbBill(noHsn, parsed)).toThrow(/hsn/);
  });
});
