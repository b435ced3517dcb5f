import type { HashFn, HashIntoFn } from '../crypto/suite.ts';
import { copyBytes } from './copy-bytes.ts';
import { emptyRoot, nodeHash, nodePrefix } from './hashing.ts';
import { custosError } from '../errors/custos-error.ts';
import { checkIndex, largestPowerOfTwoBelow } from './tree-size.ts';

/** MTH(leaves[start:end]) for end > start, in O(end - start) hashes and O(log) memory. */
function rangeTreeHash(hash: HashFn, leafHashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  if (end - start === 1) return copyBytes(leafHashes[start]!);
  // The same right frontier a MerkleLog keeps, as a stack (largest subtree
  // at the bottom): each trailing one bit of a leaf's position merges one
  // perfect subtree (RFC 9162 §2.1.1 with n = 2k).
  const stack: Uint8Array[] = [];
  for (let i = start; i < end; i++) {
    let node = leafHashes[i]!;
    for (let position = i - start; position % 2 === 1; position = (position - 1) / 2) {
      node = nodeHash(hash, stack.pop()!, node);
    }
    stack.push(node);
  }
  // Fold the remaining perfect subtrees right to left.
  let folded = stack.pop()!;
  while (stack.length > 0) folded = nodeHash(hash, stack.pop()!, folded);
  return folded;
}

/**
 * MTH(D[n]) of RFC 9162 §2.1.1 over leaf hashes held in memory, e.g. a
 * block's transactions (its txRoot). The empty list gives `emptyRoot(hash)`.
 */
export function merkleTreeHash(hash: HashFn, leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return emptyRoot(hash);
  return rangeTreeHash(hash, leafHashes, 0, leafHashes.length);
}

/**
 * `merkleTreeHash` of `count` leaf hashes packed back to back in `leaves`
 * (`hashLength` bytes each, count ≥ 1), computed level by level over that
 * same memory: **it overwrites `leaves`**. Pairs are hashed left to right
 * and a level's odd last node moves up unchanged, which gives the same root
 * as RFC 9162's split at the largest power of two below n (the split's left
 * part is a perfect subtree that this pairing builds in full, and the right
 * part is built the same way one level at a time; `tree-hash.test.ts`
 * checks every size up to 300 against the RFC's recursive definition). PERF: the commit
 * computes two such roots per block (txRoot and resultsRoot), and the
 * recursive form allocated an input and a digest per node.
 */
export function merkleTreeHashInPlace(hashInto: HashIntoFn, hashLength: number, leaves: Uint8Array, count: number): Uint8Array {
  if (count < 1 || leaves.length < count * hashLength) throw custosError('MERKLE_BAD_RANGE', `cannot hash ${String(count)} leaves from ${String(leaves.length)} bytes`, { count });
  const input = new Uint8Array(1 + 2 * hashLength);
  input[0] = nodePrefix;
  for (let n = count; n > 1; n = Math.ceil(n / 2)) {
    const pairs = Math.floor(n / 2);
    for (let i = 0; i < pairs; i++) {
      // Node i of the next level lands on slot i, which is at or before the pair just read.
      input.set(leaves.subarray(2 * i * hashLength, (2 * i + 2) * hashLength), 1);
      hashInto(input, leaves, i * hashLength);
    }
    if (n % 2 === 1) leaves.copyWithin(pairs * hashLength, (n - 1) * hashLength, n * hashLength);
  }
  // Copied, not sliced: a Buffer's slice is a view of the memory just overwritten.
  return copyBytes(leaves.subarray(0, hashLength));
}

/**
 * PATH(index, D[n]) of RFC 9162 §2.1.3.1 over leaf hashes held in memory,
 * leaf end first; verifies with `verifyInclusion` against `merkleTreeHash`.
 * O(n) hashes: meant for small trees such as one block's transactions.
 * Throws MERKLE_BAD_RANGE unless 0 ≤ index < leafHashes.length.
 */
export function inclusionProofFromLeafHashes(hash: HashFn, leafHashes: readonly Uint8Array[], index: number): Uint8Array[] {
  checkIndex(index, leafHashes.length);
  const path: Uint8Array[] = [];
  let start = 0;
  let n = leafHashes.length;
  let m = index;
  let k = n > 1 ? largestPowerOfTwoBelow(n) : 1;
  while (n > 1) {
    while (k >= n) k /= 2;
    if (m < k) {
      // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])
      path.push(rangeTreeHash(hash, leafHashes, start + k, start + n));
      n = k;
    } else {
      // PATH(m, D[n]) = PATH(m - k, D[k:n]) : MTH(D[0:k])
      path.push(rangeTreeHash(hash, leafHashes, start, start + k));
      start += k;
      m -= k;
      n -= k;
    }
  }
  return path.reverse();
}
