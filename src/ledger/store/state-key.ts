/**
 * The integer a state document is looked up by: a 52-bit hash of its
 * collection and id (cyrb53, after Bryc's public-domain string hash). It is
 * a storage index only — never hashed into a format, free to change with the
 * store layout — so a fast non-cryptographic hash will do: a collision costs
 * one more row compared, since lookups compare collection and id in full.
 */
export function stateKey(collection: string, id: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  // A separator no collection name holds, so ("ab", "c") and ("a", "bc") differ.
  const length = collection.length + 1 + id.length;
  for (let i = 0; i < length; i++) {
    const code = i < collection.length ? collection.charCodeAt(i) : i === collection.length ? 0x1f : id.charCodeAt(i - collection.length - 1);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
