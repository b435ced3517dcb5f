import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { isCustosError } from '../../src/errors/custos-error.ts';
import { notaryCollection } from '../../src/runtime/contracts/notary.ts';
import { eventually, natsServerOrSkip, startTestNetwork } from './support/test-network.ts';
import { signTransaction, computeTxId, transactionBody, type SignedTransaction } from '../../src/ledger/transaction.ts';
import { ed25519Suite } from '../../src/crypto/ed25519-suite.ts';
import type { TestNetwork } from './support/test-network.ts';
import type { ConsortiumNode } from '../../src/node/consortium/consortium-node.ts';

const signer = ed25519Suite.generateSigningKey();

function resign(_network: TestNetwork, tx: SignedTransaction): SignedTransaction {
  return signTransaction({ ...transactionBody(tx), signer: signer.publicKey }, signer);
}

function computeId(tx: SignedTransaction, node: ConsortiumNode): string {
  return computeTxId(node.ledger.suite, transactionBody(tx));
}

test('a node whose database was altered is caught at its next checkpoint, stops, and the alert names the height and the nodes', { timeout: 120_000 }, async (t) => {
  if (!natsServerOrSkip(t)) return;
  const network = await startTestNetwork();
  try {
    const [bureau, procuratorate, court, health] = network.running();
    const original = network.anchor();
    await bureau!.submit(original, { wait: true });
    assert.ok(await eventually(() => network.running().every((node) => node.ledger.hasTransaction(computeId(original, bureau!))), 10_000));

    // Someone at the health commission deletes the record behind the node's back …
    const hash = String(original.args['hash']);
    const sideDoor = new Database(join(network.net.organizations[3]!.dataDir, 'ledger.sqlite'));
    assert.equal(sideDoor.prepare('DELETE FROM state WHERE collection = ? AND id = ?').run(notaryCollection, hash).changes, 1);
    sideDoor.close();

    // … and the same hash is anchored again: everyone else refuses, the altered node accepts.
    const again = network.anchor();
    again.args['hash'] = hash;
    const resigned = { ...again, ...resign(network, again) };
    const outcome = await procuratorate!.submit(resigned, { wait: true });
    assert.equal(outcome.result?.status, 'failed', 'honest nodes refuse the re-anchoring');
    const height = outcome.height!;

    assert.ok(await eventually(() => !health!.isHealthy(), 10_000), 'the altered node stops');
    const own = health!.alerts().find((alert) => alert.code === 'CONSORTIUM_DIVERGED');
    assert.ok(own !== undefined, 'the altered node raises a divergence alert');
    assert.equal(own.height, height, 'the alert names the height');
    for (const org of ['bureau', 'procuratorate', 'court', 'health']) assert.ok(own.nodes.includes(org), `the alert names ${org}`);
    assert.ok(await eventually(() => [bureau, procuratorate, court].every((node) => node!.alerts().some((a) => a.code === 'CONSORTIUM_DIVERGED' && a.height === height && a.nodes.includes('health'))), 10_000), 'the honest nodes name the dissenter too');
    for (const node of [bureau, procuratorate, court]) assert.equal(node!.isHealthy(), true, `${node!.organization} keeps running`);
    await assert.rejects(health!.submit(network.anchor()), (error: unknown) => isCustosError(error) && error.code === 'LEDGER_NODE_STOPPED');
    void court;
  } finally {
    await network.close();
  }
});

test('a database edited while its node was down is refused at start-up', { timeout: 120_000 }, async (t) => {
  if (!natsServerOrSkip(t)) return;
  const network = await startTestNetwork();
  try {
    const tx = network.anchor();
    await network.node(0).submit(tx, { wait: true });
    assert.ok(await eventually(() => network.node(2).ledger.head().height >= 1, 10_000));
    await network.node(2).stop();
    network.nodes[2] = undefined;
    const db = new Database(join(network.net.organizations[2]!.dataDir, 'ledger.sqlite'));
    const row = db.prepare<[string], { doc: string }>('SELECT doc FROM state WHERE collection = ?').get(notaryCollection)!;
    db.prepare('UPDATE state SET doc = ? WHERE collection = ?').run(row.doc.replace('Document', 'Forged'), notaryCollection);
    db.close();
    await assert.rejects(network.start(2), (error: unknown) => isCustosError(error) && (error.code as string) === 'CONSORTIUM_STATE_ALTERED' && typeof error.details['height'] === 'number');
  } finally {
    await network.close();
  }
});

