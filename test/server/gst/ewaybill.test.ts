// E-way bills on the server for invoices a real counter synced: which need one, the bulk-upload file, making one
// through the e-way bill API (a local stand-in), the vehicle update and cancellation; and every bad input or bad
// answer refused with a shop message, storing nothing and sending nothing twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SHOP_MESSAGES_EN } from '../../../src-shared/shop-messages';
import { shopDateTime } from '../../../src-shared/shop-time';
import { ewbBulkProblems } from '../../support/ewb-schema';
import { ewbShop } from '../../support/ewb-shop';
import { asOwner } from '../../support/server';
import { pdfLines } from '../../support/pdf-text';

let now = new Date();
let fixture: Awaited<ReturnType<typeof ewbShop>>;

// One shop for the file (a synced counter takes long to set up on a loaded machine); each test takes its own television.
beforeAll(async () => {
  fixture = await ewbShop({ clock: () => now, timeoutMs: 1_000, televisions: 10 });
}, 300_000);

afterAll(async () => {
  await fixture?.close();
});

beforeEach(() => {
  now = new Date();
  if (fixture) fixture.shop.server.deps.config.ewayBillApi = fixture.standin.config(1_000);
});

let taken = 0;
/** A television nobody has made an e-way bill for yet. */
const nextTelevision = () => fixture.sales.televisions[taken++]!.invoice;

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(now);
const transport = {
  fromPincode: '400001',
  toPincode: '560011',
  transportMode: 'road' as const,
  distanceKm: 985,
  vehicleNo: 'MH 01 AB 1234',
};

async function storedRows(invoiceId: string) {
  return asOwner(fixture.shop.server.database, async (db) => {
    const result = (await db.execute(
      sql`SELECT status, ewb_no FROM eway_bills WHERE invoice_id = ${invoiceId}`,
    )) as unknown as {
      rows: { status: string; ewb_no: string | null }[];
    };
    return result.rows;
  });
}

const generateCalls = () => fixture.standin.requests.filter((request) => request.action === 'GENEWAYBILL').length;
const billsFor = (docNo: string) => fixture.standin.bills.filter((bill) => bill.docNo === docNo);

describe('e-way bills for synced invoices', () => {
  it('lists only the televisions: inter-State above ₹50,000; the ₹80,000 refrigerator is within Maharashtra’s ₹1 lakh', async () => {
    const { owner } = fixture;
    const rows = await owner.ewayBills.list({ from: today(), to: today() });
    expect(rows.map((row) => row.invoiceId).sort()).toEqual(
      fixture.sales.televisions.map((sale) => sale.invoice.id).sort(),
    );
    expect(rows[0]).toMatchObject({
      partyName: 'Mehta Traders',
      placeOfSupply: '29',
      valuePaise: 15_000_000,
      limitPaise: 5_000_000,
      need: 'yes',
    });
    const fridge = await owner.ewayBills.detail({ invoiceId: fixture.sales.refrigerator.invoice.id });
    expect(fridge).toMatchObject({ need: 'no', limitPaise: 10_000_000, valuePaise: 8_000_000 });
    await expect(
      owner.ewayBills.bulkJson({ invoiceId: fixture.sales.refrigerator.invoice.id, transport }),
    ).rejects.toThrow(
      'This bill does not need an e-way bill: its value with tax is ₹80,000.00, the limit is ₹1,00,000.00.',
    );
  });

  it('downloads the bulk-upload file for the portal, fitting the schema, and keeps the movement as a draft', async () => {
    const { owner } = fixture;
    const invoice = nextTelevision();
    const file = await owner.ewayBills.bulkJson({ invoiceId: invoice.id, transport });
    const json = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'));
    expect(ewbBulkProblems(json)).toEqual([]);
    expect(json.billLists[0]).toMatchObject({
      userGstin: '27AAPFU0939F1ZV',
      docNo: invoice.number,
      toGstin: '29AAPFU0939F1ZR',
      fromPincode: 400001,
      toPincode: 560011,
      totInvValue: 150_000,
      igstValue: 22_881.36,
      vehicleNo: 'MH01AB1234',
      transDistance: 985,
    });
    expect(file.filename).toBe(`EWB_${invoice.number}.json`);
    expect(await owner.ewayBills.detail({ invoiceId: invoice.id })).toMatchObject({
      status: 'draft',
      transport: expect.objectContaining({ vehicleNo: 'MH01AB1234' }),
    });
  });

  it('makes the e-way bill through the API once, valid 5 days for 985 km, printed on the invoice PDF', async () => {
    const { owner } = fixture;
    const invoice = nextTelevision();
    const before = generateCalls();
    const made = await owner.ewayBills.generate({ invoiceId: invoice.id, transport });
    expect(made.status).toBe('active');
    expect(made.ewbNo).toMatch(/^\d{12}$/);
    expect(fixture.standin.requests.at(-1)).toMatchObject({ action: 'GENEWAYBILL', problems: [] });
    // Rule 138(10): ⌈985 / 200⌉ = 5 days, the last ending at midnight IST five days after today (NIC says 11:59 PM).
    const istMidnight = new Date(`${today()}T00:00:00+05:30`).getTime();
    expect(Date.parse(made.validUntil!)).toBe(istMidnight + 6 * 86_400_000 - 60_000);
    // A second try is refused without asking the portal again.
    await expect(owner.ewayBills.generate({ invoiceId: invoice.id, transport })).rejects.toThrow(
      `E-way bill ${made.ewbNo} is already made for this bill.`,
    );
    expect(generateCalls()).toBe(before + 1);
    expect(await storedRows(invoice.id)).toEqual([{ status: 'active', ewb_no: made.ewbNo }]);

    const pdf = await owner.reports.invoicePdf({ id: invoice.id, pageSize: 'A4' });
    const lines = (await pdfLines(Buffer.from(pdf.base64, 'base64'))).join('\n');
    expect(lines).toContain(`E-way bill No: ${made.ewbNo}`);
    expect(lines).toContain(`Valid until: ${shopDateTime(made.validUntil!)}`);
  });

  it('moves the goods on in another vehicle (Part B) and cancels within 24 hours, not after', async () => {
    const { owner } = fixture;
    const invoiceId = nextTelevision().id;
    const made = await owner.ewayBills.generate({ invoiceId, transport });
    await expect(
      owner.ewayBills.updateVehicle({ invoiceId, vehicleNo: 'KA 01', reason: 'breakdown', fromPlace: 'Belagavi' }),
    ).rejects.toThrow(SHOP_MESSAGES_EN.ewbVehicleFormat);
    const moved = await owner.ewayBills.updateVehicle({
      invoiceId,
      vehicleNo: 'ka01 ab 9999',
      reason: 'breakdown',
      fromPlace: 'Belagavi',
    });
    expect(moved.vehicleNo).toBe('KA01AB9999');
    expect(moved.vehicleUpdates).toEqual([expect.objectContaining({ vehicleNo: 'KA01AB9999', fromPlace: 'Belagavi' })]);
    const onPortal = () => fixture.standin.bills.find((bill) => bill.ewbNo === made.ewbNo)!;
    expect(onPortal().vehicleNo).toBe('KA01AB9999');

    now = new Date(Date.parse(made.generatedAt!) + 25 * 3_600_000);
    await expect(owner.ewayBills.cancel({ invoiceId, reason: 'order-cancelled' })).rejects.toThrow(
      `E-way bill ${made.ewbNo} can no longer be cancelled: 24 hours have passed since it was made.`,
    );
    now = new Date(Date.parse(made.generatedAt!) + 23 * 3_600_000);
    const cancelled = await owner.ewayBills.cancel({ invoiceId, reason: 'order-cancelled' });
    expect(cancelled.status).toBe('cancelled');
    expect(onPortal().status).toBe('cancelled');
    // A cancelled e-way bill is no longer printed on the invoice.
    const pdf = await owner.reports.invoicePdf({ id: invoiceId, pageSize: 'A4' });
    expect((await pdfLines(Buffer.from(pdf.base64, 'base64'))).join('\n')).not.toContain('E-way bill No');
  });
});

describe('bad input and bad answers: a clear message, nothing stored, nothing sent twice', () => {
  it.each([
    ['road transport without a vehicle number', { vehicleNo: '' }, SHOP_MESSAGES_EN.ewbVehicleRequired],
    ['a PIN code of five digits', { toPincode: '56001' }, SHOP_MESSAGES_EN.ewbPincode],
    ['a distance of 0 km', { distanceKm: 0 }, SHOP_MESSAGES_EN.ewbDistance],
    ['a distance above 4000 km', { distanceKm: 4001 }, SHOP_MESSAGES_EN.ewbDistance],
  ])('%s is refused before the portal is asked', async (_name, change, message) => {
    const invoiceId = fixture.sales.televisions.at(-1)!.invoice.id;
    const before = generateCalls();
    await expect(
      fixture.owner.ewayBills.generate({ invoiceId, transport: { ...transport, ...change } }),
    ).rejects.toThrow(message);
    expect(generateCalls()).toBe(before);
    expect(await storedRows(invoiceId)).toEqual([]);
  });

  it("shows the portal's refusal with its code, and stores nothing", async () => {
    const invoiceId = nextTelevision().id;
    fixture.standin.misbehave({ kind: 'refuse', codes: '702' });
    await expect(fixture.owner.ewayBills.generate({ invoiceId, transport })).rejects.toThrow(
      'The e-way bill portal refused it: the distance is too long for these PIN codes (code 702).',
    );
    expect(await storedRows(invoiceId)).toEqual([]);
  });

  it('an answer that is not JSON is said so, and nothing is stored', async () => {
    const invoiceId = nextTelevision().id;
    fixture.standin.misbehave({ kind: 'not-json' });
    await expect(fixture.owner.ewayBills.generate({ invoiceId, transport })).rejects.toThrow(
      SHOP_MESSAGES_EN.ewbPortalUnreadable,
    );
    expect(await storedRows(invoiceId)).toEqual([]);
  });

  it('a timeout after the portal made it: the retry picks that e-way bill up instead of making a second', async () => {
    const invoice = nextTelevision();
    fixture.standin.misbehave({ kind: 'late', afterMs: 3_000, makeIt: true });
    await expect(fixture.owner.ewayBills.generate({ invoiceId: invoice.id, transport })).rejects.toThrow(
      SHOP_MESSAGES_EN.ewbPortalTimeout,
    );
    expect(await storedRows(invoice.id)).toEqual([]);
    const made = await fixture.owner.ewayBills.generate({ invoiceId: invoice.id, transport });
    expect(billsFor(invoice.number)).toHaveLength(1);
    expect(made.ewbNo).toBe(billsFor(invoice.number)[0]!.ewbNo);
    expect(await storedRows(invoice.id)).toEqual([{ status: 'active', ewb_no: made.ewbNo }]);
  });

  it('without the API configured the page is told to use the bulk file', async () => {
    const invoiceId = nextTelevision().id;
    fixture.shop.server.deps.config.ewayBillApi = null;
    await expect(fixture.owner.ewayBills.generate({ invoiceId, transport })).rejects.toThrow(
      SHOP_MESSAGES_EN.ewbPortalNotSet,
    );
    expect(await storedRows(invoiceId)).toEqual([]);
  });
});
