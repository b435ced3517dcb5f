// Reads a ledger.sqlite as stored bytes — block headers, transaction bodies,
// results, checkpoints — and replays it into other ledgers.
import Database from 'better-sqlite3';
import type { SigningKey } from '../../src/crypto/suite.ts';
import type { BlockHeader } from '../../src/ledger/block-header.ts';
import type { Checkpoint } from '../../src/ledger/checkpoint.ts';
import type { Genesis } from '../../src/ledger/genesis.ts';
import type { CommittedBlock, Ledger } from '../../src/ledger/ledger.ts';
import { admit, openFixtureLedger } from './ledger-fixture.ts';

export interface StoredTransaction {
  seq: number;
  id: string;
  body: string;
  result: string;
}

export interface StoredBlock {
  height: number;
  hash: string;
  /** The header's stored canonical text. */
  header: string;
  transactions: StoredTransaction[];
  checkpoints: Checkpoint[];
}

/** Every block of a ledger file, in height order, as stored. */
export function readStoredChain(path: string): StoredBlock[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const txs = db.prepare<[number, number], StoredTransaction>('SELECT seq, id, body, result FROM txs WHERE seq >= ? AND seq < ? ORDER BY seq');
    const checkpoints = db.prepare<[number], { body: string }>('SELECT body FROM checkpoints WHERE height = ? ORDER BY signer');
    return db
      .prepare<[], { height: number; hash: string; header: string; first_seq: number; tx_count: number }>('SELECT * FROM blocks ORDER BY height')
      .all()
      .map((row) => ({
        height: row.height,
        hash: row.hash,
        header: row.header,
        transactions: txs.all(row.first_seq, row.first_seq + row.tx_count),
        checkpoints: checkpoints.all(row.height).map((c) => JSON.parse(c.body) as Checkpoint),
      }));
  } finally {
    db.close();
  }
}

export interface ReplayOptions {
  path: string;
  genesis: Genesis;
  nodeKey: SigningKey;
  /** Close and reopen the ledger after these heights, as a restarted node would. */
  reopenAfter?: ReadonlySet<number>;
}

/**
 * Commits `chain` block by block through `commitBlock` (full validation),
 * admitting each stored transaction body afresh. Returns what each commit
 * produced and the ledger, still open.
 */
export function replayChain(chain: readonly StoredBlock[], options: ReplayOptions): { ledger: Ledger; committed: CommittedBlock[] } {
  let ledger = openFixtureLedger(options.path, options.genesis, options.nodeKey);
  const committed: CommittedBlock[] = [];
  for (const block of chain) {
    const header = JSON.parse(block.header) as BlockHeader;
    committed.push(ledger.commitBlock(header, block.transactions.map((tx) => admit(options.genesis, tx.body))));
    if (options.reopenAfter?.has(block.height) === true) {
      ledger.close();
      ledger = openFixtureLedger(options.path, options.genesis, options.nodeKey);
    }
  }
  return { ledger, committed };
}

/**
 * The tables that must be the same on every node, as text (stored bytes in
 * hex): state, transactions and results, blocks, Merkle nodes, the state sum.
 * Checkpoints are left out: each node signs its own.
 */
export function sharedTables(db: Database.Database): Record<string, string[]> {
  const rows = (sql: string) => (db.prepare(sql).raw().all() as unknown[][]).map((row) => JSON.stringify(row));
  return {
    state: rows('SELECT collection, id, hex(doc), version, height FROM state ORDER BY collection, id'),
    txs: rows('SELECT seq, height, id_key, id, hex(body), hex(result) FROM txs ORDER BY seq'),
    blocks: rows('SELECT height, hash, hex(header), first_seq, tx_count FROM blocks ORDER BY height'),
    merkle_nodes: rows('SELECT key, hex(hash) FROM merkle_nodes ORDER BY key'),
    meta: rows("SELECT key, hex(value) FROM meta WHERE key IN ('state_sum', 'genesis_hash', 'schema') ORDER BY key"),
  };
}
