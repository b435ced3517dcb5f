// Proof verification as a client runs it, in the browser too: this file and
// what it imports must stay free of Node-only APIs.
import { equalBytes } from '../crypto/bytes.ts';
import type { HashFn } from '../crypto/suite.ts';
import { emptyRoot, nodeHash } from './hashing.ts';
import { isPowerOfTwo } from './tree-size.ts';

// The RFC's bit operations on fn and sn, written with arithmetic so they stay
// exact above 2^32 (JS bitwise operators truncate to 32 bits).
function isOdd(n: number): boolean {
  return n % 2 === 1;
}
function shiftRight(n: number): number {
  return Math.floor(n / 2);
}

function isHashOfLength(value: unknown, length: number): value is Uint8Array {
  return value instanceof Uint8Array && value.length === length;
}

/** Proof elements must all be hashes of the root's length (no empty or padded entries). */
function isProofOfLength(proof: unknown, length: number): proof is readonly Uint8Array[] {
  if (!Array.isArray(proof)) return false;
  for (const element of proof) if (!isHashOfLength(element, length)) return false;
  return true;
}

/**
 * Checks that `leafHash` is leaf `index` of the tree of `size` leaves whose
 * root is `root`, given the inclusion proof (RFC 9162 §2.1.3.2). False on a
 * wrong proof and on any malformed input (bad numbers, wrong hash lengths,
 * non-arrays, a throwing hash function); never throws.
 *
 * An inclusion proof binds the leaf to the root, not to the size: proofs for
 * some other sizes have the same shape (e.g. index 0 at size 5 and at 6), so
 * take `size` and `root` from the same signed statement (a block header).
 */
export function verifyInclusion(
  hash: HashFn,
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  try {
    if (typeof hash !== 'function' || !(root instanceof Uint8Array) || root.length === 0) return false;
    // §2.1.3.2 step 1: leaf_index must be < tree_size.
    if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
    if (!isHashOfLength(leafHash, root.length) || !isProofOfLength(proof, root.length)) return false;
    // Step 2-3.
    let fn = index;
    let sn = size - 1;
    let r = leafHash;
    // Step 4.
    for (const p of proof) {
      if (sn === 0) return false;
      if (isOdd(fn) || fn === sn) {
        r = nodeHash(hash, p, r);
        if (!isOdd(fn)) {
          while (!isOdd(fn) && fn !== 0) {
            fn = shiftRight(fn);
            sn = shiftRight(sn);
          }
        }
      } else {
        r = nodeHash(hash, r, p);
      }
      fn = shiftRight(fn);
      sn = shiftRight(sn);
    }
    // Step 5.
    return sn === 0 && equalBytes(r, root);
  } catch {
    return false;
  }
}

/**
 * Checks that the tree of `newSize` leaves with root `newRoot` extends the
 * tree of `oldSize` leaves with root `oldRoot`, given the consistency proof
 * (RFC 9162 §2.1.4.2). The RFC covers 0 < oldSize < newSize; here equal
 * sizes need an empty proof and equal roots, and oldSize 0 needs an empty
 * proof and `oldRoot` = `emptyRoot(hash)`. False on any malformed input;
 * never throws.
 */
export function verifyConsistency(
  hash: HashFn,
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  try {
    if (typeof hash !== 'function' || !(newRoot instanceof Uint8Array) || newRoot.length === 0) return false;
    if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) return false;
    if (!isHashOfLength(oldRoot, newRoot.length) || !isProofOfLength(proof, newRoot.length)) return false;
    if (oldSize === newSize) {
      return proof.length === 0 && equalBytes(oldRoot, newRoot) && (oldSize > 0 || equalBytes(oldRoot, emptyRoot(hash)));
    }
    if (oldSize === 0) return proof.length === 0 && equalBytes(oldRoot, emptyRoot(hash));
    // §2.1.4.2 step 1.
    if (proof.length === 0) return false;
    // Step 2: when first is an exact power of 2 the old root is itself a node
    // of the new tree and is prepended to the path (kept in `seed`, no copy).
    const prepended = isPowerOfTwo(oldSize);
    const seed = prepended ? oldRoot : proof[0]!;
    // Step 3-4.
    let fn = oldSize - 1;
    let sn = newSize - 1;
    while (isOdd(fn)) {
      fn = shiftRight(fn);
      sn = shiftRight(sn);
    }
    // Step 5.
    let fr = seed;
    let sr = seed;
    // Step 6.
    for (let i = prepended ? 0 : 1; i < proof.length; i++) {
      const c = proof[i]!;
      if (sn === 0) return false;
      if (isOdd(fn) || fn === sn) {
        fr = nodeHash(hash, c, fr);
        sr = nodeHash(hash, c, sr);
        if (!isOdd(fn)) {
          while (!isOdd(fn) && fn !== 0) {
            fn = shiftRight(fn);
            sn = shiftRight(sn);
          }
        }
      } else {
        sr = nodeHash(hash, sr, c);
      }
      fn = shiftRight(fn);
      sn = shiftRight(sn);
    }
    // Step 7.
    return sn === 0 && equalBytes(fr, oldRoot) && equalBytes(sr, newRoot);
  } catch {
    return false;
  }
}
