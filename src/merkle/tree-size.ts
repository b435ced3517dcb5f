import { custosError } from '../errors/custos-error.ts';

// Sizes and indices are JS numbers, exact up to 2^53. Bitwise operators would
// truncate them to 32 bits, so tree arithmetic here uses `/ 2`, `% 2` and `* 2`
// only, which are exact for every safe integer.

/** The k of RFC 9162 §2.1.1: the largest power of two smaller than n (n ≥ 2). */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** True for sizes 1, 2, 4, 8, … */
export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/** Throws MERKLE_BAD_RANGE unless `size` is a safe integer in [min, max]. */
export function checkSize(name: string, size: number, min: number, max: number): void {
  if (!Number.isSafeInteger(size) || size < min || size > max) {
    throw custosError('MERKLE_BAD_RANGE', `${name} ${String(size)} is outside [${String(min)}, ${String(max)}]`, { [name]: size, min, max });
  }
}

/** Throws MERKLE_BAD_RANGE unless `index` is a safe integer in [0, size). */
export function checkIndex(index: number, size: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw custosError('MERKLE_BAD_RANGE', `leaf index ${String(index)} is outside a tree of size ${String(size)}`, { index, size });
  }
}
