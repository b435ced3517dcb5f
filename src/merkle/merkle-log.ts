import { custosError } from '../errors/custos-error.ts';
import type { HashFn, HashIntoFn } from '../crypto/suite.ts';
import { copyBytes } from './copy-bytes.ts';
import { emptyRoot, leafHash as hashLeaf, nodeHash, nodePrefix } from './hashing.ts';
import type { MerkleNodeStore } from './node-store.ts';
import { readNode, subtreeHashFromStore } from './subtree-hash.ts';
import { checkIndex, checkSize, largestPowerOfTwoBelow } from './tree-size.ts';

/** An append-only RFC 9162 Merkle log whose nodes live in a {@link MerkleNodeStore}. */
export interface MerkleLog {
  /** Number of leaves appended so far. */
  readonly size: number;
  /**
   * Appends a leaf by its hash (RFC 9162 §2.1.1 leaf hash, see `leafHash`) and
   * returns its index. Writes the leaf node and every perfect subtree it
   * completes: 1 + (trailing one bits of the index) writes, 2 on average.
   * The log copies what it keeps of `leafHash`.
   */
  appendLeafHash(leafHash: Uint8Array): number;
  /** `appendLeafHash(leafHash(hash, leafData))`. */
  append(leafData: Uint8Array): number;
  /**
   * MTH of the first `size` leaves (default: all). The current root comes from
   * the in-memory right frontier; an older one costs popcount(size) ≤ log2(size) + 1
   * store reads.
   * Throws MERKLE_BAD_RANGE when `size` exceeds the log.
   */
  root(size?: number): Uint8Array;
  /**
   * PATH(index, D[size]) of RFC 9162 §2.1.3.1, leaf end first. Throws
   * MERKLE_BAD_RANGE unless index < size ≤ log size.
   */
  inclusionProof(index: number, size?: number): Uint8Array[];
  /**
   * PROOF(oldSize, D[newSize]) of RFC 9162 §2.1.4.1; empty when oldSize is 0
   * or equals newSize. Throws MERKLE_BAD_RANGE unless oldSize ≤ newSize ≤ log size.
   */
  consistencyProof(oldSize: number, newSize?: number): Uint8Array[];
}

/** What `createMerkleLog` needs: the hash, the node store, and the size of a log to reopen. */
export interface MerkleLogOptions {
  /** The tree's hash (RFC 9162 §2.1.1 HASH); must be pure and must not keep a reference to its input. */
  readonly hash: HashFn;
  /** Where perfect-subtree nodes are read and written; the log does no other IO. */
  readonly store: MerkleNodeStore;
  /** Size of a log already in `store`, to reopen it; 0 (the default) starts an empty log. */
  readonly size?: number;
  /** `hash` written into the log's memory (a suite's `hashInto`): appends then allocate nothing per node. */
  readonly hashInto?: HashIntoFn;
}

/**
 * Creates a Merkle log over `opts.store`, or reopens the log of `opts.size`
 * leaves the store already holds (O(log n) reads to rebuild the frontier).
 * The log holds no leaves in memory: only the right frontier, one hash per
 * set bit of the size.
 */
export function createMerkleLog(opts: MerkleLogOptions): MerkleLog {
  const { hash, store } = opts;
  const hashLength = emptyRoot(hash).length;
  const hashInto: HashIntoFn = opts.hashInto ?? ((data, out, offset) => out.set(hash(data), offset));
  // PERF: an append hashes one node on average; it is hashed from one reused
  // input into one reused output, which the store copies when it keeps it.
  const nodeInput = new Uint8Array(1 + 2 * hashLength);
  nodeInput[0] = nodePrefix;
  const climbing = new Uint8Array(hashLength);
  let size = opts.size ?? 0;
  checkSize('size', size, 0, Number.MAX_SAFE_INTEGER - 1);

  // The right frontier: slot `level` holds the perfect subtree of 2^level
  // leaves in the decomposition of the current size, meaningful exactly when
  // bit `level` of `size` is set. Largest (leftmost) subtree at the highest
  // level. Sizes stay below 2^53.
  const frontierBytes = new Uint8Array(53 * hashLength);
  const frontierSlot = (level: number) => frontierBytes.subarray(level * hashLength, (level + 1) * hashLength);
  let cachedRoot: Uint8Array | undefined;

  if (size > 0) {
    let end = size;
    let remaining = size;
    let width = 1;
    for (let level = 0; remaining > 0; level++) {
      if (remaining % 2 === 1) {
        end -= width;
        // Copied: the store may hand out views of memory it reuses.
        frontierBytes.set(readNode(store, level, end / width), level * hashLength);
        remaining -= 1;
      }
      remaining /= 2;
      width *= 2;
    }
  }

  function appendLeafHash(leaf: Uint8Array): number {
    if (leaf.length !== hashLength) {
      throw custosError('MERKLE_BAD_RANGE', `leaf hash has ${String(leaf.length)} bytes, the log's hash ${String(hashLength)}`, { length: leaf.length, expected: hashLength });
    }
    if (size >= Number.MAX_SAFE_INTEGER - 1) throw custosError('MERKLE_BAD_RANGE', 'log is full', { size });
    const index = size;
    store.putNode(0, index, leaf);
    // Each trailing one bit of `index` is a frontier subtree that the new leaf
    // completes into a perfect subtree one level up (RFC 9162 §2.1.1 with
    // n = 2k): hash it with its left sibling, store it, climb.
    // PERF: the left siblings come from the frontier, not from store reads.
    let node = leaf;
    let level = 0;
    let position = index;
    while (position % 2 === 1) {
      nodeInput.set(frontierSlot(level), 1);
      nodeInput.set(node, 1 + hashLength);
      hashInto(nodeInput, climbing, 0);
      node = climbing;
      level++;
      position = (position - 1) / 2;
      store.putNode(level, position, node);
    }
    // The frontier changes only once every write succeeded: a store that
    // throws leaves the log as it was (a retry rewrites the same nodes).
    // The slots below `level` fall out with the size's cleared bits.
    frontierBytes.set(node, level * hashLength);
    size = index + 1;
    cachedRoot = undefined;
    return index;
  }

  function currentRoot(): Uint8Array {
    if (size === 0) return emptyRoot(hash);
    if (cachedRoot === undefined) {
      // RFC 9162 §2.1.1: MTH folds the frontier's perfect subtrees right to left.
      let folded: Uint8Array | undefined;
      for (let level = 0, bits = size; bits > 0; level++, bits = Math.floor(bits / 2)) {
        if (bits % 2 === 1) folded = folded === undefined ? copyBytes(frontierSlot(level)) : nodeHash(hash, frontierSlot(level), folded);
      }
      cachedRoot = folded!;
    }
    // PERF: the fold is cached until the next append; the copy (32 bytes) keeps the cache safe from callers.
    return copyBytes(cachedRoot);
  }

  function subtree(start: number, count: number): Uint8Array {
    return subtreeHashFromStore(hash, store, start, count);
  }

  return {
    get size() {
      return size;
    },

    appendLeafHash,

    append: (leafData) => appendLeafHash(hashLeaf(hash, leafData)),

    root(treeSize) {
      if (treeSize === undefined || treeSize === size) return currentRoot();
      checkSize('size', treeSize, 0, size);
      return treeSize === 0 ? emptyRoot(hash) : subtree(0, treeSize);
    },

    inclusionProof(index, treeSize = size) {
      checkSize('size', treeSize, 0, size);
      checkIndex(index, treeSize);
      // RFC 9162 §2.1.3.1, unrolled: walk from the root towards leaf `index`,
      // collecting the sibling of each step; PATH lists them leaf end first.
      // Once the walk enters a left (perfect) half, every sibling below is a
      // single stored node, so the proof costs < 2·log2(size) reads.
      const path: Uint8Array[] = [];
      let start = 0;
      let n = treeSize;
      let m = index;
      let k = n > 1 ? largestPowerOfTwoBelow(n) : 1;
      while (n > 1) {
        while (k >= n) k /= 2;
        if (m < k) {
          // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])
          path.push(subtree(start + k, n - k));
          n = k;
        } else {
          // PATH(m, D[n]) = PATH(m - k, D[k:n]) : MTH(D[0:k])
          path.push(subtree(start, k));
          start += k;
          m -= k;
          n -= k;
        }
      }
      return path.reverse();
    },

    consistencyProof(oldSize, newSize = size) {
      checkSize('newSize', newSize, 0, size);
      checkSize('oldSize', oldSize, 0, newSize);
      // RFC 9162 §2.1.4.1 defines PROOF(m, D[n]) for 0 < m < n; for m = 0 or
      // m = n there is nothing to prove and the proof is empty.
      if (oldSize === 0 || oldSize === newSize) return [];
      const path: Uint8Array[] = [];
      let start = 0;
      let n = newSize;
      let m = oldSize;
      // The b of SUBPROOF(m, D[n], b): true while D[0:m] is a subtree of the
      // walk from the root, whose hash the verifier already has.
      let oldTreeIsSubtree = true;
      let k = largestPowerOfTwoBelow(n);
      while (m !== n) {
        while (k >= n) k /= 2;
        if (m <= k) {
          // SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
          path.push(subtree(start + k, n - k));
          n = k;
        } else {
          // SUBPROOF(m, D[n], b) = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
          path.push(subtree(start, k));
          start += k;
          m -= k;
          n -= k;
          oldTreeIsSubtree = false;
        }
      }
      // SUBPROOF(m, D[m], false) = {MTH(D[m])}; SUBPROOF(m, D[m], true) = {}
      if (!oldTreeIsSubtree) path.push(subtree(start, m));
      return path.reverse();
    },
  };
}
