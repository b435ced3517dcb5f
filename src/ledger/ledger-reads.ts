import type Database from 'better-sqlite3';
import { bytesToHex } from '../crypto/bytes.ts';
import type { CryptoSuite } from '../crypto/suite.ts';
import { custosError } from '../errors/custos-error.ts';
import { inclusionProofFromLeafHashes, leafHash, type MerkleLog } from '../merkle/index.ts';
import type { BlockHeader } from './block-header.ts';
import type { Checkpoint } from './checkpoint.ts';
import type { Genesis } from './genesis.ts';
import { resultLeafData } from './leaves.ts';
import type { ChainHead } from './ledger.ts';
import type { TransactionProof } from './proof.ts';
import type { TransactionResult } from './result.ts';
import type { BlockRow, BlockTables, TxRow } from './store/block-tables.ts';
import type { TxIdIndex } from './store/tx-id-index.ts';
import type { SignedTransaction } from './transaction.ts';

export interface StoredTransaction {
  txId: string;
  seq: number;
  height: number;
  tx: SignedTransaction;
  result: TransactionResult;
}

export interface StoredBlock {
  header: BlockHeader;
  hash: string;
  txIds: string[];
}

interface ReadsContext {
  db: Database.Database;
  tables: BlockTables;
  txIds: TxIdIndex;
  suite: CryptoSuite;
  genesis: Genesis;
  getLog: () => MerkleLog;
  getHead: () => ChainHead;
}

function rowToTransaction(row: TxRow): StoredTransaction {
  return { txId: row.id, seq: row.seq, height: row.height, tx: JSON.parse(row.body) as SignedTransaction, result: JSON.parse(row.result) as TransactionResult };
}

/** Read paths of the ledger: blocks, transactions, checkpoints and proofs. */
export function createLedgerReads({ tables, txIds, suite, genesis, getLog, getHead }: ReadsContext) {
  function blockRow(height: number): BlockRow {
    const row = tables.blockAt(height);
    if (row === undefined) throw custosError('LEDGER_BLOCK_NOT_FOUND', `no block at height ${height}`, { height });
    return row;
  }

  function getBlock(height: number): StoredBlock {
    const row = blockRow(height);
    return { header: JSON.parse(row.header) as BlockHeader, hash: row.hash, txIds: tables.txsOfBlock(row).map((tx) => tx.id) };
  }

  function getTransaction(txId: string): StoredTransaction {
    const seq = txIds.seqOf(txId);
    const row = seq === undefined ? undefined : tables.txAt(seq);
    if (row === undefined) throw custosError('LEDGER_TX_NOT_FOUND', `no transaction ${txId}`, { txId });
    return rowToTransaction(row);
  }

  function checkpointsAt(height: number): Checkpoint[] {
    return tables.checkpointsAt(height).map((row) => JSON.parse(row.body) as Checkpoint);
  }

  /** Everything needed to check a transaction and its result offline. */
  function transactionProof(txId: string): TransactionProof {
    const stored = getTransaction(txId);
    const row = blockRow(stored.height);
    const header = JSON.parse(row.header) as BlockHeader;
    const blockTxs = tables.txsOfBlock(row);
    const resultLeaves = blockTxs.map((tx) => leafHash(suite.hash, resultLeafData(tx.id, JSON.parse(tx.result) as TransactionResult)));
    const resultIndex = stored.seq - row.first_seq;
    const checkpoint = checkpointsAt(stored.height)[0];
    if (checkpoint === undefined) throw custosError('LEDGER_STORE_CORRUPT', `no checkpoint for block ${stored.height}`);
    return {
      v: 1,
      network: genesis.network,
      txId,
      tx: stored.tx,
      seq: stored.seq,
      header,
      inclusion: getLog().inclusionProof(stored.seq, header.logSize).map(bytesToHex),
      result: stored.result,
      resultIndex,
      resultProof: inclusionProofFromLeafHashes(suite.hash, resultLeaves, resultIndex).map(bytesToHex),
      checkpoint,
    };
  }

  /** RFC 9162 consistency proof between two log sizes that ended blocks. */
  function consistencyProof(fromSize: number, toSize: number): string[] {
    return getLog().consistencyProof(fromSize, toSize).map(bytesToHex);
  }

  return {
    getBlock,
    listBlocks: (fromHeight: number, limit: number) => tables.blocksFrom(fromHeight, limit).map((row) => ({ header: JSON.parse(row.header) as BlockHeader, hash: row.hash, txCount: row.tx_count })),
    getTransaction,
    transactionsOfBlock: (height: number) => tables.txsOfBlock(blockRow(height)).map(rowToTransaction),
    checkpointsAt,
    transactionProof,
    consistencyProof,
    logRootAt: (size: number) => bytesToHex(getLog().root(size)),
    signedHead: () => getHead().header,
  };
}
