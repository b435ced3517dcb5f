import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { ed25519Suite } from '../crypto/ed25519-suite.ts';
import { defaultTransactionLimits, signTransaction } from '../ledger/transaction.ts';
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

test('admitThen calls back once per transaction, after returning: the admitted one, a refusal, and after close a stop', async () => {
  const pool = createAdmissionPool(workerData, { workers: 1, batchSize: 4, workerNice: 0 });
  const key = ed25519Suite.generateSigningKey();
  const tx = signTransaction({ v: 1, network: 'pool-test', contract: 'notary', fn: 'anchor', args: { n: 1 }, signer: key.publicKey, nonce: 'n1', ts: 1 }, key);
  const heard: string[] = [];
  const outcome = (name: string) => new Promise<void>((resolve) => {
    pool.admitThen(name === 'good' ? JSON.stringify(tx) : 'not json', (error, admitted) => {
      heard.push(error === undefined ? `${name}: ${admitted!.tx.nonce}` : `${name}: ${(error as { code?: string }).code}`);
      resolve();
    });
  });
  const both = Promise.all([outcome('good'), outcome('bad')]);
  assert.deepEqual(heard, [], 'not called before admitThen returns');
  await both;
  assert.deepEqual(heard.sort(), ['bad: LEDGER_TX_MALFORMED', 'good: n1']);
  await pool.close();
  const stopped = outcome('late');
  assert.equal(heard.length, 2, 'not called before admitThen returns');
  await stopped;
  assert.equal(heard[2], 'late: LEDGER_NODE_STOPPED');
});
