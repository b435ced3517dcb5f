// Property tests (fast-check). The seed comes from FC_SEED when set and is
// printed on failure: `FC_SEED=<seed> npm test -- src/merkle` replays a run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { leafHash } from './hashing.ts';
import { inclusionProofFromLeafHashes, merkleTreeHash } from './tree-hash.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';
import { assertProperty, fcSeed } from './testdata/fc-seed.ts';
import { buildLog, flipBit, sha256, toHex, toHexList } from './testdata/helpers.ts';
import { referencePathShape, referenceProofShape } from './testdata/rfc9162-reference.ts';

test(`fast-check seed ${String(fcSeed)}`, (t) => {
  t.diagnostic(`FC_SEED=${String(fcSeed)}`);
});

const leafData = fc.uint8Array({ maxLength: 12 });
// Distinct leaves for the tampering tests: with equal leaves a proof may
// legitimately verify at another index (leaves A, A: leaf A is at 0 and at 1).
// The soundness test below covers repeated leaves.
const distinctLeaves = fc.uniqueArray(leafData, { minLength: 1, maxLength: 200, size: 'max', selector: toHex });
const hash32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

/** `n` with bit `bit` flipped, without 32-bit bitwise operators. */
function flipNumberBit(n: number, bit: number): number {
  const weight = 2 ** bit;
  return Math.floor(n / weight) % 2 === 1 ? n - weight : n + weight;
}

test('every inclusion proof verifies at every size, every consistency proof for every m ≤ n', () => {
  assertProperty(
    fc.property(fc.array(leafData, { minLength: 1, maxLength: 40, size: 'max' }), (leaves) => {
      const { log } = buildLog(leaves);
      const hashes = leaves.map((leaf) => leafHash(sha256, leaf));
      const roots = Array.from({ length: leaves.length + 1 }, (_, size) => log.root(size));
      for (let size = 1; size <= leaves.length; size++) {
        assert.equal(toHex(merkleTreeHash(sha256, hashes.slice(0, size))), toHex(roots[size]!), `merkleTreeHash at ${String(size)}`);
        for (let index = 0; index < size; index++) {
          const proof = log.inclusionProof(index, size);
          assert.deepEqual(toHexList(inclusionProofFromLeafHashes(sha256, hashes.slice(0, size), index)), toHexList(proof));
          assert.equal(verifyInclusion(sha256, hashes[index]!, index, size, proof, roots[size]!), true, `leaf ${String(index)} at size ${String(size)}`);
        }
        for (let oldSize = 0; oldSize <= size; oldSize++) {
          const proof = log.consistencyProof(oldSize, size);
          assert.equal(verifyConsistency(sha256, oldSize, size, roots[oldSize]!, roots[size]!, proof), true, `${String(oldSize)} → ${String(size)}`);
        }
      }
    }),
    30,
  );
});

const inclusionTamper = fc.oneof(
  fc.record({ kind: fc.constant('proof bit' as const), element: fc.nat(), bit: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('leaf bit' as const), bit: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('root bit' as const), bit: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('index bit' as const), bit: fc.integer({ min: 0, max: 52 }) }),
  fc.record({ kind: fc.constant('size bit' as const), bit: fc.integer({ min: 0, max: 52 }) }),
  fc.record({ kind: fc.constant('drop element' as const), element: fc.nat() }),
  fc.record({ kind: fc.constant('insert element' as const), element: fc.nat(), value: hash32 }),
);

test('a flipped bit in a proof element, the leaf hash, the index or the root, or a truncated or extended proof, fails inclusion', () => {
  assertProperty(
    fc.property(distinctLeaves, fc.nat(), fc.nat(), inclusionTamper, (leaves, a, b, tamper) => {
      const { log } = buildLog(leaves);
      const size = 1 + (a % leaves.length);
      const index = b % size;
      const leaf = leafHash(sha256, leaves[index]!);
      const root = log.root(size);
      const proof = log.inclusionProof(index, size);
      assert.equal(verifyInclusion(sha256, leaf, index, size, proof, root), true, 'untampered');
      const where = `leaf ${String(index)} at size ${String(size)}, ${tamper.kind}`;
      switch (tamper.kind) {
        case 'proof bit': {
          if (proof.length === 0) return;
          const at = tamper.element % proof.length;
          const bad = proof.map((p, i) => (i === at ? flipBit(p, tamper.bit) : p));
          assert.equal(verifyInclusion(sha256, leaf, index, size, bad, root), false, where);
          return;
        }
        case 'leaf bit':
          assert.equal(verifyInclusion(sha256, flipBit(leaf, tamper.bit), index, size, proof, root), false, where);
          return;
        case 'root bit':
          assert.equal(verifyInclusion(sha256, leaf, index, size, proof, flipBit(root, tamper.bit)), false, where);
          return;
        case 'index bit':
          assert.equal(verifyInclusion(sha256, leaf, flipNumberBit(index, tamper.bit), size, proof, root), false, where);
          return;
        case 'size bit': {
          // RFC 9162 binds an inclusion proof to the root, not to the size:
          // another size whose PATH has the same shape runs the same hashes
          // and verifies (e.g. leaf 0 at sizes 5 and 6). Anything else fails.
          const otherSize = flipNumberBit(size, tamper.bit);
          if (verifyInclusion(sha256, leaf, index, otherSize, proof, root)) {
            assert.equal(referencePathShape(index, otherSize), referencePathShape(index, size), `${where}: verified with size ${String(otherSize)}`);
          }
          return;
        }
        case 'drop element': {
          if (proof.length === 0) return;
          const at = tamper.element % proof.length;
          assert.equal(verifyInclusion(sha256, leaf, index, size, proof.filter((_, i) => i !== at), root), false, `${where} ${String(at)}`);
          return;
        }
        case 'insert element': {
          const at = tamper.element % (proof.length + 1);
          const longer = [...proof.slice(0, at), tamper.value, ...proof.slice(at)];
          assert.equal(verifyInclusion(sha256, leaf, index, size, longer, root), false, `${where} at ${String(at)}`);
          return;
        }
      }
    }),
    400,
  );
});

const consistencyTamper = fc.oneof(
  fc.record({ kind: fc.constant('proof bit' as const), element: fc.nat(), bit: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('old root bit' as const), bit: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('new root bit' as const), bit: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('old size bit' as const), bit: fc.integer({ min: 0, max: 52 }) }),
  fc.record({ kind: fc.constant('new size bit' as const), bit: fc.integer({ min: 0, max: 52 }) }),
  fc.record({ kind: fc.constant('drop element' as const), element: fc.nat() }),
  fc.record({ kind: fc.constant('insert element' as const), element: fc.nat(), value: hash32 }),
  fc.record({ kind: fc.constant('prepend old root' as const) }),
);

test('a flipped bit in a proof element or a root, or a truncated or extended proof, fails consistency', () => {
  assertProperty(
    fc.property(distinctLeaves, fc.nat(), fc.nat(), consistencyTamper, (leaves, a, b, tamper) => {
      const { log } = buildLog(leaves);
      const newSize = 1 + (a % leaves.length);
      const oldSize = 1 + (b % newSize);
      const oldRoot = log.root(oldSize);
      const newRoot = log.root(newSize);
      const proof = log.consistencyProof(oldSize, newSize);
      const verify = (m: number, n: number, r1: Uint8Array, r2: Uint8Array, p: readonly Uint8Array[]): boolean => verifyConsistency(sha256, m, n, r1, r2, p);
      assert.equal(verify(oldSize, newSize, oldRoot, newRoot, proof), true, 'untampered');
      const where = `${String(oldSize)} → ${String(newSize)}, ${tamper.kind}`;
      switch (tamper.kind) {
        case 'proof bit': {
          if (proof.length === 0) return;
          const at = tamper.element % proof.length;
          assert.equal(verify(oldSize, newSize, oldRoot, newRoot, proof.map((p, i) => (i === at ? flipBit(p, tamper.bit) : p))), false, where);
          return;
        }
        case 'old root bit':
          assert.equal(verify(oldSize, newSize, flipBit(oldRoot, tamper.bit), newRoot, proof), false, where);
          return;
        case 'new root bit':
          assert.equal(verify(oldSize, newSize, oldRoot, flipBit(newRoot, tamper.bit), proof), false, where);
          return;
        case 'old size bit':
        case 'new size bit': {
          // As for inclusion: sizes whose PROOF has the same shape run the
          // same hashes; the signed header must bind size and root.
          const m = tamper.kind === 'old size bit' ? flipNumberBit(oldSize, tamper.bit) : oldSize;
          const n = tamper.kind === 'new size bit' ? flipNumberBit(newSize, tamper.bit) : newSize;
          if (verify(m, n, oldRoot, newRoot, proof)) {
            assert.ok(m > 0 && m < n, `${where}: verified trivial sizes ${String(m)} → ${String(n)}`);
            assert.equal(referenceProofShape(m, n), referenceProofShape(oldSize, newSize), `${where}: verified as ${String(m)} → ${String(n)}`);
          }
          return;
        }
        case 'drop element': {
          if (proof.length === 0) return;
          const at = tamper.element % proof.length;
          assert.equal(verify(oldSize, newSize, oldRoot, newRoot, proof.filter((_, i) => i !== at)), false, `${where} ${String(at)}`);
          return;
        }
        case 'insert element': {
          const at = tamper.element % (proof.length + 1);
          assert.equal(verify(oldSize, newSize, oldRoot, newRoot, [...proof.slice(0, at), tamper.value, ...proof.slice(at)]), false, `${where} at ${String(at)}`);
          return;
        }
        case 'prepend old root':
          assert.equal(verify(oldSize, newSize, oldRoot, newRoot, [oldRoot, ...proof]), false, where);
          return;
      }
    }),
    400,
  );
});

test('soundness with repeated leaves: a proof that verifies at another index is true there', () => {
  const fewValues = fc.constantFrom(new Uint8Array(0), new Uint8Array([1]), new Uint8Array([2]));
  assertProperty(
    fc.property(fc.array(fewValues, { minLength: 1, maxLength: 24, size: 'max' }), (leaves) => {
      const { log } = buildLog(leaves);
      const hashes = leaves.map((leaf) => toHex(leafHash(sha256, leaf)));
      for (let size = 1; size <= leaves.length; size++) {
        const root = log.root(size);
        for (let index = 0; index < size; index++) {
          const proof = log.inclusionProof(index, size);
          const leaf = leafHash(sha256, leaves[index]!);
          for (let other = 0; other < size; other++) {
            if (other === index || !verifyInclusion(sha256, leaf, other, size, proof, root)) continue;
            assert.equal(hashes[other], hashes[index], `proof of leaf ${String(index)} verified at ${String(other)} (size ${String(size)})`);
          }
        }
      }
    }),
    50,
  );
});

test('RFC 9162 limitation, pinned: an inclusion proof does not fix the tree size', () => {
  // PATH(0, D[5]) and PATH(0, D[6]) have the same shape (three right
  // siblings), so the size-5 proof also "verifies" at size 6 against the
  // size-5 root. It proves nothing false (leaf 0 *is* in that tree); it is
  // why a proof must be checked against a size and root signed together.
  const leaves = Array.from({ length: 6 }, (_, i) => new Uint8Array([i]));
  const { log } = buildLog(leaves);
  const leaf = leafHash(sha256, leaves[0]!);
  assert.equal(verifyInclusion(sha256, leaf, 0, 6, log.inclusionProof(0, 5), log.root(5)), true);
  assert.equal(verifyInclusion(sha256, leaf, 0, 6, log.inclusionProof(0, 5), log.root(6)), false);
});
