import assert from 'node:assert/strict';
import test from 'node:test';
import Database from 'better-sqlite3';
import { bytesToHex, utf8ToBytes } from '../../crypto/bytes.ts';
import { ed25519Suite } from '../../crypto/ed25519-suite.ts';
import { createMemoryNodeStore, createMerkleLog, type MerkleLog } from '../../merkle/index.ts';
import { createMerkleNodeTable, isStoredLevel } from './merkle-node-table.ts';
import { applySchema, defaultStoreOptions } from './schema.ts';

const hash = ed25519Suite.hash;
const leafData = (i: number) => utf8ToBytes(`leaf ${i}`);

function tableLog(count: number): { db: Database.Database; log: MerkleLog } {
  const db = new Database(':memory:');
  applySchema(db, defaultStoreOptions);
  const log = createMerkleLog({ hash, store: createMerkleNodeTable(db, hash) });
  db.transaction(() => {
    for (let i = 0; i < count; i++) log.append(leafData(i));
  })();
  return { db, log };
}

test('the SQLite node table gives the same roots and proofs as a store of every node, though it keeps no level 1-3 rows', () => {
  const count = 77;
  const reference = createMerkleLog({ hash, store: createMemoryNodeStore() });
  for (let i = 0; i < count; i++) reference.append(leafData(i));
  const { db, log } = tableLog(count);
  const reopened = createMerkleLog({ hash, store: createMerkleNodeTable(db, hash), size: count });
  for (const candidate of [log, reopened]) {
    for (let size = 1; size <= count; size++) {
      assert.equal(bytesToHex(candidate.root(size)), bytesToHex(reference.root(size)), `root at ${size}`);
      for (const index of [0, size >> 1, size - 1]) {
        assert.deepEqual(candidate.inclusionProof(index, size).map(bytesToHex), reference.inclusionProof(index, size).map(bytesToHex), `inclusion of ${index} in ${size}`);
      }
      assert.deepEqual(candidate.consistencyProof(size >> 1, size).map(bytesToHex), reference.consistencyProof(size >> 1, size).map(bytesToHex));
    }
  }
  const levels = db.prepare<[], number>('SELECT DISTINCT key / 1099511627776 FROM merkle_nodes ORDER BY 1').pluck().all();
  assert.deepEqual(levels, [0, 4, 5, 6]);
  assert.ok(levels.every(isStoredLevel));
  // 77 leaves, 4 nodes of 16, 2 of 32, 1 of 64: 84 rows where every level would take 153.
  assert.equal(db.prepare('SELECT count(*) FROM merkle_nodes').pluck().get(), 84);
});

test('a node over leaves the table does not hold yet is missing, not folded from fewer', () => {
  const { db } = tableLog(13);
  const store = createMerkleNodeTable(db, hash);
  assert.ok(store.getNode(2, 2) !== undefined, 'leaves 8-11 are there');
  assert.equal(store.getNode(2, 3), undefined, 'leaves 12-15 are not all there');
  assert.equal(store.getNode(3, 1), undefined);
  assert.equal(store.getNode(4, 0), undefined);
});

test('opening a layout 3 database drops its level 1-3 rows and keeps the log whole', () => {
  const { db, log } = tableLog(40);
  const root = bytesToHex(log.root());
  // As layout 3 left it: every level stored.
  const insert = db.prepare('INSERT INTO merkle_nodes (key, hash) VALUES (?, ?)');
  insert.run(2 ** 40, new Uint8Array(32));
  insert.run(3 * 2 ** 40 + 4, new Uint8Array(32));
  db.prepare("UPDATE meta SET value = '3' WHERE key = 'schema'").run();
  applySchema(db, defaultStoreOptions);
  assert.equal(db.prepare('SELECT count(*) FROM merkle_nodes WHERE key >= ? AND key < ?').pluck().get(2 ** 40, 4 * 2 ** 40), 0);
  assert.equal(bytesToHex(createMerkleLog({ hash, store: createMerkleNodeTable(db, hash), size: 40 }).root()), root);
});
