// The credit-limit rule shared by the payment dialog (warn before finalising) and the ledger (enforce at finalise).
import type { CreditLimitPolicy } from '../contracts/parties';

export interface CreditLimitParty {
  balancePaise: number;
  creditLimitPaise: number | null;
  creditLimitPolicy: CreditLimitPolicy;
}

/** How far the bill's khata part takes the customer over their limit; 0 when within it, without a limit, or not on khata. */
export function creditLimitExcessPaise(party: CreditLimitParty, khataPaise: number): number {
  if (party.creditLimitPaise === null || khataPaise <= 0) return 0;
  return Math.max(0, party.balancePaise + khataPaise - party.creditLimitPaise);
}

/** Whether this bill needs a manager's PIN because of the customer's credit limit. */
export function creditLimitNeedsApproval(party: CreditLimitParty, khataPaise: number): boolean {
  return party.creditLimitPolicy === 'approve' && creditLimitExcessPaise(party, khataPaise) > 0;
}
