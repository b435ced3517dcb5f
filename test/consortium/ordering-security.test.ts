import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { ed25519Suite } from '../../src/crypto/ed25519-suite.ts';
import { signBlockHeader } from '../../src/ledger/block-header.ts';
import { blockMessageToBytes } from '../../src/ordering/nats/block-message.ts';
import { connectToOrdering } from '../../src/ordering/nats/nats-connection.ts';
import { organizationPermissions } from '../../src/ordering/nats/nats-permissions.ts';
import { chainOf, eventually, load, maxHeight, natsServerOrSkip, startTestNetwork } from './support/test-network.ts';

test('only orderer identities may publish blocks, and a block is trusted for its orderer signature, never its subject', { timeout: 120_000 }, async (t) => {
  if (!natsServerOrSkip(t)) return;
  const network = await startTestNetwork({
    extraUsers: [
      // A member organization's node without ordering rights.
      { name: 'observer', permissions: (names) => organizationPermissions(names, 'observer', false) },
      // A leaked orderer NATS credential: may publish to BLOCKS but holds no orderer key from genesis.
      { name: 'rogue', permissions: (names) => organizationPermissions(names, 'rogue', true) },
    ],
  });
  const { names } = network.net;
  const observer = await connectToOrdering(network.net.extraUsers['observer']!);
  const rogue = await connectToOrdering(network.net.extraUsers['rogue']!);
  const admin = await connectToOrdering(network.net.admin);
  try {
    await load(network, 200, 20);
    const nodes = network.running();
    const head = nodes[0]!.ledger.head();
    const forger = ed25519Suite.generateSigningKey();
    const forged = blockMessageToBytes({
      v: 1,
      header: signBlockHeader({ v: 1, network: network.net.genesis.network, height: head.height + 1, prevHash: head.hash, time: head.time + 1, txRoot: head.logRoot, logSize: head.logSize, logRoot: head.logRoot, orderer: forger.publicKey }, forger),
      txs: [],
      txSeq: 1_000_000,
    });
    const jsm = await jetstreamManager(admin);
    const before = (await jsm.streams.info(names.blocksStream)).state.last_seq;

    // 1. The ordering service refuses a block from a user without orderer rights.
    await assert.rejects(jetstream(observer).publish(names.blocksSubject, forged, { timeout: 2_000 }), 'a non-orderer user cannot publish to BLOCKS');
    await assert.rejects(jetstream(observer).publish(`${names.checkpointSubjectPrefix}.bureau`, '{}', { timeout: 2_000 }), "a node cannot publish another organization's checkpoint");
    await assert.rejects(jsm.streams.info(names.blocksStream).then(() => jetstreamManager(observer)).then((m) => m.streams.purge(names.blocksStream)), 'a node cannot purge BLOCKS');
    assert.equal((await jsm.streams.info(names.blocksStream)).state.last_seq, before, 'nothing reached BLOCKS');

    // 2. With BLOCKS rights but no genesis orderer key, the block reaches the stream and every node rejects it.
    const ack = await jetstream(rogue).publish(names.blocksSubject, forged, { timeout: 5_000 });
    assert.ok(ack.seq > before, 'the rogue message is in BLOCKS');
    assert.ok(await eventually(() => nodes.every((node) => node.alerts().some((a) => a.code === 'CONSORTIUM_BLOCK_REJECTED' && a.details['seq'] === ack.seq)), 10_000), 'every node rejects and reports the forged block');
    for (const node of nodes) {
      if (node.ledger.head().height > head.height) assert.notEqual(node.ledger.getBlock(head.height + 1).header.orderer, forger.publicKey, `${node.organization} did not commit the forged block`);
    }

    // 3. The chain goes on, one and the same everywhere.
    await load(network, 200, 20);
    const target = maxHeight(nodes);
    assert.ok(await eventually(() => nodes.every((node) => node.ledger.head().height === target), 10_000));
    const reference = chainOf(nodes[0]!);
    for (const node of nodes.slice(1)) assert.deepEqual(chainOf(node), reference, `${node.organization} agrees`);
    for (const block of nodes[0]!.ledger.listBlocks(1, target)) assert.ok(network.net.genesis.orderers.includes(block.header.orderer), `block ${block.header.height} is signed by a genesis orderer`);
  } finally {
    await Promise.all([observer.close(), rogue.close(), admin.close()]);
    await network.close();
  }
});
