import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCustosError } from '../errors/custos-error.ts';
import { createMemoryNodeStore } from './memory-node-store.ts';
import { createMerkleLog, type MerkleLog } from './merkle-log.ts';
import { countingStore } from './testdata/counting-store.ts';
import { assertProperty } from './testdata/fc-seed.ts';
import { buildLog, numberedLeaves, sha256, toHex, toHexList } from './testdata/helpers.ts';

const leaves = numberedLeaves(300);

/** Roots and a sample of proofs of `log` up to `size`, as hex, for comparison. */
function snapshot(log: MerkleLog, size: number): unknown[] {
  const out: unknown[] = [toHex(log.root(size))];
  for (let s = 0; s <= size; s += Math.max(1, Math.floor(size / 7))) {
    out.push(toHex(log.root(s)), toHexList(log.consistencyProof(s, size)));
    if (s > 0) for (const index of [0, Math.floor(s / 2), s - 1]) out.push(toHexList(log.inclusionProof(index, s)));
  }
  return out;
}

test('a log reopened at size n gives the same roots and proofs as the original, and grows the same', () => {
  assertProperty(
    fc.property(fc.integer({ min: 1, max: leaves.length }), fc.nat(), (total, atRaw) => {
      const size = atRaw % (total + 1);
      const { log: original } = buildLog(leaves.slice(0, total));
      const originalRoots = Array.from({ length: total + 1 }, (_, s) => toHex(original.root(s)));

      // A store that holds exactly `size` leaves, reopened by a new log.
      const { store } = buildLog(leaves.slice(0, size));
      const reopened = createMerkleLog({ hash: sha256, store, size });
      assert.equal(reopened.size, size);
      assert.deepEqual(snapshot(reopened, size), snapshot(original, size), `reopened at ${String(size)}`);

      // It grows exactly like the original did.
      for (let i = size; i < total; i++) {
        assert.equal(reopened.append(leaves[i]!), i);
        assert.equal(toHex(reopened.root()), originalRoots[i + 1], `root after re-appending leaf ${String(i)}`);
      }
      assert.deepEqual(snapshot(reopened, total), snapshot(original, total), `grown from ${String(size)} to ${String(total)}`);
    }),
    60,
  );
});

test('a store holding more than the reopened size serves that size (a crash after nodes were written)', () => {
  const { log: original, store } = buildLog(leaves);
  for (const size of [0, 1, 5, 128, 299]) {
    const reopened = createMerkleLog({ hash: sha256, store, size });
    assert.deepEqual(snapshot(reopened, size), snapshot(original, size), `reopened at ${String(size)}`);
  }
});

test('reopening reads one node per set bit of the size', () => {
  const { store: inner } = buildLog(leaves);
  for (const size of [1, 2, 7, 64, 255, 300]) {
    const store = countingStore(inner);
    createMerkleLog({ hash: sha256, store, size });
    let ones = 0;
    for (let n = size; n >= 1; n = Math.floor(n / 2)) ones += n % 2;
    assert.equal(store.reads, ones, `reads to reopen at ${String(size)}`);
  }
});

test('reopening a store that lacks a frontier node fails with MERKLE_BAD_RANGE', () => {
  const { store } = buildLog(leaves.slice(0, 5));
  assert.throws(
    () => createMerkleLog({ hash: sha256, store, size: 6 }),
    (error: unknown) => isCustosError(error) && error.code === 'MERKLE_BAD_RANGE',
  );
  const empty = createMemoryNodeStore();
  assert.throws(() => createMerkleLog({ hash: sha256, store: empty, size: 1 }), (error: unknown) => isCustosError(error) && error.code === 'MERKLE_BAD_RANGE');
});
