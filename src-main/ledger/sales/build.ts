// Pure: turns a bill at the counter (items, party, payments) into the invoice rows to store, with totals, tax and change.
import { Invalid, shopDetail } from '../../../src-shared/errors';
import { computeInvoiceTotals, type InvoiceTotals } from '../../../src-shared/sales/totals';
import { creditLimitExcessPaise, creditLimitNeedsApproval } from '../../../src-shared/khata/credit-limit';
import { formatRupees } from '../../../src-shared/money';
import type { FinalizeSaleInput, PaymentMode, SaleLineInput } from '../../../src-shared/contracts/sales';
import { LINE_PROBLEM_TEXT, lineProblem } from '../../../src-shared/sales/line-bounds';
import type { Item } from '../catalogue/schema';
import type { Party } from '../parties/schema';
import type { Payment } from '../payments/schema';
import type { Invoice, InvoiceLine } from './schema';
import {
  isBillOfSupply,
  needsRecipientAddress,
  type InvoiceSupply,
  type TaxScheme,
} from '../../../src-shared/gst/rule46';

export interface SaleSetting {
  shopStateCode: string;
  /** A composition dealer charges no GST on any line (Section 10 CGST Act). */
  taxScheme: TaxScheme;
  counterId: string;
  roundOff: boolean;
  cashierDiscountLimitBp: number;
}

export interface BuildSaleArgs {
  input: FinalizeSaleInput;
  items: Map<string, Item>;
  party: Party | null;
  setting: SaleSetting;
  newId: () => string;
}

export interface BuiltSale {
  totals: InvoiceTotals;
  header: Omit<
    Invoice,
    'prevHash' | 'hash' | 'number' | 'staffId' | 'approvedBy' | 'cashSessionId' | 'createdAt' | 'businessDate'
  >;
  lines: Omit<InvoiceLine, 'invoiceId'>[];
  payments: Omit<Payment, 'docId' | 'cashSessionId' | 'createdAt'>[];
  supply: InvoiceSupply;
  /** Why a cashier would need a manager for this bill, or null. */
  needsApproval: string | null;
}

function itemFor(items: Map<string, Item>, line: SaleLineInput, lineNo: number): Item {
  const item = items.get(line.itemId);
  if (!item || !item.active) throw new Invalid({ key: 'saleItemGone', params: { line: lineNo } });
  // The same bounds the counter checks as the line is typed: a whole number of pieces, an amount the bill can hold.
  const problem = lineProblem({
    qtyMilli: line.qtyMilli,
    unitPricePaise: line.unitPricePaise ?? item.pricePaise,
    unit: item.unit,
  });
  if (problem) throw new Invalid(`Line ${lineNo} (${item.name}): ${LINE_PROBLEM_TEXT[problem]}`);
  return item;
}

function approvalReason(
  input: FinalizeSaleInput,
  items: Map<string, Item>,
  totals: InvoiceTotals,
  limitBp: number,
): string | null {
  const cut = input.lines.find(
    (line) => line.unitPricePaise !== undefined && line.unitPricePaise < (items.get(line.itemId)?.pricePaise ?? 0),
  );
  if (cut) return 'A price below the catalogue price';
  if (totals.discountPaise * 10_000 > totals.grossPaise * limitBp) return `A discount above ${limitBp / 100}%`;
  return null;
}

/** A customer whose limit is set to "needs a manager" cannot be taken over it by a cashier alone. */
function creditLimitReason(party: Party | null, khataPaise: number): string | null {
  if (!party || !creditLimitNeedsApproval(party, khataPaise)) return null;
  return `Going ${formatRupees(creditLimitExcessPaise(party, khataPaise))} over ${party.name}'s credit limit`;
}

function joinReasons(...reasons: (string | null)[]): string | null {
  const given = reasons.filter((reason): reason is string => reason !== null);
  return given.length ? given.join(', and ') : null;
}

/** Payments must cover the total; only cash may be over-tendered (the excess is change); khata needs a customer. */
function settle(
  payments: FinalizeSaleInput['payments'],
  totalPaise: number,
  party: Party | null,
): { tenderedPaise: number; changePaise: number; khataPaise: number } {
  const by = (mode: PaymentMode) =>
    payments.filter((payment) => payment.mode === mode).reduce((sum, payment) => sum + payment.amountPaise, 0);
  const tenderedPaise = payments.reduce((sum, payment) => sum + payment.amountPaise, 0);
  const khataPaise = by('khata');
  if (khataPaise > 0 && !party) throw new Invalid({ key: 'khataNeedsCustomer' });
  if (tenderedPaise < totalPaise)
    throw new Invalid({ key: 'paymentsShort', params: { amount: formatRupees(totalPaise - tenderedPaise) } });
  const changePaise = tenderedPaise - totalPaise;
  if (changePaise > by('cash')) throw new Invalid({ key: 'onlyCashOverpaid' });
  if (payments.some((payment) => payment.amountPaise === 0)) throw new Invalid({ key: 'paymentZero' });
  return { tenderedPaise, changePaise, khataPaise };
}

/** Rule 46(e): an unregistered buyer of ₹50,000 or more is named on the invoice, with the address of delivery. */
function checkRecipient(party: Party | null, deliveryAddress: string, taxablePaise: number): void {
  if (!needsRecipientAddress({ partyGstin: party?.gstin ?? null, taxablePaise })) return;
  if (!party)
    throw new Invalid({ key: 'deliveryBuyerRequired' }, [shopDetail('partyId', { key: 'deliveryBuyerRequired' })]);
  if (!deliveryAddress)
    throw new Invalid({ key: 'deliveryAddressRequired' }, [
      shopDetail('deliveryAddress', { key: 'deliveryAddressField' }),
    ]);
}

/** The rates a line is charged at: none at all for a composition dealer, who collects no tax. */
function chargedRates(item: Item, scheme: TaxScheme): { gstRateBp: number; cessRateBp: number } {
  return scheme === 'composition' ? { gstRateBp: 0, cessRateBp: 0 } : item;
}

export function buildSale({ input, items, party, setting, newId }: BuildSaleArgs): BuiltSale {
  const placeOfSupply = party?.stateCode ?? setting.shopStateCode;
  const interState = placeOfSupply !== setting.shopStateCode;
  const chosen = input.lines.map((line, index) => {
    const item = itemFor(items, line, index + 1);
    return { line, item, rates: chargedRates(item, setting.taxScheme) };
  });
  const totals = computeInvoiceTotals({
    interState,
    roundOff: setting.roundOff,
    billDiscount: input.billDiscount,
    lines: chosen.map(({ line, item, rates }) => ({
      qtyMilli: line.qtyMilli,
      unitPricePaise: line.unitPricePaise ?? item.pricePaise,
      priceIncludesTax: item.priceIncludesTax,
      gstRateBp: rates.gstRateBp,
      cessRateBp: rates.cessRateBp,
      discount: line.discount,
    })),
  });
  const billOfSupply = isBillOfSupply(
    setting.taxScheme,
    chosen.map(({ rates }) => rates),
  );
  if (!billOfSupply) checkRecipient(party, input.deliveryAddress, totals.taxablePaise);
  const { tenderedPaise, changePaise, khataPaise } = settle(input.payments, totals.totalPaise, party);
  const lines = chosen.map(({ line, item, rates }, index) => {
    const figures = totals.lines[index]!;
    return {
      id: newId(),
      lineNo: index + 1,
      itemId: item.id,
      name: item.name,
      hsn: item.hsn,
      unit: item.unit,
      qtyMilli: line.qtyMilli,
      unitPricePaise: line.unitPricePaise ?? item.pricePaise,
      priceIncludesTax: item.priceIncludesTax,
      gstRateBp: rates.gstRateBp,
      cessRateBp: rates.cessRateBp,
      unitCostPaise: item.costPaise,
      grossPaise: figures.grossPaise,
      lineDiscountPaise: figures.lineDiscountPaise,
      billDiscountPaise: figures.billDiscountPaise,
      taxablePaise: figures.taxablePaise,
      cgstPaise: figures.cgstPaise,
      sgstPaise: figures.sgstPaise,
      igstPaise: figures.igstPaise,
      cessPaise: figures.cessPaise,
      totalPaise: figures.totalPaise,
    };
  });
  return {
    totals,
    header: {
      id: input.id,
      counterId: setting.counterId,
      partyId: party?.id ?? null,
      partyName: party?.name ?? '',
      partyGstin: party?.gstin ?? null,
      placeOfSupply,
      interState,
      grossPaise: totals.grossPaise,
      discountPaise: totals.discountPaise,
      taxablePaise: totals.taxablePaise,
      cgstPaise: totals.cgstPaise,
      sgstPaise: totals.sgstPaise,
      igstPaise: totals.igstPaise,
      cessPaise: totals.cessPaise,
      roundOffPaise: totals.roundOffPaise,
      totalPaise: totals.totalPaise,
      tenderedPaise,
      changePaise,
      khataPaise,
    },
    lines,
    payments: input.payments.map((payment) => ({
      id: newId(),
      docType: 'invoice' as const,
      mode: payment.mode,
      amountPaise: payment.amountPaise,
      reference: payment.reference,
    })),
    supply: {
      billOfSupply,
      composition: setting.taxScheme === 'composition',
      // A buyer with no address on file is taken to be at the address the goods go to.
      recipientAddress: party?.address || input.deliveryAddress,
      deliveryAddress: input.deliveryAddress,
    },
    needsApproval: joinReasons(
      approvalReason(input, items, totals, setting.cashierDiscountLimitBp),
      creditLimitReason(party, khataPaise),
    ),
  };
}
