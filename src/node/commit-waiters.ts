import { custosError } from '../errors/custos-error.ts';
import type { CommittedBlock, CommittedTransaction } from '../ledger/ledger.ts';
import type { NodeMetrics } from './metrics.ts';

export interface Committed {
  height: number;
  transaction: CommittedTransaction;
}

/** One caller waiting for a transaction's commit; hears exactly one of the two. */
export interface Submitter {
  /** performance.now() after which the submitter hears LEDGER_COMMIT_TIMEOUT. */
  readonly deadline: number;
  readonly timeoutMs: number;
  committed(height: number, transaction: CommittedTransaction): void;
  failed(error: unknown): void;
}

/** A submitter that settles a promise of the commit. */
class PromisedCommit implements Submitter {
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly #resolve: (committed: Committed) => void;
  readonly #reject: (error: unknown) => void;

  constructor(timeoutMs: number, resolve: (committed: Committed) => void, reject: (error: unknown) => void) {
    this.deadline = performance.now() + timeoutMs;
    this.timeoutMs = timeoutMs;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  committed(height: number, transaction: CommittedTransaction): void {
    this.#resolve({ height, transaction });
  }

  failed(error: unknown): void {
    this.#reject(error);
  }
}

interface Waiter {
  txId: string;
  admittedAt: number;
  submitters: Submitter[];
}

/** Deadlines are kept to within this many ms (late, never early). */
const sweepGridMs = 25;

/**
 * The transactions a node has admitted and not yet seen committed, and the
 * submitters waiting for them. Shared by solo and consortium nodes: each
 * committed block settles its waiters and feeds the block metrics.
 *
 * PERF: one timer serves every deadline. It fires at the earliest one and
 * sweeps all waiters; a timer per submitter cost a Timeout object and two
 * closures for each of tens of thousands of transactions in flight, and
 * deadlines pass rarely (only when commits fall behind).
 */
export function createCommitWaiters(metrics: NodeMetrics, now: () => number) {
  const waiters = new Map<string, Waiter>();
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  /** Submitters still waiting; with none, no timer may keep the process alive. */
  let submitterCount = 0;

  function stopTimer(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
  }

  function schedule(deadline: number): void {
    // On a grid, so that when commits stall and every submitter times out
    // in turn, the sweeps over all waiters come at most 40 times a second.
    const at = Math.ceil(deadline / sweepGridMs) * sweepGridMs;
    if (at >= timerAt) return;
    if (timer !== undefined) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(sweep, Math.max(0, at - performance.now()));
  }

  function sweep(): void {
    stopTimer();
    const at = performance.now();
    let next = Number.POSITIVE_INFINITY;
    for (const waiter of waiters.values()) {
      if (waiter.submitters.length === 0) continue;
      const late = waiter.submitters.filter((submitter) => submitter.deadline <= at);
      if (late.length > 0) waiter.submitters = waiter.submitters.filter((submitter) => submitter.deadline > at);
      submitterCount -= late.length;
      for (const submitter of late) {
        submitter.failed(custosError('LEDGER_COMMIT_TIMEOUT', `not committed within ${submitter.timeoutMs} ms; query the transaction later`, { txId: waiter.txId }));
      }
      for (const submitter of waiter.submitters) next = Math.min(next, submitter.deadline);
    }
    if (next !== Number.POSITIVE_INFINITY) schedule(next);
  }

  return {
    has: (txId: string) => waiters.has(txId),
    size: () => waiters.size,
    /** A transaction admitted at `admittedAt` (node time), with the first submitter to wait for it, if any. */
    add(txId: string, admittedAt: number, submitter?: Submitter): void {
      waiters.set(txId, { txId, admittedAt, submitters: submitter === undefined ? [] : [submitter] });
      if (submitter === undefined) return;
      submitterCount += 1;
      schedule(submitter.deadline);
    },
    /** Forgets a transaction that will not be ordered (e.g. its hand-off failed). */
    drop(txId: string): void {
      const waiter = waiters.get(txId);
      if (waiter === undefined) return;
      waiters.delete(txId);
      for (const submitter of waiter.submitters) submitter.failed(custosError('LEDGER_TX_NOT_FOUND', 'transaction was not ordered', { txId }));
      submitterCount -= waiter.submitters.length;
      if (submitterCount === 0) stopTimer();
    },
    /** Resolves when the transaction's block is committed here; rejects with LEDGER_COMMIT_TIMEOUT after `timeoutMs`. */
    wait(txId: string, timeoutMs: number): Promise<Committed> {
      const waiter = waiters.get(txId);
      if (waiter === undefined) return Promise.reject(custosError('LEDGER_TX_NOT_FOUND', 'transaction is not waiting for a block', { txId }));
      return new Promise<Committed>((resolve, reject) => {
        const submitter = new PromisedCommit(timeoutMs, resolve, reject);
        waiter.submitters.push(submitter);
        submitterCount += 1;
        schedule(submitter.deadline);
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
        submitterCount -= waiter.submitters.length;
        metrics.commitLatencySeconds.observe((committedAt - waiter.admittedAt) / 1000);
        for (const submitter of waiter.submitters) submitter.committed(block.header.height, transaction);
      }
      metrics.transactionsCommitted.inc({ status: 'ok' }, ok);
      metrics.transactionsCommitted.inc({ status: 'failed' }, block.transactions.length - ok);
      if (submitterCount === 0) stopTimer();
    },
    /** Tells every waiter this node will not report their commit. */
    rejectAll(error: unknown): void {
      for (const waiter of waiters.values()) for (const submitter of waiter.submitters) submitter.failed(error);
      waiters.clear();
      submitterCount = 0;
      stopTimer();
    },
  };
}

export type CommitWaiters = ReturnType<typeof createCommitWaiters>;
