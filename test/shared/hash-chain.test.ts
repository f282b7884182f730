import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid } from '../../src-shared/errors';
import { GENESIS_HASH, canonicalJson, documentHash, verifyChain } from '../../src-shared/hash-chain';

interface Entry {
  prevHash: string;
  hash: string;
  content: unknown;
}

function buildChain(contents: unknown[], startHash = GENESIS_HASH): Entry[] {
  const entries: Entry[] = [];
  let prevHash = startHash;
  for (const content of contents) {
    const hash = documentHash(prevHash, content);
    entries.push({ prevHash, hash, content });
    prevHash = hash;
  }
  return entries;
}

const invoices = Array.from({ length: 6 }, (_, i) => ({
  no: `C1-2026-00000${i + 1}`,
  totalPaise: 10000 + i,
  lines: [{ sku: `S${i}`, qtyMilli: 1000 }],
}));

describe('canonicalJson', () => {
  it('sorts keys and drops whitespace (RFC 8785)', () => {
    expect(canonicalJson({ b: [true, null, 'x'], a: 1 })).toBe('{"a":1,"b":[true,null,"x"]}');
    expect(canonicalJson({ z: { y: 2, x: 1 } })).toBe('{"z":{"x":1,"y":2}}');
  });

  it('says why a value cannot be hashed', () => {
    expect(() => canonicalJson(undefined)).toThrow(
      new Invalid('Content cannot be written as canonical JSON: it has no JSON value'),
    );
    expect(() => canonicalJson({ amount: 10n })).toThrow(/^Content cannot be written as canonical JSON: .*BigInt/);
  });

  it('refuses values with no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(Invalid);
    expect(() => canonicalJson(Number.NaN)).toThrow(Invalid);
    expect(() => canonicalJson(10n)).toThrow(Invalid);
  });
});

describe('documentHash', () => {
  it('is the SHA-256 of the previous hash, a newline and the canonical JSON (checked against sha256sum)', () => {
    expect(documentHash(GENESIS_HASH, { b: [true, null, 'x'], a: 1 })).toBe(
      'dbd176a6ac2f9486b58e057d95b0bd2bd263061b2bc581dc0823e0649f65ef49',
    );
    expect(documentHash(GENESIS_HASH, { party: 'राम', no: 'C1-2026-000001', amountPaise: 11800 })).toBe(
      '68d455de4f46838ebf2ba7e3a14cbf6626cad444e1382257ed0422d5310d6984',
    );
  });

  it('does not depend on key order', () => {
    const a = documentHash(GENESIS_HASH, {
      no: 'C1-2026-000001',
      totalPaise: 500,
      party: { name: 'Ravi', phone: '98' },
    });
    const b = documentHash(GENESIS_HASH, {
      party: { phone: '98', name: 'Ravi' },
      totalPaise: 500,
      no: 'C1-2026-000001',
    });
    expect(a).toBe(b);
  });

  it('changes with the previous hash and with any field', () => {
    const base = documentHash(GENESIS_HASH, invoices[0]);
    expect(documentHash('1'.repeat(64), invoices[0])).not.toBe(base);
    expect(documentHash(GENESIS_HASH, { ...invoices[0], totalPaise: 10001 })).not.toBe(base);
  });

  it('rejects a previous hash that is not 64 lower-case hex digits', () => {
    expect(() => documentHash('abc', {})).toThrow(Invalid);
    expect(() => documentHash('A'.repeat(64), {})).toThrow(Invalid);
    expect(() => documentHash('abc', {})).toThrow(
      new Invalid('Previous hash must be 64 lower-case hex digits, got "abc"'),
    );
  });

  it('rejects a previous hash with anything before or after its 64 digits', () => {
    expect(() => documentHash(`x${GENESIS_HASH}`, {})).toThrow(Invalid);
    expect(() => documentHash(`${GENESIS_HASH}x`, {})).toThrow(Invalid);
  });
});

describe('verifyChain', () => {
  it('refuses to start from a checkpoint that is not a hash', () => {
    expect(() => verifyChain([], 'checkpoint')).toThrow(
      new Invalid('Start hash must be 64 lower-case hex digits, got "checkpoint"'),
    );
  });

  it('accepts an untouched chain, an empty one, and one continuing from a checkpoint', () => {
    const chain = buildChain(invoices);
    expect(verifyChain(chain)).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
    const tail = chain.slice(3);
    expect(verifyChain(tail, chain[2]?.hash)).toEqual({ ok: true });
    expect(verifyChain(tail)).toEqual({ ok: false, index: 0, reason: 'prev-mismatch' });
  });

  it('finds a field changed in the middle at that entry', () => {
    const chain = buildChain(invoices);
    chain[3] = { ...chain[3]!, content: { ...invoices[3], totalPaise: 1 } };
    expect(verifyChain(chain)).toEqual({ ok: false, index: 3, reason: 'hash-mismatch' });
  });

  it('finds a deleted entry at the one that followed it', () => {
    const chain = buildChain(invoices);
    chain.splice(2, 1);
    expect(verifyChain(chain)).toEqual({ ok: false, index: 2, reason: 'prev-mismatch' });
  });

  it('finds two swapped entries at the first of them', () => {
    const chain = buildChain(invoices);
    [chain[1], chain[2]] = [chain[2]!, chain[1]!];
    expect(verifyChain(chain)).toEqual({ ok: false, index: 1, reason: 'prev-mismatch' });
  });

  it('finds a rewritten stored hash at that entry', () => {
    const chain = buildChain(invoices);
    chain[4] = { ...chain[4]!, hash: 'f'.repeat(64) };
    expect(verifyChain(chain)).toEqual({ ok: false, index: 4, reason: 'hash-mismatch' });
  });

  it('finds a re-hashed forgery at the next entry, whose prevHash no longer matches', () => {
    const chain = buildChain(invoices);
    const forged = { ...invoices[2], totalPaise: 1 };
    chain[2] = { ...chain[2]!, content: forged, hash: documentHash(chain[2]!.prevHash, forged) };
    expect(verifyChain(chain)).toEqual({ ok: false, index: 3, reason: 'prev-mismatch' });
  });

  it('detects any single changed amount at its own index', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.integer({ min: 1, max: 1000 }),
        (amounts, pick, delta) => {
          const chain = buildChain(amounts.map((totalPaise, i) => ({ seq: i, totalPaise })));
          const index = pick % chain.length;
          chain[index] = { ...chain[index]!, content: { seq: index, totalPaise: (amounts[index] ?? 0) + delta } };
          expect(verifyChain(chain)).toEqual({ ok: false, index, reason: 'hash-mismatch' });
        },
      ),
      { numRuns: 200 },
    );
  });
});
