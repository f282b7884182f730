// The Tally export's contracts: the shop's ledger mapping (which Tally ledger each account of Galla's books posts to,
// per GST rate where the account has one) and the date range an export covers.
import { z } from 'zod';
import { GST_RATES_BP } from '../gst/rates';
import { shopText, type ShopMessage } from '../shop-messages';
import { isoDate, NUL_MESSAGE, withoutNul } from './common';

/** Accounts kept per GST rate: a line at 18 % posts to "Sales 18 %", its CGST to "Output CGST 9 %". */
export const TALLY_RATE_ACCOUNTS = [
  'sales',
  'outputCgst',
  'outputSgst',
  'outputIgst',
  'purchase',
  'inputCgst',
  'inputSgst',
  'inputIgst',
] as const;

/** Accounts with one ledger whatever the rate: money by mode, round off, freight, cess, the walk-in customer. */
export const TALLY_FIXED_ACCOUNTS = [
  'cash',
  'upi',
  'card',
  'bank',
  'cheque',
  'roundOff',
  'freight',
  'outputCess',
  'inputCess',
  'walkIn',
] as const;

export type TallyRateAccount = (typeof TALLY_RATE_ACCOUNTS)[number];
export type TallyFixedAccount = (typeof TALLY_FIXED_ACCOUNTS)[number];
export type TallyAccount = TallyRateAccount | TallyFixedAccount;

const RATE_ACCOUNT_NAMES: Record<TallyRateAccount, string> = {
  sales: 'Sales',
  outputCgst: 'Output CGST',
  outputSgst: 'Output SGST',
  outputIgst: 'Output IGST',
  purchase: 'Purchase',
  inputCgst: 'Input CGST',
  inputSgst: 'Input SGST',
  inputIgst: 'Input IGST',
};

const FIXED_ACCOUNT_NAMES: Record<TallyFixedAccount, string> = {
  cash: 'Cash',
  upi: 'UPI receipts and payments',
  card: 'Card receipts',
  bank: 'Bank transfers',
  cheque: 'Cheques',
  roundOff: 'Round off',
  freight: 'Freight inward',
  outputCess: 'Output cess',
  inputCess: 'Input cess',
  walkIn: 'Walk-in customers (bills without a customer)',
};

const isRateAccount = (account: TallyAccount): account is TallyRateAccount =>
  (TALLY_RATE_ACCOUNTS as readonly string[]).includes(account);

/** CGST and SGST are each half the line's GST rate; the ledger is named by that half. */
const halves = (account: TallyRateAccount) => /[CS]gst$/.test(account);

/** 1800 → "18 %", 250 → "2.5 %", 25 → "0.25 %". */
export function percentText(rateBp: number): string {
  return `${String(rateBp / 100)} %`;
}

/** "Sales 18 %", "Output CGST 9 %" (for lines at 18 %), "Cash". */
export function tallyAccountLabel(account: TallyAccount, rateBp: number | null): string {
  if (!isRateAccount(account)) return FIXED_ACCOUNT_NAMES[account];
  const shown = halves(account) ? (rateBp ?? 0) / 2 : (rateBp ?? 0);
  return `${RATE_ACCOUNT_NAMES[account]} ${percentText(shown)}`;
}

const ledgerName = z
  .string()
  .trim()
  .max(100, 'A Tally ledger name has at most 100 characters')
  .refine(withoutNul, NUL_MESSAGE)
  .refine((name) => !/[<>]/.test(name), 'A Tally ledger name cannot contain < or >');

export const tallyLedgerRow = z
  .object({
    account: z.enum([...TALLY_RATE_ACCOUNTS, ...TALLY_FIXED_ACCOUNTS]),
    /** The GST rate of the lines it takes (basis points); null for the fixed accounts. */
    rateBp: z.number().int().min(0).max(10_000).nullable(),
    /** The ledger's name exactly as in the company in Tally; empty when not yet chosen. */
    ledger: ledgerName,
  })
  .refine((row) => isRateAccount(row.account) === (row.rateBp !== null), {
    message: 'A rate goes with Sales, Purchase and the GST ledgers only',
    path: ['rateBp'],
  });

export const tallyLedgerMap = z.object({ rows: z.array(tallyLedgerRow).max(300) }).strict();

export type TallyLedgerRow = z.infer<typeof tallyLedgerRow>;
export type TallyLedgerMap = z.infer<typeof tallyLedgerMap>;

/** Tally's own default ledger names, as an accountant sets up a GST company (the owner edits them to match theirs). */
function defaultLedger(account: TallyAccount, rateBp: number | null): string {
  if (isRateAccount(account)) return tallyAccountLabel(account, rateBp).replace(' %', '%');
  const names: Record<TallyFixedAccount, string> = {
    cash: 'Cash',
    upi: 'Bank Account',
    card: 'Bank Account',
    bank: 'Bank Account',
    cheque: 'Bank Account',
    roundOff: 'Round Off',
    freight: 'Freight Inward',
    outputCess: 'Output Cess',
    inputCess: 'Input Cess',
    walkIn: 'Cash',
  };
  return names[account];
}

/** Every account at every slab Galla accepts (src-shared/gst/rates.ts); at 0 % only Sales and Purchase carry money. */
export function defaultTallyLedgers(): TallyLedgerRow[] {
  const rows: TallyLedgerRow[] = [];
  for (const account of TALLY_RATE_ACCOUNTS)
    for (const rateBp of GST_RATES_BP) {
      if (rateBp === 0 && account !== 'sales' && account !== 'purchase') continue;
      rows.push({ account, rateBp, ledger: defaultLedger(account, rateBp) });
    }
  for (const account of TALLY_FIXED_ACCOUNTS)
    rows.push({ account, rateBp: null, ledger: defaultLedger(account, null) });
  return rows;
}

const rowKey = (row: Pick<TallyLedgerRow, 'account' | 'rateBp'>) => `${row.account}@${row.rateBp ?? ''}`;

/** The saved rows over the defaults: a saved row (even one left empty) wins, a default the shop never saw is added. */
export function mergeTallyLedgers(saved: TallyLedgerRow[]): TallyLedgerRow[] {
  const byKey = new Map(defaultTallyLedgers().map((row) => [rowKey(row), row]));
  for (const row of saved) byKey.set(rowKey(row), row);
  return [...byKey.values()];
}

/** The ledger for an account (at a rate), or null when the shop has none for it. */
export function ledgerFor(rows: TallyLedgerRow[], account: TallyAccount, rateBp: number | null): string | null {
  const row = rows.find((candidate) => rowKey(candidate) === rowKey({ account, rateBp }));
  return row?.ledger.trim() ? row.ledger.trim() : null;
}

/** The first day of GST in India. */
const GST_BEGAN = '2017-07-01';

/** A year and a day: one financial year (leap years included) is what an accountant imports at once. */
export const TALLY_MAX_RANGE_DAYS = 366;

/** What is wrong with a range for a Tally export, said beside the To box; null when it may be exported. */
export function tallyRangeProblem(range: { from: string; to: string }): ShopMessage | null {
  // GST (and so every voucher Galla writes) began on 1 July 2017 (CGST Act 2017, Notification 9/2017-CT); a year 0000
  // date, which ISO allows, would reach the database as a date PostgreSQL cannot hold.
  if (range.from < GST_BEGAN) return { key: 'tallyRangeBeforeGst' };
  if (range.to < range.from) return { key: 'tallyRangeBackwards' };
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
  if (days + 1 > TALLY_MAX_RANGE_DAYS) return { key: 'tallyRangeTooLong', params: { days: TALLY_MAX_RANGE_DAYS } };
  return null;
}

export const tallyExportInput = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .superRefine((range, context) => {
    const problem = tallyRangeProblem(range);
    const path = problem?.key === 'tallyRangeBeforeGst' ? ['from'] : ['to'];
    if (problem) context.addIssue({ code: 'custom', path, message: shopText(problem.key, problem.params) });
  });

export type TallyExportInput = z.infer<typeof tallyExportInput>;
