/**
 * Where a Merkle log keeps its nodes. Only *perfect* subtrees are stored:
 * node `(level, index)` is the hash of the 2^level leaves
 * `[index * 2^level, (index + 1) * 2^level)`; level 0 holds the leaf hashes.
 * Every other hash a log needs (the root of a tree whose size is not a power
 * of two, a proof element over a ragged right edge) is folded from at most
 * one stored node per level, so every root and proof costs O(log n) reads.
 *
 * Nodes are immutable once written: a log writes each `(level, index)` once.
 * The implementation owns the IO (memory, SQLite, …); the merkle layer never
 * does any. Both methods are synchronous, so a store backed by SQLite can put
 * a block's nodes inside the block's SQL transaction.
 */
export interface MerkleNodeStore {
  /**
   * The hash stored at `(level, index)`, or undefined when none was written.
   * Callers must not mutate the returned bytes (a store may hand out a view
   * of its own memory); the log copies every hash it returns to its callers.
   */
  getNode(level: number, index: number): Uint8Array | undefined;
  /** Stores the hash of `(level, index)`. A store that keeps `hash` copies it: the log reuses that memory. */
  putNode(level: number, index: number, hash: Uint8Array): void;
}
