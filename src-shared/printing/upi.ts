// The UPI deep link (NPCI "upi://pay") that a UPI app reads from a QR code to pay a fixed amount to the shop.
import { formatRupees } from '../money';

export interface UpiPayment {
  payeeVpa: string;
  payeeName: string;
  amountPaise: number;
  /** Shown to the payer and echoed back in the shop's statement: the bill number. */
  note: string;
}

export function upiPayUri(payment: UpiPayment): string {
  const params = [
    ['pa', payment.payeeVpa],
    ['pn', payment.payeeName],
    ['am', formatRupees(payment.amountPaise, { symbol: false }).replaceAll(',', '')],
    ['cu', 'INR'],
    ['tn', payment.note],
  ];
  return `upi://pay?${params.map(([key, value]) => `${key}=${encodeURIComponent(value ?? '')}`).join('&')}`;
}
