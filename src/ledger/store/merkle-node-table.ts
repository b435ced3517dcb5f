import type Database from 'better-sqlite3';
import type { HashFn } from '../../crypto/suite.ts';
import { nodeHash, type MerkleNodeStore } from '../../merkle/index.ts';

/** 2^40: room for a trillion nodes per level while keys stay safe integers. Key = level · stride + index. */
export const merkleLevelStride = 2 ** 40;

/**
 * Levels 1 to 3 are not stored (layout 4): a node there is folded from its
 * 2, 4 or 8 stored leaves when read. PERF: those levels were 7 of every 16
 * rows the log wrote — about one row per transaction — while reads of them
 * are rare (proofs, reopening the log) and cost at most 8 leaf reads and
 * 7 hashes each.
 */
export const firstStoredLevelAboveLeaves = 4;

/** Whether `(level, ·)` nodes are rows of merkle_nodes. */
export const isStoredLevel = (level: number) => level === 0 || level >= firstStoredLevelAboveLeaves;

/** Keys of the levels not stored, [from, to): what layout 3 still holds and layout 4 ignores. */
export const unstoredLevelKeys = { from: merkleLevelStride, to: firstStoredLevelAboveLeaves * merkleLevelStride };

/** The Merkle log's perfect-subtree hashes, kept in the node's database. */
export function createMerkleNodeTable(db: Database.Database, hash: HashFn): MerkleNodeStore {
  const get = db.prepare<[number], { hash: Buffer }>('SELECT hash FROM merkle_nodes WHERE key = ?');
  const leaves = db.prepare<[number, number], Buffer>('SELECT hash FROM merkle_nodes WHERE key BETWEEN ? AND ? ORDER BY key').pluck();
  const put = db.prepare<[number, Uint8Array]>('INSERT OR REPLACE INTO merkle_nodes (key, hash) VALUES (?, ?)');

  function foldFromLeaves(level: number, index: number): Uint8Array | undefined {
    const width = 2 ** level;
    let row: Uint8Array[] = leaves.all(index * width, index * width + width - 1);
    if (row.length < width) return undefined;
    while (row.length > 1) row = Array.from({ length: row.length / 2 }, (_, i) => nodeHash(hash, row[2 * i]!, row[2 * i + 1]!));
    return row[0];
  }

  return {
    getNode(level, index) {
      if (!isStoredLevel(level)) return foldFromLeaves(level, index);
      const row = get.get(level * merkleLevelStride + index);
      return row === undefined ? undefined : new Uint8Array(row.hash);
    },
    putNode(level, index, nodeHashValue) {
      if (isStoredLevel(level)) put.run(level * merkleLevelStride + index, nodeHashValue);
    },
  };
}

/** Layout 4 drops the rows of the levels it no longer stores. */
export function dropUnstoredMerkleLevels(db: Database.Database): void {
  db.prepare('DELETE FROM merkle_nodes WHERE key >= ? AND key < ?').run(unstoredLevelKeys.from, unstoredLevelKeys.to);
}
