// The owner's buying-side reports over all counters: the purchase register, suppliers' dues aged, and GSTR-2B matched
// against the recorded purchase bills and debit notes.
import { sql } from 'drizzle-orm';
import { ageBalance } from '../../src-shared/khata/ageing';
import { shopDayEnd } from '../../src-shared/shop-time';
import type { Gstr2bInput, PurchaseListInput } from '../../src-shared/contracts/reports';
import type {
  Gstr2bReconciliation,
  PayablesReport,
  PurchaseList,
  PurchaseRow,
  ReconciliationRow,
} from '../../src-shared/contracts/purchase-reports';
import {
  normaliseInvoiceNumber,
  readGstr2b,
  reconcile2b,
  TWO_B_TOLERANCE_PAISE,
  type BookDocument,
  type TwoBDocument,
} from '../../src-shared/gst/gstr2b';
import type { ServerDb } from '../db/connection';
import { reportRows } from '../reports/query';
import { monthRange, shopGstin } from '../reports/gst';

const PURCHASE_NUMBERS = [
  'taxablePaise',
  'taxPaise',
  'totalPaise',
  'paidPaise',
  'payablePaise',
  'returnedPaise',
] as const satisfies (keyof PurchaseRow)[];

/** Bills recorded in the range (by business day), newest first, with what has been returned against each. */
export async function listPurchases(tx: ServerDb, shopId: string, input: PurchaseListInput): Promise<PurchaseList> {
  const search = input.search?.trim() ? `%${input.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await reportRows<PurchaseRow>(
    tx,
    sql`SELECT b.id, b.number, to_char(b.business_date, 'YYYY-MM-DD') AS "date", COALESCE(c.counter_code, '') AS "counterCode",
          b.supplier_id AS "supplierId", COALESCE(p.name, 'Unknown supplier') AS "supplierName", b.supplier_gstin AS "supplierGstin",
          b.supplier_invoice_number AS "supplierInvoiceNumber", to_char(b.supplier_invoice_date, 'YYYY-MM-DD') AS "supplierInvoiceDate",
          b.reverse_charge AS "reverseCharge", b.taxable_paise AS "taxablePaise",
          b.cgst_paise + b.sgst_paise + b.igst_paise + b.cess_paise AS "taxPaise", b.total_paise AS "totalPaise",
          b.paid_paise AS "paidPaise", b.payable_paise AS "payablePaise",
          COALESCE((SELECT SUM(d.total_paise) FROM debit_notes d WHERE d.shop_id = b.shop_id AND d.purchase_bill_id = b.id), 0) AS "returnedPaise"
        FROM purchase_bills b
        LEFT JOIN parties p ON p.shop_id = b.shop_id AND p.id = b.supplier_id
        LEFT JOIN counters c ON c.shop_id = b.shop_id AND c.id = b.counter_id
        WHERE b.shop_id = ${shopId} AND b.business_date BETWEEN ${input.from} AND ${input.to}
          ${input.supplierId ? sql`AND b.supplier_id = ${input.supplierId}` : sql``}
          ${input.reverseCharge === undefined ? sql`` : sql`AND b.reverse_charge = ${input.reverseCharge}`}
          ${search ? sql`AND (b.number ILIKE ${search} OR b.supplier_invoice_number ILIKE ${search} OR p.name ILIKE ${search} OR b.supplier_gstin ILIKE ${search})` : sql``}
        ORDER BY b.business_date DESC, b.number DESC LIMIT 500`,
    [...PURCHASE_NUMBERS],
  );
  const suppliers = await reportRows<{ id: string; name: string }>(
    tx,
    sql`SELECT DISTINCT b.supplier_id AS "id", COALESCE(p.name, 'Unknown supplier') AS "name" FROM purchase_bills b
        LEFT JOIN parties p ON p.shop_id = b.shop_id AND p.id = b.supplier_id
        WHERE b.shop_id = ${shopId} AND b.business_date BETWEEN ${input.from} AND ${input.to} ORDER BY 2`,
    [],
  );
  const add = (key: keyof PurchaseRow & (typeof PURCHASE_NUMBERS)[number]) =>
    rows.reduce((sum, row) => sum + row[key], 0);
  return {
    rows,
    totals: {
      bills: rows.length,
      taxablePaise: add('taxablePaise'),
      taxPaise: add('taxPaise'),
      totalPaise: add('totalPaise'),
      returnedPaise: add('returnedPaise'),
    },
    suppliers,
  };
}

/**
 * What the shop owes each supplier on `asOf` (the sum of their payable entries, as the counters keep it), aged oldest
 * bill first by the same rule as customers' khata (src-shared/khata/ageing.ts).
 */
export async function payables(tx: ServerDb, shopId: string, asOf: string): Promise<PayablesReport> {
  const end = shopDayEnd(asOf);
  const entries = await reportRows<{
    partyId: string;
    name: string;
    gstin: string | null;
    at: string;
    amountPaise: number;
  }>(
    tx,
    sql`SELECT e.party_id AS "partyId", COALESCE(p.name, 'Unknown supplier') AS "name", NULLIF(p.payload->>'gstin', '') AS "gstin",
          e.counter_created_at AS "at", e.amount_paise AS "amountPaise"
        FROM payable_entries e LEFT JOIN parties p ON p.shop_id = e.shop_id AND p.id = e.party_id
        WHERE e.shop_id = ${shopId}`,
    ['amountPaise'],
  );
  const bySupplier = new Map<string, typeof entries>();
  for (const entry of entries.filter((row) => new Date(row.at) <= end)) {
    const list = bySupplier.get(entry.partyId) ?? [];
    list.push(entry);
    bySupplier.set(entry.partyId, list);
  }
  const suppliers = [...bySupplier.values()]
    .map((list) => {
      const { partyId, name, gstin } = list[0]!;
      const ageing = ageBalance(list, end);
      return {
        partyId,
        name,
        gstin,
        ...ageing,
        overdue: ageing.d31to60Paise + ageing.d61to90Paise + ageing.d90plusPaise > 0,
      };
    })
    .filter((row) => row.totalPaise !== 0)
    .sort((a, b) => b.totalPaise - a.totalPaise);
  return {
    dueToSuppliersPaise: suppliers.reduce((sum, row) => sum + Math.max(0, row.totalPaise), 0),
    suppliers,
  };
}

type BookRow = Omit<BookDocument, 'kind'> & { kind: string };

/** The books' side: bills from registered suppliers (the supplier's number and date), and debit notes of the month. */
async function bookDocuments(
  tx: ServerDb,
  shopId: string,
  month: string,
  twoB: TwoBDocument[],
): Promise<BookDocument[]> {
  const range = monthRange(month);
  // A 2B may list an invoice dated months back (filed late by the supplier): bills of the past year are looked at, and
  // kept when they are of this month or named in this 2B.
  const yearBefore = `${Number(month.slice(0, 4)) - 1}${range.from.slice(4)}`;
  const named = new Set(twoB.map((doc) => `${doc.supplierGstin}|${normaliseInvoiceNumber(doc.number)}`));
  const bills = await reportRows<BookRow>(
    tx,
    sql`SELECT 'invoice' AS "kind", b.supplier_gstin AS "supplierGstin", COALESCE(p.name, '') AS "supplierName",
          b.supplier_invoice_number AS "number", b.number AS "ourNumber", to_char(b.supplier_invoice_date, 'YYYY-MM-DD') AS "date",
          b.total_paise AS "valuePaise", b.taxable_paise AS "taxablePaise",
          b.cgst_paise + b.sgst_paise + b.igst_paise + b.cess_paise AS "taxPaise"
        FROM purchase_bills b LEFT JOIN parties p ON p.shop_id = b.shop_id AND p.id = b.supplier_id
        WHERE b.shop_id = ${shopId} AND b.supplier_gstin IS NOT NULL AND b.supplier_gstin <> ''
          AND b.supplier_invoice_date BETWEEN ${yearBefore} AND ${range.to}`,
    ['valuePaise', 'taxablePaise', 'taxPaise'],
  );
  const notes = await reportRows<BookRow>(
    tx,
    sql`SELECT 'credit_note' AS "kind", d.supplier_gstin AS "supplierGstin", COALESCE(p.name, '') AS "supplierName",
          b.supplier_invoice_number AS "number", d.number AS "ourNumber", to_char(d.business_date, 'YYYY-MM-DD') AS "date",
          d.total_paise AS "valuePaise", d.taxable_paise AS "taxablePaise",
          d.cgst_paise + d.sgst_paise + d.igst_paise + d.cess_paise AS "taxPaise"
        FROM debit_notes d
        LEFT JOIN purchase_bills b ON b.shop_id = d.shop_id AND b.id = d.purchase_bill_id
        LEFT JOIN parties p ON p.shop_id = d.shop_id AND p.id = d.supplier_id
        WHERE d.shop_id = ${shopId} AND d.supplier_gstin IS NOT NULL AND d.supplier_gstin <> ''
          AND d.business_date BETWEEN ${range.from} AND ${range.to}`,
    ['valuePaise', 'taxablePaise', 'taxPaise'],
  );
  const inMonth = (date: string) => date >= range.from && date <= range.to;
  return [...bills, ...notes]
    .map((row) => ({ ...row, kind: row.kind as BookDocument['kind'], supplierGstin: row.supplierGstin.toUpperCase() }))
    .filter(
      (row) =>
        row.kind === 'credit_note' ||
        inMonth(row.date) ||
        named.has(`${row.supplierGstin}|${normaliseInvoiceNumber(row.number)}`),
    );
}

const side = (doc: TwoBDocument | null, books: BookDocument | null) => ({
  kind: (doc ?? books)!.kind,
  supplierGstin: (doc ?? books)!.supplierGstin,
  supplierName: books?.supplierName || doc?.supplierName || '',
  number: (doc ?? books)!.number,
  ourNumber: books?.ourNumber ?? null,
  date2b: doc?.date ?? null,
  dateBooks: books?.date ?? null,
  taxable2bPaise: doc?.taxablePaise ?? null,
  taxableBooksPaise: books?.taxablePaise ?? null,
  tax2bPaise: doc?.taxPaise ?? null,
  taxBooksPaise: books?.taxPaise ?? null,
});

/** Reads the uploaded GSTR-2B (refusing a wrong file with a message, storing nothing) and matches it with the books. */
export async function reconcileGstr2b(tx: ServerDb, shopId: string, input: Gstr2bInput): Promise<Gstr2bReconciliation> {
  const gstin = await shopGstin(tx, shopId, 'GSTR-2B');
  const file = readGstr2b(input.file, { gstin, month: input.month });
  const books = await bookDocuments(tx, shopId, input.month, file.documents);
  const result = reconcile2b(file.documents, books);
  const rows: ReconciliationRow[] = [
    ...result.mismatched.map((pair) => ({
      status: 'mismatched' as const,
      ...side(pair.twoB, pair.books),
      differences: pair.differences.join(', '),
    })),
    ...result.missingInBooks.map((doc) => ({
      status: 'missing_in_books' as const,
      ...side(doc, null),
      differences: '',
    })),
    ...result.missingIn2b.map((doc) => ({ status: 'missing_in_2b' as const, ...side(null, doc), differences: '' })),
    ...result.matched.map((pair) => ({ status: 'matched' as const, ...side(pair.twoB, pair.books), differences: '' })),
  ];
  return {
    month: input.month,
    gstin,
    tolerancePaise: TWO_B_TOLERANCE_PAISE,
    rows,
    counts: {
      matched: result.matched.length,
      mismatched: result.mismatched.length,
      missingInBooks: result.missingInBooks.length,
      missingIn2b: result.missingIn2b.length,
    },
    safeItcPaise: result.matched.reduce(
      (sum, pair) => sum + (pair.books.kind === 'invoice' ? pair.books.taxPaise : -pair.books.taxPaise),
      0,
    ),
  };
}
