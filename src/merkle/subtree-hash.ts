import { custosError } from '../errors/custos-error.ts';
import type { HashFn } from '../crypto/suite.ts';
import { copyBytes } from './copy-bytes.ts';
import { nodeHash } from './hashing.ts';
import type { MerkleNodeStore } from './node-store.ts';

/** Reads a stored perfect-subtree hash; a missing node means the store does not hold the log it is used for. */
export function readNode(store: MerkleNodeStore, level: number, index: number): Uint8Array {
  const node = store.getNode(level, index);
  if (node === undefined) {
    throw custosError('MERKLE_BAD_RANGE', `the node store has no node (${String(level)}, ${String(index)}); it does not hold a log this large`, { level, index });
  }
  return node;
}

/**
 * MTH(D[start:start+count]) for a subtree that occurs in the RFC 9162 §2.1.1
 * recursion: `start` is a multiple of the smallest power of two ≥ count, so the
 * subtree splits into one stored perfect subtree per set bit of `count`,
 * largest first. They are folded right to left, exactly as the recursion
 * MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])) would combine them.
 *
 * Costs popcount(count) store reads and popcount(count) - 1 hashes. Always
 * returns bytes the caller owns (never a store view).
 */
export function subtreeHashFromStore(hash: HashFn, store: MerkleNodeStore, start: number, count: number): Uint8Array {
  let end = start + count;
  let remaining = count;
  let width = 1;
  let level = 0;
  let folded: Uint8Array | undefined;
  let reads = 0;
  while (remaining > 0) {
    if (remaining % 2 === 1) {
      end -= width;
      const node = readNode(store, level, end / width);
      folded = folded === undefined ? node : nodeHash(hash, node, folded);
      reads++;
      remaining -= 1;
    }
    remaining /= 2;
    width *= 2;
    level++;
  }
  if (folded === undefined) throw custosError('MERKLE_BAD_RANGE', 'an empty subtree has no stored hash', { start, count });
  // A perfect subtree is a single stored node: copy it so callers may keep or mutate it.
  return reads === 1 ? copyBytes(folded) : folded;
}
