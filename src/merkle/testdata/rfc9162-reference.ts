// The recursive definitions of RFC 9162 §2.1, written as plainly as the RFC
// states them (slices, recursion, no stores, no frontiers) and sharing no code
// with the implementation, so the tests can hold the log against the RFC.
import { concatBytes } from '../../crypto/bytes.ts';
import type { HashFn } from '../../crypto/suite.ts';

type Bytes = Uint8Array;

/** §2.1.1: k is the largest power of two smaller than n. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** §2.1.1 MTH(D[n]) over leaf *data* D. */
export function referenceMth(hash: HashFn, d: readonly Bytes[]): Bytes {
  const n = d.length;
  if (n === 0) return hash(new Uint8Array(0));
  if (n === 1) return hash(concatBytes(new Uint8Array([0]), d[0]!));
  const k = splitPoint(n);
  return hash(concatBytes(new Uint8Array([1]), referenceMth(hash, d.slice(0, k)), referenceMth(hash, d.slice(k))));
}

/** §2.1.3.1 PATH(m, D[n]). */
export function referencePath(hash: HashFn, m: number, d: readonly Bytes[]): Bytes[] {
  const n = d.length;
  if (n === 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...referencePath(hash, m, d.slice(0, k)), referenceMth(hash, d.slice(k))];
  return [...referencePath(hash, m - k, d.slice(k)), referenceMth(hash, d.slice(0, k))];
}

/** §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
export function referenceProof(hash: HashFn, m: number, d: readonly Bytes[]): Bytes[] {
  return referenceSubproof(hash, m, d, true);
}

function referenceSubproof(hash: HashFn, m: number, d: readonly Bytes[], b: boolean): Bytes[] {
  const n = d.length;
  if (m === n) return b ? [] : [referenceMth(hash, d)];
  const k = splitPoint(n);
  if (m <= k) return [...referenceSubproof(hash, m, d.slice(0, k), b), referenceMth(hash, d.slice(k))];
  return [...referenceSubproof(hash, m - k, d.slice(k), false), referenceMth(hash, d.slice(0, k))];
}

/**
 * The shape of PATH(m, D[n]): for each element, leaf end first, whether it is
 * the left or the right sibling. Two (m, n) with equal shapes make the verifier
 * run the very same hash computation.
 */
export function referencePathShape(m: number, n: number): string {
  if (n === 1) return '';
  const k = splitPoint(n);
  return m < k ? referencePathShape(m, k) + 'R' : referencePathShape(m - k, n - k) + 'L';
}

/**
 * The shape of PROOF(m, D[n]): 'R' for an element right of the old tree
 * (hashed into the new root only), 'L' for one left of it (hashed into both),
 * 'S' for the seed MTH(D[m]) of SUBPROOF(m, D[m], false), empty prefix when the
 * old tree is itself a node (its root becomes the seed).
 */
export function referenceProofShape(m: number, n: number, b = true): string {
  if (m === n) return b ? '' : 'S';
  const k = splitPoint(n);
  return m <= k ? referenceProofShape(m, k, b) + 'R' : referenceProofShape(m - k, n - k, false) + 'L';
}
