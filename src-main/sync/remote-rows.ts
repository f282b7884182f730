// The shapes of other counters' rows as they arrive in a pull, checked before they touch this counter's ledger.
import { z } from 'zod';
import { ITEM_UNITS } from '../../src-shared/contracts/catalogue';
import { CREDIT_LIMIT_POLICIES, PARTY_KINDS } from '../../src-shared/contracts/parties';
import { KHATA_ENTRY_KINDS } from '../ledger/khata/schema';
import { STOCK_REASONS } from '../ledger/stock/schema';
import { PAYABLE_ENTRY_KINDS } from '../../src-shared/sync/purchase-payloads';

const int = z.number().int();

export const remoteItem = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  unit: z.enum(ITEM_UNITS),
  pricePaise: int,
  priceIncludesTax: z.boolean(),
  costPaise: int,
  gstRateBp: int,
  cessRateBp: int,
  hsn: z.string(),
  plu: z.string().nullable(),
  reorderLevelMilli: int,
  category: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  barcodes: z.array(z.string()),
});

export const remoteParty = z.object({
  id: z.uuid(),
  kind: z.enum(PARTY_KINDS),
  name: z.string(),
  phone: z.string(),
  gstin: z.string().nullable(),
  stateCode: z.string().nullable(),
  address: z.string(),
  openingBalancePaise: int,
  creditLimitPaise: int.nullable(),
  // Counters from before the policy existed send none: they only ever warned.
  creditLimitPolicy: z.enum(CREDIT_LIMIT_POLICIES).default('warn'),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const remoteKhataEntry = z.object({
  id: z.uuid(),
  partyId: z.uuid(),
  kind: z.enum(KHATA_ENTRY_KINDS),
  docId: z.string().nullable(),
  docNumber: z.string().nullable(),
  amountPaise: int,
  createdAt: z.string(),
});

export const remotePayableEntry = z.object({
  id: z.uuid(),
  partyId: z.uuid(),
  kind: z.enum(PAYABLE_ENTRY_KINDS),
  docId: z.string().nullable(),
  docNumber: z.string().nullable(),
  amountPaise: int,
  createdAt: z.string(),
});

export const remoteStockMovement = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  qtyMilli: int,
  reason: z.enum(STOCK_REASONS),
  docId: z.string().nullable(),
  note: z.string(),
  staffId: z.string().nullable(),
  createdAt: z.string(),
});

export type RemoteItem = z.infer<typeof remoteItem>;
export type RemoteParty = z.infer<typeof remoteParty>;
