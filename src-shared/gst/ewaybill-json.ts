// A sale's e-way bill as the portal reads it: Part A from the invoice and the movement, Part B's vehicle, in the
// e-way bill system's bulk-upload JSON and as the body of the NIC API's GENEWAYBILL.
//
// Field names and codes from NIC's published formats: the e-way bill portal's "Bulk Generation Tools" JSON
// (docs.ewaybillgst.gov.in → Tools → "e-Way Bill JSON Preparation" format, version 1.0.0621: "version" and "billLists"
// of bills with userGstin, supplyType O/I, subSupplyType 1 = supply, docType INV/BIL, docDate dd/mm/yyyy, state codes
// as numbers, transType 1 = regular, transMode 1 road / 2 rail / 3 air / 4 ship, vehicleType R regular / O
// over-dimensional, itemList with hsnCode, qtyUnit from the UQC list and rates in per cent) and the e-way bill API
// (docs.ewaybillgst.gov.in → API → "Generate e-Way Bill", action GENEWAYBILL: the same bill without userGstin, with
// transMode and transDistance as strings).
import { shopDate } from '../shop-time';
import { TRANSPORT_MODES, ewbPartA, type EwbTransport } from './ewaybill';

/** The bulk format's version the portal's tool accepts. */
export const EWB_BULK_VERSION = '1.0.0621';

/** Galla's units as the portal's Unique Quantity Codes (the same mapping as the GSTR-1's HSN table). */
const UQC: Record<string, string> = { pcs: 'NOS', kg: 'KGS', l: 'LTR', m: 'MTR' };

export interface EwbInvoice {
  seller: { name: string; address: string; gstin: string; stateCode: string };
  invoice: {
    number: string;
    createdAt: string;
    partyName: string;
    partyGstin: string | null;
    placeOfSupply: string;
    interState: boolean;
    taxablePaise: number;
    cgstPaise: number;
    sgstPaise: number;
    igstPaise: number;
    cessPaise: number;
    totalPaise: number;
  };
  /** Rule 46's delivery address (or the buyer's) for the "to" address; '' when none. */
  toAddress: string;
  billOfSupply: boolean;
  lines: {
    name: string;
    hsn: string;
    unit: string;
    qtyMilli: number;
    taxablePaise: number;
    gstRateBp: number;
    cessRateBp: number;
  }[];
}

const rupees = (paise: number) => Math.round(paise) / 100;
const percent = (bp: number) => bp / 100;

/** Part A as zod checks it (src-shared/gst/ewaybill.ts): throws a ZodError naming the field that is wrong. */
export function ewbPartAOf(source: EwbInvoice, transport: EwbTransport) {
  const { invoice } = source;
  return ewbPartA.parse({
    supplyType: 'O',
    docType: source.billOfSupply ? 'BIL' : 'INV',
    docNo: invoice.number,
    docDate: shopDate(invoice.createdAt).replaceAll('-', '/'),
    fromGstin: source.seller.gstin,
    toGstin: invoice.partyGstin ?? 'URP',
    fromPincode: transport.fromPincode,
    toPincode: transport.toPincode,
    lines: source.lines.map((line) => ({
      hsn: line.hsn,
      taxablePaise: line.taxablePaise,
      gstRateBp: line.gstRateBp,
      cessRateBp: line.cessRateBp,
    })),
    taxablePaise: invoice.taxablePaise,
    cgstPaise: invoice.cgstPaise,
    sgstPaise: invoice.sgstPaise,
    igstPaise: invoice.igstPaise,
    cessPaise: invoice.cessPaise,
    transportMode: transport.transportMode,
    distanceKm: transport.distanceKm,
    transporterId: transport.transporterId,
  });
}

/** One bill of the bulk file (and, with API string fields, the GENEWAYBILL body). */
export function ewbBill(source: EwbInvoice, transport: EwbTransport) {
  const partA = ewbPartAOf(source, transport);
  const { invoice, seller } = source;
  const fromState = Number(seller.stateCode);
  const toState = Number(invoice.placeOfSupply);
  // A second address line only when the first would run past the portal's 120 characters.
  const line = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 120);
  return {
    userGstin: partA.fromGstin,
    supplyType: partA.supplyType,
    subSupplyType: 1,
    subSupplyDesc: '',
    docType: partA.docType,
    docNo: partA.docNo,
    docDate: partA.docDate,
    fromGstin: partA.fromGstin,
    fromTrdName: seller.name.slice(0, 100),
    fromAddr1: line(seller.address),
    fromAddr2: '',
    fromPlace: '',
    fromPincode: Number(partA.fromPincode),
    fromStateCode: fromState,
    actFromStateCode: fromState,
    toGstin: partA.toGstin,
    toTrdName: invoice.partyName.slice(0, 100),
    toAddr1: line(source.toAddress),
    toAddr2: '',
    toPlace: '',
    toPincode: Number(partA.toPincode),
    toStateCode: toState,
    actToStateCode: toState,
    transType: 1,
    totalValue: rupees(partA.taxablePaise),
    cgstValue: rupees(partA.cgstPaise),
    sgstValue: rupees(partA.sgstPaise),
    igstValue: rupees(partA.igstPaise),
    cessValue: rupees(partA.cessPaise),
    cessNonAdvolValue: 0,
    otherValue: rupees(
      invoice.totalPaise - partA.taxablePaise - partA.cgstPaise - partA.sgstPaise - partA.igstPaise - partA.cessPaise,
    ),
    totInvValue: rupees(invoice.totalPaise),
    transMode: TRANSPORT_MODES[partA.transportMode],
    transDistance: partA.distanceKm,
    transporterId: partA.transporterId,
    transporterName: '',
    transDocNo: '',
    transDocDate: '',
    vehicleNo: transport.vehicleNo,
    vehicleType: transport.overDimensional ? 'O' : 'R',
    mainHsnCode: Number(mainHsn(source.lines)),
    itemList: source.lines.map((item, index) => ({
      itemNo: index + 1,
      productName: item.name.slice(0, 100),
      productDesc: item.name.slice(0, 100),
      hsnCode: Number(item.hsn),
      quantity: item.qtyMilli / 1000,
      qtyUnit: UQC[item.unit] ?? 'OTH',
      taxableAmount: rupees(item.taxablePaise),
      sgstRate: invoice.interState ? 0 : percent(item.gstRateBp) / 2,
      cgstRate: invoice.interState ? 0 : percent(item.gstRateBp) / 2,
      igstRate: invoice.interState ? percent(item.gstRateBp) : 0,
      cessRate: percent(item.cessRateBp),
      cessNonAdvol: 0,
    })),
  };
}
export type EwbBill = ReturnType<typeof ewbBill>;

/** The HSN of the largest taxable value, which the portal asks for as the consignment's main HSN. */
function mainHsn(lines: EwbInvoice['lines']): string {
  return [...lines].sort((a, b) => b.taxablePaise - a.taxablePaise)[0]!.hsn;
}

/** The file to upload on the portal (e-Way Bill → Bulk Generation). */
export function ewbBulkJson(bills: EwbBill[]) {
  return { version: EWB_BULK_VERSION, billLists: bills };
}

/** GENEWAYBILL's body: the bill without userGstin, transport mode and distance as the API's strings. */
export function ewbApiRequest(bill: EwbBill) {
  const { userGstin: _user, ...rest } = bill;
  return { ...rest, transMode: String(bill.transMode), transDistance: String(bill.transDistance) };
}
