// The bill being built at the counter, pure: lines, the chosen customer, discounts, and its totals by the same maths as the ledger.
import { computeInvoiceTotals, type Discount, type InvoiceTotals } from '../../../src-shared/sales/totals';
import type { FinalizeSaleInput, HoldBillInput } from '../../../src-shared/contracts/sales';
import type { CreditLimitPolicy } from '../../../src-shared/contracts/parties';
import type { BillDraftInput } from '../../../src-shared/contracts/drafts';
import { MAX_LINE_QTY_MILLI } from '../../../src-shared/sales/line-bounds';
import { DomainError } from '../../../src-shared/errors';
import { parseRupees } from '../../../src-shared/money';
import { isBillOfSupply, needsRecipientAddress, type TaxScheme } from '../../../src-shared/gst/rule46';

export interface CartItem {
  id: string;
  name: string;
  sku: string;
  unit: string;
  pricePaise: number;
  priceIncludesTax: boolean;
  gstRateBp: number;
  cessRateBp: number;
  /** The item's moving-average cost a unit, when the lookup gave it: a line below it is marked (never blocked). */
  costPaise?: number;
}

export interface CartParty {
  id: string;
  name: string;
  gstin: string | null;
  address: string;
  stateCode: string | null;
  balancePaise: number;
  creditLimitPaise: number | null;
  creditLimitPolicy: CreditLimitPolicy;
}

export interface CartLine {
  key: string;
  item: CartItem;
  qtyMilli: number;
  /** A price typed at the counter; null means the catalogue price. */
  unitPricePaise: number | null;
  discount: Discount | null;
}

export interface Cart {
  billId: string;
  lines: CartLine[];
  selected: number;
  party: CartParty | null;
  billDiscount: Discount | null;
  heldBillId: string | null;
  /** Where the goods go (CGST Rule 46(e)): asked for when an unregistered buyer's bill is ₹50,000 or more. */
  deliveryAddress: string;
}

export type CartAction =
  | { type: 'add'; item: CartItem; qtyMilli: number; weighed: boolean }
  | { type: 'select'; index: number }
  | { type: 'move'; by: 1 | -1 }
  | { type: 'set-qty'; qtyMilli: number }
  | { type: 'bump-qty'; by: 1 | -1 }
  | { type: 'set-price'; unitPricePaise: number | null }
  | { type: 'line-discount'; discount: Discount | null }
  | { type: 'remove' }
  | { type: 'party'; party: CartParty | null }
  | { type: 'bill-discount'; discount: Discount | null }
  | { type: 'delivery-address'; address: string }
  | { type: 'load'; cart: Cart }
  /** The open bill's draft coming back: taken only while nothing has been started on screen. */
  | { type: 'restore'; cart: Cart }
  | { type: 'reset'; billId: string };

export function emptyCart(billId: string): Cart {
  return { billId, lines: [], selected: -1, party: null, billDiscount: null, heldBillId: null, deliveryAddress: '' };
}

function withLine(cart: Cart, index: number, change: (line: CartLine) => CartLine): Cart {
  const line = cart.lines[index];
  if (!line) return cart;
  const lines = cart.lines.slice();
  lines[index] = change(line);
  return { ...cart, lines };
}

export function cartReducer(cart: Cart, action: CartAction): Cart {
  switch (action.type) {
    case 'add': {
      // Scanning the same packed item again adds to its line (the cashier sees ×2); weighed goods are separate lines.
      const existing = action.weighed
        ? -1
        : cart.lines.findIndex(
            (line) => line.item.id === action.item.id && line.unitPricePaise === null && !line.discount,
          );
      if (existing >= 0) {
        const qtyMilli = (cart.lines[existing]?.qtyMilli ?? 0) + action.qtyMilli;
        if (qtyMilli > MAX_LINE_QTY_MILLI) return { ...cart, selected: existing };
        return { ...withLine(cart, existing, (line) => ({ ...line, qtyMilli })), selected: existing };
      }
      const line: CartLine = {
        key: `${action.item.id}:${cart.lines.length}:${Date.now()}`,
        item: action.item,
        qtyMilli: action.qtyMilli,
        unitPricePaise: null,
        discount: null,
      };
      return { ...cart, lines: [...cart.lines, line], selected: cart.lines.length };
    }
    case 'select':
      return action.index >= 0 && action.index < cart.lines.length ? { ...cart, selected: action.index } : cart;
    case 'move':
      if (cart.lines.length === 0) return cart;
      return { ...cart, selected: Math.min(cart.lines.length - 1, Math.max(0, cart.selected + action.by)) };
    case 'set-qty':
      return withLine(cart, cart.selected, (line) => ({ ...line, qtyMilli: action.qtyMilli }));
    case 'bump-qty':
      return withLine(cart, cart.selected, (line) => ({
        ...line,
        qtyMilli: Math.min(MAX_LINE_QTY_MILLI, Math.max(1000, line.qtyMilli + action.by * 1000)),
      }));
    case 'set-price':
      return withLine(cart, cart.selected, (line) => ({ ...line, unitPricePaise: action.unitPricePaise }));
    case 'line-discount':
      return withLine(cart, cart.selected, (line) => ({ ...line, discount: action.discount }));
    case 'remove': {
      if (!cart.lines[cart.selected]) return cart;
      const lines = cart.lines.filter((_, index) => index !== cart.selected);
      return { ...cart, lines, selected: Math.min(cart.selected, lines.length - 1) };
    }
    case 'party':
      return { ...cart, party: action.party };
    case 'bill-discount':
      return { ...cart, billDiscount: action.discount };
    case 'delivery-address':
      return { ...cart, deliveryAddress: action.address };
    case 'load':
      return action.cart;
    case 'restore':
      return isBlank(cart) ? action.cart : cart;
    case 'reset':
      return emptyCart(action.billId);
  }
}

function isBlank(cart: Cart): boolean {
  return (
    cart.lines.length === 0 &&
    cart.party === null &&
    cart.billDiscount === null &&
    cart.heldBillId === null &&
    cart.deliveryAddress === ''
  );
}

export interface TotalsSetting {
  shopStateCode: string | null;
  roundOff: boolean;
  /** A composition dealer charges no GST: the same rule the ledger applies (src-main/ledger/sales/build.ts). */
  taxScheme: TaxScheme;
}

export type CartTotals = { ok: true; totals: InvoiceTotals } | { ok: false; message: string } | null;

/** The same computation the ledger does at finalise, so the screen shows what the invoice will say. */
export function cartTotals(cart: Cart, setting: TotalsSetting): CartTotals {
  if (cart.lines.length === 0) return null;
  const composition = setting.taxScheme === 'composition';
  const interState = Boolean(
    cart.party?.stateCode && setting.shopStateCode && cart.party.stateCode !== setting.shopStateCode,
  );
  try {
    const totals = computeInvoiceTotals({
      interState,
      roundOff: setting.roundOff,
      billDiscount: cart.billDiscount,
      lines: cart.lines.map((line) => ({
        qtyMilli: line.qtyMilli,
        unitPricePaise: line.unitPricePaise ?? line.item.pricePaise,
        priceIncludesTax: line.item.priceIncludesTax,
        gstRateBp: composition ? 0 : line.item.gstRateBp,
        cessRateBp: composition ? 0 : line.item.cessRateBp,
        discount: line.discount,
      })),
    });
    return { ok: true, totals };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.message };
    throw error;
  }
}

function saleLines(cart: Cart): FinalizeSaleInput['lines'] {
  return cart.lines.map((line) => ({
    itemId: line.item.id,
    qtyMilli: line.qtyMilli,
    discount: line.discount,
    ...(line.unitPricePaise === null ? {} : { unitPricePaise: line.unitPricePaise }),
  }));
}

export function finalizeInput(
  cart: Cart,
  payments: FinalizeSaleInput['payments'],
  approval?: FinalizeSaleInput['approval'],
): FinalizeSaleInput {
  return {
    id: cart.billId,
    lines: saleLines(cart),
    partyId: cart.party?.id ?? null,
    billDiscount: cart.billDiscount,
    deliveryAddress: cart.deliveryAddress,
    payments,
    heldBillId: cart.heldBillId,
    ...(approval ? { approval } : {}),
  };
}

function savedCart(cart: Cart): HoldBillInput['cart'] {
  return {
    lines: saleLines(cart),
    partyId: cart.party?.id ?? null,
    billDiscount: cart.billDiscount,
    deliveryAddress: cart.deliveryAddress,
  };
}

export function holdInput(cart: Cart, label: string): HoldBillInput {
  return { label, cart: savedCart(cart) };
}

/** The open bill as the ledger keeps its draft. */
export function draftInput(cart: Cart): BillDraftInput {
  return { billId: cart.billId, heldBillId: cart.heldBillId, cart: savedCart(cart) };
}

/** Rule 46(e) on screen: the bill names its unregistered buyer of ₹50,000 or more, and where the goods go. */
export function deliveryNeeded(cart: Cart, totals: CartTotals, taxScheme: TaxScheme): boolean {
  if (!totals?.ok) return false;
  const rates = cart.lines.map((line) => line.item);
  if (isBillOfSupply(taxScheme, rates)) return false;
  return needsRecipientAddress({ partyGstin: cart.party?.gstin ?? null, taxablePaise: totals.totals.taxablePaise });
}

/** "10%" → 10 % (in basis points); "50" or "50.00" → ₹50 (in paise); "" → no discount. */
export function parseDiscount(text: string): Discount | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed.endsWith('%')) return { kind: 'percent', bp: parseRupees(trimmed.slice(0, -1)) };
  return { kind: 'amount', paise: parseRupees(trimmed) };
}
