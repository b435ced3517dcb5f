import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { SignedTransaction } from '../src/ledger/transaction.ts';

/**
 * Signs `count` distinct notary transactions on all cores before the clock
 * starts, so the load generator costs the node nothing during measurement.
 */
export async function presignNotaryTransactions(network: string, count: number, ts: number): Promise<SignedTransaction[]> {
  const threads = availableParallelism();
  const per = Math.ceil(count / threads);
  const entry = new URL('./presign-worker.mjs', import.meta.url);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, t) => new Promise<SignedTransaction[]>((resolve, reject) => {
      const worker = new Worker(entry, { workerData: { network, from: t * per, to: Math.min(count, (t + 1) * per), ts } });
      worker.once('message', resolve);
      worker.once('error', reject);
    })),
  );
  return parts.flat();
}
