import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createLocalNetwork } from '../../src/node/consortium/launcher/create-local-network.ts';
import { connectToOrdering } from '../../src/ordering/nats/nats-connection.ts';
import { readStream } from '../../src/ordering/nats/stream-reader.ts';
import { eventually, natsServerOrSkip } from './support/test-network.ts';

// The server that hosts a reading consumer is the one whose death used to stall
// a node's feed for good; killing exactly that one makes the case certain.
test('a stream reader keeps reading, in order with no gap or duplicate, when the server hosting its consumer is killed', { timeout: 180_000 }, async (t) => {
  if (!natsServerOrSkip(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'custos-reader-'));
  const net = await createLocalNetwork({ dir, orgs: 1, natsServers: 3, network: 'reader-test', provision: {}, detached: false, apiBasePort: 0 });
  const nc = await connectToOrdering(net.admin);
  const restarts: string[] = [];
  const notices: string[] = [];
  const reader = readStream(nc, {
    stream: net.names.txStream,
    fromSeq: 1,
    maxMessages: 64,
    expiresMs: 2_000,
    stallMs: 4_000,
    onRestart: (reason, fromSeq) => restarts.push(`${fromSeq}: ${reason}`),
    onNotice: (notice) => notices.push(notice.type),
  });
  const received: number[] = [];
  const reading = (async () => {
    for await (const message of reader) received.push(message.seq);
  })();
  let publishing = true;
  const publisher = (async () => {
    const pub = await connectToOrdering(net.organizations[0]!.nats);
    const js = jetstream(pub, { timeout: 2_000 });
    for (let i = 0; publishing; i++) {
      await js.publish(net.names.txSubject, `message ${i}`, { msgID: `m${i}` }).catch(() => (i -= 1));
      await sleep(20);
    }
    await pub.close();
  })();
  try {
    assert.ok(await eventually(() => received.length >= 20, 30_000), 'the reader reads before any failure');
    const host = (await reader.info()).cluster?.leader;
    const victim = net.cluster.servers.find((server) => server.name === host);
    assert.ok(victim !== undefined, `the consumer's server is known (${host})`);
    const before = received.length;
    await victim.kill();
    assert.ok(await eventually(() => received.length >= before + 50, 60_000), `reading goes on after ${host} died (had ${before}, now ${received.length}; restarts: ${restarts.join(' | ')})`);
    publishing = false;
    await publisher;
    const last = (await (await jetstreamManager(nc, { timeout: 5_000 })).streams.info(net.names.txStream)).state.last_seq;
    assert.ok(await eventually(() => received.at(-1) === last, 30_000), `the reader reaches the stream's last message ${last}`);
    assert.deepEqual(received, Array.from({ length: last }, (_, i) => i + 1), 'every message once, in order');
    assert.ok(restarts.length > 0, 'the reader noticed the dead consumer and started over');
    // Every pull sends a 'next' and most expire with a 'discard': were they passed on, the logs would drown.
    assert.deepEqual(notices.filter((type) => ['heartbeat', 'next', 'discard', 'debug'].includes(type)), [], `only notable notices reach the caller (got ${notices.join(', ')})`);
  } finally {
    publishing = false;
    await publisher.catch(() => undefined);
    await reader.close();
    await reading;
    await nc.close();
    await net.cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
