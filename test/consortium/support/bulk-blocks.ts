import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager, type PubAck } from '@nats-io/jetstream';
import { ed25519Suite } from '../../../src/crypto/ed25519-suite.ts';
import { admitTransaction } from '../../../src/ledger/admission.ts';
import { blockHash } from '../../../src/ledger/block-header.ts';
import { openLedger } from '../../../src/ledger/ledger.ts';
import type { SignedTransaction } from '../../../src/ledger/transaction.ts';
import { defaultTransactionLimits } from '../../../src/ledger/transaction.ts';
import { blockMessageToBytes, decodeBlockMessage, type BlockMessage } from '../../../src/ordering/nats/block-message.ts';
import { connectToOrdering, type NatsConnectionOptions } from '../../../src/ordering/nats/nats-connection.ts';
import { natsNamesFor } from '../../../src/ordering/nats/nats-names.ts';
import { openDataDir } from '../../../src/node/data-dir.ts';
import { createNodeRuntime } from '../../../src/node/node-runtime.ts';
import { builtInContracts } from '../../../src/node/serve.ts';

export interface BulkBlocksOptions {
  /** Data directory of an organization with an orderer key in genesis: its key signs the blocks. */
  ordererDataDir: string;
  /** That organization's NATS credentials (orderer rights on BLOCKS). */
  nats: NatsConnectionOptions;
  /** A stopped node's ledger file at the head of BLOCKS: copied, and the copy builds the headers. */
  ledgerAtHead: string;
  count: number;
  makeTransaction(): SignedTransaction;
  /** Publications awaiting their acknowledgement at once. */
  window?: number;
}

/**
 * Publishes `count` one-transaction blocks to BLOCKS exactly as a cutter
 * would — headers built by a ledger at the chain's head and signed by a
 * genesis orderer key, each published with *expected last sequence* — but
 * without the live cutter's per-block round trips. PERF: publications are
 * pipelined (`window` in flight); the stream still accepts block *n* only
 * if it ends at *n − 1*, so one failure fails the rest and nothing forks.
 * Blocks carry the last block's `txSeq`: they read nothing from TX.
 */
export async function publishBlocksInBulk(options: BulkBlocksOptions): Promise<{ seconds: number; lastHeight: number }> {
  const started = performance.now();
  const dataDir = openDataDir(options.ordererDataDir);
  const { genesis } = dataDir;
  if (dataDir.ordererKey === undefined || !genesis.orderers.includes(dataDir.ordererKey.publicKey)) throw new Error(`${options.ordererDataDir} holds no orderer key of genesis`);
  const ordererKey = dataDir.ordererKey;
  const names = natsNamesFor(genesis.network);
  const scratchDir = mkdtempSync(join(tmpdir(), 'custos-bulk-blocks-'));
  const scratchPath = join(scratchDir, 'ledger.sqlite');
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(options.ledgerAtHead + suffix)) copyFileSync(options.ledgerAtHead + suffix, scratchPath + suffix);
  const { executor } = createNodeRuntime(genesis, builtInContracts);
  const ledger = openLedger({ path: scratchPath, genesis, executor, nodeKey: ed25519Suite.generateSigningKey(), store: { durability: 'normal' } });
  const nc = await connectToOrdering(options.nats);
  try {
    const jsm = await jetstreamManager(nc, { timeout: 10_000 });
    const info = await jsm.streams.info(names.blocksStream);
    let lastSeq = info.state.last_seq;
    const last = decodeBlockMessage((await jsm.streams.getMessage(names.blocksStream, { seq: lastSeq }))!.data);
    if (last === undefined || last.header.height !== ledger.head().height || blockHash(ledger.suite, last.header) !== ledger.head().hash) {
      throw new Error(`the ledger copy (height ${ledger.head().height}) is not at the head of BLOCKS (height ${last?.header.height})`);
    }
    const js = jetstream(nc, { timeout: 30_000 });
    const context = { suite: ledger.suite, network: genesis.network, limits: defaultTransactionLimits };
    const inFlight: { seq: number; ack: Promise<PubAck> }[] = [];
    const settle = async (entry: { seq: number; ack: Promise<PubAck> }) => {
      const ack = await entry.ack;
      if (ack.seq !== entry.seq) throw new Error(`block stored as BLOCKS message ${ack.seq}, expected ${entry.seq}`);
    };
    for (let i = 0; i < options.count; i++) {
      const admitted = admitTransaction(options.makeTransaction(), context);
      // The same header a cutter's proposeHeader would sign; PERF: built and committed in one SQL transaction.
      const { header } = ledger.commitProposal({ transactions: [admitted], time: Date.now() }, ordererKey);
      const message: BlockMessage = { v: 1, header, txs: [admitted.canonical], txSeq: last.txSeq };
      const ack = js.publish(names.blocksSubject, blockMessageToBytes(message), { expect: { lastSequence: lastSeq, streamName: names.blocksStream }, timeout: 30_000 });
      ack.catch(() => undefined); // reported when its turn comes
      lastSeq += 1;
      inFlight.push({ seq: lastSeq, ack });
      if (inFlight.length >= (options.window ?? 256)) await settle(inFlight.shift()!);
    }
    for (const entry of inFlight) await settle(entry);
    return { seconds: (performance.now() - started) / 1000, lastHeight: ledger.head().height };
  } finally {
    await nc.close();
    ledger.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
