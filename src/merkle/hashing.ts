import { transientBytesAndUtf8 } from '../crypto/bytes.ts';
import type { HashFn, HashIntoFn } from '../crypto/suite.ts';

// RFC 9162 §2.1.1: leaves and interior nodes are hashed with distinct one-byte
// prefixes (0x00 and 0x01) so a leaf can never be passed off as a node
// (second-preimage resistance of the tree).
const leafPrefix = 0x00;
export const nodePrefix = 0x01;

/** `HASH(0x00 || leafData)`: the hash of one log entry (RFC 9162 §2.1.1). */
export function leafHash(hash: HashFn, leafData: Uint8Array): Uint8Array {
  return hash(transientBytesAndUtf8([leafPrefixBytes, leafData], ''));
}

const leafPrefixBytes = new Uint8Array([leafPrefix]);

/**
 * `leafHash(hash, parts… || UTF-8(text))`, written at `out[offset…]`, its
 * input built in the shared transient buffer. PERF: admission and commit
 * hash a leaf per transaction, each from a tag, an id and a hash or
 * canonical text, with no ArrayBuffer allocated for input or digest.
 */
export function leafHashOfPartsInto(hashInto: HashIntoFn, parts: readonly Uint8Array[], text: string, out: Uint8Array, offset: number): void {
  hashInto(transientBytesAndUtf8([leafPrefixBytes, ...parts], text), out, offset);
}

/** `HASH(0x01 || left || right)`: the hash of an interior node (RFC 9162 §2.1.1). */
export function nodeHash(hash: HashFn, left: Uint8Array, right: Uint8Array): Uint8Array {
  // PERF: one allocation, no intermediate arrays; this runs ~2 times per append.
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = nodePrefix;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return hash(input);
}

const emptyInput = new Uint8Array(0);

/** `HASH()`: the root of the empty tree, MTH({}) (RFC 9162 §2.1.1). */
export function emptyRoot(hash: HashFn): Uint8Array {
  return hash(emptyInput);
}
