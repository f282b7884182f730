// What a purchase bill or a debit note does to the supplier's payable (payable_entries, kept by the payables area).
// Until payables' postPayableEntry is on main this posts nothing; it is the one place purchases reach the payable.
import type { Ledger } from '../ledger';

export interface PurchasePayableEntry {
  partyId: string;
  kind: 'purchase' | 'debit_note';
  docId: string;
  docNumber: string;
  /** + raises what the shop owes (a bill on credit), − lowers it (a debit note). */
  amountPaise: number;
}

export function postPurchasePayable(_ledger: Ledger, _entry: PurchasePayableEntry): void {}
