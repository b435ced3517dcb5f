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
import { createTransactionIntake } from './admission-checks.ts';
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

interface Waiter {
  admittedAt: number;
  resolvers: ((committed: { height: number; transaction: CommittedTransaction }) => void)[];
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
  const metrics = createNodeMetrics();
  metrics.chainHeight.set(ledger.head().height);
  registerCertificateMetrics(metrics.registry, ledger, now);
  const events = new EventEmitter<{ block: [CommittedBlock] }>();
  events.setMaxListeners(1000);
  const pool = createAdmissionPool({ suite: dataDir.genesis.suite, network: dataDir.genesis.network, limits: options.limits }, options.admission);
  const waiters = new Map<string, Waiter>();
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
    metrics.blockCommitSeconds.observe((performance.now() - started) / 1000);
    metrics.blocksCommitted.inc();
    metrics.chainHeight.set(block.header.height);
    metrics.pendingTransactions.set(orderer.pendingCount());
    let ok = 0;
    const committedAt = now();
    for (const transaction of block.transactions) {
      if (transaction.result.status === 'ok') ok += 1;
      const waiter = waiters.get(transaction.txId);
      if (waiter === undefined) continue;
      waiters.delete(transaction.txId);
      metrics.commitLatencySeconds.observe((committedAt - waiter.admittedAt) / 1000);
      for (const resolve of waiter.resolvers) resolve({ height: block.header.height, transaction });
    }
    metrics.transactionsCommitted.inc({ status: 'ok' }, ok);
    metrics.transactionsCommitted.inc({ status: 'failed' }, block.transactions.length - ok);
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
    pendingCount: () => waiters.size,
    isAccepting: () => !stopped && fatal === undefined,
  });

  async function submit(raw: unknown, opts: { wait?: boolean; timeoutMs?: number } = {}): Promise<SubmitOutcome> {
    const { admitted, time } = await intake(raw);
    const { txId } = admitted;
    const waiter: Waiter = { admittedAt: time, resolvers: [] };
    waiters.set(txId, waiter);
    const committed = opts.wait ? waitForCommit(txId, waiter, opts.timeoutMs ?? 30_000) : undefined;
    orderer.submit(admitted);
    metrics.pendingTransactions.set(orderer.pendingCount());
    if (committed === undefined) return { txId, status: 'pending' };
    const { height, transaction } = await committed;
    return { txId, status: 'committed', height, seq: transaction.seq, result: transaction.result };
  }

  function waitForCommit(txId: string, waiter: Waiter, timeoutMs: number) {
    return new Promise<{ height: number; transaction: CommittedTransaction }>((resolve, rejectWait) => {
      const timer = setTimeout(() => {
        rejectWait(custosError('LEDGER_COMMIT_TIMEOUT', `not committed within ${timeoutMs} ms; query the transaction later`, { txId }));
      }, timeoutMs);
      waiter.resolvers.push((committed) => {
        clearTimeout(timer);
        resolve(committed);
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
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      orderer.flush();
      await pool.close();
      ledger.close();
    },
  };
}

export type CustosNode = Awaited<ReturnType<typeof startNode>>;
