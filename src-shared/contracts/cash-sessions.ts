// Inputs of the cash session (shift) procedures, and the Z-report figures a shift carries.
import { z } from 'zod';
import { shopText } from '../shop-messages';
import { paise, requiredText, shortText } from './common';
import { taxRateRow } from './tax';

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
export const shiftFigures = z.object({
  invoiceCount: z.int(),
  salesPaise: z.int(),
  salesByMode: z.object({ cash: z.int(), upi: z.int(), card: z.int(), khata: z.int() }),
  changeGivenPaise: z.int(),
  returnCount: z.int(),
  refundsPaise: z.int(),
  cashRefundsPaise: z.int(),
  receiptsPaise: z.int(),
  cashReceiptsPaise: z.int(),
  cashInPaise: z.int(),
  cashOutPaise: z.int(),
  /** Cash paid to suppliers out of the drawer in the shift. */
  cashPaidToSuppliersPaise: z.int(),
  expectedCashPaise: z.int(),
});

/** Who ran the shift and its GST: printed on the Z-report beside the cash figures. */
export const shiftDetails = z.object({
  openedByName: z.string(),
  /** Empty while the shift is open. */
  closedByName: z.string(),
  cashiers: z.array(z.object({ staffId: z.string(), name: z.string(), invoiceCount: z.int(), salesPaise: z.int() })),
  gstSales: z.array(taxRateRow),
  gstReturns: z.array(taxRateRow),
});

export type ShiftFigures = z.infer<typeof shiftFigures>;
export type ShiftDetails = z.infer<typeof shiftDetails>;
