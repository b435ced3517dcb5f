import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { defaultApiOptions } from '../../../src/api/app.ts';
import { defaultConsoleOptions } from '../../../src/api/routes/console.ts';
import { bytesToHex, utf8ToBytes } from '../../../src/crypto/bytes.ts';
import { ed25519Suite } from '../../../src/crypto/ed25519-suite.ts';
import type { TransactionProof } from '../../../src/ledger/proof.ts';
import { signTransaction, type SignedTransaction } from '../../../src/ledger/transaction.ts';
import { initDataDir } from '../../../src/node/data-dir.ts';
import { defaultNodeOptions } from '../../../src/node/node.ts';
import { serveNode, type ServingNode } from '../../../src/node/serve.ts';
import { defaultAdmissionPoolOptions } from '../../../src/node/admission-pool.ts';

/**
 * A real node serving the API and the built console on a free loopback
 * port, in a temp data directory that `close` removes.
 */
export async function startConsoleNode() {
  if (!existsSync(join(defaultConsoleOptions.root, 'index.html'))) {
    throw new Error(`the console is not built (${defaultConsoleOptions.root}): run \`npm run build:web\` (npm test does it first)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'custos-browser-'));
  const genesis = initDataDir(dir, { network: 'browser-net', title: 'Browser test network', suite: 'ed25519-sha256', time: Date.now() - 1000 });
  const serving: ServingNode = await serveNode(
    {
      node: { ...defaultNodeOptions, dataDir: dir, solo: { maxTransactionsPerBlock: 100, maxWaitMs: 5 }, admission: { ...defaultAdmissionPoolOptions, workers: 1, batchSize: 16 }, store: { ...defaultNodeOptions.store, durability: 'normal', cacheMiB: 16 } },
      api: defaultApiOptions,
      host: '127.0.0.1',
      port: 0,
    },
    pino({ level: 'silent' }),
  );
  const member = ed25519Suite.generateSigningKey();
  let counter = 0;

  /** Anchors a document's hash and waits until its block is committed. */
  async function anchor(title: string): Promise<{ txId: string; height: number; documentHash: string; tx: SignedTransaction }> {
    counter += 1;
    const documentHash = bytesToHex(ed25519Suite.hash(utf8ToBytes(`${title} ${counter} ${Math.random()}`)));
    const tx = signTransaction(
      { v: 1, network: genesis.network, contract: 'notary', fn: 'anchor', args: { hash: documentHash, title, type: 'court.ruling' }, signer: member.publicKey, nonce: `browser-${counter}`, ts: Date.now() },
      member,
    );
    const response = await fetch(`${serving.url}/v1/transactions?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tx) });
    const body = (await response.json()) as { txId: string; status: string; height: number };
    if (body.status !== 'committed') throw new Error(`anchor not committed: ${JSON.stringify(body)}`);
    return { txId: body.txId, height: body.height, documentHash, tx };
  }

  async function proof(txId: string): Promise<TransactionProof> {
    return (await (await fetch(`${serving.url}/v1/transactions/${txId}/proof`)).json()) as TransactionProof;
  }

  return {
    url: serving.url,
    genesis,
    anchor,
    proof,
    async close() {
      await serving.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ConsoleNode = Awaited<ReturnType<typeof startConsoleNode>>;
