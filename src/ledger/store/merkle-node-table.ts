import type Database from 'better-sqlite3';
import type { MerkleNodeStore } from '../../merkle/index.ts';

/** 2^40: room for a trillion nodes per level while keys stay safe integers. */
const levelStride = 2 ** 40;

/** The Merkle log's perfect-subtree hashes, kept in the node's database. */
export function createMerkleNodeTable(db: Database.Database): MerkleNodeStore {
  const get = db.prepare<[number], { hash: Buffer }>('SELECT hash FROM merkle_nodes WHERE key = ?');
  const put = db.prepare<[number, Uint8Array]>('INSERT OR REPLACE INTO merkle_nodes (key, hash) VALUES (?, ?)');
  return {
    getNode(level, index) {
      const row = get.get(level * levelStride + index);
      return row === undefined ? undefined : new Uint8Array(row.hash);
    },
    putNode(level, index, hash) {
      put.run(level * levelStride + index, hash);
    },
  };
}
