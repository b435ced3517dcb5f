import assert from 'node:assert/strict';
import test from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applySchema, defaultStoreOptions, newDatabasePageSize, rebuildDerivedState, storeSchemaVersion } from './schema.ts';
import { createStateStore } from './state-store.ts';
import { stateKey } from './state-key.ts';

// Layout 1 as the first release wrote it: documents inline in a WITHOUT ROWID table.
const layout1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema', '1');
CREATE TABLE state (collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, version INTEGER NOT NULL, height INTEGER NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID;
CREATE INDEX st_notary_anchors_byType ON state (json_extract(doc, '$.type'), id) WHERE collection = 'notary.anchors';
INSERT INTO state VALUES ('notary.anchors', 'aa', '{"type":"court.ruling"}', 1, 3), ('notary.anchors', 'bb', '{"type":"prison.notice"}', 2, 5), ('identity.members', 'm1', '{"memberId":"m1"}', 1, 1);
`;

test('a layout 1 database is migrated to the current layout with every document kept and its indexes refilled', () => {
  const db = new Database(':memory:');
  db.exec(layout1);
  applySchema(db, defaultStoreOptions);
  assert.equal(db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get(), String(storeSchemaVersion));
  const state = createStateStore(db);
  state.declare({ name: 'notary.anchors', indexes: [{ name: 'byType', fields: ['type'] }] });
  assert.deepEqual(state.get('notary.anchors', 'bb'), { collection: 'notary.anchors', id: 'bb', doc: { type: 'prison.notice' }, version: 2, height: 5 });
  assert.equal(state.get('identity.members', 'm1')?.version, 1);
  assert.deepEqual(state.query('notary.anchors', { index: 'byType', equals: ['court.ruling'] }).map((d) => d.id), ['aa']);
  const keys = db.prepare<[], { key: number; collection: string; id: string }>('SELECT key, collection, id FROM state').all();
  assert.equal(keys.length, 3);
  for (const row of keys) assert.equal(row.key, stateKey(row.collection, row.id));
  // Opening again leaves it as it is.
  applySchema(db, defaultStoreOptions);
  assert.equal(db.prepare('SELECT count(*) FROM state').pluck().get(), 3);
});

test('a database from a newer release is refused, not reused', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema', '${storeSchemaVersion + 1}');`);
  assert.throws(() => applySchema(db, defaultStoreOptions), { code: 'NODE_DATA_DIR_INVALID' });
});

test('state writes keep lookups, versions and deletes straight', () => {
  const db = new Database(':memory:');
  applySchema(db, defaultStoreOptions);
  const state = createStateStore(db);
  state.insert('c.x', 'a', '{"n":1}', 1);
  const stored = state.getRaw('c.x', 'a')!;
  state.update('c.x', 'a', stored, '{"n":2}', 2);
  assert.deepEqual(state.get('c.x', 'a'), { collection: 'c.x', id: 'a', doc: { n: 2 }, version: 2, height: 2 });
  assert.equal(state.get('c.y', 'a'), undefined, 'the same id in another collection is another document');
  state.delete('c.x', 'a', state.getRaw('c.x', 'a')!);
  assert.equal(state.get('c.x', 'a'), undefined);
});

test('state keys differ where collection and id split differently', () => {
  assert.notEqual(stateKey('ab', 'c'), stateKey('a', 'bc'));
  assert.ok(Number.isSafeInteger(stateKey('notary.anchors', 'f'.repeat(64))));
  assert.equal(stateKey('x', 'y'), stateKey('x', 'y'));
});

test('a database from elsewhere gets its lookup keys and index entries recomputed, never trusted', () => {
  const db = new Database(':memory:');
  applySchema(db, defaultStoreOptions);
  const spec = { name: 'c.docs', indexes: [{ name: 'byType', fields: ['type'] }] };
  const state = createStateStore(db);
  state.declare(spec);
  state.insert('c.docs', 'real', '{"type":"ruling"}', 1);
  // A forged snapshot: the document's key hides it, and an entry points a query elsewhere.
  db.exec("UPDATE state SET key = 42; UPDATE state_index_entries SET v1 = 'notice'");
  assert.equal(createStateStore(db).get('c.docs', 'real'), undefined);
  rebuildDerivedState(db);
  const reopened = createStateStore(db);
  reopened.declare(spec);
  assert.equal(reopened.get('c.docs', 'real')?.doc['type'], 'ruling');
  assert.deepEqual(reopened.query('c.docs', { index: 'byType', equals: ['ruling'] }).map((d) => d.id), ['real']);
  assert.deepEqual(reopened.query('c.docs', { index: 'byType', equals: ['notice'] }), []);
});

test('state keys are pinned values (changing the hash is a new store layout, not a silent one)', () => {
  assert.equal(stateKey('notary.anchors', 'ab'), 2965895510193749);
  assert.equal(stateKey('identity.members', 'court-judge-1'), 1138903398835837);
  assert.equal(stateKey('c', ''), 6194033775073244);
});

test('new databases get the store page size; an existing file keeps its own and still opens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custos-pages-'));
  try {
    const fresh = new Database(join(dir, 'new.sqlite'));
    applySchema(fresh, defaultStoreOptions);
    assert.equal(fresh.pragma('page_size', { simple: true }), newDatabasePageSize);
    fresh.close();
    const old = new Database(join(dir, 'old.sqlite'));
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema', '3');");
    applySchema(old, defaultStoreOptions);
    assert.equal(old.pragma('page_size', { simple: true }), 4096);
    assert.equal(old.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get(), String(storeSchemaVersion));
    old.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
