// E-way bills for a shop's synced invoices: which need one, the movement entered for one, its bulk-upload file, and
// making, re-routing (Part B) and cancelling it through the e-way bill API. One row per invoice; a refusal stores
// nothing, and a bill the portal made while its answer was lost is picked up by document number, never made twice.
import { and, between, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { Conflict, Invalid, NotFound, shopDetail } from '../../../src-shared/errors';
import { formatRupees } from '../../../src-shared/money';
import { isValidGstin } from '../../../src-shared/gst/gstin';
import {
  cancellableUntil,
  ewayBillNeed,
  ewbTransportInput,
  validUntil,
  type EwbTransport,
} from '../../../src-shared/gst/ewaybill';
import { ewbApiRequest, ewbBill, ewbBulkJson, type EwbInvoice } from '../../../src-shared/gst/ewaybill-json';
import type { EwbDetail, EwbListRow } from '../../../src-shared/contracts/ewaybill';
import type { ReportFile } from '../../../src-shared/contracts/owner-reports';
import type { ReportRange } from '../../../src-shared/contracts/reports';
import type { ServerDb } from '../../db/connection';
import type { ServerConfig } from '../../config';
import { shops } from '../../accounts/schema';
import { invoices } from '../../documents/schema';
import { ewayBills } from './schema';
import { ewbPortal, PortalRefused, portalTime } from './portal';

export interface EwbContext {
  tx: ServerDb;
  shopId: string;
  config: ServerConfig;
  clock: () => Date;
  log: Logger;
}

const paise = z.number().int();
/** What an e-way bill reads from a synced invoice's payload, checked, not trusted. */
const storedSale = z.looseObject({
  invoice: z.looseObject({
    number: z.string(),
    createdAt: z.string(),
    partyName: z.string(),
    partyGstin: z.string().nullable(),
    placeOfSupply: z.string(),
    interState: z.boolean(),
    taxablePaise: paise,
    cgstPaise: paise,
    sgstPaise: paise,
    igstPaise: paise,
    cessPaise: paise,
    totalPaise: paise,
  }),
  lines: z.array(
    z.looseObject({
      name: z.string(),
      hsn: z.string(),
      unit: z.string(),
      qtyMilli: paise,
      taxablePaise: paise,
      gstRateBp: paise,
      cessRateBp: paise.default(0),
      totalPaise: paise,
    }),
  ),
  seller: z
    .looseObject({ name: z.string(), address: z.string(), gstin: z.string().nullable(), stateCode: z.string() })
    .optional(),
  supply: z
    .looseObject({ billOfSupply: z.boolean(), recipientAddress: z.string(), deliveryAddress: z.string() })
    .optional(),
});
type StoredSale = z.infer<typeof storedSale>;

const vehicleUpdate = z.object({ vehicleNo: z.string(), reason: z.string(), fromPlace: z.string(), at: z.string() });

async function shopRecord(tx: ServerDb, shopId: string) {
  const [shop] = await tx
    .select({ name: shops.name, gstin: shops.gstin, stateCode: shops.stateCode, address: shops.address })
    .from(shops)
    .where(eq(shops.id, shopId));
  return shop ?? { name: '', gstin: null, stateCode: null, address: '' };
}

async function saleOf(tx: ServerDb, shopId: string, invoiceId: string) {
  const [row] = await tx
    .select({ payload: invoices.payload, businessDate: invoices.businessDate })
    .from(invoices)
    .where(and(eq(invoices.shopId, shopId), eq(invoices.id, invoiceId)));
  if (!row) throw new NotFound('No such invoice in this shop.');
  return { sale: storedSale.parse(row.payload), date: row.businessDate };
}

/** The seller as the counter sent it, else as the server's shop record has it. */
function sellerOf(sale: StoredSale, shop: Awaited<ReturnType<typeof shopRecord>>) {
  return {
    name: sale.seller?.name || shop.name,
    address: sale.seller?.address || shop.address,
    gstin: shop.gstin ?? sale.seller?.gstin ?? '',
    stateCode: sale.seller?.stateCode || shop.stateCode || '',
  };
}

function needOf(sale: StoredSale, fromStateCode: string) {
  return ewayBillNeed({ fromStateCode, toStateCode: sale.invoice.placeOfSupply, lines: sale.lines });
}

async function rowOf(tx: ServerDb, shopId: string, invoiceId: string) {
  const [row] = await tx
    .select()
    .from(ewayBills)
    .where(and(eq(ewayBills.shopId, shopId), eq(ewayBills.invoiceId, invoiceId)));
  return row ?? null;
}

/** Invoices of the range whose movement needs an e-way bill (or may, in a State that lists its goods). */
export async function listNeedingEwayBills(tx: ServerDb, shopId: string, range: ReportRange): Promise<EwbListRow[]> {
  const shop = await shopRecord(tx, shopId);
  const sold = await tx
    .select({ id: invoices.id, payload: invoices.payload, date: invoices.businessDate })
    .from(invoices)
    .where(and(eq(invoices.shopId, shopId), between(invoices.businessDate, range.from, range.to)))
    .orderBy(invoices.businessDate, invoices.number)
    .limit(5000);
  const made = new Map(
    (await tx.select().from(ewayBills).where(eq(ewayBills.shopId, shopId))).map((row) => [row.invoiceId, row]),
  );
  const rows: EwbListRow[] = [];
  for (const invoice of sold) {
    const parsed = storedSale.safeParse(invoice.payload);
    if (!parsed.success) continue;
    const sale = parsed.data;
    const need = needOf(sale, sellerOf(sale, shop).stateCode);
    if (need.needed === false) continue;
    const row = made.get(invoice.id);
    rows.push({
      invoiceId: invoice.id,
      number: sale.invoice.number,
      date: invoice.date,
      partyName: sale.invoice.partyName,
      placeOfSupply: sale.invoice.placeOfSupply,
      valuePaise: need.valuePaise,
      limitPaise: need.limitPaise,
      need: need.needed === true ? 'yes' : 'check',
      status: row?.status ?? 'none',
      ewbNo: row?.ewbNo ?? null,
      validUntil: row?.validUntil?.toISOString() ?? null,
    });
  }
  return rows;
}

export async function ewayBillDetail(ctx: EwbContext, invoiceId: string): Promise<EwbDetail> {
  const { tx, shopId } = ctx;
  const [{ sale, date }, shop, row] = await Promise.all([
    saleOf(tx, shopId, invoiceId),
    shopRecord(tx, shopId),
    rowOf(tx, shopId, invoiceId),
  ]);
  const seller = sellerOf(sale, shop);
  const need = needOf(sale, seller.stateCode);
  const transport = (row?.transport ?? null) as Record<string, unknown> | null;
  return {
    invoiceId,
    number: sale.invoice.number,
    date,
    partyName: sale.invoice.partyName,
    partyGstin: sale.invoice.partyGstin,
    fromStateCode: seller.stateCode,
    toStateCode: sale.invoice.placeOfSupply,
    valuePaise: need.valuePaise,
    limitPaise: need.limitPaise,
    need: need.needed === true ? 'yes' : need.needed === 'check' ? 'check' : 'no',
    status: row?.status ?? 'none',
    transport,
    ewbNo: row?.ewbNo ?? null,
    generatedAt: row?.generatedAt?.toISOString() ?? null,
    validUntil: row?.validUntil?.toISOString() ?? null,
    vehicleNo: typeof transport?.vehicleNo === 'string' ? transport.vehicleNo : '',
    cancellableUntil: row?.generatedAt ? cancellableUntil(row.generatedAt).toISOString() : null,
    cancelledAt: row?.cancelledAt?.toISOString() ?? null,
    vehicleUpdates: z.array(vehicleUpdate).parse(row?.vehicleUpdates ?? []),
    apiConfigured: ctx.config.ewayBillApi !== null,
  };
}

/** The bill in the portal's fields, or the reason it cannot be one, said at the field the owner must fix. */
function billFor(sale: StoredSale, seller: ReturnType<typeof sellerOf>, transport: EwbTransport) {
  if (!isValidGstin(seller.gstin))
    throw new Invalid({ key: 'ewbShopGstin' }, [shopDetail('shop', { key: 'ewbShopGstin' })]);
  const gstin = sale.invoice.partyGstin;
  if (gstin && !isValidGstin(gstin)) {
    const problem = { key: 'ewbBuyerGstin', params: { gstin } } as const;
    throw new Invalid(problem, [shopDetail('toGstin', problem)]);
  }
  const missing = sale.lines.find((line) => !/^[0-9]{4,8}$/.test(line.hsn));
  if (missing) {
    const problem = { key: 'ewbNoHsn', params: { item: missing.name } } as const;
    throw new Invalid(problem, [shopDetail('hsn', problem)]);
  }
  const source: EwbInvoice = {
    seller,
    invoice: sale.invoice,
    toAddress: sale.supply?.deliveryAddress || sale.supply?.recipientAddress || '',
    billOfSupply: sale.supply?.billOfSupply ?? false,
    lines: sale.lines,
  };
  return ewbBill(source, transport);
}

async function prepared(ctx: EwbContext, invoiceId: string, entered: unknown) {
  const transport = ewbTransportInput.parse(entered);
  const [{ sale }, shop, row] = await Promise.all([
    saleOf(ctx.tx, ctx.shopId, invoiceId),
    shopRecord(ctx.tx, ctx.shopId),
    rowOf(ctx.tx, ctx.shopId, invoiceId),
  ]);
  if (row?.status === 'active') throw new Conflict({ key: 'ewbAlreadyMade', params: { number: row.ewbNo ?? '' } });
  const seller = sellerOf(sale, shop);
  const need = needOf(sale, seller.stateCode);
  if (need.needed === false)
    throw new Invalid({
      key: 'ewbNotNeeded',
      params: { value: formatRupees(need.valuePaise), limit: formatRupees(need.limitPaise) },
    });
  return { transport, sale, seller, bill: billFor(sale, seller, transport) };
}

/** Keeps the movement as a draft and gives the portal's bulk-upload file for it. */
export async function ewayBillBulkFile(ctx: EwbContext, invoiceId: string, entered: unknown): Promise<ReportFile> {
  const { transport, bill } = await prepared(ctx, invoiceId, entered);
  const now = ctx.clock();
  await ctx.tx
    .insert(ewayBills)
    .values({ shopId: ctx.shopId, invoiceId, status: 'draft', transport, updatedAt: now })
    .onConflictDoUpdate({
      target: [ewayBills.shopId, ewayBills.invoiceId],
      set: { status: 'draft', transport, updatedAt: now },
    });
  const json = JSON.stringify(ewbBulkJson([bill]), null, 2);
  return {
    filename: `EWB_${bill.docNo.replace(/\//g, '-')}.json`,
    contentType: 'application/json',
    base64: Buffer.from(json).toString('base64'),
  };
}

function portalOf(ctx: EwbContext) {
  if (!ctx.config.ewayBillApi) throw new Conflict({ key: 'ewbPortalNotSet' });
  return ewbPortal(ctx.config.ewayBillApi);
}

/** Makes the e-way bill through the API and stores its number and validity with the movement, in one write. */
export async function generateEwayBill(ctx: EwbContext, invoiceId: string, entered: unknown): Promise<EwbDetail> {
  const { transport, seller, bill } = await prepared(ctx, invoiceId, entered);
  const portal = portalOf(ctx);
  let made;
  try {
    made = await portal.generate(seller.gstin, ewbApiRequest(bill));
  } catch (error) {
    // The portal already has one for this document (an earlier answer lost on the way): take that one.
    const already =
      error instanceof PortalRefused && error.codes.includes('604')
        ? await portal.byDocument(seller.gstin, bill.docType, bill.docNo)
        : null;
    if (!already) throw error;
    made = already;
  }
  const generatedAt = portalTime(made.ewayBillDate);
  const until = portalTime(made.validUpto);
  const expected = validUntil(generatedAt, transport.distanceKm, transport.overDimensional);
  // Rule 138(10) as Galla reads it; the portal's own date is the one that counts, a gap is logged for a person to see.
  if (Math.abs(until.getTime() - expected.getTime()) > 60_000)
    ctx.log.warn(
      { ewbNo: made.ewayBillNo, portal: until, rule: expected },
      'e-way bill validity differs from Rule 138(10)',
    );
  const values = {
    status: 'active' as const,
    transport,
    ewbNo: made.ewayBillNo,
    generatedAt,
    validUntil: until,
    vehicleUpdates: [],
    cancelledAt: null,
    cancelReason: null,
    updatedAt: ctx.clock(),
  };
  await ctx.tx
    .insert(ewayBills)
    .values({ shopId: ctx.shopId, invoiceId, ...values })
    .onConflictDoUpdate({ target: [ewayBills.shopId, ewayBills.invoiceId], set: values });
  return ewayBillDetail(ctx, invoiceId);
}

async function activeRow(ctx: EwbContext, invoiceId: string) {
  const row = await rowOf(ctx.tx, ctx.shopId, invoiceId);
  if (!row || row.status === 'draft' || !row.ewbNo) throw new Conflict({ key: 'ewbNotMade' });
  if (row.status === 'cancelled') throw new Conflict({ key: 'ewbCancelled', params: { number: row.ewbNo } });
  return { ...row, ewbNo: row.ewbNo };
}

const REASON_CODES = { breakdown: '1', transhipment: '2', others: '3', 'first-time': '4' } as const;

/** Part B: the goods move on in another vehicle (while the e-way bill is valid). */
export async function updateEwayBillVehicle(
  ctx: EwbContext,
  input: { invoiceId: string; vehicleNo: string; reason: keyof typeof REASON_CODES; fromPlace: string },
): Promise<EwbDetail> {
  const row = await activeRow(ctx, input.invoiceId);
  const now = ctx.clock();
  if (row.validUntil && now > row.validUntil) throw new Conflict({ key: 'ewbExpired', params: { number: row.ewbNo } });
  const { sale } = await saleOf(ctx.tx, ctx.shopId, input.invoiceId);
  const seller = sellerOf(sale, await shopRecord(ctx.tx, ctx.shopId));
  const transport = ewbTransportInput.parse({ ...(row.transport as object), vehicleNo: input.vehicleNo });
  const answer = await portalOf(ctx).updateVehicle(seller.gstin, {
    ewbNo: Number(row.ewbNo),
    vehicleNo: input.vehicleNo,
    fromPlace: input.fromPlace,
    fromState: Number(seller.stateCode),
    reasonCode: REASON_CODES[input.reason],
    reasonRem: input.reason,
    transDocNo: '',
    transDocDate: '',
    transMode: '1',
    vehicleType: transport.overDimensional ? 'O' : 'R',
  });
  const updates = [
    ...z.array(vehicleUpdate).parse(row.vehicleUpdates),
    {
      vehicleNo: input.vehicleNo,
      reason: input.reason,
      fromPlace: input.fromPlace,
      at: portalTime(answer.vehUpdDate).toISOString(),
    },
  ];
  await ctx.tx
    .update(ewayBills)
    .set({ transport, vehicleUpdates: updates, validUntil: portalTime(answer.validUpto), updatedAt: now })
    .where(and(eq(ewayBills.shopId, ctx.shopId), eq(ewayBills.invoiceId, input.invoiceId)));
  return ewayBillDetail(ctx, input.invoiceId);
}

const CANCEL_CODES = { duplicate: 1, 'order-cancelled': 2, 'data-entry-mistake': 3, others: 4 } as const;

/** Rule 138(9): cancelled on the portal within 24 hours of being made. */
export async function cancelEwayBill(
  ctx: EwbContext,
  input: { invoiceId: string; reason: keyof typeof CANCEL_CODES; remark: string },
): Promise<EwbDetail> {
  const row = await activeRow(ctx, input.invoiceId);
  const now = ctx.clock();
  if (row.generatedAt && now > cancellableUntil(row.generatedAt))
    throw new Conflict({ key: 'ewbCancelWindow', params: { number: row.ewbNo } });
  const { sale } = await saleOf(ctx.tx, ctx.shopId, input.invoiceId);
  const seller = sellerOf(sale, await shopRecord(ctx.tx, ctx.shopId));
  const answer = await portalOf(ctx).cancel(seller.gstin, {
    ewbNo: Number(row.ewbNo),
    cancelRsnCode: CANCEL_CODES[input.reason],
    cancelRmrk: input.remark || input.reason,
  });
  await ctx.tx
    .update(ewayBills)
    .set({
      status: 'cancelled',
      cancelledAt: portalTime(answer.cancelDate),
      cancelReason: input.reason,
      updatedAt: now,
    })
    .where(and(eq(ewayBills.shopId, ctx.shopId), eq(ewayBills.invoiceId, input.invoiceId)));
  return ewayBillDetail(ctx, input.invoiceId);
}

/** What the invoice PDF prints: the live e-way bill's number and validity, if one is made. */
export async function ewayBillOnInvoice(
  tx: ServerDb,
  shopId: string,
  invoiceId: string,
): Promise<{ ewbNo: string; generatedAt: Date; validUntil: Date } | null> {
  const row = await rowOf(tx, shopId, invoiceId);
  if (row?.status !== 'active' || !row.ewbNo || !row.generatedAt || !row.validUntil) return null;
  return { ewbNo: row.ewbNo, generatedAt: row.generatedAt, validUntil: row.validUntil };
}
