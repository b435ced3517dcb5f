import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { custosError } from '../errors/custos-error.ts';
import type { AdmittedTransaction } from '../ledger/admission.ts';
import { openLedger, type CommittedBlock, type CommittedTransaction, type Ledger } from '../ledger/ledger.ts';
import { defaultStoreOptions, type StoreOptions } from '../ledger/store/schema.ts';
import { defaultTransactionLimits, type TransactionLimits } from '../ledger/transaction.ts';
import { createSoloOrderer, defaultSoloOrdererOptions, type SoloOrdererOptions } from '../ordering/solo-orderer.ts';
import type { Contract } from '../runtime/contract.ts';
import { createAdmissionPool, defaultAdmissionPoolOptions, type AdmissionPoolOptions } from './admission-pool.ts';
import { openDataDir } from './data-dir.ts';
import { createNodeMetrics } from './metrics.ts';
import { createNodeRuntime } from './node-runtime.ts';
import { describeFailure, type NodeFailure } from './node-failure.ts';
import { createTransactionIntake } from './admission-checks.ts';
import { createCommitWaiters, type Submitter } from './commit-waiters.ts';
import { registerCertificateMetrics } from './certificate-metrics.ts';

export interface NodeOptions {
  dataDir: string;
  solo: SoloOrdererOptions;
  admission: AdmissionPoolOptions;
  store: StoreOptions;
  limits: TransactionLimits;
  /** Admitted but uncommitted transactions beyond this are refused with LEDGER_OVERLOADED. */
  maxPending: number;
}

export const defaultNodeOptions: Omit<NodeOptions, 'dataDir'> = {
  solo: defaultSoloOrdererOptions,
  admission: defaultAdmissionPoolOptions,
  store: defaultStoreOptions,
  limits: defaultTransactionLimits,
  maxPending: 50_000,
};

export interface NodeModules {
  contracts: Contract[];
  logger: Logger;
  /** Wall clock for block times and the admission window; injected for tests. */
  now: () => number;
}

export interface SubmitOutcome {
  txId: string;
  status: 'pending' | 'committed';
  height?: number;
  seq?: number;
  result?: CommittedTransaction['result'];
}

/**
 * A submit waiting for its transaction's commit. PERF: one object per
 * transaction in flight, its methods on the prototype; the submit path
 * keeps nothing else alive but the promise it returned.
 */
class SubmitWaiter implements Submitter {
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly #txId: string;
  readonly #resolve: (outcome: SubmitOutcome) => void;
  readonly #reject: (error: unknown) => void;

  constructor(txId: string, timeoutMs: number, resolve: (outcome: SubmitOutcome) => void, reject: (error: unknown) => void) {
    this.deadline = performance.now() + timeoutMs;
    this.timeoutMs = timeoutMs;
    this.#txId = txId;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  committed(height: number, transaction: CommittedTransaction): void {
    this.#resolve({ txId: this.#txId, status: 'committed', height, seq: transaction.seq, result: transaction.result });
  }

  failed(error: unknown): void {
    this.#reject(error);
  }
}

/**
 * A Custos node in solo mode: admission workers → solo orderer → ledger.
 * `submit` resolves when the transaction is admitted, or (with `wait`) when
 * its block is committed to disk — the only acknowledgement that promises
 * durability.
 */
export async function startNode(options: NodeOptions, modules: NodeModules) {
  const { logger, now } = modules;
  const dataDir = openDataDir(options.dataDir);
  const { executor, contracts } = createNodeRuntime(dataDir.genesis, modules.contracts);
  const ledger: Ledger = openLedger({ path: dataDir.ledgerPath, genesis: dataDir.genesis, executor, nodeKey: dataDir.nodeKey, store: options.store });
  const metrics = createNodeMetrics(() => orderer.pendingCount());
  metrics.chainHeight.set(ledger.head().height);
  registerCertificateMetrics(metrics.registry, ledger, now);
  const events = new EventEmitter<{ block: [CommittedBlock] }>();
  events.setMaxListeners(1000);
  const pool = createAdmissionPool({ suite: dataDir.genesis.suite, network: dataDir.genesis.network, limits: options.limits }, options.admission);
  const waiters = createCommitWaiters(metrics, now);
  const ordererKey = dataDir.ordererKey;
  if (ordererKey === undefined) throw custosError('NODE_DATA_DIR_INVALID', 'solo mode needs keys/orderer.json');
  let stopped = false;
  let fatal: unknown;

  function deliver(transactions: AdmittedTransaction[], time: number): void {
    if (fatal !== undefined) return;
    const started = performance.now();
    let block: CommittedBlock;
    try {
      block = ledger.commitProposal({ transactions, time }, ordererKey!);
    } catch (error) {
      // A block this node itself cut failed to commit: the store is in doubt.
      // Stop taking work rather than acknowledge anything more.
      fatal = error;
      logger.fatal({ err: error }, 'block commit failed; node stops accepting transactions');
      return;
    }
    waiters.settle(block, started);
    logger.debug({ height: block.header.height, txs: block.transactions.length }, 'block committed');
    events.emit('block', block);
  }

  const orderer = createSoloOrderer(options.solo, { deliver, now });
  const intake = createTransactionIntake({
    pool,
    context: { genesis: dataDir.genesis, ledger, executor, contracts, isPending: (txId) => waiters.has(txId) },
    countRefusal: (code) => metrics.transactionsRejected.inc({ code }),
    now,
    maxPending: options.maxPending,
    pendingCount: () => waiters.size(),
    isAccepting: () => !stopped && fatal === undefined,
  });

  function submit(raw: unknown, opts: { wait?: boolean; timeoutMs?: number } = {}): Promise<SubmitOutcome> {
    return new Promise((resolve, reject) => {
      intake.admitThen(raw, (error, admitted, time) => {
        if (error !== undefined) return reject(error);
        const { txId } = admitted!;
        waiters.add(txId, time, opts.wait ? new SubmitWaiter(txId, opts.timeoutMs ?? 30_000, resolve, reject) : undefined);
        orderer.submit(admitted!);
        if (!opts.wait) resolve({ txId, status: 'pending' });
      });
    });
  }

  return {
    genesis: dataDir.genesis,
    nodePublicKey: dataDir.nodeKey.publicKey,
    ledger,
    metrics,
    events,
    submit,
    /** The node's clock (injected in tests). */
    now,
    isHealthy: () => !stopped && fatal === undefined,
    /** Why the node stopped working, when it did (also in its log). */
    failure: (): NodeFailure | undefined => describeFailure(fatal),
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      orderer.flush();
      waiters.rejectAll(custosError('LEDGER_NODE_STOPPED', 'node stopped before the transaction committed; query it after restart or resubmit (harmless)'));
      await pool.close();
      ledger.close();
    },
  };
}

export type CustosNode = Awaited<ReturnType<typeof startNode>>;
