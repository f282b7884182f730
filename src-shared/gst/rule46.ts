// What a sale's document must say under GST: a tax invoice (CGST Rule 46) or a bill of supply (Rule 49), and when an
// unregistered buyer's address and the address of delivery must be on it.
//
// CGST Rules, 2017, Rule 46 (as amended by Notifications 17/2017, 74/2018, 31/2019, 33/2019-Central Tax; text at
// https://cbic-gst.gov.in/gst-acts.html → CGST Rules, and e.g. https://taxheal.com/rule-46-cgst-rules-2017.html).
// A tax invoice carries (the rule's own clause letters):
//   (a) name, address and GSTIN of the supplier;
//   (b) a consecutive serial number of at most 16 characters (letters, digits, "-" and "/"), unique for a financial year;
//   (c) date of its issue;
//   (d) name, address and GSTIN or UIN of the recipient, if registered;
//   (e) for an unregistered recipient and a taxable supply of ₹50,000 or more: name and address of the recipient and
//       the address of delivery, with the name of the State and its code;
//   (f) the same details below ₹50,000 when the unregistered recipient asks for them;
//   (g) HSN code of the goods;
//   (h) description of the goods;
//   (i) quantity and its unit (or Unique Quantity Code);
//   (j) total value of the supply;
//   (k) taxable value, taking any discount into account;
//   (l) rate of tax: central tax, State tax, integrated tax, Union territory tax or cess, each;
//   (m) amount of tax under each of those heads;
//   (n) place of supply with the name of the State, for an inter-State supply;
//   (o) address of delivery where it differs from the place of supply;
//   (p) whether the tax is payable on reverse charge;
//   (q) signature or digital signature of the supplier or an authorised representative.
//
// A registered person supplying exempt (including nil-rated, CGST Act s. 2(47)) goods, or paying tax under the
// composition levy of Section 10 CGST Act, issues a bill of supply instead (Section 31(3)(c)); Rule 49 lists its
// particulars (supplier, serial number, date, registered recipient, HSN, description, value after discount,
// signature), with Rule 46's provisos applying to it. A composition taxable person writes "composition taxable
// person, not eligible to collect tax on supplies" at the top of it (Rule 5(1)(g)). Rule 46A lets a bill that mixes
// taxable and exempt goods for an unregistered buyer be one "invoice-cum-bill of supply": such a bill prints as the
// tax invoice, its exempt lines at 0 %.
import { INDIAN_STATE_CODES } from './gstin';

/** Rule 46(e): ₹50,000, compared with the value of the taxable supply (the bill's taxable value), in paise. */
export const UNREGISTERED_ADDRESS_THRESHOLD_PAISE = 5_000_000;

export const TAX_SCHEMES = ['regular', 'composition'] as const;
export type TaxScheme = (typeof TAX_SCHEMES)[number];

/** The Rule 5(1)(g) words, at the top of a composition dealer's bill of supply. */
export const COMPOSITION_DECLARATION = 'Composition taxable person, not eligible to collect tax on supplies';
/** Why an exempt bill of a regular dealer carries no tax. */
export const EXEMPT_DECLARATION = 'Supply of exempt or nil-rated goods: no GST charged (Section 31(3)(c) CGST Act)';

/** What the counter records with a sale for its document: the kind, and the Rule 46(e)/(o) addresses. */
export interface InvoiceSupply {
  billOfSupply: boolean;
  composition: boolean;
  /** The buyer's address as it stood when the bill was made ('' when none was given). */
  recipientAddress: string;
  /** Where the goods go, in the place of supply's State; '' when the buyer takes them at the counter. */
  deliveryAddress: string;
}

export const NO_SUPPLY_DETAILS: InvoiceSupply = {
  billOfSupply: false,
  composition: false,
  recipientAddress: '',
  deliveryAddress: '',
};

/** A composition dealer never charges tax; a regular dealer's bill with no taxed line is a supply of exempt goods. */
export function isBillOfSupply(scheme: TaxScheme, lines: { gstRateBp: number; cessRateBp: number }[]): boolean {
  return scheme === 'composition' || lines.every((line) => line.gstRateBp === 0 && line.cessRateBp === 0);
}

/** Rule 46(e): an unregistered buyer of a taxable supply of ₹50,000 or more is named, with their and the delivery address. */
export function needsRecipientAddress(bill: { partyGstin: string | null; taxablePaise: number }): boolean {
  return !bill.partyGstin && bill.taxablePaise >= UNREGISTERED_ADDRESS_THRESHOLD_PAISE;
}

/** "Karnataka (29)": a State by name and code, as Rule 46(e) and (n) ask. */
export function stateNameAndCode(code: string): string {
  return `${INDIAN_STATE_CODES[code] ?? 'State'} (${code})`;
}
