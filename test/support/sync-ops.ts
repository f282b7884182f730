// Factories for outbox ops as a counter would push them, with just the fields the wire protocol checks.
import { randomUUID } from 'node:crypto';
import type { SyncOp } from '../../src-shared/sync/protocol';

let seq = 0;
const op = (entity: SyncOp['entity'], entityId: string, payload: Record<string, unknown>): SyncOp => ({
  opId: randomUUID(),
  seq: ++seq,
  entity,
  entityId,
  payload,
  createdAt: new Date().toISOString(),
});

export function invoiceOp(options: {
  number: string;
  totalPaise?: number;
  itemId?: string;
  partyId?: string | null;
  khataPaise?: number;
  /** Cash handed back: the cash paid is the rest of the bill plus this, as at a real counter. */
  changePaise?: number;
  id?: string;
}): SyncOp {
  const id = options.id ?? randomUUID();
  const totalPaise = options.totalPaise ?? 11_800;
  const khataPaise = options.khataPaise ?? 0;
  const changePaise = options.changePaise ?? 0;
  // As the counter's ledger pays a bill: the khata part on khata, the rest in cash, the change out of the cash.
  const payments = [
    ...(khataPaise > 0 ? [{ id: randomUUID(), mode: 'khata', amountPaise: khataPaise }] : []),
    ...(totalPaise - khataPaise + changePaise > 0
      ? [{ id: randomUUID(), mode: 'cash', amountPaise: totalPaise - khataPaise + changePaise }]
      : []),
  ];
  const invoice = {
    id,
    number: options.number,
    counterId: options.number.split('-')[0],
    partyId: options.partyId ?? null,
    staffId: 'staff-1',
    createdAt: new Date().toISOString(),
    businessDate: '2026-06-01',
    taxablePaise: 10_000,
    cgstPaise: 900,
    sgstPaise: 900,
    igstPaise: 0,
    cessPaise: 0,
    roundOffPaise: 0,
    totalPaise,
    khataPaise,
    tenderedPaise: totalPaise + changePaise,
    changePaise,
  };
  const lines = [
    {
      id: randomUUID(),
      itemId: options.itemId ?? randomUUID(),
      qtyMilli: 1000,
      unitCostPaise: 5000,
      taxablePaise: 10_000,
      totalPaise,
    },
  ];
  return op('invoice', id, { invoice, lines, payments });
}

export function itemOp(
  fields: {
    id?: string;
    sku?: string;
    name?: string;
    pricePaise?: number;
    active?: boolean;
    reorderLevelMilli?: number;
  } = {},
): SyncOp {
  const id = fields.id ?? randomUUID();
  const sku = fields.sku ?? `SKU-${id.slice(0, 6)}`;
  const at = new Date().toISOString();
  return op('item', id, {
    id,
    sku,
    name: fields.name ?? `Item ${sku}`,
    unit: 'pcs',
    pricePaise: fields.pricePaise ?? 5900,
    priceIncludesTax: true,
    costPaise: 4000,
    gstRateBp: 1800,
    cessRateBp: 0,
    hsn: '1006',
    plu: null,
    stockMilli: 0,
    reorderLevelMilli: fields.reorderLevelMilli ?? 0,
    category: '',
    active: fields.active ?? true,
    createdAt: at,
    updatedAt: at,
    barcodes: [],
  });
}

export function partyOp(fields: { id?: string; name?: string; active?: boolean } = {}): SyncOp {
  const id = fields.id ?? randomUUID();
  const at = new Date().toISOString();
  return op('party', id, {
    id,
    kind: 'customer',
    name: fields.name ?? 'Ramesh',
    phone: '',
    gstin: null,
    stateCode: null,
    address: '',
    openingBalancePaise: 0,
    creditLimitPaise: null,
    balancePaise: 0,
    active: fields.active ?? true,
    createdAt: at,
    updatedAt: at,
  });
}

export function khataOp(partyId: string, amountPaise: number): SyncOp {
  const id = randomUUID();
  return op('khata_entry', id, {
    id,
    partyId,
    kind: amountPaise > 0 ? 'sale' : 'payment',
    docId: null,
    docNumber: null,
    amountPaise,
    createdAt: new Date().toISOString(),
  });
}

export function stockOp(itemId: string, qtyMilli: number): SyncOp {
  const id = randomUUID();
  return op('stock_movement', id, {
    id,
    itemId,
    qtyMilli,
    reason: qtyMilli > 0 ? 'purchase' : 'sale',
    docId: null,
    note: '',
    staffId: null,
    createdAt: new Date().toISOString(),
  });
}

export function pushOf(ops: SyncOp[], counterTime = new Date()) {
  return { ops, counterTime: counterTime.toISOString() };
}
