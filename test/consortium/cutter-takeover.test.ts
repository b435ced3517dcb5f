import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import type { CommittedBlock } from '../../src/ledger/ledger.ts';
import { backgroundLoad, chainOf, eventually, maxHeight, natsServerOrSkip, startTestNetwork } from './support/test-network.ts';

test('the cutter node dies under load: another cuts within 5 s, with no gap, duplicate or fork', { timeout: 150_000 }, async (t) => {
  if (!natsServerOrSkip(t)) return;
  const network = await startTestNetwork();
  const traffic = backgroundLoad(network, 40, 60_000);
  try {
    assert.ok(await eventually(() => maxHeight(network.running()) >= 10, 30_000), 'blocks are coming');
    const victim = network.nodes.findIndex((node) => node?.isCutter() === true);
    assert.ok(victim >= 0, 'one node is cutting');
    const victimOrg = network.net.organizations[victim]!.id;
    const victimOrderer = network.net.genesis.orderers[victim]!;
    const survivors = network.running().filter((_, i) => i !== victim);
    let takeoverAt: number | undefined;
    let newCutter: string | undefined;
    const watch = (block: CommittedBlock) => {
      if (takeoverAt === undefined && block.header.orderer !== victimOrderer) {
        takeoverAt = performance.now();
        newCutter = block.header.orderer;
      }
    };
    for (const node of survivors) node.events.on('block', watch);

    const crashedAt = performance.now();
    await network.node(victim).crash(); // no lease release, no drain: to the others it is a kill -9
    network.nodes[victim] = undefined;
    assert.ok(await eventually(() => takeoverAt !== undefined, 15_000, 10), 'another node cuts a block');
    const takeoverMs = takeoverAt! - crashedAt;
    t.diagnostic(`takeover after ${takeoverMs.toFixed(0)} ms by ${newCutter}`);
    assert.ok(takeoverMs < 5_000, `another node cut within 5 s (took ${takeoverMs.toFixed(0)} ms)`);

    await sleep(3_000);
    const { committed } = await traffic.stop();
    const target = maxHeight(survivors);
    assert.ok(await eventually(() => survivors.every((node) => node.ledger.head().height === target), 20_000), 'survivors reach the same height');
    const reference = chainOf(survivors[0]!);
    for (const node of survivors.slice(1)) assert.deepEqual(chainOf(node), reference, `${node.organization} agrees`);

    const seen = new Set<string>();
    const ledger = survivors[0]!.ledger;
    for (let h = 1; h <= target; h++) {
      for (const tx of ledger.transactionsOfBlock(h)) {
        assert.ok(!seen.has(tx.txId), `transaction ${tx.txId} appears once (again at height ${h})`);
        seen.add(tx.txId);
        assert.equal(tx.result.status, 'ok', `transaction at height ${h} succeeded (no replayed duplicate)`);
      }
    }
    for (const txId of committed) assert.ok(seen.has(txId), `acknowledged transaction ${txId} is in the chain`);

    // The dead node comes back, catches up and agrees.
    const back = await network.start(victim);
    assert.ok(await eventually(() => back.ledger.head().height === target, 30_000), `${victimOrg} catches up after restart`);
    assert.deepEqual(chainOf(back), reference, `${victimOrg} agrees after restart`);
  } finally {
    await traffic.stop();
    await network.close();
  }
});
