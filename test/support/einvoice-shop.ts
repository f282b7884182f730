// A B2B sale worked by hand for the e-invoice tests: a Mumbai shop selling to a Bengaluru buyer (inter-State, IGST),
// one line priced before tax with a discount, one priced with tax included; and a credit note returning part of it.
import type { EinvoiceCreditNoteSource, EinvoiceInvoiceSource } from '../../src-shared/gst/einvoice';

export const SHOP_GSTIN = '27AAPFU0939F1ZV';
export const BUYER_GSTIN = '29AAPFU0939F1ZR';
/** The same GSTIN with its check character changed: the IRP would refuse it, Galla refuses it first. */
export const BAD_CHECKSUM_GSTIN = '29AAPFU0939F1ZS';

const tax = { cgstPaise: 0, sgstPaise: 0, cessPaise: 0, cessRateBp: 0 };

/**
 * Rice: 3 × ₹450.00 = ₹1,350.00 less ₹50.00 = ₹1,300.00 taxable, 5 % IGST ₹65.00, ₹1,365.00.
 * Tumblers: 2 × ₹118.00 with 18 % included = ₹200.00 taxable + ₹36.00 IGST = ₹236.00.
 * Bill: ₹1,500.00 taxable + ₹101.00 IGST = ₹1,601.00.
 */
export function b2bInvoice(
  overrides: { number?: string; businessDate?: string; partyGstin?: string | null; id?: string } = {},
): EinvoiceInvoiceSource {
  return {
    invoice: {
      id: overrides.id ?? '11111111-1111-4111-8111-111111111111',
      number: overrides.number ?? 'C1-000042',
      businessDate: overrides.businessDate ?? '2026-12-01',
      partyName: 'Kaveri Traders Private Limited',
      partyGstin: overrides.partyGstin === undefined ? BUYER_GSTIN : overrides.partyGstin,
      placeOfSupply: '29',
      interState: true,
      taxablePaise: 150_000,
      igstPaise: 10_100,
      cgstPaise: 0,
      sgstPaise: 0,
      cessPaise: 0,
      roundOffPaise: 0,
      totalPaise: 160_100,
    },
    lines: [
      {
        id: 'line-rice',
        name: 'Basmati rice 5 kg bag',
        hsn: '1006',
        unit: 'pcs',
        qtyMilli: 3000,
        unitPricePaise: 45_000,
        priceIncludesTax: false,
        gstRateBp: 500,
        grossPaise: 135_000,
        lineDiscountPaise: 5_000,
        billDiscountPaise: 0,
        taxablePaise: 130_000,
        igstPaise: 6_500,
        totalPaise: 136_500,
        ...tax,
      },
      {
        id: 'line-tumbler',
        name: 'Steel tumbler',
        hsn: '7323',
        unit: 'pcs',
        qtyMilli: 2000,
        unitPricePaise: 11_800,
        priceIncludesTax: true,
        gstRateBp: 1800,
        grossPaise: 23_600,
        lineDiscountPaise: 0,
        billDiscountPaise: 0,
        taxablePaise: 20_000,
        igstPaise: 3_600,
        totalPaise: 23_600,
        ...tax,
      },
    ],
    seller: {
      name: 'Galla Kirana',
      address: 'Shop 4, Linking Road, Bandra West, Mumbai 400050',
      gstin: SHOP_GSTIN,
      stateCode: '27',
    },
    supply: { recipientAddress: '12 MG Road, Shivajinagar, Bengaluru 560001' },
  };
}

/** One bag of rice back: ₹433.33 taxable (a third of ₹1,300.00) + ₹21.67 IGST = ₹455.00. */
export function partialReturn(): EinvoiceCreditNoteSource {
  return {
    creditNote: {
      id: '22222222-2222-4222-8222-222222222222',
      number: 'CN1-000007',
      businessDate: '2026-12-02',
      taxablePaise: 43_333,
      igstPaise: 2_167,
      cgstPaise: 0,
      sgstPaise: 0,
      cessPaise: 0,
      roundOffPaise: 0,
      totalPaise: 45_500,
    },
    lines: [
      {
        invoiceLineId: 'line-rice',
        qtyMilli: 1000,
        taxablePaise: 43_333,
        igstPaise: 2_167,
        cgstPaise: 0,
        sgstPaise: 0,
        cessPaise: 0,
        totalPaise: 45_500,
      },
    ],
  };
}
