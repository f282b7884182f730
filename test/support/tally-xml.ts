// Reads a Tally vouchers file back as an accountant's Tally would see it: each voucher with its ledger entries in paise
// (Tally's sign: a debit negative), parsed by fast-xml-parser from the file as downloaded.
import { XMLParser } from 'fast-xml-parser';

export interface ReadEntry {
  ledger: string;
  deemedPositive: boolean;
  paise: number;
}

export interface ReadVoucher {
  type: string;
  vchType: string;
  date: string;
  number: string;
  party: string;
  partyGstin: string | null;
  reference: string | null;
  entries: ReadEntry[];
}

/** "-1,234.50" style amounts as Tally writes them, to paise by string arithmetic (no floating point). */
export function paiseOf(amount: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount.trim());
  if (!match) throw new Error(`not a Tally amount: ${amount}`);
  const [, sign, rupees, paise] = match;
  return (sign ? -1 : 1) * (Number(rupees) * 100 + Number(paise));
}

export function readTallyXml(xml: string): { request: string; report: string; vouchers: ReadVoucher[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (name) => name === 'TALLYMESSAGE' || name === 'ALLLEDGERENTRIES.LIST',
  });
  const parsed = parser.parse(xml) as {
    ENVELOPE: {
      HEADER: { TALLYREQUEST: string };
      BODY: {
        IMPORTDATA: {
          REQUESTDESC: { REPORTNAME: string };
          REQUESTDATA: { TALLYMESSAGE?: { VOUCHER: Record<string, unknown> }[] } | '';
        };
      };
    };
  };
  const data = parsed.ENVELOPE.BODY.IMPORTDATA;
  const messages = typeof data.REQUESTDATA === 'string' ? [] : (data.REQUESTDATA.TALLYMESSAGE ?? []);
  const vouchers = messages.map(({ VOUCHER: voucher }) => ({
    type: String(voucher.VOUCHERTYPENAME),
    vchType: String(voucher['@_VCHTYPE']),
    date: String(voucher.DATE),
    number: String(voucher.VOUCHERNUMBER),
    party: String(voucher.PARTYLEDGERNAME),
    partyGstin: voucher.PARTYGSTIN === undefined ? null : String(voucher.PARTYGSTIN),
    reference: voucher.REFERENCE === undefined ? null : String(voucher.REFERENCE),
    entries: (voucher['ALLLEDGERENTRIES.LIST'] as Record<string, string>[]).map((entry) => ({
      ledger: entry.LEDGERNAME!,
      deemedPositive: entry.ISDEEMEDPOSITIVE === 'Yes',
      paise: paiseOf(entry.AMOUNT!),
    })),
  }));
  return { request: parsed.ENVELOPE.HEADER.TALLYREQUEST, report: data.REQUESTDESC.REPORTNAME, vouchers };
}

/** A voucher's entries as { ledger: paise } (debits negative), for comparing with figures worked by hand. */
export const entriesOf = (voucher: ReadVoucher) =>
  Object.fromEntries(voucher.entries.map((entry) => [entry.ledger, entry.paise]));
