import type { Logger } from 'pino';
import { defaultStoreOptions, type StoreOptions } from '../../ledger/store/schema.ts';
import { defaultTransactionLimits, type TransactionLimits } from '../../ledger/transaction.ts';
import { defaultBlockCutterOptions, type BlockCutterOptions } from '../../ordering/nats/block-cutter.ts';
import { defaultCutterLeaseOptions, type CutterLeaseOptions } from '../../ordering/nats/cutter-lease.ts';
import type { NatsConnectionOptions } from '../../ordering/nats/nats-connection.ts';
import type { Contract } from '../../runtime/contract.ts';
import { defaultAdmissionPoolOptions, type AdmissionPoolOptions } from '../admission-pool.ts';

export interface ConsortiumNodeOptions {
  dataDir: string;
  nats: NatsConnectionOptions;
  cutter: BlockCutterOptions;
  lease: CutterLeaseOptions;
  admission: AdmissionPoolOptions;
  store: StoreOptions;
  limits: TransactionLimits;
  /** Admitted but uncommitted transactions beyond this are refused with LEDGER_OVERLOADED. */
  maxPending: number;
  /** How often the BLOCKS cursor is saved. */
  cursorWriteEveryMs: number;
  /** Other organizations' checkpoints are stored (and counted toward finality) in batches at least this often. */
  checkpointFlushMs: number;
  /** Whether this node may cut blocks (it also needs keys/orderer.json and an ordererKey in the consortium config). */
  mayCut: boolean;
}

export const defaultConsortiumNodeOptions: Omit<ConsortiumNodeOptions, 'dataDir' | 'nats'> = {
  cutter: defaultBlockCutterOptions,
  lease: defaultCutterLeaseOptions,
  admission: defaultAdmissionPoolOptions,
  store: defaultStoreOptions,
  limits: defaultTransactionLimits,
  maxPending: 50_000,
  cursorWriteEveryMs: 1_000,
  checkpointFlushMs: 50,
  mayCut: true,
};

export interface ConsortiumNodeModules {
  contracts: Contract[];
  logger: Logger;
  now: () => number;
}

/** What a node raises for operators: a block it skipped, a node that disagrees with a final checkpoint, its own divergence. */
export interface ConsortiumAlert {
  code: 'CONSORTIUM_BLOCK_REJECTED' | 'CONSORTIUM_DIVERGED';
  message: string;
  height: number;
  /** Organizations the alert names. */
  nodes: string[];
  details: Record<string, unknown>;
}
