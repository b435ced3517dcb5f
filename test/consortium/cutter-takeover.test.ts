import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { ed25519Suite } from '../../src/crypto/ed25519-suite.ts';
import { bytesToHex, utf8ToBytes } from '../../src/crypto/bytes.ts';
import { openLedger } from '../../src/ledger/ledger.ts';
import { signTransaction } from '../../src/ledger/transaction.ts';
import { createLocalNetwork } from '../../src/node/consortium/launcher/create-local-network.ts';
import { freePort } from '../../src/node/consortium/launcher/free-port.ts';
import { spawnNodeProcess, stopPidFile, waitForHealthy } from '../../src/node/consortium/launcher/network-processes.ts';
import { decodeBlockMessage } from '../../src/ordering/nats/block-message.ts';
import { connectToOrdering } from '../../src/ordering/nats/nats-connection.ts';
import { openDataDir } from '../../src/node/data-dir.ts';
import { createNodeRuntime } from '../../src/node/node-runtime.ts';
import { builtInContracts } from '../../src/node/serve.ts';
import { natsServerOrSkip } from './support/test-network.ts';

const member = ed25519Suite.generateSigningKey();
let counter = 0;

async function height(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return ((await response.json()) as { height: number }).height;
  } catch {
    return undefined;
  }
}

async function eventuallyAsync(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return check();
}

/**
 * The fault, with real processes: four `custos network node`
 * processes and three nats-server processes; under load the process holding
 * the cutter lease gets SIGKILL. Takeover is timed from the kill to the first
 * block on BLOCKS signed by another orderer, seen by an admin consumer.
 */
test('the cutter node process is killed (-9) under load: another cuts within 5 s, with no gap, duplicate or fork, nothing acknowledged lost', { timeout: 180_000 }, async (t) => {
  if (!natsServerOrSkip(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'custos-takeover-'));
  const net = await createLocalNetwork({ dir, orgs: 4, natsServers: 3, network: 'takeover-test', provision: {}, detached: false, apiBasePort: 0 });
  const urls: string[] = [];
  const admin = await connectToOrdering(net.admin);
  let loading = true;
  let lanes: Promise<void> = Promise.resolve();
  try {
    const started = [];
    for (const [i, org] of net.organizations.entries()) {
      const port = await freePort();
      const pid = spawnNodeProcess(org.dataDir, port);
      urls.push(`http://127.0.0.1:${port}`);
      started.push({ url: urls[i]!, pid, nodeKey: net.genesis.nodes[i]!, logFile: join(org.dataDir, 'node.log') });
    }
    await Promise.all(started.map((node) => waitForHealthy(node, 60_000)));

    // Every BLOCKS message as it arrives, from the start.
    const js = jetstream(admin, { timeout: 10_000 });
    const seen: { at: number; seq: number; height: number; orderer: string }[] = [];
    const consumer = await js.consumers.get(net.names.blocksStream, { deliver_policy: DeliverPolicy.All });
    const feed = await consumer.consume();
    const watching = (async () => {
      for await (const m of feed) {
        const block = decodeBlockMessage(m.data);
        seen.push({ at: performance.now(), seq: m.seq, height: block?.header.height ?? -1, orderer: block?.header.orderer ?? '' });
      }
    })();

    // Load: 48 submitters, each waiting for commit, over whichever nodes answer.
    const acknowledged: string[] = [];
    let refused = 0;
    const refusals = new Map<string, number>();
    const countRefusal = (why: string) => {
      refused += 1;
      refusals.set(why, (refusals.get(why) ?? 0) + 1);
    };
    const dead = new Set<number>();
    lanes = Promise.all(
      Array.from({ length: 48 }, async (_, lane) => {
        for (let i = lane; loading; i++) {
          const target = i % urls.length;
          if (dead.has(target)) continue;
          counter += 1;
          const body = { v: 1 as const, network: net.genesis.network, contract: 'notary', fn: 'anchor', args: { hash: bytesToHex(ed25519Suite.hash(utf8ToBytes(`takeover ${counter} ${Math.random()}`))), title: `Doc ${counter}`, type: 'test.doc' }, signer: member.publicKey, nonce: `k${counter}x${Math.floor(Math.random() * 1e9)}`, ts: Date.now() };
          try {
            const response = await fetch(`${urls[target]}/v1/transactions?wait=true&timeoutMs=30000`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signTransaction(body, member)) });
            const reply = (await response.json()) as { txId?: string; status?: string };
            if (response.status === 200 && reply.status === 'committed' && reply.txId !== undefined) acknowledged.push(reply.txId);
            else countRefusal(`HTTP ${response.status} at ${net.organizations[target]!.id}`);
          } catch (error) {
            // the killed node's connections; nothing was acknowledged on them
            countRefusal(`${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)} at ${net.organizations[target]!.id}`);
            await sleep(20);
          }
        }
      }),
    ).then(() => undefined);

    assert.ok(await eventuallyAsync(async () => seen.length >= 20, 60_000), `blocks are coming under load (${seen.length})`);
    // The victim: the organization the lease names, once the last block on BLOCKS is signed by its orderer key.
    const kv = await new Kvm(js).open(net.names.leaseBucket);
    let holder: string | undefined;
    let victim = -1;
    assert.ok(
      await eventuallyAsync(async () => {
        holder = (await kv.get(net.names.leaseKey))?.string();
        victim = net.organizations.findIndex((org) => org.id === holder);
        return victim >= 0 && seen.at(-1)?.orderer === net.genesis.orderers[victim];
      }, 10_000),
      `the lease names the organization that is cutting (${holder})`,
    );
    const victimOrderer = net.genesis.orderers[victim]!;

    const pid = Number(readFileSync(join(net.organizations[victim]!.dataDir, 'node.pid'), 'utf8'));
    dead.add(victim);
    const killedAt = performance.now();
    process.kill(pid, 'SIGKILL');
    const acknowledgedAtKill = acknowledged.length;
    assert.ok(await eventuallyAsync(async () => seen.some((s) => s.at > killedAt && s.orderer !== victimOrderer), 20_000, 20), 'another orderer cuts a block');
    const takeover = seen.find((s) => s.at > killedAt && s.orderer !== victimOrderer)!;
    const takeoverMs = takeover.at - killedAt;
    const newCutter = net.organizations[net.genesis.orderers.indexOf(takeover.orderer)]?.id;
    t.diagnostic(`takeover ${takeoverMs.toFixed(0)} ms after kill -9, by ${newCutter}, at height ${takeover.height}; ${acknowledgedAtKill} acknowledged before the kill`);
    assert.ok(takeoverMs < 5_000, `another node cut within 5 s of the kill (took ${takeoverMs.toFixed(0)} ms)`);

    await sleep(3_000); // load goes on under the new cutter
    loading = false;
    await lanes;
    t.diagnostic(`${acknowledged.length} acknowledged as committed, ${refused} not acknowledged: ${JSON.stringify(Object.fromEntries(refusals))}`);
    assert.ok(acknowledged.length > acknowledgedAtKill, 'transactions commit after the takeover');

    const survivors = urls.filter((_, i) => i !== victim);
    let last = 0;
    assert.ok(
      await eventuallyAsync(async () => {
        last = seen.at(-1)!.height;
        return (await Promise.all(survivors.map(height))).every((h) => h === last);
      }, 30_000),
      'survivors reach the last block on BLOCKS',
    );

    // The dead node's process comes back from its data directory and catches up.
    const port = await freePort();
    const victimDir = net.organizations[victim]!.dataDir;
    const restartedPid = spawnNodeProcess(victimDir, port);
    urls[victim] = `http://127.0.0.1:${port}`;
    await waitForHealthy({ url: urls[victim]!, pid: restartedPid, nodeKey: net.genesis.nodes[victim]!, logFile: join(victimDir, 'node.log') }, 60_000);
    assert.ok(await eventuallyAsync(async () => (await height(urls[victim]!)) === last, 60_000), `${holder} catches up after restart`);

    await feed.close();
    await watching;
    // BLOCKS itself: one message per height, 1, 2, 3… — nothing skipped, nothing repeated, nothing rejected.
    seen.sort((a, b) => a.seq - b.seq);
    seen.forEach((s, i) => assert.equal(s.height, i + 1, `BLOCKS message ${s.seq} holds height ${i + 1}`));

    // The ledgers, read from the data directories once every process has stopped.
    for (const org of net.organizations) await stopPidFile(join(org.dataDir, 'node.pid'));
    const chains = net.organizations.map((org) => {
      const dataDir = openDataDir(org.dataDir);
      const ledger = openLedger({ path: dataDir.ledgerPath, genesis: dataDir.genesis, executor: createNodeRuntime(dataDir.genesis, builtInContracts).executor, nodeKey: dataDir.nodeKey });
      try {
        const blocks = ledger.listBlocks(1, ledger.head().height).map((b) => b.hash);
        const txIds: string[] = [];
        for (let h = 1; h <= ledger.head().height; h++) {
          for (const tx of ledger.transactionsOfBlock(h)) {
            assert.equal(tx.result.status, 'ok', `${org.id}: transaction at height ${h} succeeded (no replayed duplicate)`);
            txIds.push(tx.txId);
          }
        }
        return { id: org.id, blocks, txIds, stateRoot: ledger.stateRoot() };
      } finally {
        ledger.close();
      }
    });
    const reference = chains[0]!;
    assert.equal(reference.blocks.length, last);
    for (const chain of chains.slice(1)) {
      assert.deepEqual(chain.blocks, reference.blocks, `${chain.id} has the same blocks as ${reference.id}`);
      assert.equal(chain.stateRoot, reference.stateRoot, `${chain.id} has the same state root`);
    }
    const inChain = new Set(reference.txIds);
    assert.equal(inChain.size, reference.txIds.length, 'no transaction appears twice');
    const lost = acknowledged.filter((txId) => !inChain.has(txId));
    assert.deepEqual(lost, [], 'every acknowledged transaction is in the chain');
  } finally {
    loading = false;
    await lanes;
    await admin.close().catch(() => undefined);
    for (const org of net.organizations) await stopPidFile(join(org.dataDir, 'node.pid'), 2_000).catch(() => undefined);
    await net.cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
