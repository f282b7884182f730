// The credit-limit rule, as the payment dialog warns with it and the ledger enforces it at finalise.
import { describe, expect, it } from 'vitest';
import {
  creditLimitExcessPaise,
  creditLimitNeedsApproval,
  type CreditLimitParty,
} from '../../../src-shared/khata/credit-limit';

function party(overrides: Partial<CreditLimitParty> = {}): CreditLimitParty {
  return { balancePaise: 0, creditLimitPaise: 10_000_00, creditLimitPolicy: 'approve', ...overrides };
}

describe('creditLimitExcessPaise', () => {
  it('is how far the khata part takes the balance over the limit', () => {
    // Owes ₹8,000, limit ₹10,000, ₹3,000 more on khata: ₹1,000 over.
    expect(creditLimitExcessPaise(party({ balancePaise: 8_000_00 }), 3_000_00)).toBe(1_000_00);
    // Owes ₹5, ₹10,000 more on khata: ₹5 over.
    expect(creditLimitExcessPaise(party({ balancePaise: 5_00 }), 10_000_00)).toBe(5_00);
  });

  it('is 0 while the balance stays within the limit, and exactly at it', () => {
    expect(creditLimitExcessPaise(party({ balancePaise: 2_000_00 }), 3_000_00)).toBe(0);
    expect(creditLimitExcessPaise(party({ balancePaise: 7_000_00 }), 3_000_00)).toBe(0);
  });

  it('counts an advance (negative balance) against the khata part', () => {
    // ₹2,000 paid in advance, ₹11,000 on khata: owes ₹9,000, within the ₹10,000 limit.
    expect(creditLimitExcessPaise(party({ balancePaise: -2_000_00 }), 11_000_00)).toBe(0);
    expect(creditLimitExcessPaise(party({ balancePaise: -2_000_00 }), 13_000_00)).toBe(1_000_00);
  });

  it('is 0 for a customer without a limit, however much goes on khata', () => {
    expect(creditLimitExcessPaise(party({ creditLimitPaise: null, balancePaise: 50_000_00 }), 1_000_00)).toBe(0);
  });

  it('is 0 for a bill with nothing on khata, even for a customer already over the limit', () => {
    const overLimit = party({ balancePaise: 15_000_00 });
    expect(creditLimitExcessPaise(overLimit, 0)).toBe(0);
    expect(creditLimitExcessPaise(overLimit, -1_00)).toBe(0);
    expect(creditLimitExcessPaise(overLimit, 1_00)).toBe(5_001_00);
  });
});

describe('creditLimitNeedsApproval', () => {
  it("asks for a manager's PIN when the policy is approve and the bill goes over the limit", () => {
    expect(creditLimitNeedsApproval(party({ balancePaise: 8_000_00 }), 3_000_00)).toBe(true);
    expect(creditLimitNeedsApproval(party({ balancePaise: 10_000_00 }), 1)).toBe(true);
  });

  it('does not ask within the limit, exactly at it, or with nothing on khata', () => {
    expect(creditLimitNeedsApproval(party({ balancePaise: 7_000_00 }), 3_000_00)).toBe(false);
    expect(creditLimitNeedsApproval(party({ balancePaise: 2_000_00 }), 3_000_00)).toBe(false);
    expect(creditLimitNeedsApproval(party({ balancePaise: 15_000_00 }), 0)).toBe(false);
  });

  it('only warns (never asks) under the warn policy, and never asks without a limit', () => {
    expect(creditLimitNeedsApproval(party({ creditLimitPolicy: 'warn', balancePaise: 8_000_00 }), 3_000_00)).toBe(
      false,
    );
    expect(creditLimitNeedsApproval(party({ creditLimitPaise: null, balancePaise: 50_000_00 }), 1_000_00)).toBe(false);
  });
});
