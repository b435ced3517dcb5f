import { base64urlToBytes, concatBytes, hexToBytes, hexToBytesInto, utf8ToBytes } from '../crypto/bytes.ts';
import { canonicalize } from '../crypto/canonical-json.ts';
import { domainTagPrefix, taggedBytes } from '../crypto/domain-tags.ts';
import { leafHashOfPartsInto } from '../merkle/index.ts';
import { digestLength, type HashFn, type HashIntoFn } from '../crypto/suite.ts';
import type { TransactionResult } from './result.ts';

/**
 * The RFC 9162 leaf data of a transaction: tag || txId || H(sig). The txId
 * commits to the content and the signature hash to its authorization, so a
 * proof shows both what was asked and that the signer asked it.
 */
export function transactionLeafData(hash: HashFn, txId: string, sig: string): Uint8Array {
  return taggedBytes('txLeaf', concatBytes(hexToBytes(txId)!, hash(base64urlToBytes(sig)!)));
}

/** Leaf data of a result: tag || txId || JCS(result). */
export function resultLeafData(txId: string, result: TransactionResult): Uint8Array {
  return resultLeafDataFromCanonical(txId, canonicalize(result));
}

/** The same bytes from a result already canonicalized. */
export function resultLeafDataFromCanonical(txId: string, canonicalResult: string): Uint8Array {
  return taggedBytes('resultLeaf', concatBytes(hexToBytes(txId)!, utf8ToBytes(canonicalResult)));
}

// Scratch for the allocation-free forms below; each is filled and consumed within one call.
const idScratch = new Uint8Array(digestLength);
const sigDigestScratch = new Uint8Array(digestLength);

/**
 * `leafHash(transactionLeafData(…))` from the txId's and signature's bytes,
 * written at `out[offset…]`. PERF: admission runs it per transaction,
 * straight into the batch's leaf-hash buffer, with no ArrayBuffer allocated
 * for the signature's hash, the leaf input or the leaf's hash
 * (`leaves.test.ts` checks it against the composed form).
 */
export function transactionLeafHashInto(hashInto: HashIntoFn, txIdBytes: Uint8Array, sigBytes: Uint8Array, out: Uint8Array, offset: number): void {
  hashInto(sigBytes, sigDigestScratch, 0);
  leafHashOfPartsInto(hashInto, [domainTagPrefix('txLeaf'), txIdBytes, sigDigestScratch], '', out, offset);
}

/** `leafHash(resultLeafDataFromCanonical(…))`, written at `out[offset…]` (PERF: the commit runs it per transaction). */
export function resultLeafHashInto(hashInto: HashIntoFn, txId: string, canonicalResult: string, out: Uint8Array, offset: number): void {
  if (txId.length !== 2 * digestLength || !hexToBytesInto(txId, idScratch, 0)) throw new TypeError('txId is not a digest in hex');
  leafHashOfPartsInto(hashInto, [domainTagPrefix('resultLeaf'), idScratch], canonicalResult, out, offset);
}
