// The log against the RFC's own recursive definitions (testdata/rfc9162-reference.ts),
// for every size, every leaf index and every pair of sizes up to 64 leaves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leafHash } from './hashing.ts';
import { inclusionProofFromLeafHashes, merkleTreeHash } from './tree-hash.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';
import { createMemoryNodeStore } from './memory-node-store.ts';
import { createMerkleLog } from './merkle-log.ts';
import { referenceMth, referencePath, referenceProof } from './testdata/rfc9162-reference.ts';
import { numberedLeaves, sha256, toHex, toHexList } from './testdata/helpers.ts';

const maxSize = 64;
const leaves = numberedLeaves(maxSize);
const leafHashes = leaves.map((leaf) => leafHash(sha256, leaf));
const referenceRoots = Array.from({ length: maxSize + 1 }, (_, n) => referenceMth(sha256, leaves.slice(0, n)));

test('MTH (RFC 9162 §2.1.1): current root while appending, historical roots, merkleTreeHash', () => {
  const log = createMerkleLog({ hash: sha256, store: createMemoryNodeStore() });
  assert.equal(toHex(log.root()), toHex(referenceRoots[0]!), 'empty log');
  for (let n = 1; n <= maxSize; n++) {
    assert.equal(log.append(leaves[n - 1]!), n - 1, 'append returns the leaf index');
    assert.equal(log.size, n);
    assert.equal(toHex(log.root()), toHex(referenceRoots[n]!), `current root at size ${String(n)}`);
    assert.equal(toHex(merkleTreeHash(sha256, leafHashes.slice(0, n))), toHex(referenceRoots[n]!), `merkleTreeHash of ${String(n)}`);
  }
  for (let n = 0; n <= maxSize; n++) assert.equal(toHex(log.root(n)), toHex(referenceRoots[n]!), `root(${String(n)})`);
});

test('PATH (RFC 9162 §2.1.3.1): every leaf at every size', () => {
  const log = createMerkleLog({ hash: sha256, store: createMemoryNodeStore() });
  for (const leaf of leaves) log.append(leaf);
  for (let n = 1; n <= maxSize; n++) {
    const d = leaves.slice(0, n);
    for (let m = 0; m < n; m++) {
      const want = toHexList(referencePath(sha256, m, d));
      const proof = log.inclusionProof(m, n);
      assert.deepEqual(toHexList(proof), want, `log PATH(${String(m)}, D[${String(n)}])`);
      assert.deepEqual(toHexList(inclusionProofFromLeafHashes(sha256, leafHashes.slice(0, n), m)), want, `in-memory PATH(${String(m)}, D[${String(n)}])`);
      assert.equal(verifyInclusion(sha256, leafHashes[m]!, m, n, proof, referenceRoots[n]!), true, `verify PATH(${String(m)}, D[${String(n)}])`);
    }
  }
});

test('PROOF (RFC 9162 §2.1.4.1): every pair of sizes 0 < m ≤ n', () => {
  const log = createMerkleLog({ hash: sha256, store: createMemoryNodeStore() });
  for (const leaf of leaves) log.append(leaf);
  for (let n = 1; n <= maxSize; n++) {
    const d = leaves.slice(0, n);
    for (let m = 1; m <= n; m++) {
      const want = toHexList(referenceProof(sha256, m, d));
      const proof = log.consistencyProof(m, n);
      assert.deepEqual(toHexList(proof), want, `log PROOF(${String(m)}, D[${String(n)}])`);
      assert.equal(verifyConsistency(sha256, m, n, referenceRoots[m]!, referenceRoots[n]!, proof), true, `verify PROOF(${String(m)}, D[${String(n)}])`);
    }
  }
});
