import type { DemoBatch, DemoProvinceOptions } from './demo-province.ts';
import { generateDemoProvince } from './demo-province.ts';

export interface SeedProgress {
  phase: DemoBatch['phase'];
  done: number;
  total: number;
  failed: number;
  /** Batches finished in order: a rerun passes this as `skipBatches`. */
  batches: number;
  /** The history day of the batch, where it has one. */
  day?: string;
}

export interface SeedDriverOptions {
  /**
   * Batches of one phase are independent (different prisoners, or different
   * days whose caps the generator keeps): up to this many are in flight at
   * once so their transactions share blocks; a new phase waits for the one
   * before. 1 submits batch after batch.
   */
  inFlight?: number;
  /** Asked before each batch: true stops there (what is in flight is finished and reported). */
  shouldStop?: () => boolean;
  /**
   * Called at each history day's marker that is not skipped, after what is in
   * flight has settled (a simulated clock moves only then; the day's cases are
   * run there). Without it, markers are passed over and days overlap.
   */
  onDay?: (day: string) => Promise<void>;
}

type Submit = (batch: DemoBatch) => Promise<{ failed: { code: string; message: string }[] }>;

/**
 * Feeds a demo province to a submit function (a batch depends only on
 * earlier phases), reporting progress as batches finish in order. Returns the
 * counts and the first failures for the caller to show.
 */
export async function seedDemoProvince(
  options: DemoProvinceOptions,
  submit: Submit,
  onProgress?: (progress: SeedProgress) => void,
  driver: SeedDriverOptions = {},
): Promise<{ transactions: number; failed: number; firstFailures: { code: string; message: string }[]; finished: boolean }> {
  const inFlight = Math.max(1, driver.inFlight ?? 1);
  let failed = 0;
  let transactions = 0;
  const firstFailures: { code: string; message: string }[] = [];
  const pending: { batch: DemoBatch; outcome: ReturnType<Submit> }[] = [];
  let last: DemoBatch | undefined;
  let stopped = false;
  const settleOldest = async (): Promise<void> => {
    const { batch, outcome } = pending.shift()!;
    const result = await outcome;
    transactions += batch.transactions.length;
    failed += result.failed.length;
    for (const failure of result.failed) if (firstFailures.length < 10) firstFailures.push(failure);
    onProgress?.({ phase: batch.phase, done: batch.done, total: batch.total, failed, batches: batch.index + 1, ...(batch.day === undefined ? {} : { day: batch.day }) });
  };
  for (const batch of generateDemoProvince(options)) {
    if (driver.shouldStop?.() === true) {
      stopped = true;
      break;
    }
    if (last !== undefined && batch.phase !== last.phase) while (pending.length > 0) await settleOldest();
    last = batch;
    if (batch.phase === 'day' && driver.onDay !== undefined && !batch.skipped) {
      // Every batch before the marker has settled (the phase changed); the day's own work is done before it counts.
      await driver.onDay(batch.day!);
    }
    pending.push({ batch, outcome: batch.transactions.length === 0 ? Promise.resolve({ failed: [] }) : submit(batch) });
    // Keep the later outcomes from being reported as unhandled while the oldest is awaited.
    pending.at(-1)!.outcome.catch(() => {});
    while (pending.length >= inFlight) await settleOldest();
  }
  while (pending.length > 0) await settleOldest();
  if (last !== undefined && !stopped) onProgress?.({ phase: last.phase, done: last.done, total: last.done, failed, batches: last.index + 1 });
  return { transactions, failed, firstFailures, finished: !stopped };
}
