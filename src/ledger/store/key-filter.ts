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

/**
 * The filter over the merged part of an index merged in sorted runs
 * (tx-id-index.ts, state-key-index.ts): filled from the table's keys on
 * open, and given the keys of each merge when it commits. Keys waiting in
 * memory are `held` until then; a merge's commit adds them, or refills a
 * bigger filter from the table once this one is crowded.
 */
export function createMergedKeyFilter(tableKeys: { iterate(): IterableIterator<number> }, mergeThreshold: number) {
  let filter!: KeyFilter;
  let held: number[] = [];

  /** Every key in the table, in a filter sized for `merged` of them and the next merge. */
  function refill(merged: number): void {
    filter = createKeyFilter(merged + mergeThreshold);
    for (const key of tableKeys.iterate()) filter.add(key);
  }

  return {
    /** False only if no merged row has the key: then the table need not be asked. */
    mayHave: (key: number): boolean => filter.mayHave(key),
    /** On open: the table's keys, and nothing held. */
    reload(merged: number): void {
      held = [];
      refill(merged);
    },
    /** A key in memory, for the table at the next merge. */
    hold(key: number): void {
      held.push(key);
    },
    heldCount: (): number => held.length,
    /** Forgets the keys held after the first `count` (a rolled-back block's). */
    keepHeld(count: number): void {
      held.length = count;
    },
    /** After a merge's SQL transaction committed: every held key is in the table now. */
    merged(merged: number): void {
      if (filter.isCrowded()) refill(merged);
      else for (const key of held) filter.add(key);
      held = [];
    },
  };
}

export type MergedKeyFilter = ReturnType<typeof createMergedKeyFilter>;
