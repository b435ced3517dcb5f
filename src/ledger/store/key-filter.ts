/**
 * A Bloom filter over integer keys that are already hashes (a txId's first
 * 48 bits): "no" is certain, "maybe" is asked of the table. Keys cannot be
 * taken out, so one that was is a false "maybe", never a false "no".
 */
export function createKeyFilter(expectedKeys: number) {
  // ~16 bits a key when sized, 4 probes: under 0.3% false "maybe" until the keys double.
  // At most 2^31 bits (256 MiB), so a bit number and the mask stay positive 32-bit integers.
  const bits = Math.min(2 ** 31, Math.max(2 ** 23, 2 ** Math.ceil(Math.log2(Math.max(1, expectedKeys) * 16))));
  const words = new Int32Array(bits / 32);
  const mask = bits - 1;
  let count = 0;

  /** Two 32-bit halves of the key make the probes (double hashing); keys here are uniform already. */
  function probe(key: number, visit: (bit: number) => boolean): boolean {
    const low = key % 4_294_967_296 >>> 0;
    const step = (Math.imul((key / 4_294_967_296) >>> 0 ^ low, 0x9e3779b1) | 1) >>> 0;
    for (let i = 0; i < 4; i++) {
      if (!visit((low + Math.imul(i, step)) & mask)) return false;
    }
    return true;
  }

  const setBit = (bit: number) => {
    words[bit >>> 5]! |= 1 << (bit & 31);
    return true;
  };
  const hasBit = (bit: number) => (words[bit >>> 5]! & (1 << (bit & 31))) !== 0;

  return {
    add(key: number): void {
      probe(key, setBit);
      count += 1;
    },
    /** False only if the key was never added. */
    mayHave: (key: number): boolean => probe(key, hasBit),
    /** True once it holds more keys than it was sized for, twice over: time for a bigger one. */
    isCrowded: (): boolean => count * 8 > bits,
  };
}

export type KeyFilter = ReturnType<typeof createKeyFilter>;
