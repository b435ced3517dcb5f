import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hash } from 'node:crypto';
import { digestInto } from '../crypto/digest-into.ts';
import { leafHash } from './hashing.ts';
import { merkleTreeHashInPlace } from './tree-hash.ts';
import { referenceMth } from './testdata/rfc9162-reference.ts';
import { rootsBySize, leafInputs } from './testdata/ct-vectors.ts';
import { hex, numberedLeaves, sha256, toHex } from './testdata/helpers.ts';

const sha256Into = (data: Uint8Array, out: Uint8Array, offset: number) => digestInto('sha256', data, out, offset);

function packed(leafHashes: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(32 * leafHashes.length);
  leafHashes.forEach((leaf, i) => out.set(leaf, 32 * i));
  return out;
}

test('the in-place tree hash matches the CT vectors at sizes 1..8', () => {
  const leafHashes = leafInputs.map((input) => leafHash(sha256, hex(input)));
  for (let size = 1; size <= 8; size++) {
    assert.equal(toHex(merkleTreeHashInPlace(sha256Into, 32, packed(leafHashes.slice(0, size)), size)), rootsBySize[size - 1], `size ${String(size)}`);
  }
});

test('the in-place tree hash equals RFC 9162 MTH at every size up to 300', () => {
  const leaves = numberedLeaves(300);
  const leafHashes = leaves.map((leaf) => leafHash(sha256, leaf));
  for (let size = 1; size <= 300; size++) {
    const want = toHex(referenceMth(sha256, leaves.slice(0, size)));
    assert.equal(toHex(merkleTreeHashInPlace(sha256Into, 32, packed(leafHashes.slice(0, size)), size)), want, `size ${String(size)}`);
  }
});

test('the in-place tree hash reads only the first count leaves and refuses an impossible count', () => {
  const leafHashes = numberedLeaves(5).map((leaf) => leafHash(sha256, leaf));
  const buffer = packed(leafHashes);
  const root = merkleTreeHashInPlace(sha256Into, 32, buffer, 3);
  assert.equal(toHex(root), toHex(referenceMth(sha256, numberedLeaves(3))));
  assert.deepEqual(buffer.subarray(96), packed(leafHashes).subarray(96), 'leaves past count are untouched');
  assert.throws(() => merkleTreeHashInPlace(sha256Into, 32, new Uint8Array(64), 3), { code: 'MERKLE_BAD_RANGE' });
  assert.throws(() => merkleTreeHashInPlace(sha256Into, 32, new Uint8Array(0), 0), { code: 'MERKLE_BAD_RANGE' });
});

test('digestInto writes what the one-shot hash returns, at the offset', () => {
  const out = new Uint8Array(40).fill(7);
  digestInto('sha256', new Uint8Array([1, 2, 3]), out, 4);
  assert.deepEqual(out.subarray(4, 36), new Uint8Array(hash('sha256', new Uint8Array([1, 2, 3]), 'buffer')));
  assert.deepEqual([...out.subarray(0, 4), ...out.subarray(36)], [7, 7, 7, 7, 7, 7, 7, 7]);
});
