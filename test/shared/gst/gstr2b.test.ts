// GSTR-2B: reading the portal's JSON for this shop and month (or refusing it in words the owner can act on), and
// matching its supplier invoices and credit notes against the purchase bills and debit notes the counters recorded.
import { describe, it, expect } from 'vitest';
import { Invalid } from '../../../src-shared/errors';
import {
  monthLabel,
  normaliseInvoiceNumber,
  readGstr2b,
  reconcile2b,
  TWO_B_TOLERANCE_PAISE,
  type BookDocument,
  type TwoBDocument,
} from '../../../src-shared/gst/gstr2b';

const SHOP = '27AAPFU0939F1ZV';
const SUPPLIER = '27AABCS1429B1Z1';
const OTHER_SUPPLIER = '29AAGCR4375J1ZU';
const JUNE = { gstin: SHOP, month: '2026-06' };

/** A GSTR-2B file as the portal writes it (June 2026 for this shop), with the given document lists. */
function portalFile(docdata: Record<string, unknown>, data: Record<string, unknown> = {}) {
  return {
    chksum: 'x',
    data: { gstin: SHOP, rtnprd: '062026', version: '1.0', gendt: '14-07-2026', docdata, ...data },
  };
}

const invoice = {
  inum: 'SA/0042',
  typ: 'R',
  dt: '05-06-2026',
  val: 1180.5,
  pos: '27',
  rev: 'N',
  items: [
    { num: 1, rt: 18, txval: 900.25, igst: 0, cgst: 81.02, sgst: 81.03, cess: 0 },
    { num: 2, rt: 5, txval: 100, cgst: 2.5, sgst: 2.5, cess: 1.2 },
  ],
};
const creditNote = {
  ntnum: 'CN-7',
  typ: 'C',
  dt: '12-06-2026',
  val: 118,
  items: [{ txval: 100, igst: 18 }],
};

function refusal(text: string, expected = JUNE) {
  let error: unknown = null;
  try {
    readGstr2b(text, expected);
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).shop;
}

/** The same valid file with one thing broken, and the field the owner is told to look at. */
const good = () =>
  structuredClone(
    portalFile({
      b2b: [{ ctin: SUPPLIER, trdnm: 'Sai Agencies', inv: [invoice] }],
      cdnr: [{ ctin: SUPPLIER, nt: [creditNote] }],
    }),
  );
type PortalFile = ReturnType<typeof good>;
const b2bInvoice = (file: PortalFile) => (file.data.docdata.b2b as { inv: Record<string, unknown>[] }[])[0]!.inv[0]!;
const b2bItem = (file: PortalFile) => (b2bInvoice(file).items as Record<string, unknown>[])[0]!;
const cdnrRow = (file: PortalFile) => (file.data.docdata.cdnr as Record<string, unknown>[])[0]!;
const broken: [string, string, (file: PortalFile) => unknown][] = [
  ['no data', 'the return data', (file) => delete (file as Partial<PortalFile>).data],
  ['a GSTIN that is not text', 'the GSTIN', (file) => ((file.data as Record<string, unknown>).gstin = 27)],
  ['a period of month 13', 'the return period', (file) => (file.data.rtnprd = '132026')],
  ['a period written yyyy-mm', 'the return period', (file) => (file.data.rtnprd = '2026-06')],
  ['no document list', 'the document list', (file) => delete (file.data as Record<string, unknown>).docdata],
  ['B2B that is not a list', 'the B2B invoices', (file) => ((file.data.docdata as Record<string, unknown>).b2b = {})],
  [
    'credit notes that are not a list',
    'the credit notes',
    (file) => ((file.data.docdata as Record<string, unknown>).cdnr = 'none'),
  ],
  [
    'an empty supplier GSTIN',
    "a supplier's GSTIN",
    (file) => ((file.data.docdata.b2b as Record<string, unknown>[])[0]!.ctin = ''),
  ],
  [
    'a supplier with no invoice list',
    "a supplier's invoices",
    (file) => delete (file.data.docdata.b2b as Record<string, unknown>[])[0]!.inv,
  ],
  ['a supplier with no note list', "a supplier's notes", (file) => delete cdnrRow(file).nt],
  ['an empty invoice number', 'an invoice number', (file) => (b2bInvoice(file).inum = '')],
  ['an empty note number', 'a note number', (file) => ((cdnrRow(file).nt as Record<string, unknown>[])[0]!.ntnum = '')],
  ['a date written yyyy-mm-dd', 'a document date', (file) => (b2bInvoice(file).dt = '2026-06-05')],
  ['a value in words', 'a document value', (file) => (b2bInvoice(file).val = 'eleven hundred')],
  ['an invoice without items', "a document's items", (file) => delete b2bInvoice(file).items],
  ['an item without a taxable value', 'a taxable value', (file) => delete b2bItem(file).txval],
  ['an IGST amount as text', 'an IGST amount', (file) => (b2bItem(file).igst = '0')],
  ['a CGST amount as text', 'a CGST amount', (file) => (b2bItem(file).cgst = '81.02')],
  ['an SGST amount as text', 'an SGST amount', (file) => (b2bItem(file).sgst = '81.03')],
  ['a cess amount as text', 'a cess amount', (file) => (b2bItem(file).cess = '0')],
  [
    'an invoice that is not an object',
    "a supplier's invoices",
    (file) => ((file.data.docdata.b2b as Record<string, unknown>[])[0]!.inv = [5]),
  ],
  ['a date with a digit too many in front', 'a document date', (file) => (b2bInvoice(file).dt = '105-06-2026')],
  ['a date with a digit too many behind', 'a document date', (file) => (b2bInvoice(file).dt = '05-06-20261')],
  ['a period with a digit too many in front', 'the return period', (file) => (file.data.rtnprd = '1062026')],
  ['a period with a digit too many behind', 'the return period', (file) => (file.data.rtnprd = '0620261')],
  // A field the owner would not recognise by name: the message points at the return as a whole.
  [
    'a trade name that is a number',
    'the return data',
    (file) => ((file.data.docdata.b2b as Record<string, unknown>[])[0]!.trdnm = 5),
  ],
  ['a reverse-charge flag that is a number', 'the return data', (file) => (b2bInvoice(file).rev = 1)],
];

describe('readGstr2b refuses what is not this shop’s GSTR-2B for the month, and says why', () => {
  it('refuses text that is not JSON', () => {
    expect(refusal('GSTR-2B June.pdf')).toEqual({ key: 'gstr2bNotJson' });
  });

  it('refuses JSON that is not an object at all, pointing at the return', () => {
    expect(refusal('5')).toEqual({ key: 'gstr2bNotPortalShape', params: { field: 'the return data' } });
  });

  it.each(broken)('refuses a file with %s, naming %s', (_, field, breakIt) => {
    const file = good();
    breakIt(file);
    expect(refusal(JSON.stringify(file))).toEqual({ key: 'gstr2bNotPortalShape', params: { field } });
  });

  it('accepts the same file unbroken', () => {
    expect(readGstr2b(JSON.stringify(good()), JUNE).documents).toHaveLength(2);
  });

  it('refuses another GSTIN’s file, naming both', () => {
    const file = portalFile({}, { gstin: ' 29aagcr4375j1zu ' });
    expect(refusal(JSON.stringify(file))).toEqual({
      key: 'gstr2bOtherGstin',
      params: { gstin: '29AAGCR4375J1ZU', shopGstin: SHOP },
    });
  });

  it('refuses another month’s file, naming both months', () => {
    const file = portalFile({}, { rtnprd: '052026' });
    expect(refusal(JSON.stringify(file))).toEqual({
      key: 'gstr2bOtherMonth',
      params: { period: 'May 2026', month: 'Jun 2026' },
    });
    expect(refusal(JSON.stringify(portalFile({}, { rtnprd: '062025' })))).toMatchObject({
      params: { period: 'Jun 2025', month: 'Jun 2026' },
    });
  });
});

describe('readGstr2b reads the portal’s documents in paise', () => {
  it('matches the GSTIN whatever its case or spacing, on either side', () => {
    const file = portalFile({}, { gstin: ` ${SHOP.toLowerCase()} ` });
    expect(readGstr2b(JSON.stringify(file), { gstin: SHOP.toLowerCase(), month: '2026-06' })).toEqual({
      gstin: SHOP,
      month: '2026-06',
      documents: [],
    });
  });

  it('reads each invoice and each credit note with its taxable value and tax summed over its rates', () => {
    const file = portalFile({
      b2b: [{ ctin: ` ${SUPPLIER.toLowerCase()} `, trdnm: 'Sai Agencies', inv: [invoice] }],
      cdnr: [{ ctin: OTHER_SUPPLIER, nt: [creditNote] }],
    });
    expect(readGstr2b(JSON.stringify(file), JUNE).documents).toEqual([
      {
        kind: 'invoice',
        supplierGstin: SUPPLIER,
        supplierName: 'Sai Agencies',
        number: 'SA/0042',
        date: '2026-06-05',
        valuePaise: 118050,
        // 900.25 + 100.00 taxable; 81.02 + 81.03 + 2.50 + 2.50 + 1.20 tax (a missing IGST is none).
        taxablePaise: 100025,
        taxPaise: 16825,
      },
      {
        kind: 'credit_note',
        supplierGstin: OTHER_SUPPLIER,
        supplierName: '',
        number: 'CN-7',
        date: '2026-06-12',
        valuePaise: 11800,
        taxablePaise: 10000,
        taxPaise: 1800,
      },
    ]);
  });

  it('turns rupees into whole paise without floating-point dust', () => {
    const file = portalFile({
      b2b: [{ ctin: SUPPLIER, inv: [{ ...invoice, val: 0.3, items: [{ txval: 0.1 }, { txval: 0.2 }] }] }],
    });
    expect(readGstr2b(JSON.stringify(file), JUNE).documents[0]).toMatchObject({
      valuePaise: 30,
      taxablePaise: 30,
      taxPaise: 0,
    });
  });

  it('keeps credit notes, and notes without a type, but not the suppliers’ debit notes', () => {
    const file = portalFile({
      cdnr: [
        {
          ctin: ` ${SUPPLIER.toLowerCase()} `,
          trdnm: 'Sai Agencies',
          nt: [
            { ...creditNote, ntnum: 'CN-1' },
            { ...creditNote, ntnum: 'DN-2', typ: 'D' },
            { ntnum: 'CN-3', dt: '01-06-2026', val: 0, items: [] },
          ],
        },
      ],
    });
    const documents = readGstr2b(JSON.stringify(file), JUNE).documents;
    expect(documents.map((doc) => [doc.kind, doc.number, doc.supplierName])).toEqual([
      ['credit_note', 'CN-1', 'Sai Agencies'],
      ['credit_note', 'CN-3', 'Sai Agencies'],
    ]);
    expect(documents[1]).toMatchObject({
      supplierGstin: SUPPLIER,
      date: '2026-06-01',
      valuePaise: 0,
      taxablePaise: 0,
      taxPaise: 0,
    });
  });

  it('reads every invoice of every supplier, in the file’s order', () => {
    const file = portalFile({
      b2b: [
        { ctin: SUPPLIER, inv: [invoice, { ...invoice, inum: 'SA/0043' }] },
        { ctin: OTHER_SUPPLIER, inv: [{ ...invoice, inum: 'RK 7' }] },
      ],
    });
    expect(
      readGstr2b(JSON.stringify(file), JUNE).documents.map((doc) => [doc.supplierGstin, doc.number, doc.supplierName]),
    ).toEqual([
      // No trade name in the file: none is made up.
      [SUPPLIER, 'SA/0042', ''],
      [SUPPLIER, 'SA/0043', ''],
      [OTHER_SUPPLIER, 'RK 7', ''],
    ]);
  });
});

describe('monthLabel', () => {
  it.each([
    ['2026-01', 'Jan 2026'],
    ['2026-02', 'Feb 2026'],
    ['2026-03', 'Mar 2026'],
    ['2026-04', 'Apr 2026'],
    ['2026-05', 'May 2026'],
    ['2026-06', 'Jun 2026'],
    ['2026-07', 'Jul 2026'],
    ['2026-08', 'Aug 2026'],
    ['2026-09', 'Sep 2026'],
    ['2026-10', 'Oct 2026'],
    ['2026-11', 'Nov 2026'],
    ['2027-12', 'Dec 2027'],
  ])('names %s as %s', (month, label) => {
    expect(monthLabel(month)).toBe(label);
  });
});

describe('normaliseInvoiceNumber', () => {
  it('ignores case, separators and leading zeros, so the supplier’s and the portal’s spellings agree', () => {
    expect(normaliseInvoiceNumber('inv/0042')).toBe('INV42');
    expect(normaliseInvoiceNumber('INV-42')).toBe('INV42');
    expect(normaliseInvoiceNumber('a-007/b 010')).toBe('A7B10');
    expect(normaliseInvoiceNumber('000')).toBe('0');
  });

  it('keeps numbers that differ apart', () => {
    expect(normaliseInvoiceNumber('INV-420')).not.toBe(normaliseInvoiceNumber('INV-42'));
    // Separators go before digits are read, so '4-2' is the number 42, as the portal would compare it.
    expect(normaliseInvoiceNumber('4-2')).toBe('42');
  });
});

function twoBDoc(overrides: Partial<TwoBDocument> = {}): TwoBDocument {
  return {
    kind: 'invoice',
    supplierGstin: SUPPLIER,
    supplierName: 'Sai Agencies',
    number: 'SA/0042',
    date: '2026-06-05',
    valuePaise: 590_000,
    taxablePaise: 500_000,
    taxPaise: 90_000,
    ...overrides,
  };
}
function bookDoc(overrides: Partial<BookDocument> = {}): BookDocument {
  return { ...twoBDoc(), number: 'SA-42', ourNumber: 'C1PB-2026-000001', ...overrides };
}

describe('reconcile2b, invoices', () => {
  it('matches an invoice by supplier and number however it is spelt', () => {
    const twoB = twoBDoc();
    const books = bookDoc();
    expect(reconcile2b([twoB], [books])).toEqual({
      matched: [{ twoB, books }],
      missingInBooks: [],
      missingIn2b: [],
      mismatched: [],
    });
  });

  it('matches within ₹1 of taxable value and of tax, either way, and not a paisa more', () => {
    expect(TWO_B_TOLERANCE_PAISE).toBe(100);
    const books = bookDoc();
    for (const delta of [100, -100]) {
      const twoB = twoBDoc({ taxablePaise: 500_000 + delta, taxPaise: 90_000 - delta });
      expect(reconcile2b([twoB], [books]).matched).toEqual([{ twoB, books }]);
    }
    const taxable = twoBDoc({ taxablePaise: 500_101 });
    expect(reconcile2b([taxable], [books]).mismatched).toEqual([{ twoB: taxable, books, differences: ['taxable'] }]);
    const tax = twoBDoc({ taxPaise: 89_899 });
    expect(reconcile2b([tax], [books]).mismatched).toEqual([{ twoB: tax, books, differences: ['tax'] }]);
  });

  it('names every difference of a mismatched invoice: date, taxable value, tax', () => {
    const twoB = twoBDoc({ date: '2026-06-06', taxablePaise: 400_000, taxPaise: 72_000 });
    const books = bookDoc();
    expect(reconcile2b([twoB], [books])).toEqual({
      matched: [],
      missingInBooks: [],
      missingIn2b: [],
      mismatched: [{ twoB, books, differences: ['date', 'taxable', 'tax'] }],
    });
    const dateOnly = twoBDoc({ date: '2026-06-04' });
    expect(reconcile2b([dateOnly], [books]).mismatched).toEqual([{ twoB: dateOnly, books, differences: ['date'] }]);
  });

  it('puts an invoice of the portal that the books lack in missingInBooks, and a bill the portal lacks in missingIn2b', () => {
    const notRecorded = twoBDoc({ number: 'SA/0050' });
    const sameNumberOtherSupplier = twoBDoc({ supplierGstin: OTHER_SUPPLIER });
    const notFiled = bookDoc({ number: 'SA/0051', ourNumber: 'C1PB-2026-000002' });
    expect(reconcile2b([notRecorded, sameNumberOtherSupplier], [notFiled])).toEqual({
      matched: [],
      missingInBooks: [notRecorded, sameNumberOtherSupplier],
      missingIn2b: [notFiled],
      mismatched: [],
    });
  });

  it('pairs a bill once: the same invoice listed twice by the portal is missing in the books the second time', () => {
    const twoB = twoBDoc();
    const again = twoBDoc({ number: 'SA-0042' });
    const books = bookDoc();
    expect(reconcile2b([twoB, again], [books])).toEqual({
      matched: [{ twoB, books }],
      missingInBooks: [again],
      missingIn2b: [],
      mismatched: [],
    });
  });

  it('never pairs an invoice with a debit note that happens to carry the same number', () => {
    const twoB = twoBDoc();
    const debitNote = bookDoc({ kind: 'credit_note', ourNumber: 'C1DN-2026-000001', taxablePaise: 1, taxPaise: 1 });
    expect(reconcile2b([twoB], [debitNote])).toEqual({
      matched: [],
      missingInBooks: [twoB],
      missingIn2b: [debitNote],
      mismatched: [],
    });
  });
});

describe('reconcile2b, credit notes', () => {
  const note = (overrides: Partial<TwoBDocument> = {}) =>
    twoBDoc({
      kind: 'credit_note',
      number: 'CN-7',
      date: '2026-06-12',
      taxablePaise: 50_000,
      taxPaise: 9_000,
      ...overrides,
    });
  const debit = (overrides: Partial<BookDocument> = {}) =>
    bookDoc({
      kind: 'credit_note',
      number: 'C1DN-2026-000001',
      ourNumber: 'C1DN-2026-000001',
      date: '2026-06-10',
      taxablePaise: 50_000,
      taxPaise: 9_000,
      ...overrides,
    });

  it('pairs the supplier’s credit note with our debit note of the same supplier and amounts, whatever the numbers', () => {
    const twoB = note();
    const books = debit();
    expect(reconcile2b([twoB], [books])).toEqual({
      matched: [{ twoB, books }],
      missingInBooks: [],
      missingIn2b: [],
      mismatched: [],
    });
  });

  it('takes the debit note nearest in date when several fit, in whichever order they come', () => {
    const twoB = note();
    const far = debit({ ourNumber: 'C1DN-2026-000001', date: '2026-06-01' });
    const near = debit({ ourNumber: 'C1DN-2026-000002', date: '2026-06-13' });
    expect(reconcile2b([twoB], [far, near])).toMatchObject({ matched: [{ twoB, books: near }], missingIn2b: [far] });
    expect(reconcile2b([twoB], [near, far])).toMatchObject({ matched: [{ twoB, books: near }], missingIn2b: [far] });
    const before = debit({ ourNumber: 'C1DN-2026-000003', date: '2026-06-11' });
    const after = debit({ ourNumber: 'C1DN-2026-000004', date: '2026-06-20' });
    expect(reconcile2b([twoB], [after, before])).toMatchObject({
      matched: [{ twoB, books: before }],
      missingIn2b: [after],
    });
  });

  it('pairs within ₹1 of taxable value and of tax, and not a paisa more', () => {
    const books = debit();
    const edge = note({ taxablePaise: 50_100, taxPaise: 8_900 });
    expect(reconcile2b([edge], [books]).matched).toEqual([{ twoB: edge, books }]);
    for (const beyond of [
      note({ taxablePaise: 50_101 }),
      note({ taxablePaise: 49_899 }),
      note({ taxPaise: 9_101 }),
      note({ taxPaise: 8_899 }),
    ])
      expect(reconcile2b([beyond], [books])).toEqual({
        matched: [],
        missingInBooks: [beyond],
        missingIn2b: [books],
        mismatched: [],
      });
  });

  it('never pairs a credit note with another supplier’s debit note, with a bill, or with a debit note already paired', () => {
    const twoB = note();
    const otherSupplier = debit({ supplierGstin: OTHER_SUPPLIER });
    const bill = bookDoc({ number: 'SA/0099', taxablePaise: 50_000, taxPaise: 9_000 });
    expect(reconcile2b([twoB], [otherSupplier, bill])).toEqual({
      matched: [],
      missingInBooks: [twoB],
      missingIn2b: [otherSupplier, bill],
      mismatched: [],
    });
    const second = note({ number: 'CN-8' });
    const books = debit();
    expect(reconcile2b([twoB, second], [books])).toEqual({
      matched: [{ twoB, books }],
      missingInBooks: [second],
      missingIn2b: [],
      mismatched: [],
    });
  });

  it('does not pair a supplier’s credit note with one of our bills by number either', () => {
    const twoB = note({ number: 'SA/0042' });
    const bill = bookDoc();
    expect(reconcile2b([twoB], [bill])).toEqual({
      matched: [],
      missingInBooks: [twoB],
      missingIn2b: [bill],
      mismatched: [],
    });
  });
});
