// One million appends through the memory store: the log holds no leaves,
// writes 2n - popcount(n) nodes, and proofs at any size still verify.
// 10 million is the benchmark's target, not a unit test's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leafHash } from './hashing.ts';
import { createMemoryNodeStore } from './memory-node-store.ts';
import { createMerkleLog } from './merkle-log.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';
import { sha256 } from './testdata/helpers.ts';

const total = 1_000_000;

function leafData(index: number): Uint8Array {
  const data = new Uint8Array(8);
  new DataView(data.buffer).setFloat64(0, index);
  return data;
}

test(`${String(total)} appends with the memory store`, (t) => {
  const store = createMemoryNodeStore();
  const log = createMerkleLog({ hash: sha256, store });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let index = 0; index < total; index++) log.append(leafData(index));
  const appendMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // CPU time is reported beside wall time: on a shared machine the wall clock also counts other processes.
  t.diagnostic(
    `${String(total)} appends: ${appendMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${((total / appendMs) * 1000).toFixed(0)} appends/s wall), ${String(store.nodeCount)} store nodes`,
  );

  assert.equal(log.size, total);
  assert.equal(store.nodeCount, 2 * total - 7, '2n - popcount(n) nodes for n = 1,000,000 (popcount 7)');

  const proofsStarted = performance.now();
  const root = log.root();
  for (const size of [1, 2, 1000, 524_288, 777_777, total]) {
    const sizeRoot = log.root(size);
    for (const index of [0, Math.floor(size / 3), size - 1]) {
      const proof = log.inclusionProof(index, size);
      assert.equal(verifyInclusion(sha256, leafHash(sha256, leafData(index)), index, size, proof, sizeRoot), true, `leaf ${String(index)} at size ${String(size)}`);
    }
    assert.equal(verifyConsistency(sha256, size, total, sizeRoot, root, log.consistencyProof(size)), true, `${String(size)} → ${String(total)}`);
  }
  t.diagnostic(`roots and proofs at 6 sizes: ${(performance.now() - proofsStarted).toFixed(1)} ms`);
});
