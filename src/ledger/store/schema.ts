import type Database from 'better-sqlite3';
import { custosError } from '../../errors/custos-error.ts';
import { noValue } from './index-entries.ts';
import { dropUnstoredMerkleLevels } from './merkle-node-table.ts';
import { rebuildStateKeyIndex, stateKeyMergeThreshold } from './state-key-index.ts';
import { stateKey } from './state-key.ts';
import { rebuildTxIdIndex, txIdMergeThreshold } from './tx-id-index.ts';

/** Bumped when the layout changes; old layouts get a migration, never silent reuse. */
export const storeSchemaVersion = 7;

/**
 * Declared-index entries, layout 7: one row per (index, document), keyed by
 * the index's field values and then the document's id, in the order queries
 * return them. PERF: layouts 3-6 kept a rowid table and an index over it, so
 * an entry was two B-tree inserts and every value was stored twice; keyed
 * this way the commit alone costs 5-8% less at 200,000 notarizations. Key
 * columns cannot hold NULL in a WITHOUT ROWID table, so a missing or null
 * value, and an unused column, hold -Infinity (index-entries.ts), which no
 * JSON value is and which sorts where NULL did: before every number and text.
 */
const indexEntriesTable = `CREATE TABLE IF NOT EXISTS state_index_entries (
  ix INTEGER NOT NULL,
  v1 NOT NULL, v2 NOT NULL, v3 NOT NULL, v4 NOT NULL,
  id TEXT NOT NULL,
  rid INTEGER NOT NULL,
  PRIMARY KEY (ix, v1, v2, v3, v4, id)
) WITHOUT ROWID;
`;

/**
 * One SQLite database per node. Each block is written in one SQL transaction
 * (see ledger.ts), so a crash leaves the node at the last whole block.
 */
const schema = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS blocks (
  height INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  header TEXT NOT NULL,
  first_seq INTEGER NOT NULL,
  tx_count INTEGER NOT NULL
);
-- seq is the transaction's leaf index in the ledger-wide Merkle log.
-- id_key is the txId's first 48 bits as an integer. PERF: an integer key
-- costs far less to maintain than one over 32 random bytes; the rare
-- collisions are resolved by comparing the full id.
CREATE TABLE IF NOT EXISTS txs (
  seq INTEGER PRIMARY KEY,
  height INTEGER NOT NULL,
  id_key INTEGER NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  result TEXT NOT NULL
);
-- Layout 5: txs by id, merged in sorted runs (tx-id-index.ts) instead of an
-- index on txs(id_key) written in random order with every block. Holds
-- every seq below meta.tx_ids_through; later ones are found in memory.
CREATE TABLE IF NOT EXISTS tx_ids (
  id_key INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (id_key, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  height INTEGER NOT NULL,
  signer TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (height, signer)
);
-- Perfect-subtree hashes of the Merkle log; key = level * 2^40 + index.
-- Layout 4 keeps levels 0 and 4 up; levels 1-3 are folded from the leaves
-- when read (merkle-node-table.ts).
CREATE TABLE IF NOT EXISTS merkle_nodes (
  key INTEGER PRIMARY KEY,
  hash BLOB NOT NULL
);
-- key is a 52-bit hash of (collection, id) (state-key.ts), looked up with
-- collection and id compared in full. PERF (layout 2): documents append in
-- rowid order; the (collection, id) primary key of layout 1, with documents
-- inline, dirtied a page per write and cost about half of every block's
-- commit.
CREATE TABLE IF NOT EXISTS state (
  rid INTEGER PRIMARY KEY,
  key INTEGER NOT NULL,
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  doc TEXT NOT NULL,
  version INTEGER NOT NULL,
  height INTEGER NOT NULL
);
-- Layout 6: state rows by key, merged in sorted runs (state-key-index.ts)
-- instead of an index on state(key) written in random order with every
-- block. Holds every row whose rid is below meta.state_keys_through; later
-- ones are found in memory.
CREATE TABLE IF NOT EXISTS state_keys (
  key INTEGER NOT NULL,
  rid INTEGER NOT NULL,
  PRIMARY KEY (key, rid)
) WITHOUT ROWID;
-- Declared indexes (layout 3, index-entries.ts): each numbered once, with
-- one entry row per document holding the index's field values.
CREATE TABLE IF NOT EXISTS state_indexes (
  ix INTEGER PRIMARY KEY,
  collection TEXT NOT NULL,
  name TEXT NOT NULL,
  fields TEXT NOT NULL,
  UNIQUE (collection, name)
);
${indexEntriesTable}`;

export interface StoreOptions {
  /** 'full' fsyncs every block commit (survives power loss); 'normal' survives process crashes only. */
  durability: 'full' | 'normal';
  /** SQLite page cache in MiB. */
  cacheMiB: number;
  /** Committed transactions found by id from memory before they are merged into tx_ids (tx-id-index.ts). */
  txIdMergeThreshold: number;
  /** New state rows found by key from memory before they are merged into state_keys (state-key-index.ts). */
  stateKeyMergeThreshold: number;
}

/**
 * PERF (cacheMiB): the operating system caches the file as well, so SQLite's
 * own cache needs to hold what a block's commit touches, not the database.
 * At 256 MiB it kept growing with the database, and each new page of it is
 * fresh memory, which on a virtual machine is the dearest kind to touch
 * (~12 µs a 4 KiB page on the development VM): the commit alone cost 8-9%
 * more until the cache was full, at 200,000 notarizations, and the same
 * after (paired runs, docs/PERFORMANCE.md).
 */
export const defaultStoreOptions: StoreOptions = { durability: 'full', cacheMiB: 64, txIdMergeThreshold, stateKeyMergeThreshold };

/**
 * Page size of new databases (an existing file keeps its own; changing it
 * needs a VACUUM). PERF: a block's commit writes every page it dirtied to
 * the WAL and later into the file, a syscall each; with 8 KiB pages the
 * commit costs 22% less CPU than with SQLite's default 4 KiB at 400,000
 * notarizations (86 against 111 µs per transaction), and 16 KiB was worse
 * there (91 µs): each random index insert rewrites a whole page.
 */
export const newDatabasePageSize = 8192;

export function applySchema(db: Database.Database, options: StoreOptions): void {
  db.pragma(`page_size = ${newDatabasePageSize}`);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma(`cache_size = ${-options.cacheMiB * 1024}`);
  db.pragma('temp_store = MEMORY');
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema'").get();
  const stored = row === undefined ? storeSchemaVersion : Number(row.value);
  if (stored > storeSchemaVersion || !Number.isSafeInteger(stored) || stored < 1) {
    throw custosError('NODE_DATA_DIR_INVALID', `the database has store layout ${row?.value}; this release knows layouts 1..${storeSchemaVersion}`);
  }
  if (stored === 1) migrateStateToLayout2(db);
  if (stored <= 2) dropExpressionIndexes(db);
  if (stored <= 6) moveIndexEntriesToKeyedTable(db);
  db.exec(schema);
  if (stored <= 3) dropUnstoredMerkleLevels(db);
  if (stored <= 4) moveTxIdIndexToTable(db);
  if (stored <= 5) moveStateKeysToTable(db);
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(String(storeSchemaVersion));
}

/** Layouts 1 to 4 indexed txs(id_key) directly; layout 5 merges into tx_ids (tx-id-index.ts), filled here from every transaction. */
function moveTxIdIndexToTable(db: Database.Database): void {
  db.transaction(() => {
    rebuildTxIdIndex(db);
    db.exec('DROP INDEX IF EXISTS txs_by_id_key');
  })();
}

/**
 * Layouts 3 to 6 kept declared-index entries in a rowid table with an index
 * over it, NULL for a missing value; layout 7 keys the table by the values
 * (see indexEntriesTable). Copied in key order, in one SQL transaction.
 */
function moveIndexEntriesToKeyedTable(db: Database.Database): void {
  const table = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'state_index_entries'").pluck().get();
  if (table === undefined || /WITHOUT ROWID/i.test(table)) return;
  db.transaction(() => {
    db.exec('ALTER TABLE state_index_entries RENAME TO state_index_entries_layout6');
    db.exec(indexEntriesTable);
    db.prepare(
      `INSERT INTO state_index_entries (ix, v1, v2, v3, v4, id, rid)
       SELECT ix, coalesce(v1, :none), coalesce(v2, :none), coalesce(v3, :none), coalesce(v4, :none), id, rid
       FROM state_index_entries_layout6 ORDER BY ix, v1, v2, v3, v4, id`,
    ).run({ none: noValue });
    db.exec('DROP TABLE state_index_entries_layout6');
  })();
}

/** Layouts 1 to 5 indexed state(key) directly; layout 6 merges into state_keys (state-key-index.ts), filled here from every row. */
function moveStateKeysToTable(db: Database.Database): void {
  db.transaction(() => {
    rebuildStateKeyIndex(db);
    db.exec('DROP INDEX IF EXISTS state_by_key');
  })();
}

/** Layouts 1 and 2 kept declared indexes as SQLite expression indexes on state; layout 3 keeps entry rows, filled when declared. */
function dropExpressionIndexes(db: Database.Database): void {
  for (const { name } of db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'state\\_ix\\_%' ESCAPE '\\'").all()) {
    db.exec(`DROP INDEX "${name}"`);
  }
}

/**
 * Layout 1 kept state documents in a WITHOUT ROWID table keyed by
 * (collection, id). Copies them into layout 2 in one SQL transaction; the
 * declared indexes are recreated when the contracts declare them.
 */
function migrateStateToLayout2(db: Database.Database): void {
  const hasOldState = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'state'").get() !== undefined;
  if (!hasOldState) return;
  db.function('custos_state_key', { deterministic: true }, (collection: unknown, id: unknown) => stateKey(String(collection), String(id)));
  db.transaction(() => {
    db.exec('ALTER TABLE state RENAME TO state_layout1');
    for (const { name } of db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'state_layout1' AND sql IS NOT NULL").all()) {
      db.exec(`DROP INDEX "${name}"`);
    }
    db.exec(schema);
    db.exec('INSERT INTO state (key, collection, id, doc, version, height) SELECT custos_state_key(collection, id), collection, id, doc, version, height FROM state_layout1 ORDER BY collection, id');
    db.exec('DROP TABLE state_layout1');
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(String(storeSchemaVersion));
  })();
}

/**
 * Recomputes what the store derives from the documents — each document's
 * lookup key, the key index, and every declared-index entry (refilled when
 * the contracts declare their indexes at open) — for a database that came
 * from elsewhere (another node's snapshot). Its documents are checked
 * against a signed state root; these columns are not, so they are never
 * taken on trust.
 */
export function rebuildDerivedState(db: Database.Database): void {
  db.function('custos_state_key', { deterministic: true }, (collection: unknown, id: unknown) => stateKey(String(collection), String(id)));
  db.transaction(() => {
    db.exec('UPDATE state SET key = custos_state_key(collection, id)');
    rebuildStateKeyIndex(db);
    db.exec('DELETE FROM state_index_entries');
    db.exec('DELETE FROM state_indexes');
    rebuildTxIdIndex(db);
  })();
}
