/**
 * A copy of `bytes` as a plain Uint8Array. Not `bytes.slice()`: a hash
 * function may return a Node Buffer, whose `slice` is a view, not a copy.
 */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}
