import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { backgroundLoad, chainOf, commonPrefixAgrees, eventually, maxHeight, natsServerOrSkip, startTestNetwork } from './support/test-network.ts';

test('NATS failures: one of three down keeps blocks coming; two down stops them without a fork; after restart nothing acknowledged is lost', { timeout: 360_000 }, async (t) => {
  if (!natsServerOrSkip(t)) return;
  const network = await startTestNetwork();
  const nodes = network.running();
  const [s1, s2, s3] = network.net.cluster.servers;
  const traffic = backgroundLoad(network, 40, 60_000);
  try {
    assert.ok(await eventually(() => maxHeight(nodes) >= 10, 60_000), 'blocks are coming before any failure');

    await s3!.kill();
    const afterOne = maxHeight(nodes);
    assert.ok(await eventually(() => maxHeight(nodes) >= afterOne + 3, 90_000), `with ${s3!.name} down, blocks keep coming (was ${afterOne}, now ${maxHeight(nodes)})`);

    await s2!.kill();
    // Publishes in flight when quorum went away may still land; then nothing may.
    await sleep(4_000);
    const stalled = nodes.map((node) => node.ledger.head().height);
    await sleep(4_000);
    assert.deepEqual(nodes.map((node) => node.ledger.head().height), stalled, 'with two of three NATS servers down, no node commits a new block');
    const prefix = commonPrefixAgrees(nodes);
    assert.ok(prefix.agrees, `no fork while the ordering service is down (common height ${prefix.height})`);
    const acknowledgedBeforeRestart = [...traffic.committed];

    await Promise.all([s2!.start(), s3!.start()]);
    const resumedFrom = Math.max(...stalled);
    assert.ok(await eventually(() => maxHeight(nodes) >= resumedFrom + 3, 90_000), `progress resumes after restart (stalled at ${resumedFrom}, now ${maxHeight(nodes)})`);
    const { committed } = await traffic.stop();
    assert.ok(committed.length > acknowledgedBeforeRestart.length, 'transactions commit again after restart');

    // The cutter may still drain the TX backlog after the load stops, so wait for every node
    // to stand at one common height at or beyond what was reached when the load stopped.
    const target = maxHeight(nodes);
    const settled = () => {
      const heights = nodes.map((node) => node.ledger.head().height);
      return heights.every((height) => height === heights[0]) && heights[0]! >= target;
    };
    assert.ok(await eventually(settled, 120_000), `every node reaches the same height (at least ${target}; now ${nodes.map((node) => `${node.organization} ${node.ledger.head().height}${node.failure() === undefined ? '' : ` failed: ${node.failure()!.message}`}`).join(', ')})`);
    const reference = chainOf(nodes[0]!);
    for (const node of nodes.slice(1)) assert.deepEqual(chainOf(node), reference, `${node.organization} agrees with ${nodes[0]!.organization}`);
    for (const node of nodes) {
      for (const txId of committed) assert.equal(node.ledger.hasTransaction(txId), true, `${node.organization} holds acknowledged transaction ${txId}`);
    }
    void s1;
  } finally {
    await traffic.stop();
    await network.close();
  }
});
