// A node store wrapper that counts reads and writes, to check the O(log n) claims.
import type { MerkleNodeStore } from '../node-store.ts';

export interface CountingStore extends MerkleNodeStore {
  reads: number;
  writes: number;
}

export function countingStore(inner: MerkleNodeStore): CountingStore {
  const counting: CountingStore = {
    reads: 0,
    writes: 0,
    getNode(level, index) {
      counting.reads++;
      return inner.getNode(level, index);
    },
    putNode(level, index, hash) {
      counting.writes++;
      inner.putNode(level, index, hash);
    },
  };
  return counting;
}
