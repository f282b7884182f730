// The e-invoice JSON Galla reports to the Invoice Registration Portal (IRP), built from a synced invoice or credit note.
//
// Field names and limits are those of the NIC e-invoice schema, version 1.1 (GST Council's e-invoice schema notified
// with Notification 60/2020-CT, published at https://einvoice1.gst.gov.in/Others/EinvoiceSchema and in the IRP API
// documentation at https://einv-apisandbox.nic.in → "e-Invoice API" → Generate IRN), the same keys the india-compliance
// app for ERPNext writes (india_compliance/gst_india/utils/e_invoice.py: TranDtls, DocDtls, SellerDtls, BuyerDtls,
// ItemList, ValDtls). Amounts are rupees with two decimals, made from integer paise (paise / 100 is exact to the paisa
// once printed, as JSON prints the shortest decimal that round-trips).
import { z } from 'zod';
import { Invalid } from '../errors';
import { isValidGstin } from './gstin';
import { invoiceLineOnPaper } from '../sync/payloads';

/** Above ₹5 crore aggregate turnover a business must e-invoice (Notification 17/2022-CT, from 1 October 2022). */
export const EINVOICE_TURNOVER_THRESHOLD_PAISE = 5 * 10_000_000 * 100;
/** Taxpayers with AATO of ₹10 crore or more report within 30 days of the document date (GSTN advisory, 13 Sep 2023). */
export const EINVOICE_REPORTING_DAYS = 30;
/** The IRP cancels an IRN only within 24 hours of its generation (e-invoice FAQ; Cancel IRN API). */
export const IRN_CANCEL_HOURS = 24;

/** IRP cancellation reasons (Cancel IRN API, CnlRsn): 1 duplicate, 2 data entry mistake, 3 order cancelled, 4 others. */
export const CANCEL_REASONS = { duplicate: '1', dataEntryMistake: '2', orderCancelled: '3', other: '4' } as const;

const paise = z.number().int();
const taxes = { taxablePaise: paise, cgstPaise: paise, sgstPaise: paise, igstPaise: paise, cessPaise: paise };

/** What the builder reads from a synced invoice's payload (the counter's row, lines, seller and supply details). */
export const einvoiceInvoiceSource = z.looseObject({
  invoice: z.looseObject({
    id: z.string(),
    number: z.string(),
    businessDate: z.iso.date(),
    partyName: z.string(),
    partyGstin: z.string().nullable(),
    placeOfSupply: z.string(),
    interState: z.boolean(),
    ...taxes,
    roundOffPaise: paise,
    totalPaise: paise,
  }),
  lines: z.array(invoiceLineOnPaper.extend({ id: z.string() })),
  seller: z.looseObject({ name: z.string(), address: z.string(), gstin: z.string().nullable(), stateCode: z.string() }),
  supply: z.looseObject({ recipientAddress: z.string() }).optional(),
});
export type EinvoiceInvoiceSource = z.infer<typeof einvoiceInvoiceSource>;

/** What the builder reads from a synced credit note: its own number and date, and each returned line's share. */
export const einvoiceCreditNoteSource = z.looseObject({
  creditNote: z.looseObject({
    id: z.string(),
    number: z.string(),
    businessDate: z.iso.date(),
    ...taxes,
    roundOffPaise: paise.default(0),
    totalPaise: paise,
  }),
  lines: z.array(z.looseObject({ invoiceLineId: z.string(), qtyMilli: paise, ...taxes, totalPaise: paise })),
});
export type EinvoiceCreditNoteSource = z.infer<typeof einvoiceCreditNoteSource>;

export type EinvoiceDocType = 'INV' | 'CRN' | 'DBN';

export interface EinvoiceParty {
  Gstin: string;
  LglNm: string;
  Addr1: string;
  Loc: string;
  Pin: number;
  Stcd: string;
}

export interface EinvoiceItem {
  SlNo: string;
  PrdDesc: string;
  IsServc: 'Y' | 'N';
  HsnCd: string;
  Qty: number;
  Unit: string;
  UnitPrice: number;
  TotAmt: number;
  Discount: number;
  AssAmt: number;
  GstRt: number;
  IgstAmt: number;
  CgstAmt: number;
  SgstAmt: number;
  CesRt: number;
  CesAmt: number;
  TotItemVal: number;
}

export interface Einvoice {
  Version: '1.1';
  TranDtls: { TaxSch: 'GST'; SupTyp: 'B2B'; RegRev: 'N'; IgstOnIntra: 'N' };
  DocDtls: { Typ: EinvoiceDocType; No: string; Dt: string };
  SellerDtls: EinvoiceParty;
  BuyerDtls: EinvoiceParty & { Pos: string };
  ItemList: EinvoiceItem[];
  ValDtls: {
    AssVal: number;
    CgstVal: number;
    SgstVal: number;
    IgstVal: number;
    CesVal: number;
    RndOffAmt: number;
    TotInvVal: number;
  };
  RefDtls?: { PrecDocDtls: { InvNo: string; InvDt: string }[] };
}

/** The seller as the shop record has it: the legal name is the server's, the rest as the bill was made. */
export interface EinvoiceSeller {
  gstin: string;
  legalName: string;
}

const rupees = (amountPaise: number) => Math.round(amountPaise) / 100;
/** dd/mm/yyyy, the IRP's date format, from an ISO business date (already the shop's IST day). */
export const irpDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** The UQC the IRP's unit master expects for Galla's units (the GSTR-1 mapping, src-shared/gst/gstr1.ts). */
const UQC: Record<string, string> = { pcs: 'NOS', kg: 'KGS', l: 'LTR', m: 'MTR' };

/**
 * Splits a one-line shop address ("12 MG Road, Indiranagar, Bengaluru 560038") into the IRP's Addr1, Loc and Pin.
 * Hand-written because the address is free text: the PIN is its last six-digit run, the locality the part before it.
 */
export function splitAddress(address: string, field: 'seller' | 'buyer'): { Addr1: string; Loc: string; Pin: number } {
  const pins = [...address.matchAll(/(?<!\d)([1-9]\d{5})(?!\d)/g)];
  const pin = pins.at(-1);
  if (!pin) throw new Invalid({ key: field === 'seller' ? 'einvoiceSellerPin' : 'einvoiceBuyerPin' });
  const withoutPin = (address.slice(0, pin.index) + address.slice(pin.index + 6)).replace(/[\s,-]+$/u, '').trim();
  const parts = withoutPin
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const loc = (parts.at(-1) ?? '').padEnd(3, ' ').slice(0, 50);
  return { Addr1: (withoutPin || loc).slice(0, 100), Loc: loc.trim().length >= 3 ? loc : 'NA ', Pin: Number(pin[1]) };
}

function party(gstin: string, legalName: string, address: string, field: 'seller' | 'buyer'): EinvoiceParty {
  if (!isValidGstin(gstin))
    throw new Invalid({ key: field === 'seller' ? 'einvoiceSellerGstin' : 'einvoiceBuyerGstin', params: { gstin } });
  return { Gstin: gstin, LglNm: legalName.slice(0, 100), ...splitAddress(address, field), Stcd: gstin.slice(0, 2) };
}

type SourceLine = EinvoiceInvoiceSource['lines'][number];
type Share = Pick<SourceLine, 'qtyMilli' | 'taxablePaise' | 'cgstPaise' | 'sgstPaise' | 'igstPaise' | 'cessPaise'>;

/**
 * One line as the IRP's item: TotAmt is the gross (UnitPrice × Qty), Discount what came off it, AssAmt the taxable
 * value. A tax-inclusive price has no pre-tax unit price of its own, so its line reports the taxable value as its
 * gross (UnitPrice its per-unit share, to three decimals) with no discount, which keeps AssAmt = TotAmt − Discount.
 */
function item(slNo: number, line: SourceLine, share: Share & { totalPaise: number }, whole: boolean): EinvoiceItem {
  const qty = share.qtyMilli / 1000;
  const exclusive = whole && !line.priceIncludesTax;
  const grossPaise = exclusive ? line.grossPaise : share.taxablePaise;
  return {
    SlNo: String(slNo),
    PrdDesc: line.name.slice(0, 300),
    IsServc: line.hsn.startsWith('99') ? 'Y' : 'N',
    HsnCd: line.hsn,
    Qty: qty,
    Unit: UQC[line.unit] ?? 'OTH',
    UnitPrice: exclusive ? rupees(line.unitPricePaise) : Math.round((share.taxablePaise / 100 / qty) * 1000) / 1000,
    TotAmt: rupees(grossPaise),
    Discount: rupees(grossPaise - share.taxablePaise),
    AssAmt: rupees(share.taxablePaise),
    GstRt: line.gstRateBp / 100,
    IgstAmt: rupees(share.igstPaise),
    CgstAmt: rupees(share.cgstPaise),
    SgstAmt: rupees(share.sgstPaise),
    CesRt: line.cessRateBp / 100,
    CesAmt: rupees(share.cessPaise),
    TotItemVal: rupees(share.totalPaise),
  };
}

function values(doc: {
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  cessPaise: number;
  roundOffPaise: number;
  totalPaise: number;
}): Einvoice['ValDtls'] {
  return {
    AssVal: rupees(doc.taxablePaise),
    CgstVal: rupees(doc.cgstPaise),
    SgstVal: rupees(doc.sgstPaise),
    IgstVal: rupees(doc.igstPaise),
    CesVal: rupees(doc.cessPaise),
    RndOffAmt: rupees(doc.roundOffPaise),
    TotInvVal: rupees(doc.totalPaise),
  };
}

/** Whether a synced invoice is reported at all: a B2B sale names a buyer GSTIN (a B2C bill is not e-invoiced). */
export function isB2b(source: Pick<EinvoiceInvoiceSource, 'invoice'>): boolean {
  return Boolean(source.invoice.partyGstin);
}

/**
 * The e-invoice of a synced invoice, or of a credit note against it when one is given. A buyer GSTIN that fails its
 * check character, or an address with no PIN, is refused here, so nothing is sent.
 */
export function buildEinvoice(
  seller: EinvoiceSeller,
  source: EinvoiceInvoiceSource,
  creditNote?: EinvoiceCreditNoteSource,
): Einvoice {
  const { invoice } = source;
  if (!invoice.partyGstin) throw new Invalid({ key: 'einvoiceNotB2b' });
  const buyerGstin = invoice.partyGstin.trim().toUpperCase();
  const sellerDtls = party(seller.gstin, seller.legalName || source.seller.name, source.seller.address, 'seller');
  const buyerDtls = party(buyerGstin, invoice.partyName, source.supply?.recipientAddress ?? '', 'buyer');
  const header = (Typ: EinvoiceDocType, No: string, date: string) => ({
    Version: '1.1' as const,
    TranDtls: { TaxSch: 'GST' as const, SupTyp: 'B2B' as const, RegRev: 'N' as const, IgstOnIntra: 'N' as const },
    DocDtls: { Typ, No, Dt: irpDate(date) },
    SellerDtls: sellerDtls,
    BuyerDtls: { ...buyerDtls, Pos: invoice.placeOfSupply },
  });
  if (!creditNote)
    return {
      ...header('INV', invoice.number, invoice.businessDate),
      ItemList: source.lines.map((line, i) => item(i + 1, line, line, true)),
      ValDtls: values(invoice),
    };
  const byId = new Map(source.lines.map((line) => [line.id, line]));
  const items = creditNote.lines.map((share, i) => {
    const line = byId.get(share.invoiceLineId);
    if (!line) throw new Invalid(`Credit note ${creditNote.creditNote.number} names a line its invoice does not have.`);
    return item(i + 1, line, share, false);
  });
  return {
    ...header('CRN', creditNote.creditNote.number, creditNote.creditNote.businessDate),
    ItemList: items,
    ValDtls: values(creditNote.creditNote),
    RefDtls: { PrecDocDtls: [{ InvNo: invoice.number, InvDt: irpDate(invoice.businessDate) }] },
  };
}

/**
 * "02-12-2026 14:30" from the IRP's AckDt, which it writes as "yyyy-MM-dd HH:mm:ss" already in Indian time (Generate
 * IRN API response): only the order of the parts changes, so no time-zone arithmetic (a Date would shift it). Anything
 * else is shown as the IRP sent it.
 */
export function ackDateTime(ackDt: string | null): string {
  if (!ackDt) return '—';
  const parts = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(ackDt);
  return parts ? `${parts[3]}-${parts[2]}-${parts[1]} ${parts[4]}:${parts[5]}` : ackDt;
}
