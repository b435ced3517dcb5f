import { custosError } from '../errors/custos-error.ts';
import type { MerkleNodeStore } from './node-store.ts';

// Nodes per chunk. A level is a list of chunks so a 10-million-leaf level never
// needs one huge reallocation; a chunk grows by doubling up to this size, so a
// small tree (tests, a block's transactions) stays small.
const chunkNodes = 4096;
const firstChunkNodes = 8;

interface Chunk {
  /** `capacity * hashLength` bytes, node `i` of the chunk at `i * hashLength`. */
  bytes: Uint8Array;
  /** 1 where a node was written. */
  present: Uint8Array;
}

/**
 * A node store in memory, for tests, benchmarks and short-lived logs.
 *
 * PERF: hashes are copied into flat per-level byte chunks instead of being
 * kept as millions of small `Uint8Array` objects: ~32 bytes per node instead
 * of ~150, and nothing for the garbage collector to trace. `getNode` returns
 * a view into a chunk (no copy); the log copies what it hands out.
 * All hashes in one store must have the same length (one hash function).
 */
export function createMemoryNodeStore(): MerkleNodeStore & { readonly nodeCount: number } {
  const levels: Chunk[][] = [];
  let hashLength = 0;
  let nodeCount = 0;

  function grow(chunk: Chunk | undefined, needed: number): Chunk {
    let capacity = chunk === undefined ? firstChunkNodes : chunk.present.length;
    while (capacity < needed) capacity *= 2;
    capacity = Math.min(capacity, chunkNodes);
    const grown: Chunk = { bytes: new Uint8Array(capacity * hashLength), present: new Uint8Array(capacity) };
    if (chunk !== undefined) {
      grown.bytes.set(chunk.bytes);
      grown.present.set(chunk.present);
    }
    return grown;
  }

  return {
    get nodeCount() {
      return nodeCount;
    },

    getNode(level, index) {
      if (!Number.isSafeInteger(level) || !Number.isSafeInteger(index) || level < 0 || index < 0) return undefined;
      // PERF: positions are computed inline; no per-call objects on the hot path.
      const chunkIndex = Math.floor(index / chunkNodes);
      const chunk = levels[level]?.[chunkIndex];
      const offset = index - chunkIndex * chunkNodes;
      if (chunk === undefined || offset >= chunk.present.length || chunk.present[offset] !== 1) return undefined;
      const start = offset * hashLength;
      return chunk.bytes.subarray(start, start + hashLength);
    },

    putNode(level, index, hash) {
      if (!Number.isSafeInteger(level) || !Number.isSafeInteger(index) || level < 0 || index < 0) {
        throw custosError('MERKLE_BAD_RANGE', 'node position must be non-negative safe integers', { level, index });
      }
      if (hashLength === 0) {
        if (hash.length === 0) throw custosError('MERKLE_BAD_RANGE', 'node hash must not be empty', { level, index });
        hashLength = hash.length;
      } else if (hash.length !== hashLength) {
        throw custosError('MERKLE_BAD_RANGE', 'node hash length differs from the store’s', { level, index, length: hash.length, expected: hashLength });
      }
      const chunkIndex = Math.floor(index / chunkNodes);
      const chunks = (levels[level] ??= []);
      const offset = index - chunkIndex * chunkNodes;
      let chunk = chunks[chunkIndex];
      if (chunk === undefined || offset >= chunk.present.length) {
        chunk = grow(chunk, offset + 1);
        chunks[chunkIndex] = chunk;
      }
      chunk.bytes.set(hash, offset * hashLength);
      if (chunk.present[offset] !== 1) {
        chunk.present[offset] = 1;
        nodeCount++;
      }
    },
  };
}
