import { custosError } from '../errors/custos-error.ts';
import type { CommittedBlock, CommittedTransaction } from '../ledger/ledger.ts';
import type { NodeMetrics } from './metrics.ts';

export interface Committed {
  height: number;
  transaction: CommittedTransaction;
}

interface Waiter {
  admittedAt: number;
  resolvers: ((committed: Committed) => void)[];
  rejecters: ((error: unknown) => void)[];
}

/**
 * The transactions a node has admitted and not yet seen committed, and the
 * submitters waiting for them. Shared by solo and consortium nodes: each
 * committed block settles its waiters and feeds the block metrics.
 */
export function createCommitWaiters(metrics: NodeMetrics, now: () => number) {
  const waiters = new Map<string, Waiter>();

  return {
    has: (txId: string) => waiters.has(txId),
    size: () => waiters.size,
    add(txId: string, admittedAt: number): void {
      waiters.set(txId, { admittedAt, resolvers: [], rejecters: [] });
    },
    /** Forgets a transaction that will not be ordered (e.g. its hand-off failed). */
    drop(txId: string): void {
      waiters.delete(txId);
    },
    /** Resolves when the transaction's block is committed here; rejects with LEDGER_COMMIT_TIMEOUT after `timeoutMs`. */
    wait(txId: string, timeoutMs: number): Promise<Committed> {
      const waiter = waiters.get(txId);
      if (waiter === undefined) return Promise.reject(custosError('LEDGER_TX_NOT_FOUND', 'transaction is not waiting for a block', { txId }));
      return new Promise<Committed>((resolve, reject) => {
        const timer = setTimeout(() => reject(custosError('LEDGER_COMMIT_TIMEOUT', `not committed within ${timeoutMs} ms; query the transaction later`, { txId })), timeoutMs);
        waiter.resolvers.push((committed) => {
          clearTimeout(timer);
          resolve(committed);
        });
        waiter.rejecters.push((error) => {
          clearTimeout(timer);
          reject(error);
        });
      });
    },
    /** Settles the waiters of a committed block and records its metrics. */
    settle(block: CommittedBlock, startedAt: number): void {
      metrics.blockCommitSeconds.observe((performance.now() - startedAt) / 1000);
      metrics.blocksCommitted.inc();
      metrics.chainHeight.set(block.header.height);
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
    },
    /** Tells every waiter this node will not report their commit. */
    rejectAll(error: unknown): void {
      for (const waiter of waiters.values()) for (const reject of waiter.rejecters) reject(error);
      waiters.clear();
    },
  };
}

export type CommitWaiters = ReturnType<typeof createCommitWaiters>;
