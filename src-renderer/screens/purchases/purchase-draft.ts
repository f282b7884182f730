// The supplier bill being entered, pure: what the manager types kept as text, read into the ledger's numbers (or the
// words to show beside each field), and kept in this browser's storage as it changes so a reload, a logout or a
// restart never loses it.
import { parseQuantity, parseRupees } from '../../../src-shared/money';
import { readShopDate, shopDate } from '../../../src-shared/shop-time';
import {
  MAX_SUPPLIER_INVOICE_NUMBER,
  financialYearOpened,
  supplierInvoiceDateProblem,
} from '../../../src-shared/contracts/purchases';
import { MAX_PURCHASE_RATE_PAISE } from '../../../src-shared/purchases/totals';
import { isGstRateBp } from '../../../src-shared/gst/rates';

export const PAY_MODES = ['cash', 'upi', 'bank', 'cheque'] as const;
export type PayMode = (typeof PAY_MODES)[number];

/** The item as the catalogue gave it: its GST rate, cess, HSN and last cost are what a new line starts from. */
export interface PurchaseItem {
  id: string;
  name: string;
  sku: string;
  unit: string;
  gstRateBp: number;
  cessRateBp: number;
  hsn: string;
  costPaise: number;
}

export interface PurchaseSupplier {
  id: string;
  name: string;
  stateCode: string | null;
  gstin: string | null;
}

export interface PurchaseDraftLine {
  key: string;
  item: PurchaseItem;
  qty: string;
  freeQty: string;
  rate: string;
  discount: string;
  gstRateBp: number;
  hsn: string;
}

export interface PurchaseDraft {
  /** The id the bill is finalised under: a retry after a lost answer never records it twice. */
  id: string;
  supplier: PurchaseSupplier | null;
  invoiceNumber: string;
  /** dd-mm-yyyy as typed. */
  invoiceDate: string;
  ratesIncludeTax: boolean;
  reverseCharge: boolean;
  freight: string;
  lines: PurchaseDraftLine[];
  selected: number;
  payMode: PayMode;
  payAmount: string;
  payReference: string;
  /** dd-mm-yyyy as typed; only for a cheque. */
  chequeDate: string;
  purchaseOrderId: string | null;
  /** The order's number, shown while its goods are being received. */
  purchaseOrderNumber?: string | null;
}

export type PurchaseDraftAction =
  | { type: 'supplier'; supplier: PurchaseSupplier | null }
  | {
      type: 'field';
      field: 'invoiceNumber' | 'invoiceDate' | 'freight' | 'payAmount' | 'payReference' | 'chequeDate';
      value: string;
    }
  | { type: 'flag'; field: 'ratesIncludeTax' | 'reverseCharge'; value: boolean }
  | { type: 'pay-mode'; mode: PayMode }
  | { type: 'add'; item: PurchaseItem; qty: string }
  | { type: 'line'; index: number; field: 'qty' | 'freeQty' | 'rate' | 'discount' | 'hsn'; value: string }
  | { type: 'line-gst'; index: number; gstRateBp: number }
  | { type: 'select'; index: number }
  | { type: 'remove'; index: number }
  | { type: 'reset'; id: string }
  | { type: 'load'; draft: PurchaseDraft };

export function emptyPurchaseDraft(id: string): PurchaseDraft {
  return {
    id,
    supplier: null,
    invoiceNumber: '',
    invoiceDate: '',
    ratesIncludeTax: false,
    reverseCharge: false,
    freight: '',
    lines: [],
    selected: -1,
    payMode: 'cash',
    payAmount: '',
    payReference: '',
    chequeDate: '',
    purchaseOrderId: null,
  };
}

/** Paise as the rupees a person types back ("59.5" → "59.50"); empty for nothing. */
export const rupeesText = (paise: number): string => (paise ? (paise / 100).toFixed(2) : '');

export function purchaseDraftReducer(draft: PurchaseDraft, action: PurchaseDraftAction): PurchaseDraft {
  switch (action.type) {
    case 'supplier':
      return { ...draft, supplier: action.supplier };
    case 'field':
      return { ...draft, [action.field]: action.value };
    case 'flag':
      return { ...draft, [action.field]: action.value };
    case 'pay-mode':
      return { ...draft, payMode: action.mode };
    case 'add': {
      const line: PurchaseDraftLine = {
        key: `${action.item.id}:${crypto.randomUUID()}`,
        item: action.item,
        qty: action.qty,
        freeQty: '',
        rate: rupeesText(action.item.costPaise),
        discount: '',
        gstRateBp: action.item.gstRateBp,
        hsn: action.item.hsn,
      };
      return { ...draft, lines: [...draft.lines, line], selected: draft.lines.length };
    }
    case 'line':
      return {
        ...draft,
        lines: draft.lines.map((line, index) =>
          index === action.index ? { ...line, [action.field]: action.value } : line,
        ),
      };
    case 'line-gst':
      return {
        ...draft,
        lines: draft.lines.map((line, index) =>
          index === action.index ? { ...line, gstRateBp: action.gstRateBp } : line,
        ),
      };
    case 'select':
      return { ...draft, selected: Math.max(-1, Math.min(draft.lines.length - 1, action.index)) };
    case 'remove': {
      const lines = draft.lines.filter((_, index) => index !== action.index);
      return { ...draft, lines, selected: Math.min(draft.selected, lines.length - 1) };
    }
    case 'reset':
      return emptyPurchaseDraft(action.id);
    case 'load':
      return action.draft;
  }
}

/** The fields a message can stand beside: header fields by name, line fields as "lines.<index>.<field>". */
export type PurchaseField = string;

/** Where the ledger's detail path points on the form ("lines.0.qtyMilli" → "lines.0.qty"). */
export function fieldOfPath(path: string): PurchaseField {
  const parts = path.split('.');
  if (parts[0] === 'lines' && parts.length >= 3) {
    const inner: Record<string, string> = {
      qtyMilli: 'qty',
      freeQtyMilli: 'freeQty',
      ratePaise: 'rate',
      discountPaise: 'discount',
      gstRateBp: 'gst',
      hsn: 'hsn',
      itemId: 'qty',
    };
    return `lines.${parts[1]}.${inner[parts[2]!] ?? 'qty'}`;
  }
  if (parts[0] === 'payments') {
    const inner: Record<string, string> = {
      amountPaise: 'payAmount',
      reference: 'payReference',
      chequeDate: 'chequeDate',
    };
    return inner[parts[2] ?? ''] ?? 'payAmount';
  }
  const top: Record<string, string> = {
    supplierId: 'supplier',
    supplierInvoiceNumber: 'invoiceNumber',
    supplierInvoiceDate: 'invoiceDate',
    freightPaise: 'freight',
    payments: 'payAmount',
  };
  return top[parts[0]!] ?? parts[0]!;
}

/** The box a whole-bill refusal (no field path: the bill's maths, a duplicate) is about, or null to show it below. */
export function fieldOfRefusal(
  shop: { key: string; params?: Record<string, string | number> } | null,
): PurchaseField | null {
  if (!shop) return null;
  const line = typeof shop.params?.line === 'number' ? shop.params.line - 1 : Number(shop.params?.line) - 1;
  const onLine: Record<string, string> = {
    purchaseLineQty: 'qty',
    purchaseLineFreeQty: 'freeQty',
    purchaseLineRate: 'rate',
    purchaseLineGstRate: 'gst',
    lineDiscountAboveAmount: 'discount',
    lineDiscountAmount: 'discount',
  };
  if (onLine[shop.key] && Number.isInteger(line) && line >= 0) return `lines.${line}.${onLine[shop.key]}`;
  const whole: Record<string, string> = {
    purchaseFreight: 'freight',
    purchaseReverseChargeInclusive: 'ratesIncludeTax',
    purchaseNoLines: 'lines',
    purchaseTotalZero: 'lines',
    supplierBillDuplicate: 'invoiceNumber',
    supplierInvoiceNumberRequired: 'invoiceNumber',
    supplierInvoiceNumberTooLong: 'invoiceNumber',
    supplierInvoiceDateFuture: 'invoiceDate',
    supplierInvoiceDateBeforeYear: 'invoiceDate',
    notASupplier: 'supplier',
    purchasePaidMoreThanBill: 'payAmount',
    chequeNeedsNumberAndDate: 'payReference',
  };
  return whole[shop.key] ?? null;
}

/** An i18n key (with its values) per field that is wrong, read before anything is sent. */
export type FieldProblems = Record<PurchaseField, { key: string; values?: Record<string, string | number> }>;

export interface ReadLine {
  itemId: string;
  qtyMilli: number;
  freeQtyMilli: number;
  ratePaise: number;
  discountPaise: number;
  gstRateBp: number;
  cessRateBp: number;
  hsn: string;
}

export interface ReadDraft {
  lines: ReadLine[];
  freightPaise: number;
  payPaise: number;
  invoiceDate: string | null;
  chequeDate: string | null;
  problems: FieldProblems;
}

function readAmount(text: string, field: string, problems: FieldProblems): number {
  if (text.trim() === '') return 0;
  try {
    return parseRupees(text.trim());
  } catch {
    problems[field] = { key: 'purchases.problems.amount' };
    return 0;
  }
}

/** "10%" of the line's amount, or rupees. */
function readLineDiscount(text: string, grossPaise: number, field: string, problems: FieldProblems): number {
  const trimmed = text.trim();
  if (trimmed.endsWith('%')) {
    let bp: number;
    try {
      bp = parseRupees(trimmed.slice(0, -1));
    } catch {
      problems[field] = { key: 'purchases.problems.discount' };
      return 0;
    }
    if (bp > 10_000) problems[field] = { key: 'purchases.problems.discount' };
    return Math.round((grossPaise * bp) / 10_000);
  }
  const paise = readAmount(trimmed, field, problems);
  if (paise > grossPaise) problems[field] = { key: 'purchases.problems.discountOverLine' };
  return paise;
}

function readQty(text: string, field: string, problems: FieldProblems, required: boolean): number {
  if (!required && text.trim() === '') return 0;
  let milli: number;
  try {
    milli = parseQuantity(text.trim());
  } catch {
    problems[field] = { key: 'purchases.problems.qty' };
    return 0;
  }
  if (required && milli <= 0) problems[field] = { key: 'purchases.problems.qtyAboveZero' };
  return milli;
}

function readDate(text: string, field: string, problems: FieldProblems): string | null {
  if (text.trim() === '') {
    problems[field] = { key: 'purchases.problems.dateMissing' };
    return null;
  }
  const entry = readShopDate(text);
  if ('problem' in entry) {
    problems[field] = { key: `purchases.problems.date-${entry.problem}` };
    return null;
  }
  return entry.date;
}

/** Everything the screen can check itself, against `today` (yyyy-mm-dd, the shop's day). */
export function readPurchaseDraft(draft: PurchaseDraft, today: string): ReadDraft {
  const problems: FieldProblems = {};
  const lines = draft.lines.map((line, index): ReadLine => {
    const at = `lines.${index}`;
    const qtyMilli = readQty(line.qty, `${at}.qty`, problems, true);
    const freeQtyMilli = readQty(line.freeQty, `${at}.freeQty`, problems, false);
    const ratePaise = readAmount(line.rate, `${at}.rate`, problems);
    if (ratePaise > MAX_PURCHASE_RATE_PAISE) problems[`${at}.rate`] = { key: 'purchases.problems.rateTooHigh' };
    const grossPaise = Math.round((qtyMilli * ratePaise) / 1000);
    const discountPaise = readLineDiscount(line.discount, grossPaise, `${at}.discount`, problems);
    if (!isGstRateBp(line.gstRateBp)) problems[`${at}.gst`] = { key: 'purchases.problems.gst' };
    if (line.hsn.trim() && !/^(\d{4}|\d{6}|\d{8})$/.test(line.hsn.trim()))
      problems[`${at}.hsn`] = { key: 'purchases.problems.hsn' };
    return {
      itemId: line.item.id,
      qtyMilli,
      freeQtyMilli,
      ratePaise,
      discountPaise,
      gstRateBp: line.gstRateBp,
      cessRateBp: line.item.cessRateBp,
      hsn: line.hsn.trim(),
    };
  });
  const freightPaise = readAmount(draft.freight, 'freight', problems);
  const payPaise = readAmount(draft.payAmount, 'payAmount', problems);
  const invoiceDate = readDate(draft.invoiceDate, 'invoiceDate', problems);
  // The ledger's own rule: not after today, not before the financial year opened.
  const dateProblem = invoiceDate && supplierInvoiceDateProblem(invoiceDate, today);
  if (dateProblem)
    problems.invoiceDate = { key: `errors.${dateProblem}`, values: { date: shopDate(financialYearOpened(today)) } };
  // A cheque may be dated ahead (post-dated): only its being a real day is checked.
  const chequeDate =
    draft.payMode === 'cheque' && payPaise > 0 ? readDate(draft.chequeDate, 'chequeDate', problems) : null;
  if (payPaise > 0 && draft.payMode === 'cheque' && !draft.payReference.trim())
    problems.payReference = { key: 'purchases.problems.chequeNumber' };
  if (!draft.supplier) problems.supplier = { key: 'purchases.problems.supplier' };
  if (!draft.invoiceNumber.trim()) problems.invoiceNumber = { key: 'purchases.problems.invoiceNumber' };
  else if (draft.invoiceNumber.trim().length > MAX_SUPPLIER_INVOICE_NUMBER)
    problems.invoiceNumber = { key: 'errors.supplierInvoiceNumberTooLong' };
  if (draft.lines.length === 0) problems.lines = { key: 'purchases.problems.noLines' };
  return { lines, freightPaise, payPaise, invoiceDate, chequeDate, problems };
}

const STORAGE_PREFIX = 'galla.purchaseDraft.';

/** The draft kept for this member of staff, if a usable one is there. */
export function loadStoredDraft(storage: Storage, staffId: string): PurchaseDraft | null {
  const text = storage.getItem(STORAGE_PREFIX + staffId);
  if (!text) return null;
  try {
    const draft = JSON.parse(text) as PurchaseDraft;
    return typeof draft.id === 'string' && Array.isArray(draft.lines) ? draft : null;
  } catch {
    return null;
  }
}

/** Kept while there is something on it; an empty bill leaves nothing behind. */
export function storeDraft(storage: Storage, staffId: string, draft: PurchaseDraft): void {
  const blank = emptyPurchaseDraft(draft.id);
  const empty = JSON.stringify({ ...draft, id: '' }) === JSON.stringify({ ...blank, id: '' });
  if (empty) storage.removeItem(STORAGE_PREFIX + staffId);
  else storage.setItem(STORAGE_PREFIX + staffId, JSON.stringify(draft));
}
