import type { DemoBatch, DemoProvinceOptions } from './demo-province.ts';
import { generateDemoProvince } from './demo-province.ts';

export interface SeedProgress {
  phase: DemoBatch['phase'];
  done: number;
  total: number;
  failed: number;
}

/**
 * Feeds a demo province to a submit function batch by batch (a batch's
 * transactions depend only on earlier batches), reporting progress. Returns
 * the counts and the first failures for the caller to show.
 */
export async function seedDemoProvince(
  options: DemoProvinceOptions,
  submit: (batch: DemoBatch) => Promise<{ failed: { code: string; message: string }[] }>,
  onProgress?: (progress: SeedProgress) => void,
): Promise<{ transactions: number; failed: number; firstFailures: { code: string; message: string }[] }> {
  let failed = 0;
  let transactions = 0;
  const firstFailures: { code: string; message: string }[] = [];
  for (const batch of generateDemoProvince(options)) {
    const outcome = await submit(batch);
    transactions += batch.transactions.length;
    failed += outcome.failed.length;
    for (const failure of outcome.failed) if (firstFailures.length < 10) firstFailures.push(failure);
    onProgress?.({ phase: batch.phase, done: batch.done, total: batch.total, failed });
  }
  return { transactions, failed, firstFailures };
}
