// Galla's documents as Tally vouchers: which ledgers each sale, return, purchase, debit note, receipt and payment posts
// to, and how much, signed the way Tally's XML carries it (a debit is negative, a credit positive; see server/tally/xml.ts).
// Every voucher balances by construction: what no tax or goods ledger explains (rounding) goes to the Round off ledger.
import { Invalid } from '../errors';
import {
  ledgerFor,
  tallyAccountLabel,
  type TallyAccount,
  type TallyFixedAccount,
  type TallyLedgerRow,
} from '../contracts/tally';

export type TallyVoucherType = 'Sales' | 'Credit Note' | 'Purchase' | 'Debit Note' | 'Receipt' | 'Payment';

export interface TallyEntry {
  ledger: string;
  /** Tally's sign: debit negative, credit positive. */
  amountPaise: number;
}

export interface TallyVoucher {
  type: TallyVoucherType;
  /** YYYY-MM-DD, the business date of the document. */
  date: string;
  number: string;
  party: string;
  partyGstin: string | null;
  /** The supplier's own bill number and date, or the invoice a return reverses. */
  reference: string;
  referenceDate: string | null;
  narration: string;
  entries: TallyEntry[];
}

export interface TaxLine {
  gstRateBp: number;
  taxablePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  cessPaise: number;
}

export interface ModeAmount {
  mode: string;
  paise: number;
}

interface Party {
  /** null for a bill without a customer: the walk-in ledger takes it. */
  name: string | null;
  gstin: string | null;
}

export interface SaleDocument {
  number: string;
  date: string;
  party: Party;
  lines: TaxLine[];
  totalPaise: number;
  /** Money taken by mode, cash net of change; khata (and anything unpaid) is the party's. */
  taken: ModeAmount[];
}

export interface SaleReturnDocument extends SaleDocument {
  invoiceNumber: string;
  invoiceDate: string;
}

export interface PurchaseDocument {
  number: string;
  date: string;
  supplier: Party;
  supplierInvoiceNumber: string;
  supplierInvoiceDate: string;
  /** Under reverse charge the supplier charges no tax: the shop books it itself in Tally (a journal), not here. */
  reverseCharge: boolean;
  lines: TaxLine[];
  freightPaise: number;
  totalPaise: number;
  paid: ModeAmount[];
}

export interface PurchaseReturnDocument {
  number: string;
  date: string;
  supplier: Party;
  billNumber: string;
  billDate: string;
  reverseCharge: boolean;
  lines: TaxLine[];
  totalPaise: number;
}

export interface MoneyDocument {
  kind: 'receipt' | 'receiptReversal' | 'supplierPayment';
  number: string;
  date: string;
  party: Party;
  mode: string;
  amountPaise: number;
  note: string;
}

export interface TallyBooks {
  sales: SaleDocument[];
  saleReturns: SaleReturnDocument[];
  purchases: PurchaseDocument[];
  purchaseReturns: PurchaseReturnDocument[];
  money: MoneyDocument[];
}

const MODE_ACCOUNTS: Record<string, TallyFixedAccount> = {
  cash: 'cash',
  upi: 'upi',
  card: 'card',
  bank: 'bank',
  cheque: 'cheque',
};

/** Posts entries to the mapped ledgers, refusing (in shop language) a document whose account has no ledger. */
class Posting {
  private readonly byLedger = new Map<string, number>();
  constructor(
    private readonly rows: TallyLedgerRow[],
    private readonly document: string,
  ) {}

  ledger(account: TallyAccount, rateBp: number | null = null): string {
    const ledger = ledgerFor(this.rows, account, rateBp);
    if (ledger) return ledger;
    throw new Invalid({
      key: 'tallyLedgerMissing',
      params: { account: tallyAccountLabel(account, rateBp), document: this.document },
    });
  }

  modeLedger(mode: string): string {
    const account = MODE_ACCOUNTS[mode];
    if (!account) throw new Invalid({ key: 'tallyModeUnknown', params: { document: this.document, mode } });
    return this.ledger(account);
  }

  /** Adds to a ledger's side; entries to one ledger are netted, so a voucher names each ledger once. */
  post(ledger: string, amountPaise: number): void {
    if (amountPaise !== 0) this.byLedger.set(ledger, (this.byLedger.get(ledger) ?? 0) + amountPaise);
  }

  debit(ledger: string, paise: number): void {
    this.post(ledger, -paise);
  }

  credit(ledger: string, paise: number): void {
    this.post(ledger, paise);
  }

  /** A tax ledger only when the tax is there: a 0 % line needs no "Output CGST 0 %". */
  tax(side: 'debit' | 'credit', account: TallyAccount, rateBp: number, paise: number): void {
    if (paise !== 0) this[side](this.ledger(account, rateBp), paise);
  }

  /** Whatever is left unbalanced is rounding: it goes to the Round off ledger. */
  entries(): TallyEntry[] {
    const rest = [...this.byLedger.values()].reduce((sum, paise) => sum + paise, 0);
    if (rest !== 0) this.post(this.ledger('roundOff'), -rest);
    return [...this.byLedger]
      .filter(([, paise]) => paise !== 0)
      .map(([ledger, amountPaise]) => ({ ledger, amountPaise }))
      .sort((a, b) => a.amountPaise - b.amountPaise);
  }
}

/** Output (sales) or input (purchase) tax of the lines, by rate, to one side. */
function postLines(posting: Posting, lines: TaxLine[], side: 'debit' | 'credit', books: 'sales' | 'purchase') {
  const [goods, cgst, sgst, igst, cess] =
    books === 'sales'
      ? (['sales', 'outputCgst', 'outputSgst', 'outputIgst', 'outputCess'] as const)
      : (['purchase', 'inputCgst', 'inputSgst', 'inputIgst', 'inputCess'] as const);
  for (const line of lines) {
    posting[side](posting.ledger(goods, line.gstRateBp), line.taxablePaise);
    posting.tax(side, cgst, line.gstRateBp, line.cgstPaise);
    posting.tax(side, sgst, line.gstRateBp, line.sgstPaise);
    posting.tax(side, igst, line.gstRateBp, line.igstPaise);
    if (line.cessPaise !== 0) posting[side](posting.ledger(cess), line.cessPaise);
  }
}

const untaxed = (lines: TaxLine[]): TaxLine[] =>
  lines.map((line) => ({ ...line, cgstPaise: 0, sgstPaise: 0, igstPaise: 0, cessPaise: 0 }));

/**
 * Money settled on the document itself, each mode to its ledger on `side` (khata stays with the party), and the rest
 * of `totalPaise` to the party on the same side: what a customer or supplier still owes or is owed.
 */
function settle(
  posting: Posting,
  side: 'debit' | 'credit',
  party: string,
  totalPaise: number,
  money: ModeAmount[],
): void {
  let settled = 0;
  for (const { mode, paise } of money)
    if (mode !== 'khata' && paise !== 0) {
      posting[side](posting.modeLedger(mode), paise);
      settled += paise;
    }
  posting[side](party, totalPaise - settled);
}

function partyLedger(posting: Posting, party: Party): string {
  return party.name?.trim() ? party.name.trim() : posting.ledger('walkIn');
}

function saleVoucher(rows: TallyLedgerRow[], sale: SaleDocument): TallyVoucher {
  const posting = new Posting(rows, sale.number);
  const party = partyLedger(posting, sale.party);
  postLines(posting, sale.lines, 'credit', 'sales');
  settle(posting, 'debit', party, sale.totalPaise, sale.taken);
  return {
    type: 'Sales',
    date: sale.date,
    number: sale.number,
    party,
    partyGstin: sale.party.gstin,
    reference: '',
    referenceDate: null,
    narration: `Galla bill ${sale.number}`,
    entries: posting.entries(),
  };
}

function saleReturnVoucher(rows: TallyLedgerRow[], note: SaleReturnDocument): TallyVoucher {
  const posting = new Posting(rows, note.number);
  const party = partyLedger(posting, note.party);
  postLines(posting, note.lines, 'debit', 'sales');
  settle(posting, 'credit', party, note.totalPaise, note.taken);
  return {
    type: 'Credit Note',
    date: note.date,
    number: note.number,
    party,
    partyGstin: note.party.gstin,
    reference: note.invoiceNumber,
    referenceDate: note.invoiceDate,
    narration: `Return against bill ${note.invoiceNumber}`,
    entries: posting.entries(),
  };
}

function purchaseVoucher(rows: TallyLedgerRow[], bill: PurchaseDocument): TallyVoucher {
  const posting = new Posting(rows, bill.number);
  const supplier = partyLedger(posting, bill.supplier);
  postLines(posting, bill.reverseCharge ? untaxed(bill.lines) : bill.lines, 'debit', 'purchase');
  if (bill.freightPaise !== 0) posting.debit(posting.ledger('freight'), bill.freightPaise);
  settle(posting, 'credit', supplier, bill.totalPaise, bill.paid);
  return {
    type: 'Purchase',
    date: bill.date,
    number: bill.number,
    party: supplier,
    partyGstin: bill.supplier.gstin,
    reference: bill.supplierInvoiceNumber,
    referenceDate: bill.supplierInvoiceDate,
    narration: `Supplier bill ${bill.supplierInvoiceNumber}${bill.reverseCharge ? ' (reverse charge)' : ''}`,
    entries: posting.entries(),
  };
}

function purchaseReturnVoucher(rows: TallyLedgerRow[], note: PurchaseReturnDocument): TallyVoucher {
  const posting = new Posting(rows, note.number);
  const supplier = partyLedger(posting, note.supplier);
  postLines(posting, note.reverseCharge ? untaxed(note.lines) : note.lines, 'credit', 'purchase');
  posting.debit(supplier, note.totalPaise);
  return {
    type: 'Debit Note',
    date: note.date,
    number: note.number,
    party: supplier,
    partyGstin: note.supplier.gstin,
    reference: note.billNumber,
    referenceDate: note.billDate,
    narration: `Return to supplier against ${note.billNumber}`,
    entries: posting.entries(),
  };
}

/** A khata payment in (Receipt); a cancelled receipt's money back, or a payment to a supplier, out (Payment). */
function moneyVoucher(rows: TallyLedgerRow[], money: MoneyDocument): TallyVoucher {
  const posting = new Posting(rows, money.number);
  const party = partyLedger(posting, money.party);
  const inward = money.kind === 'receipt';
  const modeLedger = posting.modeLedger(money.mode);
  posting[inward ? 'debit' : 'credit'](modeLedger, money.amountPaise);
  posting[inward ? 'credit' : 'debit'](party, money.amountPaise);
  return {
    type: inward ? 'Receipt' : 'Payment',
    date: money.date,
    number: money.number,
    party,
    partyGstin: money.party.gstin,
    reference: '',
    referenceDate: null,
    narration: money.note,
    entries: posting.entries(),
  };
}

/** Every document of the range as a voucher, by date then number; refuses the whole export on a missing ledger. */
export function tallyVouchers(rows: TallyLedgerRow[], books: TallyBooks): TallyVoucher[] {
  const vouchers = [
    ...books.sales.map((sale) => saleVoucher(rows, sale)),
    ...books.saleReturns.map((note) => saleReturnVoucher(rows, note)),
    ...books.purchases.map((bill) => purchaseVoucher(rows, bill)),
    ...books.purchaseReturns.map((note) => purchaseReturnVoucher(rows, note)),
    ...books.money.map((money) => moneyVoucher(rows, money)),
  ];
  return vouchers.sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
}
