import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { pino } from 'pino';
import { bytesToHex, utf8ToBytes } from '../../../src/crypto/bytes.ts';
import { ed25519Suite } from '../../../src/crypto/ed25519-suite.ts';
import type { SigningKey } from '../../../src/crypto/suite.ts';
import { signTransaction, type SignedTransaction, type TransactionBody } from '../../../src/ledger/transaction.ts';
import { defaultConsortiumNodeOptions, startConsortiumNode, type ConsortiumNode, type ConsortiumNodeOptions } from '../../../src/node/consortium/consortium-node.ts';
import { createLocalNetwork, type LocalNetwork, type LocalNetworkOptions } from '../../../src/node/consortium/launcher/create-local-network.ts';
import { findNatsServer } from '../../../src/node/consortium/launcher/nats-cluster.ts';
import { builtInContracts } from '../../../src/node/serve.ts';
import { defaultAdmissionPoolOptions } from '../../../src/node/admission-pool.ts';

/** Skips the test when nats-server is missing, except under CI=true, where that is a failure. */
export function natsServerOrSkip(t: TestContext): boolean {
  if (findNatsServer() !== undefined) return true;
  if (process.env['CI'] === 'true') throw new Error('nats-server is not installed; CI needs it (apt-get install nats-server)');
  t.skip('nats-server is not installed (apt-get install nats-server); consortium tests skipped');
  return false;
}

export const testNodeOptions = (overrides: Partial<ConsortiumNodeOptions> = {}): Omit<ConsortiumNodeOptions, 'dataDir' | 'nats'> => ({
  ...defaultConsortiumNodeOptions,
  cutter: { maxTransactionsPerBlock: 500, maxWaitMs: 20, maxBlockBytes: 4 * 1024 * 1024 },
  admission: { ...defaultAdmissionPoolOptions, workers: 1, batchSize: 64 },
  store: { ...defaultConsortiumNodeOptions.store, durability: 'normal', cacheMiB: 16, txIdMergeThreshold: 50, stateKeyMergeThreshold: 40 },
  cursorWriteEveryMs: 200,
  ...overrides,
});

export interface TestNetwork {
  net: LocalNetwork;
  nodes: (ConsortiumNode | undefined)[];
  start(i: number, overrides?: Partial<ConsortiumNodeOptions>): Promise<ConsortiumNode>;
  node(i: number): ConsortiumNode;
  running(): ConsortiumNode[];
  anchor(key?: SigningKey): SignedTransaction;
  close(): Promise<void>;
}

let counter = 0;
const member = ed25519Suite.generateSigningKey();

/** A consortium on loopback in a temp dir; nodes run in this process, NATS servers as real processes. */
export async function startTestNetwork(options: Partial<LocalNetworkOptions> & { startNodes?: number } = {}): Promise<TestNetwork> {
  const dir = mkdtempSync(join(tmpdir(), 'custos-consortium-'));
  const net = await createLocalNetwork({ dir, orgs: 4, natsServers: 3, network: 'consortium-test', provision: {}, detached: false, apiBasePort: 0, ...options });
  const nodes: (ConsortiumNode | undefined)[] = net.organizations.map(() => undefined);
  const logger = pino({ level: process.env['CUSTOS_TEST_LOG'] ?? 'silent' });
  const network: TestNetwork = {
    net,
    nodes,
    async start(i, overrides = {}) {
      const org = net.organizations[i]!;
      const node = await startConsortiumNode({ ...testNodeOptions(overrides), dataDir: org.dataDir, nats: org.nats }, { contracts: builtInContracts, logger: logger.child({ test: org.id }), now: Date.now });
      nodes[i] = node;
      return node;
    },
    node(i) {
      const node = nodes[i];
      if (node === undefined) throw new Error(`node ${i} is not running`);
      return node;
    },
    running: () => nodes.filter((node): node is ConsortiumNode => node !== undefined),
    anchor(key = member) {
      counter += 1;
      const body: TransactionBody = {
        v: 1,
        network: net.genesis.network,
        contract: 'notary',
        fn: 'anchor',
        args: { hash: bytesToHex(ed25519Suite.hash(utf8ToBytes(`consortium doc ${counter} ${Math.random()}`))), title: `Document ${counter}`, type: 'test.doc' },
        signer: key.publicKey,
        nonce: `c${counter}x${Math.floor(Math.random() * 1e9)}`,
        ts: Date.now(),
      };
      return signTransaction(body, key);
    },
    async close() {
      await Promise.all(nodes.map((node) => node?.stop().catch(() => undefined)));
      await net.cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (let i = 0; i < (options.startNodes ?? net.organizations.length); i++) await network.start(i);
  return network;
}

/** Polls until `check` holds or `timeoutMs` passes; returns whether it held. */
export async function eventually(check: () => boolean, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return check();
}

/** Submits `count` anchors spread over the running nodes, `inFlight` at a time, waiting for commit. Returns committed txIds. */
export async function load(network: TestNetwork, count: number, inFlight: number, opts: { tolerateErrors?: boolean } = {}): Promise<{ committed: string[]; errors: number }> {
  const committed: string[] = [];
  let errors = 0;
  let next = 0;
  async function lane(): Promise<void> {
    while (next < count) {
      next += 1;
      const nodes = network.running().filter((node) => node.isHealthy());
      const node = nodes[next % Math.max(1, nodes.length)];
      if (node === undefined) {
        errors += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      try {
        const outcome = await node.submit(network.anchor(), { wait: true, timeoutMs: 30_000 });
        if (outcome.status === 'committed') committed.push(outcome.txId);
      } catch (error) {
        if (!opts.tolerateErrors) throw error;
        errors += 1;
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, lane));
  return { committed, errors };
}

/** Heights, block hashes and checkpoint state roots of every block of a node. */
export function chainOf(node: ConsortiumNode): { height: number; hash: string; stateRoot: string | undefined }[] {
  const head = node.ledger.head().height;
  return node.ledger.listBlocks(1, head).map((block) => ({ height: block.header.height, hash: block.hash, stateRoot: node.ownCheckpointAt(block.header.height)?.stateRoot }));
}

/** Keeps `inFlight` submissions going (errors tolerated) until stopped; reports what was acknowledged as committed. */
export function backgroundLoad(network: TestNetwork, inFlight: number, timeoutMs = 20_000) {
  let running = true;
  const committed: string[] = [];
  let errors = 0;
  let i = 0;
  async function lane(): Promise<void> {
    while (running) {
      i += 1;
      const nodes = network.running().filter((node) => node.isHealthy());
      const node = nodes[i % Math.max(1, nodes.length)];
      if (node === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      try {
        const outcome = await node.submit(network.anchor(), { wait: true, timeoutMs });
        if (outcome.status === 'committed') committed.push(outcome.txId);
      } catch {
        errors += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }
  const lanes = Promise.all(Array.from({ length: inFlight }, lane));
  return {
    committed,
    errors: () => errors,
    async stop(): Promise<{ committed: string[]; errors: number }> {
      running = false;
      await lanes;
      return { committed, errors };
    },
  };
}

/** The highest height every running node holds, and whether their blocks up to it are identical. */
export function commonPrefixAgrees(nodes: ConsortiumNode[]): { height: number; agrees: boolean } {
  const height = Math.min(...nodes.map((node) => node.ledger.head().height));
  if (height === 0) return { height, agrees: true };
  const hashes = nodes.map((node) => node.ledger.getBlock(height).hash);
  return { height, agrees: hashes.every((hash) => hash === hashes[0]) };
}

export const maxHeight = (nodes: ConsortiumNode[]) => Math.max(...nodes.map((node) => node.ledger.head().height));
