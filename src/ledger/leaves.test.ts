import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bytesToBase64url, bytesToHex } from '../crypto/bytes.ts';
import { ed25519Suite } from '../crypto/ed25519-suite.ts';
import { sm2Suite } from '../crypto/sm2-suite.ts';
import { leafHash } from '../merkle/index.ts';
import { assertProperty } from '../merkle/testdata/fc-seed.ts';
import { resultLeafDataFromCanonical, resultLeafHashInto, transactionLeafData, transactionLeafHashInto } from './leaves.ts';

// The allocation-free leaf hashes must be exactly the composed RFC 9162 leaf
// hashes of docs/FORMATS.md: a difference would change every proof.
for (const suite of [ed25519Suite, sm2Suite]) {
  const written = (write: (out: Uint8Array) => void) => {
    const out = new Uint8Array(32);
    write(out);
    return bytesToHex(out);
  };

  test(`${suite.id}: transactionLeafHashInto equals leafHash(transactionLeafData) (property)`, () => {
    assertProperty(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), (txIdBytes, sig) => {
        const composed = leafHash(suite.hash, transactionLeafData(suite.hash, bytesToHex(txIdBytes), bytesToBase64url(sig)));
        return written((out) => transactionLeafHashInto(suite.hashInto, txIdBytes, sig, out, 0)) === bytesToHex(composed);
      }),
    );
  });

  test(`${suite.id}: resultLeafHashInto equals leafHash(resultLeafDataFromCanonical), for any text (property)`, () => {
    assertProperty(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), (txIdBytes, text) => {
        const txId = bytesToHex(txIdBytes);
        return written((out) => resultLeafHashInto(suite.hashInto, txId, text, out, 0)) === bytesToHex(leafHash(suite.hash, resultLeafDataFromCanonical(txId, text)));
      }),
    );
  });

  test(`${suite.id}: the written forms land at the offset, touching nothing else (property)`, () => {
    assertProperty(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.string({ unit: 'grapheme' }), fc.nat(64), (txIdBytes, sig, text, offset) => {
        const txId = bytesToHex(txIdBytes);
        const out = new Uint8Array(offset + 64).fill(0xee);
        transactionLeafHashInto(suite.hashInto, txIdBytes, sig, out, offset);
        resultLeafHashInto(suite.hashInto, txId, text, out, offset + 32);
        const untouched = out.subarray(0, offset).every((byte) => byte === 0xee);
        return (
          untouched &&
          bytesToHex(out.subarray(offset, offset + 32)) === written((at) => transactionLeafHashInto(suite.hashInto, txIdBytes, sig, at, 0)) &&
          bytesToHex(out.subarray(offset + 32)) === written((at) => resultLeafHashInto(suite.hashInto, txId, text, at, 0))
        );
      }),
    );
  });
}
