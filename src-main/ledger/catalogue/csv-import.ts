// Bulk item import from CSV: every row is checked first; any bad row means nothing is imported, with each row's errors listed.
import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import { Invalid, DomainError, type ErrorDetail } from '../../../src-shared/errors';
import { parseQuantity, parseRupees } from '../../../src-shared/money';
import { createItemInput, type CreateItemInput } from '../../../src-shared/contracts/catalogue';
import { type Actor, type Ledger } from '../ledger';
import { recordAudit } from '../audit/service';
import { items } from './schema';
import { insertItem, patchItem } from './service';

export const CSV_COLUMNS = [
  'sku',
  'name',
  'barcodes',
  'unit',
  'price',
  'price_includes_tax',
  'cost',
  'gst_rate',
  'cess_rate',
  'hsn',
  'plu',
  'stock',
  'reorder_level',
  'category',
] as const;
const REQUIRED = ['sku', 'name', 'unit', 'price', 'gst_rate'] as const;
const MAX_ROWS = 200_000;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

function parseBool(text: string | undefined, fallback: boolean): boolean {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (['1', 'yes', 'y', 'true', 'inclusive'].includes(value)) return true;
  if (['0', 'no', 'n', 'false', 'exclusive'].includes(value)) return false;
  throw new Invalid(`"${text}" is not yes or no`);
}

/** CSV columns named after the input fields they fill, so a row's errors name the column the owner typed in. */
const COLUMN_OF_FIELD: Record<string, string> = {
  pricePaise: 'price',
  priceIncludesTax: 'price_includes_tax',
  costPaise: 'cost',
  gstRateBp: 'gst_rate',
  cessRateBp: 'cess_rate',
  openingStockMilli: 'stock',
  reorderLevelMilli: 'reorder_level',
};

/** A percentage has the two-decimal shape of a rupee amount, so "18" → 1800 bp and "0.25" → 25 bp. */
function percentToBp(text: string | undefined): number {
  const value = (text ?? '').trim().replace(/%$/, '');
  return value === '' ? 0 : parseRupees(value);
}

function field<T>(errors: ErrorDetail[], row: number, path: string, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    errors.push({ row, path, message: error instanceof DomainError ? error.message : String(error) });
    return undefined;
  }
}

/** One CSV row to a validated create-item input, or its errors. Rows are numbered as a spreadsheet shows them (header is row 1). */
function rowToInput(raw: CsvRow, row: number, errors: ErrorDetail[]): CreateItemInput | null {
  const before = errors.length;
  const candidate = {
    sku: raw.sku ?? '',
    name: raw.name ?? '',
    unit: (raw.unit ?? '').trim().toLowerCase(),
    pricePaise: field(errors, row, 'price', () => parseRupees(raw.price ?? '')),
    priceIncludesTax: field(errors, row, 'price_includes_tax', () => parseBool(raw.price_includes_tax, true)),
    costPaise: field(errors, row, 'cost', () => (raw.cost?.trim() ? parseRupees(raw.cost) : 0)),
    gstRateBp: field(errors, row, 'gst_rate', () => percentToBp(raw.gst_rate)),
    cessRateBp: field(errors, row, 'cess_rate', () => percentToBp(raw.cess_rate)),
    hsn: raw.hsn ?? '',
    plu: raw.plu?.trim() ? raw.plu.trim() : null,
    barcodes: (raw.barcodes ?? '')
      .split(/[|;]/)
      .map((code) => code.trim())
      .filter(Boolean),
    openingStockMilli: field(errors, row, 'stock', () => (raw.stock?.trim() ? parseQuantity(raw.stock) : 0)),
    reorderLevelMilli: field(errors, row, 'reorder_level', () =>
      raw.reorder_level?.trim() ? parseQuantity(raw.reorder_level) : 0,
    ),
    category: raw.category ?? '',
  };
  const parsed = createItemInput.safeParse(candidate);
  if (!parsed.success) {
    const reported = new Set(errors.slice(before).map((error) => error.path));
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const column = COLUMN_OF_FIELD[key] ?? key;
      if (!reported.has(column)) errors.push({ row, path: column, message: issue.message });
      reported.add(column);
    }
  }
  return errors.length === before && parsed.success ? parsed.data : null;
}

function readCsv(csv: string): CsvRow[] {
  const parsed = Papa.parse<CsvRow>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase().replace(/\s+/g, '_'),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((column) => !headers.includes(column));
  if (missing.length)
    throw new Invalid(
      `The CSV has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. Columns: ${CSV_COLUMNS.join(', ')}.`,
    );
  const broken = parsed.errors.find((error) => error.type === 'Quotes' || error.type === 'Delimiter');
  if (broken) throw new Invalid(`The CSV cannot be read near row ${(broken.row ?? 0) + 2}: ${broken.message}.`);
  if (parsed.data.length === 0) throw new Invalid('The CSV has no item rows.');
  if (parsed.data.length > MAX_ROWS)
    throw new Invalid(`The CSV has ${parsed.data.length} rows; import at most ${MAX_ROWS} at a time.`);
  return parsed.data;
}

export interface ImportResult {
  created: number;
  updated: number;
}

export function validateCsv(csv: string): { inputs: CreateItemInput[]; errors: ErrorDetail[] } {
  const rows = readCsv(csv);
  const errors: ErrorDetail[] = [];
  const inputs: CreateItemInput[] = [];
  const seenSku = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 2;
    const input = rowToInput(raw, row, errors);
    if (!input) return;
    const first = seenSku.get(input.sku);
    if (first) errors.push({ row, path: 'sku', message: `SKU ${input.sku} is also on row ${first}` });
    else seenSku.set(input.sku, row);
    inputs.push(input);
  });
  return { inputs, errors };
}

/** Creates new SKUs and updates existing ones; an existing item's stock is left to stock movements. */
export function importItemsCsv(ledger: Ledger, actor: Actor, csv: string): ImportResult {
  const { inputs, errors } = validateCsv(csv);
  if (errors.length) {
    const rows = new Set(errors.map((error) => error.row)).size;
    throw new Invalid(
      `${rows} row${rows > 1 ? 's have' : ' has'} errors; nothing was imported. Fix them and import again.`,
      errors,
    );
  }
  return ledger.transaction(() => {
    let created = 0;
    let updated = 0;
    inputs.forEach((input, index) => {
      const row = index + 2;
      try {
        const existing = ledger.db.select({ id: items.id }).from(items).where(eq(items.sku, input.sku)).get();
        if (existing) {
          const { openingStockMilli: _stock, ...fields } = input;
          patchItem(ledger, { ...fields, id: existing.id });
          updated += 1;
        } else {
          insertItem(ledger, actor, input);
          created += 1;
        }
      } catch (error) {
        if (error instanceof DomainError)
          throw new Invalid(`Row ${row}: ${error.message} Nothing was imported.`, [
            { row, path: 'sku', message: error.message },
          ]);
        throw error;
      }
    });
    recordAudit(ledger, { action: 'catalogue.import-csv', staffId: actor.staffId, details: { created, updated } });
    return { created, updated };
  });
}
