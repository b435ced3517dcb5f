import { jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AdmittedTransaction } from '../../ledger/admission.ts';
import type { BlockHeader } from '../../ledger/block-header.ts';
import { blockMessageToBytes, type BlockMessage } from './block-message.ts';
import type { NatsNames } from './nats-names.ts';
import { defaultStreamReaderTiming, readStream, type StreamNotice } from './stream-reader.ts';

export interface BlockCutterOptions {
  maxTransactionsPerBlock: number;
  /** Cut at most this long after the first waiting transaction arrived. */
  maxWaitMs: number;
  /** Keep a block's transactions under this many bytes (one NATS message). */
  maxBlockBytes: number;
}

export const defaultBlockCutterOptions: BlockCutterOptions = { maxTransactionsPerBlock: 1000, maxWaitMs: 50, maxBlockBytes: 4 * 1024 * 1024 };

/** Where the node stands in the streams: the last BLOCKS message it processed and the TX position of its head block. */
export interface OrderingPosition {
  blocksSeq: number;
  txSeq: number;
}

export interface BlockCutterModules {
  nc: NatsConnection;
  js: JetStreamClient;
  names: NatsNames;
  now(): number;
  /** Form and signature check (the node's worker pool, or its cache); undefined when the transaction is invalid. */
  admit(canonicalText: string): Promise<AdmittedTransaction | undefined>;
  /** Whether the ledger already holds the transaction. */
  isCommitted(txId: string): boolean;
  /** Signs the header of the block that would follow the node's head with these transactions. */
  propose(transactions: AdmittedTransaction[], time: number): BlockHeader;
  position(): OrderingPosition;
  /** The node commits the block it just published as BLOCKS message `seq`. */
  applyOwn(seq: number, message: BlockMessage, transactions: AdmittedTransaction[]): void;
  onBlockCut(height: number, transactions: number): void;
  onError(error: unknown, what: string): void;
  /** What the client library reports about the TX consumer (missed heartbeats, resets, …), for the logs. */
  onFeedNotice?(notice: StreamNotice): void;
}

interface Waiting {
  seq: number;
  text: string;
  admitted: Promise<AdmittedTransaction | undefined>;
}

/**
 * The block cutter of NATS ordering, run by the node that holds the lease:
 * reads TX in order from the last block's `txSeq + 1`, drops what is invalid
 * or already in the ledger, has the ledger sign the next header and
 * publishes it to BLOCKS only if BLOCKS still ends where this node's chain
 * ends (expected last sequence). If another block got there first it waits
 * to catch up and starts again from that block's `txSeq`.
 */
export function createBlockCutter(options: BlockCutterOptions, modules: BlockCutterModules) {
  const { names } = modules;
  let active = false;
  let generation = 0;
  let running: Promise<void> = Promise.resolve();

  async function streamLastSeq(): Promise<number> {
    const jsm = await jetstreamManager(modules.nc, { timeout: 5_000 });
    return (await jsm.streams.info(names.blocksStream)).state.last_seq;
  }

  /** Waits until the node has processed every BLOCKS message (its feed runs independently). */
  async function waitCaughtUp(mine: number): Promise<boolean> {
    while (active && generation === mine) {
      try {
        const last = await streamLastSeq();
        if (modules.position().blocksSeq >= last) return true;
      } catch (error) {
        modules.onError(error, 'reading BLOCKS stream info');
      }
      await sleep(25);
    }
    return false;
  }

  async function cutRound(mine: number): Promise<void> {
    if (!(await waitCaughtUp(mine))) return;
    const start = modules.position();
    const messages = readStream(modules.nc, {
      ...defaultStreamReaderTiming,
      stream: names.txStream,
      fromSeq: start.txSeq + 1,
      maxMessages: 4096,
      onRestart: (reason, fromSeq) => modules.onError(new Error(reason), `reading TX again from ${fromSeq}`),
      onNotice: (notice) => modules.onFeedNotice?.(notice),
    });
    const queue: Waiting[] = [];
    let firstArrival = 0;
    let wake: (() => void) | undefined;
    let readingEnded = false;
    const reading = (async () => {
      for await (const m of messages) {
        const text = m.string();
        if (queue.length === 0) firstArrival = Date.now();
        queue.push({ seq: m.seq, text, admitted: modules.admit(text) });
        wake?.();
      }
    })()
      .catch((error: unknown) => modules.onError(error, 'reading TX'))
      .finally(() => {
        readingEnded = true;
        wake?.();
      });
    let blocksSeq = start.blocksSeq;
    try {
      // A round whose TX reader ended can never cut again: leave it and start a new one.
      while (active && generation === mine && !readingEnded) {
        if (queue.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, options.maxWaitMs);
          });
          wake = undefined;
          continue;
        }
        const waited = Date.now() - firstArrival;
        if (queue.length < options.maxTransactionsPerBlock && waited < options.maxWaitMs) {
          await sleep(options.maxWaitMs - waited);
          continue;
        }
        const batch = queue.splice(0, options.maxTransactionsPerBlock);
        if (queue.length > 0) firstArrival = Date.now();
        const admitted = await Promise.all(batch.map((item) => item.admitted));
        const transactions: AdmittedTransaction[] = [];
        const texts: string[] = [];
        const seen = new Set<string>();
        let bytes = 0;
        let taken = 0;
        for (let i = 0; i < batch.length; i++) {
          const item = batch[i]!;
          const tx = admitted[i];
          if (bytes + item.text.length > options.maxBlockBytes && transactions.length > 0) break;
          taken = i + 1;
          if (tx === undefined || seen.has(tx.txId) || modules.isCommitted(tx.txId)) continue;
          seen.add(tx.txId);
          transactions.push(tx);
          texts.push(item.text);
          bytes += item.text.length;
        }
        // What did not fit goes back to the front, in order.
        if (taken < batch.length) queue.unshift(...batch.slice(taken));
        const txSeq = batch[taken - 1]!.seq;
        if (transactions.length === 0) continue;
        const header = modules.propose(transactions, modules.now());
        const message: BlockMessage = { v: 1, header, txs: texts, txSeq };
        let seq: number;
        try {
          const ack = await modules.js.publish(names.blocksSubject, blockMessageToBytes(message), { expect: { lastSequence: blocksSeq, streamName: names.blocksStream }, timeout: 5_000 });
          seq = ack.seq;
        } catch (error) {
          // Another cutter's block got there first, or the outcome is unknown
          // (timeout, no quorum): catch up from the stream and start over.
          modules.onError(error, `publishing block ${header.height}`);
          return;
        }
        if (!active || generation !== mine) return;
        modules.applyOwn(seq, message, transactions);
        blocksSeq = seq;
        modules.onBlockCut(header.height, transactions.length);
      }
    } finally {
      await messages.close().catch(() => undefined);
      await reading;
    }
  }

  async function run(mine: number): Promise<void> {
    while (active && generation === mine) {
      try {
        await cutRound(mine);
      } catch (error) {
        modules.onError(error, 'cutting blocks');
        await sleep(100);
      }
    }
  }

  return {
    isActive: () => active,
    /** Starts cutting (the node acquired the lease). */
    start(): void {
      if (active) return;
      active = true;
      generation += 1;
      const mine = generation;
      running = running.then(() => run(mine));
    },
    /** Stops cutting at once (lease lost or node stopping); resolves when the loop has left. */
    async stop(): Promise<void> {
      active = false;
      generation += 1;
      await running;
    },
  };
}

export type BlockCutter = ReturnType<typeof createBlockCutter>;
