// What a sale's document must be and say: a tax invoice (CGST Rule 46) or a bill of supply (Rule 49), and when an
// unregistered buyer's address and the delivery address must be on it (Rule 46(e)).
import { describe, it, expect } from 'vitest';
import {
  COMPOSITION_DECLARATION,
  EXEMPT_DECLARATION,
  NO_SUPPLY_DETAILS,
  TAX_SCHEMES,
  UNREGISTERED_ADDRESS_THRESHOLD_PAISE,
  isBillOfSupply,
  needsRecipientAddress,
  stateNameAndCode,
} from '../../../src-shared/gst/rule46';

const taxed = { gstRateBp: 1800, cessRateBp: 0 };
const exempt = { gstRateBp: 0, cessRateBp: 0 };
const cessOnly = { gstRateBp: 0, cessRateBp: 100 };

describe('isBillOfSupply', () => {
  it('a composition dealer always issues a bill of supply, taxed goods or not', () => {
    expect(isBillOfSupply('composition', [taxed])).toBe(true);
    expect(isBillOfSupply('composition', [exempt])).toBe(true);
  });

  it('a regular dealer issues a bill of supply only when no line bears GST or cess', () => {
    expect(isBillOfSupply('regular', [exempt, exempt])).toBe(true);
    expect(isBillOfSupply('regular', [exempt, taxed])).toBe(false);
    expect(isBillOfSupply('regular', [taxed, exempt])).toBe(false);
    expect(isBillOfSupply('regular', [cessOnly])).toBe(false);
    expect(isBillOfSupply('regular', [exempt, cessOnly])).toBe(false);
  });

  it('the schemes are regular and composition', () => {
    expect(TAX_SCHEMES).toEqual(['regular', 'composition']);
  });
});

describe('needsRecipientAddress, Rule 46(e)', () => {
  it('asks for the addresses of an unregistered buyer from ₹50,000 of taxable value', () => {
    expect(UNREGISTERED_ADDRESS_THRESHOLD_PAISE).toBe(50_000_00);
    expect(needsRecipientAddress({ partyGstin: null, taxablePaise: 50_000_00 })).toBe(true);
    expect(needsRecipientAddress({ partyGstin: null, taxablePaise: 1_50_000_00 })).toBe(true);
    expect(needsRecipientAddress({ partyGstin: '', taxablePaise: 50_000_00 })).toBe(true);
  });

  it('not a paisa below ₹50,000', () => {
    expect(needsRecipientAddress({ partyGstin: null, taxablePaise: 49_999_99 })).toBe(false);
  });

  it('not for a registered buyer, whose GSTIN names them (Rule 46(d))', () => {
    expect(needsRecipientAddress({ partyGstin: '29AAGCR4375J1ZU', taxablePaise: 1_00_000_00 })).toBe(false);
  });
});

describe('stateNameAndCode', () => {
  it('names a State with its code, as Rule 46(e) and (n) ask', () => {
    expect(stateNameAndCode('29')).toBe('Karnataka (29)');
    expect(stateNameAndCode('27')).toBe('Maharashtra (27)');
  });

  it('says "State" for a code it does not know, keeping the code', () => {
    expect(stateNameAndCode('00')).toBe('State (00)');
  });
});

describe('the words the documents carry', () => {
  it('a composition dealer’s bill of supply carries the Rule 5(1)(g) declaration', () => {
    // The rule's words, capitalised as the first words of the bill.
    expect(COMPOSITION_DECLARATION.toLowerCase()).toBe(
      'composition taxable person, not eligible to collect tax on supplies',
    );
  });

  it('a regular dealer’s exempt bill says why it charges no GST', () => {
    expect(EXEMPT_DECLARATION).toMatch(/exempt or nil-rated goods/);
    expect(EXEMPT_DECLARATION).toMatch(/no GST charged/);
    expect(EXEMPT_DECLARATION).toContain('Section 31(3)(c) CGST Act');
  });

  it('a sale with no supply details is a tax invoice with no addresses', () => {
    expect(NO_SUPPLY_DETAILS).toEqual({
      billOfSupply: false,
      composition: false,
      recipientAddress: '',
      deliveryAddress: '',
    });
  });
});
