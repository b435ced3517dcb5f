import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bytesToBase64url, bytesToHex } from '../crypto/bytes.ts';
import { ed25519Suite } from '../crypto/ed25519-suite.ts';
import { sm2Suite } from '../crypto/sm2-suite.ts';
import { leafHash } from '../merkle/index.ts';
import { assertProperty } from '../merkle/testdata/fc-seed.ts';
import { resultLeafDataFromCanonical, resultLeafHashFromCanonical, resultLeafHashInto, transactionLeafData, transactionLeafHash, transactionLeafHashInto } from './leaves.ts';

// The one-allocation leaf hashes must be exactly the composed RFC 9162 leaf
// hashes of docs/FORMATS.md: a difference would change every proof.
for (const suite of [ed25519Suite, sm2Suite]) {
  test(`${suite.id}: transactionLeafHash equals leafHash(transactionLeafData) (property)`, () => {
    assertProperty(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), (txIdBytes, sig) => {
        const composed = leafHash(suite.hash, transactionLeafData(suite.hash, bytesToHex(txIdBytes), bytesToBase64url(sig)));
        return bytesToHex(transactionLeafHash(suite.hash, txIdBytes, sig)) === bytesToHex(composed);
      }),
    );
  });

  test(`${suite.id}: resultLeafHashFromCanonical equals leafHash(resultLeafDataFromCanonical), for any text (property)`, () => {
    assertProperty(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), (txIdBytes, text) => {
        const txId = bytesToHex(txIdBytes);
        return bytesToHex(resultLeafHashFromCanonical(suite.hash, txId, text)) === bytesToHex(leafHash(suite.hash, resultLeafDataFromCanonical(txId, text)));
      }),
    );
  });

  test(`${suite.id}: the written forms give the same leaf hashes, at the offset, touching nothing else (property)`, () => {
    assertProperty(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.string({ unit: 'grapheme' }), fc.nat(64), (txIdBytes, sig, text, offset) => {
        const txId = bytesToHex(txIdBytes);
        const out = new Uint8Array(offset + 64).fill(0xee);
        transactionLeafHashInto(suite.hashInto, txIdBytes, sig, out, offset);
        resultLeafHashInto(suite.hashInto, txId, text, out, offset + 32);
        const untouched = out.subarray(0, offset).every((byte) => byte === 0xee);
        return (
          untouched &&
          bytesToHex(out.subarray(offset, offset + 32)) === bytesToHex(transactionLeafHash(suite.hash, txIdBytes, sig)) &&
          bytesToHex(out.subarray(offset + 32)) === bytesToHex(resultLeafHashFromCanonical(suite.hash, txId, text))
        );
      }),
    );
  });
}
