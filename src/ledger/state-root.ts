import { bytesToHex } from '../crypto/bytes.ts';
import { canonicalBytes } from '../crypto/canonical-json.ts';
import { taggedBytes, transientTaggedText } from '../crypto/domain-tags.ts';
import type { HashFn, HashIntoFn } from '../crypto/suite.ts';
import { custosError } from '../errors/custos-error.ts';

/**
 * The state root is an additive multiset hash (AdHash, Bellare–Micciancio):
 * the sum mod 2^256 of H(tag || JCS({c, d, id, v})) over every document.
 * PERF: a write costs one hash and a 256-bit add/subtract instead of
 * re-hashing a tree, and the sum can be recomputed from a plain scan of the
 * state table, which is how `custos verify` spots an edited document.
 * It commits to the state's contents; it does not give per-document proofs
 * (records are proven through their transactions' inclusion proofs).
 */

/**
 * JCS of `{c, d, id, v}` built by concatenation: keys in sorted order, with
 * the document's canonical text embedded as is (it is already JCS).
 */
export function stateEntryCanonical(collection: string, id: string, version: number, canonicalDoc: string): string {
  return `{"c":${JSON.stringify(collection)},"d":${canonicalDoc},"id":${JSON.stringify(id)},"v":${version}}`;
}

export function stateEntryDigest(hash: HashFn, collection: string, id: string, version: number, canonicalDoc: string): Uint8Array {
  return hash(transientTaggedText('stateEntry', stateEntryCanonical(collection, id, version, canonicalDoc)));
}

/** `stateEntryDigest`, written at `out[0…]` (PERF: the commit runs it once or twice per write). */
export function stateEntryDigestInto(hashInto: HashIntoFn, collection: string, id: string, version: number, canonicalDoc: string, out: Uint8Array): Uint8Array {
  hashInto(transientTaggedText('stateEntry', stateEntryCanonical(collection, id, version, canonicalDoc)), out, 0);
  return out;
}

/** A 256-bit unsigned sum as eight 32-bit little-endian limbs. */
export type DigestSum = Uint32Array;

export function zeroDigestSum(): DigestSum {
  return new Uint32Array(8);
}

// Limb i holds big-endian digest bytes [28-4i, 32-4i).
function limb(digest: Uint8Array, i: number): number {
  const o = 28 - 4 * i;
  return ((digest[o]! << 24) | (digest[o + 1]! << 16) | (digest[o + 2]! << 8) | digest[o + 3]!) >>> 0;
}

/** sum += digest (mod 2^256), in place. */
export function addDigest(sum: DigestSum, digest: Uint8Array): void {
  let carry = 0;
  for (let i = 0; i < 8; i++) {
    const total = sum[i]! + limb(digest, i) + carry;
    sum[i] = total >>> 0;
    carry = total > 0xffffffff ? 1 : 0;
  }
}

/** sum -= digest (mod 2^256), in place. */
export function subtractDigest(sum: DigestSum, digest: Uint8Array): void {
  let borrow = 0;
  for (let i = 0; i < 8; i++) {
    const total = sum[i]! - limb(digest, i) - borrow;
    sum[i] = total >>> 0;
    borrow = total < 0 ? 1 : 0;
  }
}

export function digestSumToHex(sum: DigestSum): string {
  let out = '';
  for (let i = 7; i >= 0; i--) out += sum[i]!.toString(16).padStart(8, '0');
  return out;
}

export function hexToDigestSum(hex: string): DigestSum {
  const sum = zeroDigestSum();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw custosError('LEDGER_STORE_CORRUPT', 'stored state sum is not 64 hex digits');
  for (let i = 0; i < 8; i++) sum[i] = Number.parseInt(hex.slice(56 - 8 * i, 64 - 8 * i), 16);
  return sum;
}

/** The checkpoint's stateRoot: the multiset sum bound to the height, hashed with its tag. */
export function stateRootOf(hash: HashFn, sum: DigestSum, height: number): string {
  return bytesToHex(hash(taggedBytes('stateRoot', canonicalBytes({ height, sum: digestSumToHex(sum) }))));
}
