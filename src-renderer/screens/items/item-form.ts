// The item form's text fields and their conversion to catalogue inputs (rupees → paise, % → basis points, qty → milli).
import { formatQuantity, parseQuantity, parseRupees } from '../../../src-shared/money';
import type { ErrorDetail } from '../../../src-shared/errors';
import type { ITEM_UNITS } from '../../../src-shared/contracts/catalogue';
import type { Inputs, Outputs } from '../../app/trpc';

export type ItemUnit = (typeof ITEM_UNITS)[number];
export type Item = Outputs['catalogue']['get'];
type CreateInput = Inputs['catalogue']['create'];

/** What the person types, kept as text so a half-typed "12." is not lost; converted only on save. */
export interface ItemFormState {
  name: string;
  sku: string;
  barcodes: string;
  unit: ItemUnit;
  price: string;
  priceIncludesTax: boolean;
  cost: string;
  gstRateBp: number;
  cess: string;
  hsn: string;
  plu: string;
  reorderLevel: string;
  category: string;
  openingStock: string;
}

export const EMPTY_ITEM_FORM: ItemFormState = {
  name: '',
  sku: '',
  barcodes: '',
  unit: 'pcs',
  price: '',
  priceIncludesTax: true,
  cost: '',
  gstRateBp: 500,
  cess: '0',
  hsn: '',
  plu: '',
  reorderLevel: '0',
  category: '',
  openingStock: '0',
};

const rupees = (paise: number) => (paise / 100).toFixed(2);
const percent = (bp: number) => String(bp / 100);

export function formOfItem(item: Item): ItemFormState {
  return {
    name: item.name,
    sku: item.sku,
    barcodes: item.barcodes.join(', '),
    unit: item.unit,
    price: rupees(item.pricePaise),
    priceIncludesTax: item.priceIncludesTax,
    cost: rupees(item.costPaise),
    gstRateBp: item.gstRateBp,
    cess: percent(item.cessRateBp),
    hsn: item.hsn,
    plu: item.plu ?? '',
    reorderLevel: formatQuantity(item.reorderLevelMilli),
    category: item.category,
    openingStock: '0',
  };
}

/** The field a server detail belongs to: "barcodes.2" → "barcodes", "pricePaise" → "price". */
const FIELD_OF_PATH: Record<string, keyof ItemFormState> = {
  pricePaise: 'price',
  costPaise: 'cost',
  cessRateBp: 'cess',
  reorderLevelMilli: 'reorderLevel',
  openingStockMilli: 'openingStock',
};

export function fieldOfPath(path: string): string {
  const head = path.split('.')[0] ?? '';
  return FIELD_OF_PATH[head] ?? head;
}

export function fieldErrors(details: ErrorDetail[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const detail of details) {
    const field = fieldOfPath(detail.path);
    errors[field] ??= detail.message;
  }
  return errors;
}

/** Converts the text fields; a number that does not parse is reported against its field, nothing is sent. */
export function itemInputOf(
  form: ItemFormState,
  t: (key: string) => string,
): { input: CreateInput; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const convert = (
    path: keyof ItemFormState,
    text: string,
    parse: (text: string) => number,
    message: string,
  ): number => {
    try {
      return parse(text.trim() === '' ? '0' : text.trim());
    } catch {
      errors.push({ path, message: t(message) });
      return 0;
    }
  };
  const basisPointsOf = (text: string) => Math.round(parseQuantity(text) / 10);
  const input: CreateInput = {
    name: form.name,
    sku: form.sku,
    barcodes: form.barcodes.split(/[\s,]+/).filter(Boolean),
    unit: form.unit,
    pricePaise: convert('price', form.price, parseRupees, 'itemEdit.badAmount'),
    priceIncludesTax: form.priceIncludesTax,
    costPaise: convert('cost', form.cost, parseRupees, 'itemEdit.badAmount'),
    gstRateBp: form.gstRateBp,
    cessRateBp: convert('cess', form.cess, basisPointsOf, 'itemEdit.badPercent'),
    hsn: form.hsn.trim(),
    plu: form.plu.trim() === '' ? null : form.plu.trim(),
    reorderLevelMilli: convert('reorderLevel', form.reorderLevel, parseQuantity, 'itemEdit.badQuantity'),
    category: form.category,
    openingStockMilli: convert('openingStock', form.openingStock, parseQuantity, 'itemEdit.badQuantity'),
  };
  return { input, errors };
}
