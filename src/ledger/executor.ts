import type { AdmittedTransaction } from './admission.ts';
import type { TransactionResult } from './result.ts';
import type { CollectionSpec } from './store/collections.ts';
import type { StateDocument, StateQuery } from './store/state-store.ts';

/** What execution may know of the block: never the wall clock. */
export interface BlockContext {
  network: string;
  height: number;
  /** Block time, ms since the epoch. */
  time: number;
}

/** Read access to the state as of the end of the previous transaction. */
export interface StateAccess {
  get(collection: string, id: string): StateDocument | undefined;
  query(collection: string, query: StateQuery): StateDocument[];
}

/** One document write: `canonical` is JCS(doc), computed once by the runtime; null deletes. */
export interface StateWrite {
  collection: string;
  id: string;
  canonical: string | null;
}

export interface ExecutionOutcome {
  result: TransactionResult;
  /** Empty unless the result is ok. Applied in this order. */
  writes: StateWrite[];
}

/**
 * The ledger's view of the runtime: it hands over one transaction at a time
 * and applies the writes of those that succeed. Defined here, implemented in
 * src/runtime, so the ledger never depends on contract code.
 */
export interface TransactionExecutor {
  collections(): CollectionSpec[];
  hasFunction(contract: string, fn: string): boolean;
  execute(tx: AdmittedTransaction, block: BlockContext, state: StateAccess): ExecutionOutcome;
  /**
   * Early refusal at admission (who may do what, checked against the state
   * now): the node answers with the error instead of ordering a transaction
   * bound to fail. Execution checks again at its block; that one decides.
   */
  precheck(tx: AdmittedTransaction, block: BlockContext, state: StateAccess): void;
  /**
   * Work due at a block because time passed (procedure deadlines), run
   * before the block's transactions, against block time only. Its writes
   * are part of the block's state like any transaction's.
   */
  beginBlock(block: BlockContext, state: StateAccess): StateWrite[];
}
