import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { custosError } from '../errors/custos-error.ts';
import { admittedTransaction, type AdmittedTransaction } from '../ledger/admission.ts';
import type { AdmissionReply, AdmissionRequest, AdmissionWorkerData } from './admission-messages.ts';

export interface AdmissionPoolOptions {
  /** Worker threads; default: one per core. */
  workers: number;
  /** Raw transactions per message to a worker. */
  batchSize: number;
  /**
   * Nice value of the worker threads (Linux, where it is per thread; 0
   * leaves them as they are). PERF: the thread that commits blocks is the
   * node's one serial stage; at normal priority the workers took a share of
   * its core during every commit and then sat idle waiting for the
   * transactions it would release. At nice 10 it runs at full speed and the
   * workers use what it leaves: 60,000-transaction solo runs kept 192-194%
   * of the two cores busy instead of 177-186%, and committed 8% more
   * (nice 19: 13%; five alternated runs each). Under overload a node thus
   * finishes admitted work before it admits more.
   */
  workerNice: number;
}

export const defaultAdmissionPoolOptions: AdmissionPoolOptions = { workers: availableParallelism(), batchSize: 128, workerNice: 10 };

/** Hears how admission went: the coded refusal, or the admitted transaction. Must not throw. */
export type AdmissionCallback = (error: Error | undefined, admitted: AdmittedTransaction | undefined) => void;

interface PendingItem {
  raw: unknown;
  done: AdmissionCallback;
}

/**
 * Spreads transaction admission (parse, canonicalize, hash, verify the
 * signature) over worker threads. PERF: items are batched per message, since
 * a message round trip costs about as much as a signature check.
 */
export function createAdmissionPool(workerData: Omit<AdmissionWorkerData, 'nice'>, options: AdmissionPoolOptions = defaultAdmissionPoolOptions) {
  const workers = Array.from({ length: Math.max(1, options.workers) }, () => {
    const worker = new Worker(new URL('./admission-worker-entry.mjs', import.meta.url), { workerData: { ...workerData, nice: options.workerNice } satisfies AdmissionWorkerData });
    worker.unref();
    return { worker, inFlight: 0 };
  });
  const waiting = new Map<number, PendingItem[]>();
  let queue: PendingItem[] = [];
  let nextId = 1;
  let flushScheduled = false;
  let closed = false;

  for (const slot of workers) {
    slot.worker.on('message', (reply: AdmissionReply) => {
      const items = waiting.get(reply.id);
      waiting.delete(reply.id);
      slot.inFlight -= 1;
      const { leafHashes, leafHashLength } = reply;
      reply.outcomes.forEach((outcome, i) => {
        const item = items?.[i];
        if (item === undefined) return;
        try {
          if (!outcome.ok) item.done(custosError(outcome.code, outcome.message), undefined);
          else item.done(undefined, admittedTransaction(outcome.admitted.txId, outcome.admitted.canonical, leafHashes.subarray(i * leafHashLength, (i + 1) * leafHashLength)));
        } catch (error) {
          // A callback broke its promise not to throw: a bug, raised as one,
          // but only after the rest of the batch has heard its outcome.
          setImmediate(() => {
            throw error;
          });
        }
      });
    });
  }

  function flush(): void {
    flushScheduled = false;
    const queued = queue;
    queue = [];
    for (let at = 0; at < queued.length; at += options.batchSize) {
      const batch = queued.slice(at, at + options.batchSize);
      const slot = workers.reduce((best, candidate) => (candidate.inFlight < best.inFlight ? candidate : best));
      const id = nextId++;
      waiting.set(id, batch);
      slot.inFlight += 1;
      const request: AdmissionRequest = { id, raws: batch.map((item) => item.raw) };
      slot.worker.postMessage(request);
    }
  }

  /**
   * Admits `raw` and calls `done` later, never before returning. PERF: the
   * node's submit path uses this instead of `admit`; a promise per stage
   * (pool, intake, submit) kept three more objects and their reactions alive
   * for every transaction in flight, until V8 promoted them and freed them
   * in old space.
   */
  function admitThen(raw: unknown, done: AdmissionCallback): void {
    if (closed) {
      setImmediate(done, custosError('LEDGER_NODE_STOPPED', 'node is stopping'), undefined);
      return;
    }
    queue.push({ raw, done });
    if (queue.length >= options.batchSize) flush();
    else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  }

  /** Resolves with the admitted transaction, or rejects with the coded reason. */
  function admit(raw: unknown): Promise<AdmittedTransaction> {
    return new Promise((resolve, reject) => admitThen(raw, (error, admitted) => (error === undefined ? resolve(admitted!) : reject(error))));
  }

  return {
    admit,
    admitThen,
    async close(): Promise<void> {
      closed = true;
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
  };
}

export type AdmissionPool = ReturnType<typeof createAdmissionPool>;
