import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

/**
 * Signs `count` distinct notary transactions on all cores before the clock
 * starts, so the load generator costs the node nothing during measurement.
 * They are JSON text, as the HTTP API receives them. PERF (of the bench, not
 * the node): as parsed objects, 200,000 transactions were ~15 object graphs
 * each that every major GC of the node's heap marked again; as text they are
 * one flat string each. 60,000-transaction solo runs committed ~14% more
 * with text (three alternated pairs), and about the same as submitting
 * objects parsed from the text just before each submit.
 */
export async function presignNotaryTransactions(network: string, count: number, ts: number): Promise<string[]> {
  const threads = availableParallelism();
  const per = Math.ceil(count / threads);
  const entry = new URL('./presign-worker.mjs', import.meta.url);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, t) => new Promise<string[]>((resolve, reject) => {
      const worker = new Worker(entry, { workerData: { network, from: t * per, to: Math.min(count, (t + 1) * per), ts } });
      worker.once('message', resolve);
      worker.once('error', reject);
    })),
  );
  return parts.flat();
}
