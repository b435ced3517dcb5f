import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommittedBlock } from '../ledger/ledger.ts';
import { createCommitWaiters } from './commit-waiters.ts';
import { createNodeMetrics } from './metrics.ts';

function blockOf(height: number, txIds: string[]): CommittedBlock {
  return {
    header: { height },
    transactions: txIds.map((txId, seq) => ({ txId, seq, result: { status: 'ok', events: [] } })),
  } as unknown as CommittedBlock;
}

const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: { code?: string }) => error.code);

test('a committed block resolves every submitter waiting for its transactions', async () => {
  const waiters = createCommitWaiters(createNodeMetrics(), () => 0);
  waiters.add('a', 0);
  waiters.add('b', 0);
  const first = waiters.wait('a', 60_000);
  const again = waiters.wait('a', 60_000);
  assert.equal(waiters.size(), 2);
  waiters.settle(blockOf(7, ['a', 'b']), performance.now());
  assert.deepEqual([(await first).height, (await again).transaction.txId], [7, 'a']);
  assert.equal(waiters.has('a'), false);
  assert.equal(waiters.size(), 0);
});

test('each submitter times out at its own deadline; the transaction stays pending', async () => {
  const waiters = createCommitWaiters(createNodeMetrics(), () => 0);
  waiters.add('slow', 0);
  waiters.add('slower', 0);
  const started = performance.now();
  const late = waiters.wait('slower', 200);
  const early = waiters.wait('slow', 30);
  const patient = waiters.wait('slow', 60_000);
  assert.equal(await codeOf(early), 'LEDGER_COMMIT_TIMEOUT');
  assert.ok(performance.now() - started >= 30, 'not before its deadline');
  assert.equal(await codeOf(late), 'LEDGER_COMMIT_TIMEOUT');
  assert.ok(performance.now() - started >= 200, 'the later deadline is kept after the earlier one fired');
  assert.equal(waiters.has('slow'), true, 'a timed-out wait does not forget the transaction');
  waiters.settle(blockOf(1, ['slow']), performance.now());
  assert.equal((await patient).height, 1, 'other submitters of the same transaction still hear the commit');
  waiters.rejectAll(new Error('stop'));
});

test('waiting for an unknown transaction and stopping are refusals, not hangs', async () => {
  const waiters = createCommitWaiters(createNodeMetrics(), () => 0);
  assert.equal(await codeOf(waiters.wait('nobody', 1000)), 'LEDGER_TX_NOT_FOUND');
  waiters.add('x', 0);
  const pending = waiters.wait('x', 60_000);
  const stopping = Object.assign(new Error('stopping'), { code: 'LEDGER_NODE_STOPPED' });
  waiters.rejectAll(stopping);
  assert.equal(await codeOf(pending), 'LEDGER_NODE_STOPPED');
  assert.equal(waiters.size(), 0);
});

test('a submitter added with its transaction hears the commit, or its deadline, exactly once', async () => {
  const waiters = createCommitWaiters(createNodeMetrics(), () => 0);
  const heard: string[] = [];
  const submitter = (name: string, timeoutMs: number) => ({
    deadline: performance.now() + timeoutMs,
    timeoutMs,
    committed: (height: number, transaction: { txId: string }) => void heard.push(`${name} committed ${transaction.txId} at ${height}`),
    failed: (error: { code?: string }) => void heard.push(`${name} ${error.code}`),
  });
  waiters.add('fast', 0, submitter('first', 60_000));
  waiters.add('stuck', 0, submitter('second', 20));
  waiters.add('quiet', 0);
  assert.equal(waiters.size(), 3);
  waiters.settle(blockOf(3, ['fast', 'quiet']), performance.now());
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.deepEqual(heard, ['first committed fast at 3', 'second LEDGER_COMMIT_TIMEOUT']);
  waiters.settle(blockOf(4, ['stuck']), performance.now());
  assert.equal(heard.length, 2, 'a submitter that timed out hears nothing more');
  assert.equal(waiters.size(), 0);
});

test('custos_pending_transactions is read when scraped', async () => {
  let pending = 5;
  const metrics = createNodeMetrics(() => pending);
  assert.match(await metrics.registry.metrics(), /^custos_pending_transactions 5$/m);
  pending = 0;
  assert.match(await metrics.registry.metrics(), /^custos_pending_transactions 0$/m);
});
