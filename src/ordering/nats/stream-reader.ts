import { DeliverPolicy, jetstream, jetstreamManager, type ConsumerInfo, type ConsumerMessages, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

export interface StreamReaderOptions {
  stream: string;
  /** The first stream sequence to deliver. */
  fromSeq: number;
  /** Messages asked for per pull. */
  maxMessages: number;
  /** How long one pull request lives; the server sends an idle heartbeat every half of it. */
  expiresMs: number;
  /** Start over when neither a message nor a heartbeat arrived for this long. */
  stallMs: number;
  /** Called each time the reader starts over, with why and where from. */
  onRestart?(reason: string, fromSeq: number): void;
  /** What the client library reports about the consumer (missed heartbeats, resets, …), for the logs; routine pulls and heartbeats are left out. */
  onNotice?(notice: StreamNotice): void;
}

/** A client-library notice about a reading consumer: its type, and what the library adds to it. */
export interface StreamNotice {
  type: string;
  [detail: string]: unknown;
}

/** Library notices that say all is well: a pull sent ('next'), a pull ended before it filled ('discard'), and 'debug', which here is each ended pull's 408. */
const routineNotices = new Set(['next', 'discard', 'debug']);

/**
 * WHY 2 s pulls: now and then a consumer gets no messages until the library,
 * missing two idle heartbeats (half the pull expiry each), re-pulls: a pause
 * of about the pull expiry, seen 1–3 times per consortium bench run on a
 * loaded 2-core host. 1 s pulls shortened each pause but made them twice as
 * frequent, and the consortium's p99 got worse (docs/PERFORMANCE.md).
 */
export const defaultStreamReaderTiming = { expiresMs: 2_000, stallMs: 6_000 };

export interface StreamReader extends AsyncIterable<JsMsg> {
  /** The server-side consumer currently reading (its `cluster.leader` is the server hosting it). */
  info(): Promise<ConsumerInfo>;
  /** Ends the iteration; resolves once the current consumer is closed. */
  close(): Promise<void>;
}

/**
 * Reads a JetStream stream in order from a sequence, through any failure of
 * the server that hosts the reading consumer.
 *
 * WHY: an ordered consumer is a single-replica ephemeral consumer living on
 * one server. When that server dies, the client library keeps asking the
 * dead consumer for its info and never re-creates it, so the iterator
 * neither yields nor ends (reproduced with nats-server 2.10 and
 * @nats-io/jetstream 3.4: a node's TX or BLOCKS feed stalled for good when
 * one of three servers was killed). This reader watches for messages and
 * idle heartbeats itself and, when both stop for `stallMs` (or heartbeats
 * go on but the stream holds messages that do not come), closes the
 * consumer and opens a new one at the sequence after the last message it
 * delivered: no gap and no duplicate, whichever server dies.
 *
 * Time spent by the caller on a delivered message does not count as a stall.
 * The reader ends when it is closed or when its connection is closed for good.
 */
export function readStream(nc: NatsConnection, options: StreamReaderOptions): StreamReader {
  const js = jetstream(nc, { timeout: 5_000 });
  let closed = false;
  let current: ConsumerMessages | undefined;
  let currentInfo: (() => Promise<ConsumerInfo>) | undefined;
  let wakeBackoff: (() => void) | undefined;
  let nextSeq = options.fromSeq;
  let manager: Promise<JetStreamManager> | undefined;

  async function streamLastSeq(): Promise<number> {
    // One manager for the reader's life; a failed one is forgotten so the next check tries again.
    manager ??= jetstreamManager(nc, { timeout: 5_000 }).catch((error: unknown) => {
      manager = undefined;
      throw error;
    });
    return (await (await manager).streams.info(options.stream)).state.last_seq;
  }

  async function* messages(): AsyncGenerator<JsMsg> {
    let failures = 0;
    while (!closed && !nc.isClosed()) {
      let reason = 'the consumer ended';
      let lastMessage = Date.now();
      let lastHeartbeat = Date.now();
      let lastLagCheck = 0;
      let holding = false;
      let watchdog: NodeJS.Timeout | undefined;
      try {
        const consumer = await js.consumers.get(options.stream, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: nextSeq });
        const reading = await consumer.consume({ max_messages: options.maxMessages, expires: options.expiresMs });
        current = reading;
        currentInfo = () => consumer.info(true);
        if (closed) break;
        void (async () => {
          for await (const status of reading.status()) {
            if (status.type === 'heartbeat') lastHeartbeat = Date.now();
            else if (!routineNotices.has(status.type)) options.onNotice?.(status);
          }
        })().catch(() => undefined);
        const restart = (why: string) => {
          reason = why;
          void reading.close().catch(() => undefined);
        };
        const quiet = () => !holding && Date.now() - lastMessage > options.stallMs;
        watchdog = setInterval(() => {
          if (!quiet()) return;
          if (Date.now() - lastHeartbeat > options.stallMs) return restart(`no message or heartbeat for ${options.stallMs} ms`);
          // Heartbeats alone do not prove delivery: a consumer can stay alive yet stuck behind the
          // stream after its servers lost and regained quorum. Ask the stream (its leader) now and then.
          if (Date.now() - lastLagCheck < options.stallMs) return;
          lastLagCheck = Date.now();
          const expected = nextSeq;
          void streamLastSeq()
            .then((last) => {
              if (last >= expected && nextSeq === expected && quiet()) restart(`the stream holds message ${last} but none past ${expected - 1} came for ${options.stallMs} ms`);
            })
            .catch(() => undefined);
        }, Math.max(100, Math.floor(options.stallMs / 4)));
        for await (const message of reading) {
          lastMessage = Date.now();
          // After fail-overs a consumer can deliver a message again (seen: 13 after 15); never pass one on twice.
          if (message.seq < nextSeq) continue;
          failures = 0;
          nextSeq = message.seq + 1;
          holding = true;
          yield message;
          holding = false;
          lastMessage = Date.now();
        }
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
        failures += 1;
      } finally {
        clearInterval(watchdog);
        if (current !== undefined) void current.close().catch(() => undefined);
        current = undefined;
        currentInfo = undefined;
      }
      if (closed || nc.isClosed()) break;
      options.onRestart?.(reason, nextSeq);
      // Back off while the cluster cannot even create a consumer (no quorum, no server).
      const backoffMs = Math.min(2_000, 100 * 2 ** Math.min(failures, 5));
      await new Promise<void>((resolve) => {
        wakeBackoff = resolve;
        setTimeout(resolve, backoffMs);
      });
      wakeBackoff = undefined;
    }
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async info() {
      if (currentInfo === undefined) throw new Error(`no consumer is reading ${options.stream} right now`);
      return currentInfo();
    },
    async close() {
      closed = true;
      wakeBackoff?.();
      await current?.close().catch(() => undefined);
    },
  };
}
