// What a purchase bill or a debit note does to the supplier's payable: one payable entry, in the document's own
// transaction, through the payables area's one writer (postPayableEntry).
import type { Ledger } from '../ledger';
import { postPayableEntry } from '../payables/entries';

export interface PurchasePayableEntry {
  partyId: string;
  kind: 'purchase' | 'debit_note';
  docId: string;
  docNumber: string;
  /** + raises what the shop owes (a bill on credit), − lowers it (a debit note). */
  amountPaise: number;
}

/** A bill paid in full at once owes nothing: no entry. */
export function postPurchasePayable(ledger: Ledger, entry: PurchasePayableEntry): void {
  if (entry.amountPaise !== 0) postPayableEntry(ledger, entry);
}
