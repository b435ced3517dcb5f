import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HashFn } from '../crypto/suite.ts';
import { isCustosError } from '../errors/custos-error.ts';
import { copyBytes } from './copy-bytes.ts';
import { leafHash, nodeHash } from './hashing.ts';
import { createMemoryNodeStore } from './memory-node-store.ts';
import { createMerkleLog, type MerkleLog } from './merkle-log.ts';
import type { MerkleNodeStore } from './node-store.ts';
import { inclusionProofFromLeafHashes, merkleTreeHash } from './tree-hash.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';
import { countingStore } from './testdata/counting-store.ts';
import { buildLog, numberedLeaves, sha256, toHex, toHexList } from './testdata/helpers.ts';

function isBadRange(error: unknown): boolean {
  return isCustosError(error) && error.code === 'MERKLE_BAD_RANGE';
}

function bitLength(n: number): number {
  let bits = 0;
  for (; n >= 1; n = Math.floor(n / 2)) bits++;
  return bits;
}

function popcount(n: number): number {
  let ones = 0;
  for (; n >= 1; n = Math.floor(n / 2)) ones += n % 2;
  return ones;
}

test('bad ranges throw MERKLE_BAD_RANGE', () => {
  const { log } = buildLog(numberedLeaves(10));
  const cases: [string, (log: MerkleLog) => unknown][] = [
    ['root of size > log size', (l) => l.root(11)],
    ['root of negative size', (l) => l.root(-1)],
    ['root of fractional size', (l) => l.root(2.5)],
    ['root of NaN size', (l) => l.root(NaN)],
    ['inclusion: index = size', (l) => l.inclusionProof(5, 5)],
    ['inclusion: index > size', (l) => l.inclusionProof(7, 5)],
    ['inclusion: index = log size', (l) => l.inclusionProof(10)],
    ['inclusion: size > log size', (l) => l.inclusionProof(0, 11)],
    ['inclusion: negative index', (l) => l.inclusionProof(-1)],
    ['inclusion: fractional index', (l) => l.inclusionProof(0.5)],
    ['inclusion: size 0', (l) => l.inclusionProof(0, 0)],
    ['consistency: oldSize > newSize', (l) => l.consistencyProof(6, 5)],
    ['consistency: oldSize > log size', (l) => l.consistencyProof(11)],
    ['consistency: newSize > log size', (l) => l.consistencyProof(2, 11)],
    ['consistency: negative oldSize', (l) => l.consistencyProof(-1, 5)],
    ['append: leaf hash of the wrong length', (l) => l.appendLeafHash(new Uint8Array(31))],
  ];
  for (const [name, call] of cases) assert.throws(() => call(log), isBadRange, name);
  assert.throws(() => inclusionProofFromLeafHashes(sha256, [], 0), isBadRange, 'in-memory: empty tree');
  assert.throws(() => inclusionProofFromLeafHashes(sha256, [leafHash(sha256, new Uint8Array(0))], 1), isBadRange, 'in-memory: index = size');
  assert.throws(() => createMerkleLog({ hash: sha256, store: createMemoryNodeStore(), size: -1 }), isBadRange, 'negative size');
  assert.throws(() => createMerkleLog({ hash: sha256, store: createMemoryNodeStore(), size: 1 }), isBadRange, 'reopen a size the store does not hold');
  assert.equal(log.size, 10, 'a failed append leaves the log as it was');
});

test('an empty log: emptyRoot, no proofs', () => {
  const log = createMerkleLog({ hash: sha256, store: createMemoryNodeStore() });
  assert.equal(log.size, 0);
  assert.equal(toHex(log.root()), toHex(sha256(new Uint8Array(0))));
  assert.deepEqual(log.consistencyProof(0), []);
  assert.throws(() => log.inclusionProof(0), isBadRange);
});

test('append writes the leaf and each perfect subtree it completes: 1 + trailing ones of the index', () => {
  const store = countingStore(createMemoryNodeStore());
  const log = createMerkleLog({ hash: sha256, store });
  for (let index = 0; index < 1000; index++) {
    const before = store.writes;
    log.append(new Uint8Array([index & 255, index >> 8]));
    let trailingOnes = 0;
    for (let i = index; i % 2 === 1; i = (i - 1) / 2) trailingOnes++;
    assert.equal(store.writes - before, 1 + trailingOnes, `writes for leaf ${String(index)}`);
    const size = index + 1;
    assert.equal(store.writes, 2 * size - popcount(size), `total writes at size ${String(size)}`);
  }
  assert.equal(store.reads, 0, 'appending reads nothing from the store');
});

test('roots and proofs read O(log n) nodes', () => {
  const store = countingStore(createMemoryNodeStore());
  const log = createMerkleLog({ hash: sha256, store });
  const total = 20_000;
  for (const leaf of numberedLeaves(total)) log.append(leaf);
  const sizes = [1, 2, 3, 1023, 1024, 1025, 12_345, 16_383, 19_999, total];
  for (const size of sizes) {
    const limit = 2 * bitLength(size);
    store.reads = 0;
    log.root(size);
    assert.ok(store.reads <= popcount(size), `root(${String(size)}): ${String(store.reads)} reads`);
    for (const index of [0, 1, Math.floor(size / 2), size - 1]) {
      if (index >= size) continue;
      store.reads = 0;
      log.inclusionProof(index, size);
      assert.ok(store.reads <= limit, `inclusion ${String(index)}/${String(size)}: ${String(store.reads)} reads > ${String(limit)}`);
    }
    for (const oldSize of [1, 2, 3, Math.floor(size / 3), size - 1]) {
      if (oldSize < 1 || oldSize > size) continue;
      store.reads = 0;
      log.consistencyProof(oldSize, size);
      assert.ok(store.reads <= limit, `consistency ${String(oldSize)}→${String(size)}: ${String(store.reads)} reads > ${String(limit)}`);
    }
  }
});

test('hashes handed out are copies: mutating them does not change the log', () => {
  // Buffer's `slice` is a view, so a hash function returning Buffers must not
  // let a caller's edit reach the log's cache or frontier either.
  const hashes: [string, HashFn][] = [
    ['Uint8Array', (data) => new Uint8Array(sha256(data))],
    ['Buffer', (data) => Buffer.from(sha256(data))],
  ];
  for (const [name, hash] of hashes) {
    const log = createMerkleLog({ hash, store: createMemoryNodeStore() });
    for (const leaf of numberedLeaves(9)) log.append(leaf);
    const handedOut = (): Uint8Array[] => [log.root(), log.root(8), log.root(1), ...log.inclusionProof(3), ...log.consistencyProof(8), ...log.consistencyProof(3)];
    const before = handedOut().map(toHex);
    for (const bytes of handedOut()) bytes.fill(0);
    assert.deepEqual(handedOut().map(toHex), before, `${name}: hashes after callers zeroed theirs`);
    const tree = numberedLeaves(5).map((leaf) => leafHash(hash, leaf));
    merkleTreeHash(hash, tree.slice(0, 1)).fill(0);
    for (const element of inclusionProofFromLeafHashes(hash, tree, 4)) element.fill(0);
    assert.deepEqual(toHexList(tree), toHexList(numberedLeaves(5).map((leaf) => leafHash(hash, leaf))), `${name}: caller's leaf hashes untouched`);
  }
});

// A virtual store holding a tree of `size` identical leaves without storing
// them: every perfect subtree at level l has the same hash P(l). Nodes
// written by appends go to an overlay. It lets the tests run the log's
// arithmetic at sizes far beyond 2^32.
function uniformTreeStore(leaf: Uint8Array, size: number): MerkleNodeStore {
  const perfect: Uint8Array[] = [leaf];
  for (let level = 1; level <= 60; level++) perfect.push(nodeHash(sha256, perfect[level - 1]!, perfect[level - 1]!));
  const overlay = new Map<string, Uint8Array>();
  return {
    getNode(level, index) {
      const written = overlay.get(`${String(level)}/${String(index)}`);
      if (written !== undefined) return written;
      return (index + 1) * 2 ** level <= size ? perfect[level] : undefined;
    },
    putNode(level, index, hash) {
      overlay.set(`${String(level)}/${String(index)}`, copyBytes(hash));
    },
  };
}

/** MTH of `size` identical leaves, straight from RFC 9162 §2.1.1 (O(log size) with memoised perfect subtrees). */
function uniformRoot(leaf: Uint8Array, size: number): Uint8Array {
  if (size === 1) return leaf;
  let k = 1;
  let level = 0;
  while (k * 2 < size) {
    k *= 2;
    level++;
  }
  let perfect = leaf;
  for (let l = 0; l < level; l++) perfect = nodeHash(sha256, perfect, perfect);
  return nodeHash(sha256, perfect, uniformRoot(leaf, size - k));
}

test('sizes beyond 2^32 (up to 2^50): reopen, roots, proofs and appends stay exact', () => {
  const leaf = leafHash(sha256, new Uint8Array([7]));
  for (const size of [2 ** 32 + 1, 2 ** 40, 2 ** 40 + 12_345, 3 * 2 ** 41 + 5, 2 ** 50 - 1]) {
    const store = uniformTreeStore(leaf, size);
    const log = createMerkleLog({ hash: sha256, store, size });
    const root = log.root();
    assert.equal(toHex(root), toHex(uniformRoot(leaf, size)), `root at ${String(size)}`);
    for (const index of [0, 2 ** 31, 2 ** 32 - 1, 2 ** 32, size - 2, size - 1]) {
      const proof = log.inclusionProof(index);
      assert.equal(verifyInclusion(sha256, leaf, index, size, proof, root), true, `leaf ${String(index)} of ${String(size)}`);
    }
    for (const oldSize of [1, 2 ** 32 - 1, 2 ** 32 + 1, Math.floor(size / 3), size - 1]) {
      const proof = log.consistencyProof(oldSize);
      assert.equal(verifyConsistency(sha256, oldSize, size, uniformRoot(leaf, oldSize), root, proof), true, `${String(oldSize)} → ${String(size)}`);
    }
    // Appending past a huge size combines the new leaves with virtual subtrees.
    const other = leafHash(sha256, new Uint8Array([8]));
    for (let i = 0; i < 5; i++) assert.equal(log.appendLeafHash(other), size + i);
    const newRoot = log.root();
    const proof = log.inclusionProof(size + 2);
    assert.equal(verifyInclusion(sha256, other, size + 2, size + 5, proof, newRoot), true, `appended leaf after ${String(size)}`);
    assert.equal(verifyConsistency(sha256, size, size + 5, root, newRoot, log.consistencyProof(size)), true, `${String(size)} → +5`);
    assert.equal(toHex(log.root(size)), toHex(root), 'historical root after appends');
  }
});

test('a store that throws during an append leaves the log unchanged; the retry succeeds', () => {
  const inner = createMemoryNodeStore();
  let failAt = -1;
  let puts = 0;
  const store: MerkleNodeStore = {
    getNode: (level, index) => inner.getNode(level, index),
    putNode(level, index, hash) {
      if (puts++ === failAt) throw new RangeError('disk full');
      inner.putNode(level, index, hash);
    },
  };
  const log = createMerkleLog({ hash: sha256, store });
  const leaves = numberedLeaves(64);
  const { log: expected } = buildLog(leaves);
  for (let i = 0; i < leaves.length; i++) {
    // Leaf 7 completes three subtrees: fail on its last write, deep in the climb.
    failAt = puts + (i === 7 ? 3 : 0);
    const rootBefore = toHex(log.root());
    assert.throws(() => log.append(leaves[i]!), RangeError, `append ${String(i)} fails`);
    assert.equal(log.size, i, `size unchanged after failed append ${String(i)}`);
    assert.equal(toHex(log.root()), rootBefore, `root unchanged after failed append ${String(i)}`);
    failAt = -1;
    assert.equal(log.append(leaves[i]!), i, `retry of append ${String(i)}`);
    assert.equal(toHex(log.root()), toHex(expected.root(i + 1)), `root after retried append ${String(i)}`);
  }
});

test('a log given hashInto stores the same nodes and gives the same roots and proofs, reopened too', () => {
  const leaves = numberedLeaves(70).map((leaf) => leafHash(sha256, leaf));
  const hashInto = (data: Uint8Array, out: Uint8Array, offset: number) => out.set(sha256(data), offset);
  const plainStore = createMemoryNodeStore();
  const intoStore = createMemoryNodeStore();
  const plain = createMerkleLog({ hash: sha256, store: plainStore });
  const into = createMerkleLog({ hash: sha256, hashInto, store: intoStore });
  for (const [i, leaf] of leaves.entries()) {
    plain.appendLeafHash(leaf);
    into.appendLeafHash(leaf);
    assert.equal(toHex(into.root()), toHex(plain.root()), `root at ${String(i + 1)}`);
    assert.equal(toHex(into.root()), toHex(merkleTreeHash(sha256, leaves.slice(0, i + 1))));
  }
  assert.equal(intoStore.nodeCount, plainStore.nodeCount);
  const reopened = createMerkleLog({ hash: sha256, hashInto, store: intoStore, size: 45 });
  assert.equal(toHex(reopened.root()), toHex(merkleTreeHash(sha256, leaves.slice(0, 45))));
  for (const leaf of leaves.slice(45)) reopened.appendLeafHash(leaf);
  assert.equal(toHex(reopened.root()), toHex(plain.root()), 'reopened at 45 and appended to 70');
  assert.deepEqual(toHexList(reopened.inclusionProof(44)), toHexList(plain.inclusionProof(44)));
  assert.deepEqual(toHexList(reopened.consistencyProof(13)), toHexList(plain.consistencyProof(13)));
});
