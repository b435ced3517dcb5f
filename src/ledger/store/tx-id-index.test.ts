// The txId lookup of layout 5: recent transactions in memory, the rest merged
// into tx_ids in sorted runs. Checked against a plain map through blocks,
// rollbacks, reopening and ids whose short keys collide.
import assert from 'node:assert/strict';
import test from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { assertProperty } from '../../merkle/testdata/fc-seed.ts';
import { applySchema, defaultStoreOptions, rebuildDerivedState, storeSchemaVersion } from './schema.ts';
import { createTxIdIndex, txIdIndexProblem, txIdKey, txIdsThroughKey, type TxIdIndex } from './tx-id-index.ts';

const replay = 'src/ledger/store/tx-id-index';

function openStore(): Database.Database {
  const db = new Database(':memory:');
  applySchema(db, defaultStoreOptions);
  return db;
}

/** Commits a block's transactions as the ledger does; `rollBack` makes the block's SQL transaction fail after the merge. */
function commitBlock(db: Database.Database, index: TxIdIndex, ids: readonly string[], firstSeq: number, rollBack = false): boolean {
  const insert = db.prepare('INSERT INTO txs (seq, height, id_key, id, body, result) VALUES (?, 1, ?, ?, ?, ?)');
  try {
    db.transaction(() => {
      ids.forEach((id, i) => {
        insert.run(firstSeq + i, txIdKey(id), id, '{}', '{}');
        index.stage(id, firstSeq + i);
      });
      index.writeStaged(firstSeq + ids.length);
      if (rollBack) throw new Error('roll back');
    })();
    index.committed();
    return true;
  } catch {
    index.discardStaged();
    return false;
  }
}

/**
 * 64-hex ids from a few prefixes, so that the in-memory 28-bit keys and the
 * stored 48-bit keys collide often while the ids differ.
 */
const idArbitrary = fc
  .tuple(fc.constantFrom('0000000', 'abcdef0', 'fffffff'), fc.constantFrom('00000', '12345'), fc.stringMatching(/^[0-9a-f]{52}$/))
  .map(([short, rest, tail]) => short + rest + tail);

test('every committed id is found at its seq, through merges, rollbacks and reopening, and no other id is', () =>
  assertProperty(
    fc.property(
      // Blocks draw from a small pool, so an id already in the ledger comes again, as a failed replay does.
      fc.uniqueArray(idArbitrary, { minLength: 1, maxLength: 10 }),
      fc.array(fc.record({ picks: fc.uniqueArray(fc.nat(9), { maxLength: 6 }), rollBack: fc.boolean(), reopen: fc.boolean() }), { maxLength: 25 }),
      fc.integer({ min: 1, max: 12 }),
      fc.array(idArbitrary, { maxLength: 5 }),
      (pool, picked, threshold, strangers) => {
        const blocks = picked.map((block) => ({ ...block, ids: [...new Set(block.picks.map((i) => pool[i % pool.length]!))] }));
        const db = openStore();
        let index = createTxIdIndex(db, threshold);
        const model = new Map<string, number>();
        let size = 0;
        for (const block of blocks) {
          // A lookup by id answers the first transaction with it.
          if (commitBlock(db, index, block.ids, size, block.rollBack)) {
            block.ids.forEach((id, i) => model.set(id, model.get(id) ?? size + i));
            size += block.ids.length;
          }
          if (block.reopen) index = createTxIdIndex(db, threshold);
          assert.ok(index.recentCount() < threshold, 'merged once the threshold is reached');
        }
        for (const [id, seq] of model) assert.equal(index.seqOf(id), seq, id);
        for (const id of strangers) if (!model.has(id)) assert.equal(index.seqOf(id), undefined, id);
        assert.equal(txIdIndexProblem(db), undefined);
        const through = Number(db.prepare(`SELECT value FROM meta WHERE key = '${txIdsThroughKey}'`).pluck().get() ?? 0);
        assert.equal(index.recentCount(), size - through, 'memory holds exactly the transactions after the merged ones');
        db.close();
      },
    ),
    100,
    replay,
  ));

test('a staged transaction is not found until its block commits', () => {
  const db = openStore();
  const index = createTxIdIndex(db, 100);
  const id = 'a'.repeat(64);
  db.transaction(() => {
    db.prepare("INSERT INTO txs (seq, height, id_key, id, body, result) VALUES (0, 1, ?, ?, '{}', '{}')").run(txIdKey(id), id);
    index.stage(id, 0);
    index.writeStaged(1);
  })();
  assert.equal(index.recentCount(), 0);
  index.committed();
  assert.equal(index.seqOf(id), 0);
  assert.equal(index.recentCount(), 1);
});

test('txIdIndexProblem names a changed, missing or extra tx_ids row and a bad bound', () => {
  const build = () => {
    const db = openStore();
    const index = createTxIdIndex(db, 4);
    const ids = Array.from({ length: 10 }, (_, i) => i.toString(16).padStart(2, '0').repeat(32));
    commitBlock(db, index, ids, 0);
    assert.equal(txIdIndexProblem(db), undefined);
    return db;
  };
  const edits: [string, string][] = [
    ['row moved to another seq', 'UPDATE tx_ids SET seq = seq + 1 WHERE seq = (SELECT max(seq) FROM tx_ids)'],
    ['row key changed', 'UPDATE tx_ids SET id_key = id_key + 1 WHERE seq = 0'],
    ['row deleted', 'DELETE FROM tx_ids WHERE seq = 3'],
    ['row added', "INSERT INTO tx_ids (id_key, seq) VALUES (1, 10)"],
    ['bound beyond the ledger', `UPDATE meta SET value = '11' WHERE key = '${txIdsThroughKey}'`],
    ['bound lowered', `UPDATE meta SET value = '2' WHERE key = '${txIdsThroughKey}'`],
    ['bound not a number', `UPDATE meta SET value = 'ten' WHERE key = '${txIdsThroughKey}'`],
  ];
  for (const [what, sql] of edits) {
    const db = build();
    db.exec(sql);
    assert.match(txIdIndexProblem(db) ?? 'no problem found', /tx_ids/, what);
    db.close();
  }
});

test('a layout 4 database gets tx_ids filled from its transactions and loses the old index', () => {
  const db = openStore();
  const ids = Array.from({ length: 7 }, (_, i) => `${i}`.repeat(64));
  const insert = db.prepare("INSERT INTO txs (seq, height, id_key, id, body, result) VALUES (?, 1, ?, ?, '{}', '{}')");
  ids.forEach((id, seq) => insert.run(seq, txIdKey(id), id));
  db.exec(`CREATE INDEX txs_by_id_key ON txs(id_key); UPDATE meta SET value = '4' WHERE key = 'schema';`);
  applySchema(db, defaultStoreOptions);
  assert.equal(db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get(), String(storeSchemaVersion));
  assert.equal(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'txs_by_id_key'").pluck().get(), 0);
  assert.equal(db.prepare(`SELECT value FROM meta WHERE key = '${txIdsThroughKey}'`).pluck().get(), '7');
  assert.equal(txIdIndexProblem(db), undefined);
  const index = createTxIdIndex(db);
  assert.equal(index.recentCount(), 0);
  ids.forEach((id, seq) => assert.equal(index.seqOf(id), seq));
});

test("a snapshot's txId keys and tx_ids are recomputed, not trusted", () => {
  const db = openStore();
  const ids = Array.from({ length: 5 }, (_, i) => `${i}f`.repeat(32));
  commitBlock(db, createTxIdIndex(db, 2), ids, 0);
  // What a forged snapshot could hold: one transaction hidden from lookups by id.
  db.exec('UPDATE txs SET id_key = 7 WHERE seq = 1; UPDATE tx_ids SET id_key = 7 WHERE seq = 1;');
  assert.equal(createTxIdIndex(db, 2).seqOf(ids[1]!), undefined);
  rebuildDerivedState(db);
  const index = createTxIdIndex(db, 2);
  ids.forEach((id, seq) => assert.equal(index.seqOf(id), seq));
  assert.equal(txIdIndexProblem(db), undefined);
});
