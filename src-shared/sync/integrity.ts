// What lets sync refuse what it cannot apply honestly: the fingerprint of an op, and whether a counter's journal extends
// the head the server last acknowledged.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson, GENESIS_HASH } from '../hash-chain';
import type { JournalAnchor, SyncOp } from './protocol';

/** SHA-256 of the op's entity, entity id and payload as RFC 8785 JSON: the same op hashes the same on every machine. */
export function opPayloadHash(op: Pick<SyncOp, 'entity' | 'entityId' | 'payload'>): string {
  return bytesToHex(
    sha256(utf8ToBytes(canonicalJson({ entity: op.entity, entityId: op.entityId, payload: op.payload }))),
  );
}

export interface JournalHead {
  seq: number;
  hash: string;
}

export const GENESIS_HEAD: JournalHead = { seq: 0, hash: GENESIS_HASH };

export type AnchorVerdict = { ok: true; head: JournalHead } | { ok: false; reason: string };

/**
 * Does the counter's chain extend `anchored`? The links must pass through the anchored head (hold it, or start right
 * after it with it as their previous hash), follow one another without a gap, and end at the head sent. A head that
 * moved back, or a chain that took another path from the anchor, is a rewritten journal.
 */
export function extendsAnchor(anchored: JournalHead, anchor: JournalAnchor): AnchorVerdict {
  const { head } = anchor;
  if (head.seq < anchored.seq)
    return {
      ok: false,
      reason: `the journal ends at document ${head.seq}, before document ${anchored.seq} already acknowledged`,
    };
  const links = anchor.links.filter((link) => link.seq >= anchored.seq);
  let expected = anchored;
  for (const link of links) {
    if (link.seq === anchored.seq) {
      if (link.hash !== anchored.hash)
        return { ok: false, reason: `document ${link.seq} no longer has the hash acknowledged for it` };
      continue;
    }
    if (link.seq !== expected.seq + 1)
      return { ok: false, reason: `the links skip from ${expected.seq} to ${link.seq}` };
    if (link.prevHash !== expected.hash)
      return { ok: false, reason: `document ${link.seq} does not follow document ${expected.seq} as acknowledged` };
    expected = { seq: link.seq, hash: link.hash };
  }
  if (expected.seq !== head.seq || expected.hash !== head.hash)
    return { ok: false, reason: `the links end at document ${expected.seq}, not at the head ${head.seq} sent` };
  return { ok: true, head };
}
