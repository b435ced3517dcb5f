import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ed25519Suite } from '../../src/crypto/ed25519-suite.ts';
import { signCheckpoint, type Checkpoint } from '../../src/ledger/checkpoint.ts';
import { decodeGenesis, defaultTxWindow } from '../../src/ledger/genesis.ts';
import { openLedger } from '../../src/ledger/ledger.ts';
import { createNodeRuntime } from '../../src/node/node-runtime.ts';
import { builtInContracts } from '../../src/node/serve.ts';

const newKey = () => ed25519Suite.generateSigningKey();
const [self, other, third, stranger] = [newKey(), newKey(), newKey(), newKey()];
const orderer = ed25519Suite.generateSigningKey();
const genesis = decodeGenesis({ v: 1, network: 'checkpoints-test', title: 't', suite: ed25519Suite.id, time: Date.now() - 1_000, orderers: [orderer.publicKey], nodes: [self.publicKey, other.publicKey, third.publicKey], txWindow: defaultTxWindow, extensions: {} });

function checkpoint(height: number, key = other, network = genesis.network): Checkpoint {
  return signCheckpoint({ v: 1, network, height, blockHash: 'ab'.repeat(32), resultsRoot: 'cd'.repeat(32), stateRoot: 'ef'.repeat(32), signer: key.publicKey }, key);
}

test('recordCheckpoints stores a batch in one go with the same checks as recordCheckpoint, and names what it refused', () => {
  const ledger = openLedger({ path: ':memory:', genesis, executor: createNodeRuntime(genesis, builtInContracts).executor, nodeKey: self });
  try {
    const forged = { ...checkpoint(2), stateRoot: '00'.repeat(32) };
    const batch = [checkpoint(1), checkpoint(1, third), forged, checkpoint(3, stranger), checkpoint(4, other, 'elsewhere'), checkpoint(5)];
    const refused = ledger.recordCheckpoints(batch);
    assert.deepEqual(
      refused.map((r) => [r.checkpoint, r.reason]),
      [
        [forged, 'checkpoint signature does not verify'],
        [batch[3], 'checkpoint signer is not a node of this network'],
        [batch[4], 'checkpoint is for another network'],
      ],
    );
    for (const [i, expected] of [batch[0], batch[1], batch[5]].entries()) {
      const stored = ledger.checkpointsAt(expected!.height).find((c) => c.signer === expected!.signer);
      assert.deepEqual(stored, expected, `accepted checkpoint ${i} is stored as signed`);
    }
    assert.equal(ledger.checkpointsAt(2).length, 0, 'the forged one is not stored');
    assert.equal(ledger.checkpointsAt(3).length, 0, "the stranger's is not stored");
    assert.deepEqual(ledger.recordCheckpoints([]), [], 'an empty batch is fine');
  } finally {
    ledger.close();
  }
});
