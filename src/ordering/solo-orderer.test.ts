import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AdmittedTransaction } from '../ledger/admission.ts';
import { createSoloOrderer } from './solo-orderer.ts';

const fake = (i: number) => ({ txId: String(i) }) as unknown as AdmittedTransaction;

test('cuts full blocks at once and partial blocks after the wait, keeping order', async () => {
  const blocks: string[][] = [];
  const orderer = createSoloOrderer({ maxTransactionsPerBlock: 3, maxWaitMs: 20 }, { deliver: (txs) => blocks.push(txs.map((t) => t.txId)), now: () => 1 });
  for (let i = 0; i < 7; i++) orderer.submit(fake(i));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(blocks, [['0', '1', '2'], ['3', '4', '5']], 'full blocks without waiting');
  // The partial block comes after maxWaitMs; wait for it rather than for a fixed time (loaded machines are late).
  for (let waited = 0; orderer.pendingCount() > 0 && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(blocks.at(-1), ['6'], 'the rest after maxWaitMs');
  assert.equal(orderer.pendingCount(), 0);
});

test('flush cuts whatever waits', () => {
  const blocks: number[] = [];
  const orderer = createSoloOrderer({ maxTransactionsPerBlock: 100, maxWaitMs: 10_000 }, { deliver: (txs) => blocks.push(txs.length), now: () => 1 });
  orderer.submit(fake(1));
  orderer.submit(fake(2));
  orderer.flush();
  assert.deepEqual(blocks, [2]);
});
