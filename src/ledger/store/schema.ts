import type Database from 'better-sqlite3';

/** Bumped when the layout changes; old layouts get a migration, never silent reuse. */
export const storeSchemaVersion = 1;

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
-- id_key is the txId's first 48 bits as an integer. PERF: an integer index
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
CREATE INDEX IF NOT EXISTS txs_by_id_key ON txs(id_key);
CREATE TABLE IF NOT EXISTS checkpoints (
  height INTEGER NOT NULL,
  signer TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (height, signer)
);
-- Perfect-subtree hashes of the Merkle log; key = level * 2^40 + index.
CREATE TABLE IF NOT EXISTS merkle_nodes (
  key INTEGER PRIMARY KEY,
  hash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS state (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  doc TEXT NOT NULL,
  version INTEGER NOT NULL,
  height INTEGER NOT NULL,
  PRIMARY KEY (collection, id)
) WITHOUT ROWID;
`;

export interface StoreOptions {
  /** 'full' fsyncs every block commit (survives power loss); 'normal' survives process crashes only. */
  durability: 'full' | 'normal';
  /** SQLite page cache in MiB. */
  cacheMiB: number;
}

export const defaultStoreOptions: StoreOptions = { durability: 'full', cacheMiB: 256 };

export function applySchema(db: Database.Database, options: StoreOptions): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma(`cache_size = ${-options.cacheMiB * 1024}`);
  db.pragma('temp_store = MEMORY');
  db.exec(schema);
  const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema'").get();
  if (row === undefined) db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(String(storeSchemaVersion));
}
