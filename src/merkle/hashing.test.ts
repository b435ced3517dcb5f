import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf8ToBytes } from '../crypto/bytes.ts';
import { emptyRoot, leafHash, nodeHash } from './hashing.ts';
import { hasherVectors } from './testdata/ct-vectors.ts';
import { sha256, toHex } from './testdata/helpers.ts';

// Vectors: transparency-dev/merkle rfc6962/rfc6962_test.go (see testdata/ct-vectors.ts).
test('emptyRoot is SHA-256 of the empty string (RFC 9162 §2.1.1 MTH({}))', () => {
  assert.equal(toHex(emptyRoot(sha256)), hasherVectors.emptyRoot);
});

test('leafHash prefixes 0x00 (RFC 9162 §2.1.1)', () => {
  assert.equal(toHex(leafHash(sha256, new Uint8Array(0))), hasherVectors.emptyLeaf);
  assert.equal(toHex(leafHash(sha256, utf8ToBytes('L123456'))), hasherVectors.leafL123456);
});

test('nodeHash prefixes 0x01 and keeps the order of children (RFC 9162 §2.1.1)', () => {
  assert.equal(toHex(nodeHash(sha256, utf8ToBytes('N123'), utf8ToBytes('N456'))), hasherVectors.nodeN123N456);
  assert.notEqual(toHex(nodeHash(sha256, utf8ToBytes('N456'), utf8ToBytes('N123'))), hasherVectors.nodeN123N456);
});

test('a node is never the leaf of its children’s concatenation (domain separation)', () => {
  const left = leafHash(sha256, utf8ToBytes('Hello'));
  const right = leafHash(sha256, utf8ToBytes('World'));
  const joined = new Uint8Array([...left, ...right]);
  assert.notEqual(toHex(nodeHash(sha256, left, right)), toHex(leafHash(sha256, joined)));
});
