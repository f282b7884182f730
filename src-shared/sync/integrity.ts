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

export type AnchorVerdict =
  | { ok: true; head: JournalHead }
  /** gap: the links do not reach back to the anchored head (a server restored from an older dump): send more. */
  | { ok: false; gap: boolean; reason: string };

const broken = (reason: string): AnchorVerdict => ({ ok: false, gap: false, reason });

/**
 * Does the counter's chain extend `anchored`? The links after the anchored head must start right after it with its
 * hash as their previous hash, follow one another without a gap, and end at the head sent. A head that moved back, or
 * a chain that left the anchored path, is a rewritten journal. With nothing anchored yet the first link is taken as it
 * comes (the server has nothing to compare it with).
 */
export function extendsAnchor(anchored: JournalHead, anchor: JournalAnchor): AnchorVerdict {
  const { head } = anchor;
  if (head.seq < anchored.seq)
    return broken(`the journal ends at document ${head.seq}, before document ${anchored.seq} already acknowledged`);
  if (head.seq === anchored.seq)
    return head.hash === anchored.hash
      ? { ok: true, head }
      : broken(`document ${head.seq} no longer has the hash acknowledged for it`);
  const links = anchor.links.filter((link) => link.seq > anchored.seq);
  const first = links[0];
  if (!first || (anchored.seq > 0 && first.seq !== anchored.seq + 1))
    return { ok: false, gap: true, reason: `the links sent do not reach back to document ${anchored.seq}` };
  let expected = anchored.seq > 0 ? anchored : { seq: first.seq - 1, hash: first.prevHash };
  for (const link of links) {
    if (link.seq !== expected.seq + 1) return broken(`the links skip from ${expected.seq} to ${link.seq}`);
    if (link.prevHash !== expected.hash)
      return broken(`document ${link.seq} does not follow document ${expected.seq} as acknowledged`);
    expected = { seq: link.seq, hash: link.hash };
  }
  if (expected.seq !== head.seq || expected.hash !== head.hash)
    return broken(`the links end at document ${expected.seq}, not at the head ${head.seq} sent`);
  return { ok: true, head };
}
