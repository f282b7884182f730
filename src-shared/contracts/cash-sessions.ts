// Inputs of the cash session (shift) procedures.
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { paise, requiredText, shortText } from './common';
import type { TaxRateRow } from '../sales/totals';

export const openSessionInput = z.object({ openingFloatPaise: paise }).strict();
export const cashMovementInput = z
  .object({
    kind: z.enum(['in', 'out']),
    amountPaise: paise.refine((n) => n > 0, shopText('amountAboveZero')),
    reason: requiredText(120),
  })
  .strict();
export const closeSessionInput = z.object({ countedPaise: paise, note: shortText(300).default('') }).strict();

/** The Z-report figures of a shift: computed by the ledger, printed by the receipt layout. */
export interface ShiftFigures {
  invoiceCount: number;
  salesPaise: number;
  salesByMode: Record<'cash' | 'upi' | 'card' | 'khata', number>;
  changeGivenPaise: number;
  returnCount: number;
  refundsPaise: number;
  cashRefundsPaise: number;
  receiptsPaise: number;
  cashReceiptsPaise: number;
  cashInPaise: number;
  cashOutPaise: number;
  expectedCashPaise: number;
}

/** Who ran the shift and its GST: printed on the Z-report beside the cash figures. */
export interface ShiftDetails {
  openedByName: string;
  /** Empty while the shift is open. */
  closedByName: string;
  cashiers: { staffId: string; name: string; invoiceCount: number; salesPaise: number }[];
  gstSales: TaxRateRow[];
  gstReturns: TaxRateRow[];
}
