import type Database from 'better-sqlite3';
import { txIdKey } from './tx-id-index.ts';

export interface BlockRow {
  height: number;
  hash: string;
  header: string;
  first_seq: number;
  tx_count: number;
}

export interface TxRow {
  seq: number;
  height: number;
  id: string;
  body: string;
  result: string;
}

/** Prepared statements over blocks, transactions and checkpoints. */
export function createBlockTables(db: Database.Database) {
  const statements = {
    insertBlock: db.prepare<[number, string, string, number, number]>('INSERT INTO blocks (height, hash, header, first_seq, tx_count) VALUES (?, ?, ?, ?, ?)'),
    insertTx: db.prepare<[number, number, number, string, string, string]>('INSERT INTO txs (seq, height, id_key, id, body, result) VALUES (?, ?, ?, ?, ?, ?)'),
    insertCheckpoint: db.prepare<[number, string, string]>('INSERT OR REPLACE INTO checkpoints (height, signer, body) VALUES (?, ?, ?)'),
    lastBlock: db.prepare<[], BlockRow>('SELECT * FROM blocks ORDER BY height DESC LIMIT 1'),
    blockAt: db.prepare<[number], BlockRow>('SELECT * FROM blocks WHERE height = ?'),
    blocksFrom: db.prepare<[number, number], BlockRow>('SELECT * FROM blocks WHERE height >= ? ORDER BY height LIMIT ?'),
    txAt: db.prepare<[number], TxRow>('SELECT seq, height, id, body, result FROM txs WHERE seq = ?'),
    txsOfBlock: db.prepare<[number, number], TxRow>('SELECT seq, height, id, body, result FROM txs WHERE seq >= ? AND seq < ? ORDER BY seq'),
    checkpointsAt: db.prepare<[number], { signer: string; body: string }>('SELECT signer, body FROM checkpoints WHERE height = ? ORDER BY signer'),
    meta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
  };
  return {
    insertBlock: (row: BlockRow) => statements.insertBlock.run(row.height, row.hash, row.header, row.first_seq, row.tx_count),
    insertTx: (seq: number, height: number, id: string, body: string, result: string) => statements.insertTx.run(seq, height, txIdKey(id), id, body, result),
    insertCheckpoint: (height: number, signer: string, body: string) => statements.insertCheckpoint.run(height, signer, body),
    lastBlock: () => statements.lastBlock.get(),
    blockAt: (height: number) => statements.blockAt.get(height),
    blocksFrom: (height: number, limit: number) => statements.blocksFrom.all(height, limit),
    txAt: (seq: number) => statements.txAt.get(seq),
    txsOfBlock: (block: BlockRow) => statements.txsOfBlock.all(block.first_seq, block.first_seq + block.tx_count),
    checkpointsAt: (height: number) => statements.checkpointsAt.all(height),
    getMeta: (key: string) => statements.meta.get(key)?.value,
    setMeta: (key: string, value: string) => statements.setMeta.run(key, value),
  };
}

export type BlockTables = ReturnType<typeof createBlockTables>;
