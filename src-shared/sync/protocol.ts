// The sync wire protocol between a counter and the cloud server: push batches of outbox ops, pull other counters' changes by cursor.
import { z } from 'zod';
import { counterHeartbeat } from './heartbeat';
import { NUL_MESSAGE, withoutNul } from '../contracts/common';
import { isValidGstin } from '../gst/gstin';
import { shopText } from '../shop-messages';

/** What a counter's outbox can carry (src-main/ledger/outbox). */
export const SYNC_ENTITIES = [
  'invoice',
  'credit_note',
  'receipt',
  'receipt_reversal',
  'item',
  'party',
  'khata_entry',
  'stock_movement',
  'cash_session',
  // The buying side (purchase-payloads.ts).
  'purchase_bill',
  'debit_note',
  'supplier_payment',
  'payable_entry',
] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];

/**
 * What other counters of the same shop receive: the catalogue, prices, parties, and the additive khata, stock
 * movements and payable entries (what the shop owes each supplier).
 */
export const PULLED_ENTITIES = [
  'item',
  'party',
  'khata_entry',
  'stock_movement',
  'payable_entry',
  // What the IRP answered for a B2B invoice or credit note (einvoice-payload.ts): served to every counter, the one
  // that made the bill included, as the server is its writer.
  'einvoice',
] as const;
export type PulledEntity = (typeof PULLED_ENTITIES)[number];

export const MAX_PUSH_OPS = 1000;
export const MAX_PULL_CHANGES = 1000;

export const syncOp = z
  .object({
    /** Idempotency key made by the counter when the change was written: the server applies it at most once. */
    opId: z.uuid(),
    /** The counter's outbox order; the server applies a batch in this order. */
    seq: z.number().int().positive(),
    entity: z.enum(SYNC_ENTITIES),
    entityId: z.string().min(1).max(64).refine(withoutNul, NUL_MESSAGE),
    payload: z.record(z.string(), z.unknown()),
    /** The counter's clock when the change was made: informational only, never used for ordering. */
    createdAt: z.string().max(40).refine(withoutNul, NUL_MESSAGE),
  })
  .strict();
export type SyncOp = z.infer<typeof syncOp>;

/** At most this many journal links ride on one push; a longer stretch is anchored over several pushes. */
export const MAX_JOURNAL_LINKS = 5000;

const hexHash = z.string().regex(/^[0-9a-f]{64}$/);

/** One document's place in the counter's hash chain (src-main/ledger/journal): its journal number and hashes. */
export const journalLink = z.object({ seq: z.number().int().positive(), prevHash: hexHash, hash: hexHash }).strict();
export type JournalLink = z.infer<typeof journalLink>;

/**
 * The counter's journal head and the links since the head the server last acknowledged, so the server can check that
 * the chain extends what it already anchored (a rewritten and re-hashed file does not).
 */
export const journalAnchor = z
  .object({
    head: z.object({ seq: z.number().int().min(0), hash: hexHash }).strict(),
    links: z.array(journalLink).max(MAX_JOURNAL_LINKS),
  })
  .strict();
export type JournalAnchor = z.infer<typeof journalAnchor>;

export const pushInput = z
  .object({
    ops: z.array(syncOp).min(1, 'a push needs at least one op').max(MAX_PUSH_OPS),
    /** Sent by counters since the server anchors journals; older counters omit it and are not anchored. */
    journal: journalAnchor.optional(),
    /** The counter's clock when it sent the batch, so the server can warn about a drifted clock. */
    counterTime: z.iso.datetime(),
    appVersion: z.string().max(40).refine(withoutNul, NUL_MESSAGE).optional(),
    heartbeat: counterHeartbeat.optional(),
  })
  .strict();
export type PushInput = z.infer<typeof pushInput>;

export const OP_STATUSES = ['applied', 'duplicate', 'rejected'] as const;

/**
 * Why an op was refused as a conflict: the server holds something else under the same key. A conflict travels as a
 * 'rejected' status with one of these codes, so counters older than the codes still record it and move on.
 */
export const SYNC_CONFLICT_CODES = [
  /** This counter already sent this op id with another payload. */
  'OP_PAYLOAD_CHANGED',
  /** A finalised document (or khata entry, stock movement) with this id is already stored with other content. */
  'ENTITY_CONTENT_CHANGED',
  /** The op's entity id is not the id inside its payload. */
  'ENTITY_ID_MISMATCH',
] as const;
export type SyncConflictCode = (typeof SYNC_CONFLICT_CODES)[number];

/** Why the server refused an op, for a counter to act on: the reason beside it is for people and names no internals. */
export const OP_REJECTION_CODES = ['OP_INVALID', 'STORE_FAILED', ...SYNC_CONFLICT_CODES] as const;
export type OpRejectionCode = (typeof OP_REJECTION_CODES)[number];
export const opResult = z.object({
  opId: z.uuid(),
  status: z.enum(OP_STATUSES),
  code: z.enum(OP_REJECTION_CODES).optional(),
  reason: z.string().optional(),
});
export type OpResult = z.infer<typeof opResult>;

export const pushResult = z.object({
  results: z.array(opResult),
  serverTime: z.iso.datetime(),
  /** counterTime minus the server's clock when the batch arrived. */
  clockSkewMs: z.number().int(),
});
export type PushResult = z.infer<typeof pushResult>;

export const pullInput = z
  .object({
    /** The last change this counter has applied; 0 to start from the beginning. */
    cursor: z.number().int().min(0),
    /** What the server said the change at the cursor was (pullResult.cursorMark); a different one means it forgot. */
    cursorMark: z.string().max(80).optional(),
    limit: z.number().int().min(1).max(MAX_PULL_CHANGES).default(500),
    /** Pulls run even when nothing waits to be pushed, so an idle counter still reports in. */
    heartbeat: counterHeartbeat.optional(),
  })
  .strict();
export type PullInput = z.infer<typeof pullInput>;

export const pulledChange = z.object({
  /** The shop-wide server order of this change: later cursor, later writer. */
  cursor: z.number().int().positive(),
  entity: z.enum(PULLED_ENTITIES),
  entityId: z.string(),
  originCounterId: z.uuid(),
  payload: z.record(z.string(), z.unknown()),
});
export type PulledChange = z.infer<typeof pulledChange>;

export const pullResult = z.object({
  changes: z.array(pulledChange),
  /** Where the next pull starts; past changes of this counter's own that were skipped. */
  nextCursor: z.number().int().min(0),
  /** The shop's latest change, so a counter can show how far behind it is. */
  headCursor: z.number().int().min(0),
  hasMore: z.boolean(),
  /** Names the change at nextCursor; sent back with the next pull so a server restored from an older dump is caught. */
  cursorMark: z.string().optional(),
  serverTime: z.iso.datetime(),
});
export type PullResult = z.infer<typeof pullResult>;

/**
 * Why the server refuses a whole push or pull (the error's reason): the counter reacts to these, a person reads the
 * message. SYNC_CURSOR_AHEAD: the counter's cursor is past the server's head or names a change the server does not
 * have (restored from an older dump); the counter pulls again from the start and pushes again what the server lacks.
 * JOURNAL_CHAIN_BROKEN: the counter's hash chain does not extend the head the server last acknowledged.
 * JOURNAL_LINKS_MISSING: the links sent do not reach back to that head; the counter sends its latest links again.
 */
export const SYNC_REFUSALS = ['SYNC_CURSOR_AHEAD', 'JOURNAL_CHAIN_BROKEN', 'JOURNAL_LINKS_MISSING'] as const;
export type SyncRefusal = (typeof SYNC_REFUSALS)[number];

export const enrolInput = z
  .object({
    code: z.string().trim().min(6).max(32),
    /** The counter's series (e.g. C2) as set on the counter, checked against the one the owner chose. */
    counterCode: z.string().trim().min(1).max(8),
    /**
     * The shop's GSTIN and legal name from the counter's Shop settings: the server keeps them on the shop record where
     * the owner has not set them on the dashboard. Checked against the GSTIN's check character, as everywhere.
     */
    gstin: z.string().trim().toUpperCase().refine(isValidGstin, shopText('gstinInvalid')).nullable().optional(),
    legalName: z.string().trim().max(160).optional(),
  })
  .strict();
export type EnrolInput = z.infer<typeof enrolInput>;

export const enrolResult = z.object({
  counterId: z.uuid(),
  shopId: z.uuid(),
  shopName: z.string(),
  counterCode: z.string(),
  deviceToken: z.string(),
});
export type EnrolResult = z.infer<typeof enrolResult>;
