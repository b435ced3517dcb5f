import type { BlockHeader } from './block-header.ts';
import type { Checkpoint } from './checkpoint.ts';
import type { TransactionResult } from './result.ts';
import type { SignedTransaction } from './transaction.ts';

/**
 * A self-contained proof of one transaction and its result. With the
 * network's trusted orderer and node keys, anyone can check it offline:
 * the signed transaction hashes to txId; its leaf is in the log whose root
 * the orderer signed (RFC 9162 inclusion); its result is in the results root
 * that a node signed in its checkpoint for the same block.
 * See docs/FORMATS.md § Transaction proof.
 */
export interface TransactionProof {
  v: 1;
  network: string;
  txId: string;
  tx: SignedTransaction;
  /** Leaf index of the transaction in the ledger's log. */
  seq: number;
  /** Header of the block that holds the transaction. */
  header: BlockHeader;
  /** Audit path, hex, from the leaf to `header.logRoot` at `header.logSize`. */
  inclusion: string[];
  result: TransactionResult;
  /** Index of the transaction inside its block. */
  resultIndex: number;
  /** Audit path, hex, from the result leaf to `checkpoint.resultsRoot`. */
  resultProof: string[];
  checkpoint: Checkpoint;
}
