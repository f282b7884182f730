// What the GSTR-1 page shows of a month's return: each table of the form with its count and amounts, and Table 13's
// serial ranges, read from the same JSON the owner downloads.
import type { Gstr1Json } from '../../../src-shared/contracts/gstr1';

export interface Gstr1SectionRow {
  section: string;
  table: string;
  records: number;
  taxablePaise: number | null;
  taxPaise: number | null;
}

interface Amounts {
  txval: number;
  iamt: number;
  camt?: number;
  samt?: number;
  csamt: number;
}

const paise = (rupees: number) => Math.round(rupees * 100);

function row(section: string, table: string, records: number, amounts: Amounts[]): Gstr1SectionRow {
  return {
    section,
    table,
    records,
    taxablePaise: amounts.reduce((sum, each) => sum + paise(each.txval), 0),
    taxPaise: amounts.reduce(
      (sum, each) => sum + paise(each.iamt) + paise(each.camt ?? 0) + paise(each.samt ?? 0) + paise(each.csamt),
      0,
    ),
  };
}

export function gstr1Sections(json: Gstr1Json): Gstr1SectionRow[] {
  const b2b = json.b2b.flatMap((buyer) => buyer.inv);
  const b2cl = json.b2cl.flatMap((state) => state.inv);
  const cdnr = json.cdnr.flatMap((buyer) => buyer.nt);
  const itemsOf = (documents: { itms: { itm_det: Amounts }[] }[]) =>
    documents.flatMap((document) => document.itms.map((item) => item.itm_det));
  const hsn = json.hsn.data
    ? [row('HSN summary', '12', json.hsn.data.length, json.hsn.data)]
    : [
        row('HSN summary, B2B', '12', json.hsn.hsn_b2b?.length ?? 0, json.hsn.hsn_b2b ?? []),
        row('HSN summary, B2C', '12', json.hsn.hsn_b2c?.length ?? 0, json.hsn.hsn_b2c ?? []),
      ];
  const nilAmounts = json.nil.inv.map((each) => ({
    txval: each.nil_amt + each.expt_amt + each.ngsup_amt,
    iamt: 0,
    csamt: 0,
  }));
  const issued = json.doc_issue.doc_det.flatMap((kind) => kind.docs);
  return [
    row('B2B invoices', '4A', b2b.length, itemsOf(b2b)),
    row('B2C (Large) invoices', '5', b2cl.length, itemsOf(b2cl)),
    row('B2C (Others)', '7', json.b2cs.length, json.b2cs),
    row('Nil-rated supplies', '8', json.nil.inv.length, nilAmounts),
    row('Credit notes, registered (CDNR)', '9B', cdnr.length, itemsOf(cdnr)),
    row('Credit notes, unregistered (CDNUR)', '9B', json.cdnur.length, itemsOf(json.cdnur)),
    ...hsn,
    {
      section: 'Documents issued',
      table: '13',
      records: issued.reduce((sum, each) => sum + each.net_issue, 0),
      taxablePaise: null,
      taxPaise: null,
    },
  ];
}

const DOCUMENT_KINDS: Record<number, string> = { 1: 'Invoices for outward supply', 5: 'Credit notes' };

export function documentRanges(json: Gstr1Json) {
  return json.doc_issue.doc_det.flatMap((kind) =>
    kind.docs.map((range) => ({
      kind: DOCUMENT_KINDS[kind.doc_num] ?? `Document type ${kind.doc_num}`,
      from: range.from,
      to: range.to,
      totnum: range.totnum,
      cancel: range.cancel,
      netIssue: range.net_issue,
    })),
  );
}
