import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { defaultTransactionLimits } from '../ledger/transaction.ts';
import { createAdmissionPool } from './admission-pool.ts';

/** Nice values of this process's threads (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
    } catch {
      return []; // the thread ended while we looked
    }
  });
}

const workerData = { suite: 'ed25519-sha256', network: 'pool-test', limits: defaultTransactionLimits };

test('admission workers run at the configured nice value and the rest of the node does not', { skip: process.platform !== 'linux' && 'nice is per thread only on Linux' }, async () => {
  const before = threadNiceValues().filter((nice) => nice === 7).length;
  const pool = createAdmissionPool(workerData, { workers: 2, batchSize: 4, workerNice: 7 });
  try {
    // A refusal is a round trip through both workers' message loops, so their start-up code has run.
    const refusals = await Promise.allSettled(Array.from({ length: 8 }, () => pool.admit('not json')));
    assert.ok(refusals.every((outcome) => outcome.status === 'rejected' && (outcome.reason as { code?: string }).code === 'LEDGER_TX_MALFORMED'));
    assert.equal(threadNiceValues().filter((nice) => nice === 7).length - before, 2, 'both workers, and only they, run at nice 7');
    assert.equal((await import('node:os')).getPriority(), 0, 'the main thread keeps its priority');
  } finally {
    await pool.close();
  }
});

test('a worker nice value of 0 leaves the workers as the node is', async () => {
  const pool = createAdmissionPool(workerData, { workers: 1, batchSize: 4, workerNice: 0 });
  try {
    await assert.rejects(pool.admit('not json'), { code: 'LEDGER_TX_MALFORMED' });
    if (process.platform === 'linux') assert.ok(threadNiceValues().every((nice) => nice === 0));
  } finally {
    await pool.close();
  }
});
