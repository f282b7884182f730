// The tamper-evident journal: each document's hash covers its canonical content and the previous hash.

import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { Invalid } from './errors';

export const GENESIS_HASH = '0'.repeat(64);

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export type ChainVerdict = { ok: true } | { ok: false; index: number; reason: 'prev-mismatch' | 'hash-mismatch' };

/** RFC 8785 JSON, so the same content hashes the same on every machine, whatever its key order. */
export function canonicalJson(value: unknown): string {
  let json: string | undefined;
  try {
    json = canonicalize(value);
  } catch (error) {
    throw new Invalid(
      `Content cannot be written as canonical JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (json === undefined) throw new Invalid('Content cannot be written as canonical JSON: it has no JSON value');
  return json;
}

export function documentHash(prevHash: string, content: unknown): string {
  if (!HEX_SHA256.test(prevHash))
    throw new Invalid(`Previous hash must be 64 lower-case hex digits, got "${prevHash}"`);
  return bytesToHex(sha256(utf8ToBytes(`${prevHash}\n${canonicalJson(content)}`)));
}

/** Reports the first entry that does not follow from the one before it, or whose hash does not match its content. */
export function verifyChain(
  entries: Array<{ prevHash: string; hash: string; content: unknown }>,
  startHash = GENESIS_HASH,
): ChainVerdict {
  if (!HEX_SHA256.test(startHash)) throw new Invalid(`Start hash must be 64 lower-case hex digits, got "${startHash}"`);
  let expectedPrev = startHash;
  for (const [index, entry] of entries.entries()) {
    if (entry.prevHash !== expectedPrev) return { ok: false, index, reason: 'prev-mismatch' };
    if (documentHash(entry.prevHash, entry.content) !== entry.hash)
      return { ok: false, index, reason: 'hash-mismatch' };
    expectedPrev = entry.hash;
  }
  return { ok: true };
}
