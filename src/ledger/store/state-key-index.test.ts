// The state key lookup of layout 6: new rows in memory, the rest merged into
// state_keys in sorted runs, with a filter over the merged keys. Checked
// against a plain model through blocks, deletes of merged and recent rows,
// rollbacks, reopening and keys that collide in their low bits or in full.
import assert from 'node:assert/strict';
import test from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { assertProperty } from '../../merkle/testdata/fc-seed.ts';
import { applySchema, defaultStoreOptions, rebuildDerivedState, storeSchemaVersion } from './schema.ts';
import { createStateKeyIndex, stateKeyIndexProblem, stateKeysThroughKey, type StateKeyIndex } from './state-key-index.ts';
import { stateKey } from './state-key.ts';
import { createStateStore } from './state-store.ts';

const replay = 'src/ledger/store/state-key-index';

function openStore(): Database.Database {
  const db = new Database(':memory:');
  applySchema(db, defaultStoreOptions);
  return db;
}

/** Commits documents c/d0… c/d(count-1) in one block, as the ledger does. */
function commitDocuments(db: Database.Database, store: ReturnType<typeof createStateStore>, count: number): void {
  db.transaction(() => {
    for (let i = 0; i < count; i++) store.insert('c', `d${i}`, '{}', 1);
    store.mergeKeysIfDue();
  })();
  store.committed();
}

// Keys that share their low 30 bits (the in-memory key) and keys that are equal, as two documents' hashes may be.
const keys = [5, 5 + 2 ** 30, 5 + 2 ** 40, 123_456_789, 2 ** 52 - 1];

type Op = { insert: number } | { remove: number };

/** The rids a lookup of `key` would try: memory's, and state_keys' unless the filter says no merged row has it. */
function candidates(db: Database.Database, index: StateKeyIndex, key: number): number[] {
  const recent = index.recentRids(key);
  const fromMemory = recent === undefined ? [] : typeof recent === 'number' ? [recent] : [...recent];
  const merged = index.mayBeMerged(key) ? db.prepare<[number], number>('SELECT rid FROM state_keys WHERE key = ?').pluck().all(key) : [];
  return [...fromMemory, ...merged].sort((a, b) => a - b);
}

test('a lookup tries exactly the live rows of its key, through merges, deletes, rollbacks and reopening', () =>
  assertProperty(
    fc.property(
      fc.array(
        fc.record({
          ops: fc.array(fc.oneof(fc.record({ insert: fc.constantFrom(...keys) }), fc.record({ remove: fc.nat() })), { maxLength: 6 }),
          rollBack: fc.boolean(),
          reopen: fc.boolean(),
        }),
        { maxLength: 25 },
      ),
      fc.integer({ min: 1, max: 8 }),
      (blocks, threshold) => {
        const db = openStore();
        const insertRow = db.prepare("INSERT INTO state (rid, key, collection, id, doc, version, height) VALUES (?, ?, 'c', ?, '{}', 1, 1)");
        const deleteRow = db.prepare('DELETE FROM state WHERE rid = ?');
        let index = createStateKeyIndex(db, threshold);
        let live = new Map<number, number>(); // rid → key
        for (const block of blocks) {
          const before = new Map(live);
          try {
            db.transaction(() => {
              for (const op of block.ops as Op[]) {
                if ('insert' in op) {
                  const rid = index.takeRid();
                  assert.ok(!live.has(rid), 'a fresh rid');
                  insertRow.run(rid, op.insert, `d${rid}`);
                  index.inserted(op.insert, rid);
                  live.set(rid, op.insert);
                } else if (live.size > 0) {
                  const [rid, key] = [...live][op.remove % live.size]!;
                  deleteRow.run(rid);
                  index.deleted(key, rid);
                  live.delete(rid);
                }
                // What the block's later transactions see.
                for (const key of keys) assert.deepEqual(candidates(db, index, key), [...live].filter(([, k]) => k === key).map(([rid]) => rid).sort((a, b) => a - b));
              }
              index.mergeIfDue();
              if (block.rollBack) throw new Error('roll back');
            })();
            index.committed();
          } catch {
            index.rolledBack();
            live = before;
          }
          if (block.reopen) index = createStateKeyIndex(db, threshold);
          assert.ok(index.recentCount() < threshold, 'merged once the threshold is reached');
          for (const key of keys) assert.deepEqual(candidates(db, index, key), [...live].filter(([, k]) => k === key).map(([rid]) => rid).sort((a, b) => a - b), `key ${key}`);
          assert.equal(stateKeyIndexProblem(db), undefined);
        }
        const through = Number(db.prepare(`SELECT value FROM meta WHERE key = '${stateKeysThroughKey}'`).pluck().get() ?? 0);
        assert.equal(index.recentCount(), [...live.keys()].filter((rid) => rid >= through).length, 'memory holds exactly the rows from the bound on');
        db.close();
      },
    ),
    100,
    replay,
  ));

test('a rid freed by deleting the last row is not taken again below the bound', () => {
  const db = openStore();
  const store = createStateStore(db, 2);
  const write = (work: () => void) => {
    db.transaction(work)();
    store.committed();
  };
  write(() => {
    store.insert('c', 'a', '{}', 1);
    store.insert('c', 'b', '{}', 1);
    store.mergeKeysIfDue();
  });
  write(() => store.delete('c', 'b', store.getRaw('c', 'b')!));
  // SQLite alone would give the next row rid 2 again, below the bound (3) and in no index.
  write(() => store.insert('c', 'z', '{"z":1}', 2));
  assert.deepEqual(store.get('c', 'z')?.doc, { z: 1 });
  assert.equal(store.get('c', 'b'), undefined);
  assert.equal(createStateStore(db, 2).get('c', 'z')?.version, 1);
  assert.equal(stateKeyIndexProblem(db), undefined);
});

test('documents are found after merges and reopening; a merged one deleted and written again is found once', () => {
  const db = openStore();
  let store = createStateStore(db, 3);
  const ids = Array.from({ length: 10 }, (_, i) => `doc-${i}`);
  for (const id of ids) {
    db.transaction(() => {
      store.insert('notary.anchors', id, JSON.stringify({ id }), 1);
      store.mergeKeysIfDue();
    })();
    store.committed();
  }
  assert.ok(Number(db.prepare(`SELECT value FROM meta WHERE key = '${stateKeysThroughKey}'`).pluck().get()) > 0, 'some were merged');
  store = createStateStore(db, 3);
  for (const id of ids) assert.deepEqual(store.get('notary.anchors', id)?.doc, { id });
  assert.equal(store.get('notary.anchors', 'doc-x'), undefined);
  assert.equal(store.get('other.collection', 'doc-1'), undefined, 'the collection is compared, not only the key');
  db.transaction(() => {
    store.delete('notary.anchors', 'doc-0', store.getRaw('notary.anchors', 'doc-0')!);
    assert.equal(store.get('notary.anchors', 'doc-0'), undefined, 'gone within its block');
    store.insert('notary.anchors', 'doc-0', '{"again":true}', 2);
  })();
  store.committed();
  assert.deepEqual(store.get('notary.anchors', 'doc-0')?.doc, { again: true });
  assert.equal(db.prepare('SELECT count(*) FROM state_keys WHERE key = ?').pluck().get(stateKey('notary.anchors', 'doc-0')), 0, 'the merged row left state_keys');
  assert.equal(stateKeyIndexProblem(db), undefined);
});

test('stateKeyIndexProblem names a changed, missing or extra state_keys row and a bad bound', () => {
  const build = () => {
    const db = openStore();
    const store = createStateStore(db, 4);
    commitDocuments(db, store, 10);
    assert.equal(stateKeyIndexProblem(db), undefined);
    return db;
  };
  const edits: [string, string][] = [
    ['row moved to another document', 'UPDATE state_keys SET rid = rid + 1 WHERE rid = (SELECT max(rid) FROM state_keys)'],
    ['row key changed', 'UPDATE state_keys SET key = key + 1 WHERE rid = 1'],
    ['row deleted', 'DELETE FROM state_keys WHERE rid = 3'],
    ['row added', 'INSERT INTO state_keys (key, rid) VALUES (1, 99)'],
    ['bound lowered', `UPDATE meta SET value = '2' WHERE key = '${stateKeysThroughKey}'`],
    ['bound raised past a row not in the table', `UPDATE meta SET value = '99' WHERE key = '${stateKeysThroughKey}'; INSERT INTO state (rid, key, collection, id, doc, version, height) VALUES (50, 7, 'c', 'late', '{}', 1, 1)`],
    ['bound not a number', `UPDATE meta SET value = 'ten' WHERE key = '${stateKeysThroughKey}'`],
  ];
  for (const [what, sql] of edits) {
    const db = build();
    db.exec(sql);
    assert.match(stateKeyIndexProblem(db) ?? 'no problem found', /state_keys/, what);
    db.close();
  }
});

test('a layout 5 database gets state_keys filled from its rows and loses the old index', () => {
  const db = openStore();
  const insert = db.prepare("INSERT INTO state (key, collection, id, doc, version, height) VALUES (?, 'c', ?, '{}', 1, 1)");
  const ids = Array.from({ length: 7 }, (_, i) => `id${i}`);
  for (const id of ids) insert.run(stateKey('c', id), id);
  db.exec(`DELETE FROM state_keys; DELETE FROM meta WHERE key = '${stateKeysThroughKey}'; CREATE INDEX state_by_key ON state(key); UPDATE meta SET value = '5' WHERE key = 'schema';`);
  applySchema(db, defaultStoreOptions);
  assert.equal(db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get(), String(storeSchemaVersion));
  assert.equal(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'state_by_key'").pluck().get(), 0);
  assert.equal(db.prepare(`SELECT value FROM meta WHERE key = '${stateKeysThroughKey}'`).pluck().get(), '8');
  assert.equal(stateKeyIndexProblem(db), undefined);
  const store = createStateStore(db);
  assert.equal(store.recentKeyCount(), 0);
  for (const id of ids) assert.equal(store.get('c', id)?.id, id);
});

test("a snapshot's state keys and state_keys are recomputed, not trusted", () => {
  const db = openStore();
  const store = createStateStore(db, 2);
  commitDocuments(db, store, 5);
  // What a forged snapshot could hold: one document hidden from lookups.
  db.exec("UPDATE state SET key = 7 WHERE id = 'd1'; UPDATE state_keys SET key = 7 WHERE rid = 2;");
  assert.equal(createStateStore(db, 2).get('c', 'd1'), undefined);
  rebuildDerivedState(db);
  const rebuilt = createStateStore(db, 2);
  for (let i = 0; i < 5; i++) assert.equal(rebuilt.get('c', `d${i}`)?.id, `d${i}`);
  assert.equal(stateKeyIndexProblem(db), undefined);
});
