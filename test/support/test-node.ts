import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildApi, defaultApiOptions } from '../../src/api/app.ts';
import { ed25519Suite } from '../../src/crypto/ed25519-suite.ts';
import { bytesToHex, utf8ToBytes } from '../../src/crypto/bytes.ts';
import type { SigningKey } from '../../src/crypto/suite.ts';
import { signTransaction, type SignedTransaction, type TransactionBody } from '../../src/ledger/transaction.ts';
import { initDataDir } from '../../src/node/data-dir.ts';
import { defaultNodeOptions, startNode, type CustosNode } from '../../src/node/node.ts';
import { builtInContracts } from '../../src/node/serve.ts';
import { defaultAdmissionPoolOptions } from '../../src/node/admission-pool.ts';

/** A real node in a temp directory with its API (not listening: use app.inject), for tests. */
export async function startTestNode(options: { now?: () => number; maxWaitMs?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'custos-test-'));
  const now = options.now ?? Date.now;
  const genesis = initDataDir(dir, { network: 'test-net', title: 'test', suite: 'ed25519-sha256', time: now() - 1000 });
  const node: CustosNode = await startNode(
    { ...defaultNodeOptions, dataDir: dir, solo: { maxTransactionsPerBlock: 500, maxWaitMs: options.maxWaitMs ?? 5 }, admission: { ...defaultAdmissionPoolOptions, workers: 1, batchSize: 64 }, store: { ...defaultNodeOptions.store, durability: 'normal', cacheMiB: 16, txIdMergeThreshold: 50, stateKeyMergeThreshold: 40 } },
    { contracts: builtInContracts, logger: pino({ level: 'silent' }), now },
  );
  const app = await buildApi(node, defaultApiOptions, false);
  const member = ed25519Suite.generateSigningKey();
  let counter = 0;
  return {
    dir,
    genesis,
    node,
    app,
    member,
    /** A fresh, valid, signed notary anchor. */
    anchor(overrides: Partial<TransactionBody> = {}, key: SigningKey = member): SignedTransaction {
      counter += 1;
      const body: TransactionBody = {
        v: 1,
        network: genesis.network,
        contract: 'notary',
        fn: 'anchor',
        args: { hash: bytesToHex(ed25519Suite.hash(utf8ToBytes(`doc ${counter} ${Math.random()}`))), title: `Document ${counter}`, type: 'test.doc' },
        signer: key.publicKey,
        nonce: `n${counter}`,
        ts: now(),
        ...overrides,
      };
      return signTransaction(body, key);
    },
    async close() {
      await app.close();
      await node.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestNode = Awaited<ReturnType<typeof startTestNode>>;
