import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chainOf, eventually, load, natsServerOrSkip, startTestNetwork } from './support/test-network.ts';

test('four nodes under load commit the same blocks and state roots, and blocks become final', { timeout: 120_000 }, async (t) => {
  if (!natsServerOrSkip(t)) return;
  const network = await startTestNetwork();
  try {
    const { committed } = await load(network, 3000, 200);
    assert.equal(committed.length, 3000, 'every submitted transaction commits');
    const nodes = network.running();
    const target = Math.max(...nodes.map((node) => node.ledger.head().height));
    assert.ok(await eventually(() => nodes.every((node) => node.ledger.head().height === target), 20_000), 'all nodes reach the same height');
    const reference = chainOf(nodes[0]!);
    for (const node of nodes.slice(1)) assert.deepEqual(chainOf(node), reference, `${node.organization} has the same blocks and state roots as ${nodes[0]!.organization}`);
    assert.equal(nodes[0]!.ledger.stateRoot(), nodes[3]!.ledger.stateRoot());
    let txs = 0;
    for (let h = 1; h <= target; h++) txs += nodes[0]!.ledger.transactionsOfBlock(h).length;
    assert.equal(txs, 3000, 'no duplicate or missing transaction');
    const cutters = nodes.filter((node) => node.isCutter()).map((node) => node.organization);
    assert.equal(cutters.length, 1, `exactly one cutter, got ${cutters.join(', ')}`);
    assert.ok(await eventually(() => nodes.every((node) => node.isFinal(target)), 10_000), 'the last block becomes final on every node');
    for (const node of nodes) assert.deepEqual(node.alerts(), [], `${node.organization} raised no alert`);
    for (const txId of committed.slice(0, 50)) assert.equal(nodes[2]!.ledger.getTransaction(txId).result.status, 'ok');
  } finally {
    await network.close();
  }
});
