// Bulk item import from CSV: every row is checked first; any bad row means nothing is imported, with each row's errors listed.
import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import { Invalid, DomainError, shopDetail, type ErrorDetail } from '../../../src-shared/errors';
import { shopKeyOfText, type ShopMessageKey } from '../../../src-shared/shop-messages';
import { parseQuantity, parseRupees } from '../../../src-shared/money';
import { CSV_COLUMNS, createItemInput, type CreateItemInput } from '../../../src-shared/contracts/catalogue';
import { type Actor, type Ledger } from '../ledger';
import { recordAudit } from '../audit/service';
import { items } from './schema';
import { insertItem, patchItem } from './service';
import { countStock } from '../stock/service';

/** A blank SKU gets one made from the name, as in the item form, so the column itself may be left out. */
const REQUIRED = ['name', 'unit', 'price', 'gst_rate'] as const;
const MAX_ROWS = 200_000;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

function parseBool(text: string | undefined, fallback: boolean): boolean {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (['1', 'yes', 'y', 'true', 'inclusive'].includes(value)) return true;
  if (['0', 'no', 'n', 'false', 'exclusive'].includes(value)) return false;
  throw new Invalid({ key: 'csvNotYesNo', params: { text: text ?? '' } });
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

export function columnOfField(path: string): string {
  const key = path.split('.')[0] ?? '';
  return COLUMN_OF_FIELD[key] ?? key;
}

/** A percentage has the two-decimal shape of a rupee amount, so "18" → 1800 bp and "0.25" → 25 bp. */
function percentToBp(text: string | undefined): number {
  const value = (text ?? '').trim().replace(/%$/, '');
  return value === '' ? 0 : parseRupees(value);
}

/** Reads one cell; a cell that does not parse is reported with the shop message `unreadable` unless its error has its own. */
function field<T>(
  errors: ErrorDetail[],
  row: number,
  path: string,
  unreadable: ShopMessageKey,
  read: () => T,
): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors.push(shopDetail(path, error.shop ?? { key: unreadable }, row));
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
    pricePaise: field(errors, row, 'price', 'amountWholePaise', () => parseRupees(raw.price ?? '')),
    priceIncludesTax: field(errors, row, 'price_includes_tax', 'invalidEntry', () =>
      parseBool(raw.price_includes_tax, true),
    ),
    costPaise: field(errors, row, 'cost', 'amountWholePaise', () => (raw.cost?.trim() ? parseRupees(raw.cost) : 0)),
    gstRateBp: field(errors, row, 'gst_rate', 'gstRateInvalid', () => percentToBp(raw.gst_rate)),
    cessRateBp: field(errors, row, 'cess_rate', 'percentRange', () => percentToBp(raw.cess_rate)),
    hsn: raw.hsn ?? '',
    plu: raw.plu?.trim() ? raw.plu.trim() : null,
    barcodes: (raw.barcodes ?? '')
      .split(/[|;]/)
      .map((code) => code.trim())
      .filter(Boolean),
    openingStockMilli: field(errors, row, 'stock', 'qtyDecimals', () =>
      raw.stock?.trim() ? parseQuantity(raw.stock) : 0,
    ),
    reorderLevelMilli: field(errors, row, 'reorder_level', 'qtyDecimals', () =>
      raw.reorder_level?.trim() ? parseQuantity(raw.reorder_level) : 0,
    ),
    category: raw.category ?? '',
  };
  const parsed = createItemInput.safeParse(candidate);
  if (!parsed.success) {
    const reported = new Set(errors.slice(before).map((error) => error.path));
    for (const issue of parsed.error.issues) {
      const column = columnOfField(String(issue.path[0] ?? ''));
      const key = shopKeyOfText(issue.message) ?? 'invalidEntry';
      if (!reported.has(column)) errors.push(shopDetail(column, { key }, row));
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
    throw new Invalid({
      key: 'csvMissingColumns',
      params: { missing: missing.join(', '), columns: CSV_COLUMNS.join(', ') },
    });
  const broken = parsed.errors.find((error) => error.type === 'Quotes' || error.type === 'Delimiter');
  if (broken) throw new Invalid(`The CSV cannot be read near row ${(broken.row ?? 0) + 2}: ${broken.message}.`);
  if (parsed.data.length === 0) throw new Invalid({ key: 'csvNoRows' });
  if (parsed.data.length > MAX_ROWS)
    throw new Invalid(`The CSV has ${parsed.data.length} rows; import at most ${MAX_ROWS} at a time.`);
  return parsed.data;
}

export interface ImportResult {
  created: number;
  updated: number;
  /** Items already in the list whose stock was set to the CSV's count (an adjustment each). */
  counted: number;
}

/** A checked row: its item, where it is in the file, and whether its stock cell was filled in. */
export interface CsvItem {
  input: CreateItemInput;
  row: number;
  stockGiven: boolean;
}

/** Two rows of one file may not claim the same SKU or barcode; each repeat is reported against its own column. */
function repeatsWithin(item: CsvItem, seen: Map<string, number>): ErrorDetail[] {
  const repeats: ErrorDetail[] = [];
  const firstSku = item.input.sku ? seen.get(`sku:${item.input.sku}`) : undefined;
  if (firstSku)
    repeats.push(shopDetail('sku', { key: 'csvSkuTwice', params: { sku: item.input.sku, first: firstSku } }, item.row));
  else if (item.input.sku) seen.set(`sku:${item.input.sku}`, item.row);
  for (const barcode of item.input.barcodes) {
    const first = seen.get(`barcode:${barcode}`);
    if (first) repeats.push(shopDetail('barcodes', { key: 'csvBarcodeTwice', params: { barcode, first } }, item.row));
    else seen.set(`barcode:${barcode}`, item.row);
  }
  return repeats;
}

export function validateCsv(csv: string): { items: CsvItem[]; errors: ErrorDetail[] } {
  const rows = readCsv(csv);
  const errors: ErrorDetail[] = [];
  const checked: CsvItem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 2;
    const input = rowToInput(raw, row, errors);
    if (!input) return;
    const item = { input, row, stockGiven: !!raw.stock?.trim() };
    errors.push(...repeatsWithin(item, seen));
    checked.push(item);
  });
  return { items: checked, errors };
}

/** One row into the ledger: a new SKU is created; a known SKU is updated and, when its stock cell is filled, counted. */
function importRow(ledger: Ledger, actor: Actor, item: CsvItem): 'created' | 'updated' | 'counted' {
  const existing = item.input.sku
    ? ledger.db.select({ id: items.id }).from(items).where(eq(items.sku, item.input.sku)).get()
    : undefined;
  if (!existing) {
    insertItem(ledger, actor, item.input);
    return 'created';
  }
  const { openingStockMilli, ...fields } = item.input;
  patchItem(ledger, { ...fields, id: existing.id });
  if (!item.stockGiven) return 'updated';
  countStock(ledger, actor, {
    itemId: existing.id,
    countedMilli: openingStockMilli,
    note: `CSV import, row ${item.row}`,
  });
  return 'counted';
}

/**
 * Creates new SKUs and updates known ones, all or nothing. A known item's stock cell is what the owner counted,
 * so its stock is set to it by an adjustment (a movement and an audit entry), never silently ignored.
 */
export function importItemsCsv(ledger: Ledger, actor: Actor, csv: string): ImportResult {
  const { items: checked, errors } = validateCsv(csv);
  if (errors.length) {
    const rows = new Set(errors.map((error) => error.row)).size;
    throw new Invalid({ key: 'csvRowsHaveErrors', params: { rows } }, errors);
  }
  return ledger.transaction(() => {
    const result: ImportResult = { created: 0, updated: 0, counted: 0 };
    for (const item of checked) {
      try {
        const outcome = importRow(ledger, actor, item);
        result[outcome === 'created' ? 'created' : 'updated'] += 1;
        if (outcome === 'counted') result.counted += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const refusal = error.details[0];
        throw new Invalid({ key: 'csvRowRefused', params: { row: item.row } }, [
          {
            row: item.row,
            path: columnOfField(refusal?.path ?? ''),
            message: error.message,
            ...(error.shop ? { shop: error.shop } : {}),
          },
        ]);
      }
    }
    recordAudit(ledger, { action: 'catalogue.import-csv', staffId: actor.staffId, details: { ...result } });
    return result;
  });
}
