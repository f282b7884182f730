// Writes vouchers as one Tally "Import Data" envelope, the XML TallyPrime and Tally.ERP 9 import through Gateway of
// Tally → Import → Transactions, or over their HTTP port. The envelope, the Vouchers report and the voucher's tags
// (VOUCHERTYPENAME, DATE as YYYYMMDD, PARTYLEDGERNAME, ALLLEDGERENTRIES.LIST with LEDGERNAME, ISDEEMEDPOSITIVE and
// AMOUNT, a debit negative) follow Tally's developer reference, "Case Study I – XML Request and Response Formats":
// https://help.tallysolutions.com/developer-reference/integration-capabilities/case-study-1/
import { XMLBuilder } from 'fast-xml-parser';
import type { TallyVoucher } from '../../src-shared/tally/vouchers';
import { rupeesText } from '../reports/export';

const tallyDate = (isoDate: string) => isoDate.replaceAll('-', '');

function voucherElement(voucher: TallyVoucher) {
  return {
    '@_VCHTYPE': voucher.type,
    '@_ACTION': 'Create',
    '@_OBJVIEW': 'Accounting Voucher View',
    DATE: tallyDate(voucher.date),
    VOUCHERTYPENAME: voucher.type,
    VOUCHERNUMBER: voucher.number,
    ...(voucher.reference ? { REFERENCE: voucher.reference } : {}),
    ...(voucher.referenceDate ? { REFERENCEDATE: tallyDate(voucher.referenceDate) } : {}),
    PARTYLEDGERNAME: voucher.party,
    ...(voucher.partyGstin ? { PARTYGSTIN: voucher.partyGstin } : {}),
    NARRATION: voucher.narration,
    PERSISTEDVIEW: 'Accounting Voucher View',
    'ALLLEDGERENTRIES.LIST': voucher.entries.map((entry) => ({
      LEDGERNAME: entry.ledger,
      // Tally reads a debit as a "deemed positive" entry with a negative amount.
      ISDEEMEDPOSITIVE: entry.amountPaise < 0 ? 'Yes' : 'No',
      ISPARTYLEDGER: entry.ledger === voucher.party ? 'Yes' : 'No',
      AMOUNT: rupeesText(entry.amountPaise),
    })),
  };
}

/** The envelope, one TALLYMESSAGE per voucher, UTF-8; names and numbers are escaped by the builder. */
export function tallyXml(vouchers: TallyVoucher[]): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: ' ',
    processEntities: true,
  });
  const body = builder.build({
    ENVELOPE: {
      HEADER: { TALLYREQUEST: 'Import Data' },
      BODY: {
        IMPORTDATA: {
          REQUESTDESC: { REPORTNAME: 'Vouchers' },
          REQUESTDATA: {
            TALLYMESSAGE: vouchers.map((voucher) => ({
              '@_xmlns:UDF': 'TallyUDF',
              VOUCHER: voucherElement(voucher),
            })),
          },
        },
      },
    },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
