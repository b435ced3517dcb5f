import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { canonicalize } from '../../crypto/canonical-json.ts';
import { verifyCheckpointSignature, type Checkpoint } from '../../ledger/checkpoint.ts';
import type { Ledger } from '../../ledger/ledger.ts';
import type { NatsNames } from '../../ordering/nats/nats-names.ts';
import { defaultStreamReaderTiming, readStream, type StreamReader } from '../../ordering/nats/stream-reader.ts';
import type { Consortium } from './consortium-config.ts';

export interface CheckpointFeedModules {
  nc: NatsConnection;
  names: NatsNames;
  consortium: Consortium;
  ledger: Ledger;
  log: Logger;
  /** This node's organization and checkpoint key. */
  selfId: string;
  nodeKey: string;
  network: string;
  /** The CHECKPOINTS stream position, advanced as batches are stored (the cursor file saves it). */
  position: { checkpointsSeq: number };
  flushMs: number;
  ownCheckpointAt(height: number): Checkpoint | undefined;
  /** False once the node has stopped or failed: it then stores nothing more. */
  isWriting(): boolean;
  isStopped(): boolean;
  /** Counts a checked checkpoint toward finality. */
  count(org: string, checkpoint: Checkpoint): void;
  fail(error: unknown, message: string): void;
}

interface Received {
  subject: string;
  seq: number;
  checkpoint: Checkpoint;
}

/**
 * Follows the CHECKPOINTS stream: checks each organization's checkpoint
 * (its subject names the only key that may sign it), stores other
 * organizations' checkpoints in batches and counts every checked one toward
 * finality. Each signature is verified once: by the ledger as it stores one,
 * here when the node no longer writes or for a checkpoint under this node's
 * key that is not the one it stored.
 */
export async function startCheckpointFeed(modules: CheckpointFeedModules): Promise<{ messages: StreamReader; done: Promise<void> }> {
  const { names, consortium, ledger, log, position } = modules;

  /** PERF: this node's own checkpoint coming back, identical to the one it signed and stored, needs no signature check. */
  function isSignedHere(checkpoint: Checkpoint): boolean {
    if (checkpoint.signer !== modules.nodeKey || !Number.isSafeInteger(checkpoint.height)) return false;
    const own = modules.ownCheckpointAt(checkpoint.height);
    try {
      return own !== undefined && canonicalize(own) === canonicalize(checkpoint);
    } catch {
      return false; // not canonicalizable: not ours; the signature check decides
    }
  }

  function record(batch: readonly Received[]): void {
    const accepted: { org: string; checkpoint: Checkpoint; store: boolean }[] = [];
    for (const { subject, seq, checkpoint } of batch) {
      const org = consortium.organization(subject.slice(names.checkpointSubjectPrefix.length + 1));
      const store = org !== undefined && org.id !== modules.selfId && modules.isWriting();
      if (org === undefined || checkpoint === null || typeof checkpoint !== 'object' || checkpoint.signer !== org.nodeKey || checkpoint.network !== modules.network || (!store && !isSignedHere(checkpoint) && !verifyCheckpointSignature(ledger.suite, checkpoint))) {
        log.warn({ subject, seq }, 'checkpoint ignored: wrong signer for its subject or bad signature');
        continue;
      }
      accepted.push({ org: org.id, checkpoint, store });
    }
    const refused = new Set(ledger.recordCheckpoints(accepted.filter((a) => a.store).map((a) => a.checkpoint)).map((r) => r.checkpoint));
    for (const { org, checkpoint } of accepted) {
      if (refused.has(checkpoint)) {
        log.warn({ org, height: checkpoint.height }, 'checkpoint ignored: bad signature');
        continue;
      }
      modules.count(org, checkpoint);
    }
  }

  const messages = readStream(modules.nc, {
    ...defaultStreamReaderTiming,
    stream: names.checkpointsStream,
    fromSeq: position.checkpointsSeq + 1,
    maxMessages: 1024,
    onRestart: (reason, fromSeq) => log.warn({ reason, fromSeq }, 'reading CHECKPOINTS again'),
    onNotice: (notice) => log.debug({ notice }, 'CHECKPOINTS consumer notice'),
  });
  const done = (async () => {
    let batch: Received[] = [];
    let lastSeq = position.checkpointsSeq;
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (modules.isStopped()) return;
      record(batch);
      position.checkpointsSeq = lastSeq;
      batch = [];
    };
    for await (const m of messages) {
      lastSeq = m.seq;
      try {
        batch.push({ subject: m.subject, seq: m.seq, checkpoint: m.json<Checkpoint>() });
      } catch {
        // not JSON: skipped like any other invalid checkpoint
      }
      // PERF: checkpoints are stored in one SQL transaction (one fsync) per 512 or per flushMs,
      // not one autocommit each; a block is declared final at most that much later.
      if (batch.length >= 512) flush();
      else timer ??= setTimeout(flush, modules.flushMs);
    }
    clearTimeout(timer);
  })().catch((error: unknown) => {
    if (!modules.isStopped()) modules.fail(error, 'checkpoint feed failed');
  });
  return { messages, done };
}
