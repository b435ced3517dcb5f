import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCustosError } from '../errors/custos-error.ts';
import { createMemoryNodeStore } from './memory-node-store.ts';

function node(fill: number, length = 32): Uint8Array {
  return new Uint8Array(length).fill(fill);
}

test('memory store returns what was put, undefined for what was not', () => {
  const store = createMemoryNodeStore();
  store.putNode(0, 0, node(1));
  store.putNode(0, 5000, node(2)); // second chunk, sparse
  store.putNode(40, 3, node(3)); // a high level, no levels in between
  assert.deepEqual(store.getNode(0, 0), node(1));
  assert.deepEqual(store.getNode(0, 5000), node(2));
  assert.deepEqual(store.getNode(40, 3), node(3));
  for (const [level, index] of [[0, 1], [0, 4999], [0, 5001], [1, 0], [40, 2], [39, 3], [0, 1e12], [-1, 0], [0, -1], [0.5, 0]] as const) {
    assert.equal(store.getNode(level, index), undefined, `(${String(level)}, ${String(index)}) was never written`);
  }
  assert.equal(store.nodeCount, 3);
});

test('memory store copies on put: mutating the caller’s array does not change the node', () => {
  const store = createMemoryNodeStore();
  const hash = node(7);
  store.putNode(2, 9, hash);
  hash.fill(0);
  assert.deepEqual(store.getNode(2, 9), node(7));
});

test('memory store keeps nodes across chunk growth and counts a rewrite once', () => {
  const store = createMemoryNodeStore();
  for (let i = 0; i < 10_000; i++) store.putNode(0, i, node(i % 251));
  store.putNode(0, 17, node(17 % 251));
  assert.equal(store.nodeCount, 10_000);
  for (let i = 0; i < 10_000; i += 97) assert.deepEqual(store.getNode(0, i), node(i % 251), `node ${String(i)}`);
});

test('memory store rejects a hash of another length and bad positions', () => {
  const store = createMemoryNodeStore();
  store.putNode(0, 0, node(1));
  const cases: [string, () => void][] = [
    ['short hash', () => store.putNode(0, 1, node(1, 20))],
    ['negative index', () => store.putNode(0, -1, node(1))],
    ['fractional level', () => store.putNode(1.5, 0, node(1))],
  ];
  for (const [name, put] of cases) {
    assert.throws(put, (error: unknown) => isCustosError(error) && error.code === 'MERKLE_BAD_RANGE', name);
  }
});
