// Known answers from the Certificate Transparency reference test data
// (transparency-dev/merkle proof/verify_test.go; see testdata/ct-vectors.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyRoot, leafHash } from './hashing.ts';
import { inclusionProofFromLeafHashes, merkleTreeHash } from './tree-hash.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';
import { consistencyVectors, hasherVectors, inclusionVectors, leafInputs, rootsBySize } from './testdata/ct-vectors.ts';
import { buildLog, hex, sha256, toHex, toHexList } from './testdata/helpers.ts';

const leaves = leafInputs.map(hex);
const leafHashes = leaves.map((leaf) => leafHash(sha256, leaf));
const { log } = buildLog(leaves);
const someHash = hex('abacaba000000000000000000000000000000000000000000060061e00123456');
const emptyTreeHash = hex(hasherVectors.emptyRoot);

test('roots at sizes 1..8 match the CT vectors (log, reopened sizes and merkleTreeHash)', () => {
  assert.equal(toHex(log.root(0)), hasherVectors.emptyRoot, 'size 0');
  assert.equal(toHex(merkleTreeHash(sha256, [])), hasherVectors.emptyRoot, 'MTH({})');
  for (let size = 1; size <= 8; size++) {
    const want = rootsBySize[size - 1]!;
    assert.equal(toHex(log.root(size)), want, `log.root(${String(size)})`);
    assert.equal(toHex(buildLog(leaves.slice(0, size)).log.root()), want, `current root of a ${String(size)}-leaf log`);
    assert.equal(toHex(merkleTreeHash(sha256, leafHashes.slice(0, size))), want, `merkleTreeHash of ${String(size)} leaves`);
  }
});

test('inclusion proofs match the CT vectors and verify (RFC 9162 §2.1.3)', () => {
  for (const { index, size, proof } of inclusionVectors) {
    const name = `leaf ${String(index)} of ${String(size)}`;
    assert.deepEqual(toHexList(log.inclusionProof(index, size)), proof, `log: ${name}`);
    assert.deepEqual(toHexList(inclusionProofFromLeafHashes(sha256, leafHashes.slice(0, size), index)), proof, `in memory: ${name}`);
    assert.equal(verifyInclusion(sha256, leafHashes[index]!, index, size, proof.map(hex), hex(rootsBySize[size - 1]!)), true, name);
  }
});

test('corrupted inclusion proofs of the CT vectors are rejected', () => {
  for (const vector of inclusionVectors) {
    const proof = vector.proof.map(hex);
    const root = hex(rootsBySize[vector.size - 1]!);
    const leaf = leafHashes[vector.index]!;
    const { index, size } = vector;
    // The probes of the reference verifier test (corruptInclusionProof).
    const probes: [string, () => boolean][] = [
      ['index - 1', () => verifyInclusion(sha256, leaf, index - 1, size, proof, root)],
      ['index + 1', () => verifyInclusion(sha256, leaf, index + 1, size, proof, root)],
      ['index ^ 2', () => verifyInclusion(sha256, leaf, index ^ 2, size, proof, root)],
      ['size * 2', () => verifyInclusion(sha256, leaf, index, size * 2, proof, root)],
      ['size / 2', () => verifyInclusion(sha256, leaf, index, Math.floor(size / 2), proof, root)],
      ['wrong leaf', () => verifyInclusion(sha256, someHash, index, size, proof, root)],
      ['empty root', () => verifyInclusion(sha256, leaf, index, size, proof, emptyTreeHash)],
      ['random root', () => verifyInclusion(sha256, leaf, index, size, proof, someHash)],
      ['trailing garbage', () => verifyInclusion(sha256, leaf, index, size, [...proof, new Uint8Array(0)], root)],
      ['trailing root', () => verifyInclusion(sha256, leaf, index, size, [...proof, root], root)],
      ['preceding garbage', () => verifyInclusion(sha256, leaf, index, size, [new Uint8Array(0), ...proof], root)],
      ['preceding root', () => verifyInclusion(sha256, leaf, index, size, [root, ...proof], root)],
    ];
    proof.forEach((_, i) => {
      probes.push([`proof[${String(i)}] bit 3 flipped`, () => verifyInclusion(sha256, leaf, index, size, proof.map((p, j) => (j === i ? p.map((b, at) => (at === 0 ? b ^ 8 : b)) : p)), root)]);
    });
    if (proof.length > 0) probes.push(['removed component', () => verifyInclusion(sha256, leaf, index, size, proof.slice(0, -1), root)]);
    if (proof.length > 1) probes.push(['inserted component', () => verifyInclusion(sha256, leaf, index, size, [proof[0]!, someHash, ...proof.slice(1)], root)]);
    for (const [name, probe] of probes) assert.equal(probe(), false, `leaf ${String(index)} of ${String(size)}: ${name}`);
  }
});

test('consistency proofs match the CT vectors and verify (RFC 9162 §2.1.4)', () => {
  for (const { oldSize, newSize, proof } of consistencyVectors) {
    const name = `${String(oldSize)} → ${String(newSize)}`;
    assert.deepEqual(toHexList(log.consistencyProof(oldSize, newSize)), proof, `log: ${name}`);
    const ok = verifyConsistency(sha256, oldSize, newSize, hex(rootsBySize[oldSize - 1]!), hex(rootsBySize[newSize - 1]!), proof.map(hex));
    assert.equal(ok, true, name);
  }
});

test('corrupted consistency proofs of the CT vectors are rejected', () => {
  for (const vector of consistencyVectors) {
    if (vector.proof.length === 0) continue;
    const proof = vector.proof.map(hex);
    const { oldSize: m, newSize: n } = vector;
    const r1 = hex(rootsBySize[m - 1]!);
    const r2 = hex(rootsBySize[n - 1]!);
    const wrong = hex('00'.repeat(32));
    // The probes of the reference verifier test (corruptConsistencyProof).
    const probes: [string, number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
      ['oldSize - 1', m - 1, n, r1, r2, proof],
      ['oldSize + 1', m + 1, n, r1, r2, proof],
      ['oldSize ^ 2', m ^ 2, n, r1, r2, proof],
      ['newSize * 2', m, n * 2, r1, r2, proof],
      ['newSize / 2', m, Math.floor(n / 2), r1, r2, proof],
      ['wrong old root', m, n, wrong, r2, proof],
      ['wrong new root', m, n, r1, wrong, proof],
      ['swapped roots', m, n, r2, r1, proof],
      ['empty proof', m, n, r1, r2, []],
      ['trailing garbage', m, n, r1, r2, [...proof, new Uint8Array(0)]],
      ['trailing old root', m, n, r1, r2, [...proof, r1]],
      ['trailing new root', m, n, r1, r2, [...proof, r2]],
      ['preceding garbage', m, n, r1, r2, [new Uint8Array(0), ...proof]],
      ['preceding old root', m, n, r1, r2, [r1, ...proof]],
      ['preceding new root', m, n, r1, r2, [r2, ...proof]],
      ['preceding proof[0]', m, n, r1, r2, [proof[0]!, ...proof]],
      ['truncated proof', m, n, r1, r2, proof.slice(0, -1)],
    ];
    proof.forEach((_, i) => {
      probes.push([`proof[${String(i)}] bit 4 flipped`, m, n, r1, r2, proof.map((p, j) => (j === i ? p.map((b, at) => (at === 0 ? b ^ 16 : b)) : p))]);
    });
    for (const [name, oldSize, newSize, oldRoot, newRoot, badProof] of probes) {
      assert.equal(verifyConsistency(sha256, oldSize, newSize, oldRoot, newRoot, badProof), false, `${String(m)} → ${String(n)}: ${name}`);
    }
  }
});

test('trivial consistency: equal sizes need equal roots and no proof; size 0 needs the empty root', () => {
  const r1 = hex(rootsBySize[0]!);
  const r2 = hex(rootsBySize[1]!);
  const empty = emptyRoot(sha256);
  const cases: [string, number, number, Uint8Array, Uint8Array, Uint8Array[], boolean][] = [
    ['0 → 0, empty roots', 0, 0, empty, empty, [], true],
    ['0 → 0, other roots', 0, 0, r1, r1, [], false],
    ['0 → 1', 0, 1, empty, r1, [], true],
    ['0 → 1, old root not empty', 0, 1, r2, r1, [], false],
    ['0 → 1 with a proof', 0, 1, empty, r1, [empty], false],
    ['1 → 1, same root', 1, 1, r1, r1, [], true],
    ['1 → 1, different roots', 1, 1, r1, r2, [], false],
    ['1 → 1 with a proof', 1, 1, r1, r1, [empty], false],
    ['time travel 1 → 0', 1, 0, r1, empty, [], false],
    ['time travel 2 → 1', 2, 1, r2, r1, [], false],
    ['1 → 2, empty proof', 1, 2, r1, r2, [], false],
  ];
  for (const [name, m, n, oldRoot, newRoot, proof, want] of cases) {
    assert.equal(verifyConsistency(sha256, m, n, oldRoot, newRoot, proof), want, name);
  }
  assert.deepEqual(log.consistencyProof(0, 8), [], 'PROOF(0, D[8]) is empty');
  assert.deepEqual(log.consistencyProof(5, 5), [], 'PROOF(5, D[5]) is empty');
});

test('verifiers return false, never throw, on malformed input', () => {
  const root = hex(rootsBySize[7]!);
  const leaf = leafHashes[0]!;
  const proof = inclusionVectors[1]!.proof.map(hex);
  const junk: unknown[] = [undefined, null, 'x', 1, {}, [1], [new Uint8Array(31)], NaN, -1, 2 ** 53, 1.5, Infinity];
  // Untyped callers (JSON from the network, a browser) can pass anything.
  const looseInclusion = verifyInclusion as (...args: unknown[]) => boolean;
  const looseConsistency = verifyConsistency as (...args: unknown[]) => boolean;
  const goodInclusion: unknown[] = [sha256, leaf, 0, 8, proof, root];
  const goodConsistency: unknown[] = [sha256, 1, 8, leaf, root, proof];
  assert.equal(looseInclusion(...goodInclusion), true, 'the unmodified inclusion arguments verify');
  assert.equal(looseConsistency(...goodConsistency), true, 'the unmodified consistency arguments verify');
  for (const value of junk) {
    for (let position = 0; position < 6; position++) {
      const args = [...goodInclusion];
      if (args[position] !== value) {
        args[position] = value;
        assert.equal(looseInclusion(...args), false, `verifyInclusion with argument ${String(position)} = ${String(value)}`);
      }
      const cArgs = [...goodConsistency];
      if (cArgs[position] !== value) {
        cArgs[position] = value;
        assert.equal(looseConsistency(...cArgs), false, `verifyConsistency with argument ${String(position)} = ${String(value)}`);
      }
    }
  }
  const throwingHash = (): Uint8Array => {
    throw new RangeError('hash failed');
  };
  assert.equal(verifyInclusion(throwingHash, leaf, 0, 8, proof, root), false, 'a throwing hash function');
  assert.equal(verifyConsistency(throwingHash, 1, 8, leaf, root, proof), false, 'a throwing hash function');
  // A proof as long as you like stops at sn = 0 instead of hashing it all.
  assert.equal(verifyInclusion(sha256, leaf, 0, 8, new Array<Uint8Array>(100_000).fill(root), root), false, 'a huge proof');
});
