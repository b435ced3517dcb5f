import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { Checkpoint } from '../../ledger/checkpoint.ts';
import type { Ledger } from '../../ledger/ledger.ts';
import type { NatsNames } from '../../ordering/nats/nats-names.ts';

/** Answer to a snapshot `open` request. */
export interface SnapshotDescription {
  id: string;
  bytes: number;
  chunkBytes: number;
  height: number;
  /** BLOCKS sequence of the snapshot's head block and TX position after it, when the provider knows them. */
  blocksSeq: number | undefined;
  txSeq: number | undefined;
  /** Every checkpoint the provider holds for `height` (its own and the others' it recorded). */
  checkpoints: Checkpoint[];
}

export type SnapshotRequest = { op: 'open' } | { op: 'chunk'; id: string; offset: number };

export const snapshotChunkBytes = 1024 * 1024;

export interface SnapshotServiceModules {
  nc: NatsConnection;
  names: NatsNames;
  orgId: string;
  ledger: Ledger;
  logger: Logger;
  /** The BLOCKS/TX position this node had right after committing `height`, if it still remembers. */
  positionAt(height: number): { blocksSeq: number; txSeq: number } | undefined;
  /** Whether the height is final (its checkpoints then travel with the snapshot). */
  isFinal(height: number): boolean;
}

/**
 * Serves this node's ledger as a snapshot over NATS request/reply
 * (`custos.<net>.snapshot.<org>`): `open` takes an SQLite online backup and
 * describes it; `chunk` returns 1 MiB pieces. The requester trusts none of
 * it: it verifies the snapshot against signed headers and the finality
 * policy's checkpoints before use (verify-snapshot.ts).
 */
export async function startSnapshotService(modules: SnapshotServiceModules) {
  const { nc, names, ledger, logger } = modules;
  const files = new Map<string, { path: string; bytes: number; timer: NodeJS.Timeout }>();
  const subscription: Subscription = nc.subscribe(`${names.snapshotSubjectPrefix}.${modules.orgId}`);

  function forget(id: string): void {
    const file = files.get(id);
    if (file === undefined) return;
    clearTimeout(file.timer);
    files.delete(id);
    rmSync(file.path, { force: true });
  }

  async function open(): Promise<SnapshotDescription> {
    const id = randomBytes(8).toString('hex');
    const path = join(tmpdir(), `custos-snapshot-${modules.orgId}-${id}.sqlite`);
    await ledger.rawDatabase().backup(path);
    const copy = new Database(path, { readonly: true });
    const row = copy.prepare<[], { height: number }>('SELECT height FROM blocks ORDER BY height DESC LIMIT 1').get();
    copy.close();
    const height = row?.height ?? 0;
    const bytes = statSync(path).size;
    files.set(id, { path, bytes, timer: setTimeout(() => forget(id), 5 * 60_000).unref() });
    // The requester accepts only a final head: give the others' checkpoints a moment to arrive.
    for (let waited = 0; height > 0 && !modules.isFinal(height) && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    const position = modules.positionAt(height);
    return { id, bytes, chunkBytes: snapshotChunkBytes, height, blocksSeq: position?.blocksSeq, txSeq: position?.txSeq, checkpoints: height > 0 ? ledger.checkpointsAt(height) : [] };
  }

  function chunk(id: string, offset: number): Uint8Array {
    const file = files.get(id);
    if (file === undefined || !Number.isSafeInteger(offset) || offset < 0 || offset > file.bytes) return new Uint8Array(0);
    const buffer = Buffer.alloc(Math.min(snapshotChunkBytes, file.bytes - offset));
    const fd = openSync(file.path, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, offset);
    } finally {
      closeSync(fd);
    }
    if (offset + buffer.length >= file.bytes) setTimeout(() => forget(id), 10_000).unref();
    return buffer;
  }

  const serving = (async () => {
    for await (const message of subscription) {
      try {
        const request = message.json<SnapshotRequest>();
        if (request.op === 'open') message.respond(JSON.stringify(await open()));
        else if (request.op === 'chunk') message.respond(chunk(request.id, request.offset));
      } catch (error) {
        logger.warn({ err: error }, 'snapshot request failed');
        message.respond(JSON.stringify({ error: 'snapshot failed' }));
      }
    }
  })();

  return {
    async stop(): Promise<void> {
      subscription.unsubscribe();
      await serving.catch(() => undefined);
      for (const id of [...files.keys()]) forget(id);
    },
  };
}

export type SnapshotService = Awaited<ReturnType<typeof startSnapshotService>>;
