// The e-invoice JSON of a B2B sale and its credit note, worked by hand, in the NIC schema 1.1 and to the paisa.
import { describe, expect, it } from 'vitest';
import { buildEinvoice, splitAddress } from '../../../src-shared/gst/einvoice';
import { Invalid } from '../../../src-shared/errors';
import { einvoiceProblems } from '../../support/einvoice-schema';
import { BAD_CHECKSUM_GSTIN, b2bInvoice, partialReturn, SHOP_GSTIN } from '../../support/einvoice-shop';

const SELLER = { gstin: SHOP_GSTIN, legalName: 'Galla Kirana Private Limited' };

describe('the e-invoice of a B2B invoice', () => {
  const einvoice = buildEinvoice(SELLER, b2bInvoice());

  it('carries the schema 1.1 header: B2B under GST, no reverse charge, the invoice number and its dd/mm/yyyy date', () => {
    expect(einvoice.Version).toBe('1.1');
    expect(einvoice.TranDtls).toEqual({ TaxSch: 'GST', SupTyp: 'B2B', RegRev: 'N', IgstOnIntra: 'N' });
    expect(einvoice.DocDtls).toEqual({ Typ: 'INV', No: 'C1-000042', Dt: '01/12/2026' });
  });

  it('names the seller by legal name and the buyer with place of supply, each address split into Addr1, Loc and PIN', () => {
    expect(einvoice.SellerDtls).toEqual({
      Gstin: SHOP_GSTIN,
      LglNm: 'Galla Kirana Private Limited',
      Addr1: 'Shop 4, Linking Road, Bandra West, Mumbai',
      Loc: 'Mumbai',
      Pin: 400050,
      Stcd: '27',
    });
    expect(einvoice.BuyerDtls).toEqual({
      Gstin: '29AAPFU0939F1ZR',
      LglNm: 'Kaveri Traders Private Limited',
      Addr1: '12 MG Road, Shivajinagar, Bengaluru',
      Loc: 'Bengaluru',
      Pin: 560001,
      Stcd: '29',
      Pos: '29',
    });
  });

  it('reports a price before tax as gross less discount, and a tax-inclusive price at its taxable value', () => {
    expect(einvoice.ItemList).toEqual([
      {
        SlNo: '1',
        PrdDesc: 'Basmati rice 5 kg bag',
        IsServc: 'N',
        HsnCd: '1006',
        Qty: 3,
        Unit: 'NOS',
        UnitPrice: 450,
        TotAmt: 1350,
        Discount: 50,
        AssAmt: 1300,
        GstRt: 5,
        IgstAmt: 65,
        CgstAmt: 0,
        SgstAmt: 0,
        CesRt: 0,
        CesAmt: 0,
        TotItemVal: 1365,
      },
      {
        SlNo: '2',
        PrdDesc: 'Steel tumbler',
        IsServc: 'N',
        HsnCd: '7323',
        Qty: 2,
        Unit: 'NOS',
        UnitPrice: 100,
        TotAmt: 200,
        Discount: 0,
        AssAmt: 200,
        GstRt: 18,
        IgstAmt: 36,
        CgstAmt: 0,
        SgstAmt: 0,
        CesRt: 0,
        CesAmt: 0,
        TotItemVal: 236,
      },
    ]);
    expect(einvoice.ValDtls).toEqual({
      AssVal: 1500,
      CgstVal: 0,
      SgstVal: 0,
      IgstVal: 101,
      CesVal: 0,
      RndOffAmt: 0,
      TotInvVal: 1601,
    });
  });

  it('fits the published schema and the IRP arithmetic', () => {
    expect(einvoiceProblems(einvoice)).toEqual([]);
  });

  it('prints paise as rupees to the exact paisa, however large', () => {
    const source = b2bInvoice();
    source.invoice.taxablePaise = 12_711_864;
    const json = JSON.stringify(buildEinvoice(SELLER, source).ValDtls);
    expect(json).toContain('"AssVal":127118.64');
  });
});

describe('the e-invoice of a credit note', () => {
  const einvoice = buildEinvoice(SELLER, b2bInvoice(), partialReturn());

  it('is a CRN under its own number and date, naming the invoice it reduces', () => {
    expect(einvoice.DocDtls).toEqual({ Typ: 'CRN', No: 'CN1-000007', Dt: '02/12/2026' });
    expect(einvoice.RefDtls).toEqual({ PrecDocDtls: [{ InvNo: 'C1-000042', InvDt: '01/12/2026' }] });
  });

  it('reports the returned share of the line, the invoice line giving its description, HSN and rate', () => {
    expect(einvoice.ItemList).toEqual([
      expect.objectContaining({
        HsnCd: '1006',
        Qty: 1,
        UnitPrice: 433.33,
        TotAmt: 433.33,
        Discount: 0,
        AssAmt: 433.33,
      }),
    ]);
    expect(einvoice.ItemList[0]).toMatchObject({ GstRt: 5, IgstAmt: 21.67, TotItemVal: 455 });
    expect(einvoice.ValDtls).toMatchObject({ AssVal: 433.33, IgstVal: 21.67, TotInvVal: 455 });
    expect(einvoiceProblems(einvoice)).toEqual([]);
  });
});

describe('what is refused before anything is sent', () => {
  it('a buyer GSTIN that fails its check character, in shop language', () => {
    const attempt = () => buildEinvoice(SELLER, b2bInvoice({ partyGstin: BAD_CHECKSUM_GSTIN }));
    expect(attempt).toThrow(Invalid);
    expect(attempt).toThrow(`The buyer's GSTIN ${BAD_CHECKSUM_GSTIN} is not valid`);
    expect(attempt).toThrow(
      expect.objectContaining({ shop: { key: 'einvoiceBuyerGstin', params: { gstin: BAD_CHECKSUM_GSTIN } } }),
    );
  });

  it('a bill without a buyer GSTIN (a B2C sale is not e-invoiced)', () => {
    expect(() => buildEinvoice(SELLER, b2bInvoice({ partyGstin: null }))).toThrow('Only bills to a buyer with a GSTIN');
  });

  it('a buyer address with no six-digit PIN', () => {
    const source = b2bInvoice();
    source.supply = { recipientAddress: 'MG Road, Bengaluru 5600' };
    expect(() => buildEinvoice(SELLER, source)).toThrow('six-digit PIN');
    expect(() => splitAddress('Near the temple', 'seller')).toThrow("The shop's address has no six-digit PIN");
  });

  it('and the schema itself refuses a GSTIN of the wrong shape or an amount with three decimals', () => {
    const einvoice = buildEinvoice(SELLER, b2bInvoice());
    expect(einvoiceProblems({ ...einvoice, BuyerDtls: { ...einvoice.BuyerDtls, Gstin: '29AAPFU0939' } })).not.toEqual(
      [],
    );
    expect(einvoiceProblems({ ...einvoice, ValDtls: { ...einvoice.ValDtls, AssVal: 1500.001 } })).not.toEqual([]);
  });
});
