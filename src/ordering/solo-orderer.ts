import type { AdmittedTransaction } from '../ledger/admission.ts';

export interface SoloOrdererOptions {
  /** Cut a block as soon as this many transactions wait. */
  maxTransactionsPerBlock: number;
  /** …or this long after the first of them arrived. */
  maxWaitMs: number;
}

export const defaultSoloOrdererOptions: SoloOrdererOptions = { maxTransactionsPerBlock: 2000, maxWaitMs: 50 };

export interface SoloOrdererModules {
  /** Receives each cut block in order; the node commits it. Block time comes from `now`. */
  deliver(transactions: AdmittedTransaction[], time: number): void;
  /** The orderer's clock (injected so tests can supply their own). */
  now(): number;
}

/**
 * The embedded ordering service: a single in-process block cutter. It only
 * decides order and block time; the ledger signs and executes.
 */
export function createSoloOrderer(options: SoloOrdererOptions, modules: SoloOrdererModules) {
  let pending: AdmittedTransaction[] = [];
  let timer: NodeJS.Timeout | undefined;
  let cutScheduled = false;

  function cut(): void {
    cutScheduled = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    // A partial block waits for more unless the wait is already over.
    let cutUpTo = 0;
    do {
      const transactions = pending.slice(cutUpTo, cutUpTo + options.maxTransactionsPerBlock);
      cutUpTo += transactions.length;
      modules.deliver(transactions, modules.now());
    } while (pending.length - cutUpTo >= options.maxTransactionsPerBlock);
    pending = pending.slice(cutUpTo);
    if (pending.length > 0) timer = setTimeout(cut, options.maxWaitMs);
  }

  return {
    submit(transaction: AdmittedTransaction): void {
      pending.push(transaction);
      if (pending.length >= options.maxTransactionsPerBlock) {
        if (!cutScheduled) {
          cutScheduled = true;
          setImmediate(cut);
        }
      } else if (timer === undefined) {
        timer = setTimeout(cut, options.maxWaitMs);
      }
    },
    pendingCount: () => pending.length,
    /** Cuts whatever waits now (used on shutdown). */
    flush(): void {
      if (pending.length > 0) {
        const transactions = pending;
        pending = [];
        modules.deliver(transactions, modules.now());
      }
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

export type SoloOrderer = ReturnType<typeof createSoloOrderer>;
