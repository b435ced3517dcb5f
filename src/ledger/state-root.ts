import { bytesToHex, hexToBytes } from '../crypto/bytes.ts';
import { canonicalBytes, type JsonObject } from '../crypto/canonical-json.ts';
import { taggedBytes } from '../crypto/domain-tags.ts';
import type { HashFn } from '../crypto/suite.ts';

const modulus = 1n << 256n;

/**
 * The state root is an additive multiset hash (AdHash, Bellare–Micciancio):
 * the sum mod 2^256 of H(tag || JCS({c, id, v, d})) over every document.
 * PERF: a write costs one hash and a subtraction/addition instead of
 * re-hashing a tree, and the sum can be recomputed from a plain scan of the
 * state table, which is how `custos verify` spots an edited document.
 * It commits to the state's contents; it does not give per-document proofs
 * (records are proven through their transactions' inclusion proofs).
 */
export function stateEntryDigest(hash: HashFn, collection: string, id: string, version: number, doc: JsonObject): bigint {
  const digest = hash(taggedBytes('stateEntry', canonicalBytes({ c: collection, id, v: version, d: doc })));
  return BigInt('0x' + bytesToHex(digest));
}

export function addDigest(sum: bigint, digest: bigint): bigint {
  return (sum + digest) % modulus;
}

export function subtractDigest(sum: bigint, digest: bigint): bigint {
  return (sum - digest + modulus) % modulus;
}

export function digestSumToHex(sum: bigint): string {
  return sum.toString(16).padStart(64, '0');
}

export function hexToDigestSum(hex: string): bigint {
  return hexToBytes(hex) === undefined ? 0n : BigInt('0x' + hex);
}

/** The checkpoint's stateRoot: the multiset sum bound to the height, hashed with its tag. */
export function stateRootOf(hash: HashFn, sum: bigint, height: number): string {
  return bytesToHex(hash(taggedBytes('stateRoot', canonicalBytes({ height, sum: digestSumToHex(sum) }))));
}
