// Keeps the daily summaries: called inside the transaction that finalises a bill or a return, so they can never drift.
import { sql } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import type { Invoice } from '../sales/schema';
import type { CreditNote } from '../returns/schema';
import type { Payment } from '../payments/schema';
import { salesDayModes, salesDays } from './schema';
import { takenByMode } from '../../../src-shared/sales/taken-by-mode';

const ZERO_DAY = {
  invoiceCount: 0,
  grossPaise: 0,
  discountPaise: 0,
  taxablePaise: 0,
  taxPaise: 0,
  roundOffPaise: 0,
  salesPaise: 0,
  returnCount: 0,
  returnsPaise: 0,
};

function addToDay(ledger: Ledger, businessDate: string, delta: Partial<typeof ZERO_DAY>): void {
  const set = Object.fromEntries(
    Object.entries(delta).map(([key, value]) => [key, sql`${salesDays[key as keyof typeof ZERO_DAY]} + ${value}`]),
  );
  ledger.db
    .insert(salesDays)
    .values({ ...ZERO_DAY, ...delta, businessDate })
    .onConflictDoUpdate({ target: salesDays.businessDate, set })
    .run();
}

function addToMode(ledger: Ledger, businessDate: string, mode: string, paise: number): void {
  ledger.db
    .insert(salesDayModes)
    .values({ businessDate, mode, paise })
    .onConflictDoUpdate({
      target: [salesDayModes.businessDate, salesDayModes.mode],
      set: { paise: sql`${salesDayModes.paise} + ${paise}` },
    })
    .run();
}

export function addSaleToDay(ledger: Ledger, invoice: Invoice, paid: Payment[]): void {
  addToDay(ledger, invoice.businessDate, {
    invoiceCount: 1,
    grossPaise: invoice.grossPaise,
    discountPaise: invoice.discountPaise,
    taxablePaise: invoice.taxablePaise,
    taxPaise: invoice.cgstPaise + invoice.sgstPaise + invoice.igstPaise + invoice.cessPaise,
    roundOffPaise: invoice.roundOffPaise,
    salesPaise: invoice.totalPaise,
  });
  for (const [mode, paise] of takenByMode(paid, invoice.changePaise))
    addToMode(ledger, invoice.businessDate, mode, paise);
}

export function addReturnToDay(ledger: Ledger, creditNote: CreditNote): void {
  addToDay(ledger, creditNote.businessDate, { returnCount: 1, returnsPaise: creditNote.totalPaise });
}
