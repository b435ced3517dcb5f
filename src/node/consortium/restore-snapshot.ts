import { closeSync, existsSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { getSuite } from '../../crypto/suites.ts';
import { applySchema, defaultStoreOptions, rebuildDerivedState } from '../../ledger/store/schema.ts';
import { natsNamesFor } from '../../ordering/nats/nats-names.ts';
import { connectToOrdering, type NatsConnectionOptions } from '../../ordering/nats/nats-connection.ts';
import { openDataDir } from '../data-dir.ts';
import { consortiumError } from './consortium-error.ts';
import { readConsortium } from './consortium-config.ts';
import { cursorFile } from './consortium-node.ts';
import { writeCursor } from './ordering-cursor.ts';
import type { SnapshotDescription } from './snapshot-service.ts';
import { verifySnapshot, type VerifiedSnapshot } from './verify-snapshot.ts';

function withDatabase(path: string, work: (db: Database.Database) => void): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    work(db);
  } finally {
    db.close();
  }
}

async function download(nc: NatsConnection, subject: string, path: string): Promise<SnapshotDescription> {
  const opened = (await nc.request(subject, JSON.stringify({ op: 'open' }), { timeout: 60_000 })).json<SnapshotDescription & { error?: string }>();
  if (opened.error !== undefined || typeof opened.id !== 'string') throw consortiumError('CONSORTIUM_SNAPSHOT_UNAVAILABLE', `${subject}: ${opened.error ?? 'bad answer'}`);
  const fd = openSync(path, 'w');
  try {
    let offset = 0;
    while (offset < opened.bytes) {
      const chunk = (await nc.request(subject, JSON.stringify({ op: 'chunk', id: opened.id, offset }), { timeout: 30_000 })).data;
      if (chunk.length === 0) throw consortiumError('CONSORTIUM_SNAPSHOT_UNAVAILABLE', `${subject}: snapshot ended early at byte ${offset}`);
      writeSync(fd, chunk, 0, chunk.length, offset);
      offset += chunk.length;
    }
  } finally {
    closeSync(fd);
  }
  return opened;
}

/**
 * Replaces this node's ledger with a verified snapshot from another
 * organization's node (tried in turn), then lets the node continue from the
 * BLOCKS stream after the snapshot's head. The old ledger is kept beside it
 * (`ledger.sqlite.replaced-<time>`), never deleted: it may be evidence.
 */
export async function restoreSnapshot(dataDirPath: string, nats: NatsConnectionOptions, logger: Logger, fromOrganizations?: string[]): Promise<VerifiedSnapshot & { from: string }> {
  const dataDir = openDataDir(dataDirPath);
  const consortium = readConsortium(dataDir.genesis);
  const self = consortium.organizationOfNode(dataDir.nodeKey.publicKey);
  const names = natsNamesFor(dataDir.genesis.network);
  const suite = getSuite(dataDir.genesis.suite);
  const candidates = fromOrganizations ?? consortium.config.organizations.map((org) => org.id).filter((id) => id !== self?.id);
  const nc = await connectToOrdering(nats);
  const incoming = `${dataDir.ledgerPath}.incoming`;
  const problems: string[] = [];
  try {
    for (const org of candidates) {
      try {
        const description = await download(nc, `${names.snapshotSubjectPrefix}.${org}`, incoming);
        const verified = verifySnapshot(incoming, dataDir.genesis, suite, consortium, description.checkpoints);
        withDatabase(incoming, (db) => {
          applySchema(db, defaultStoreOptions);
          rebuildDerivedState(db);
        });
        for (const suffix of ['', '-wal', '-shm']) {
          if (existsSync(dataDir.ledgerPath + suffix)) renameSync(dataDir.ledgerPath + suffix, `${dataDir.ledgerPath}.replaced-${Date.now()}${suffix}`);
        }
        renameSync(incoming, dataDir.ledgerPath);
        // Without the provider's positions the node reads BLOCKS from its start and skips what it holds.
        if (description.blocksSeq !== undefined && description.txSeq !== undefined) {
          writeCursor(join(dataDirPath, cursorFile), { height: verified.height, blocksSeq: description.blocksSeq, txSeq: description.txSeq, checkpointsSeq: 0 });
        } else {
          rmSync(join(dataDirPath, cursorFile), { force: true });
        }
        logger.info({ from: org, height: verified.height, finalSigners: verified.finalSigners }, 'restored a verified snapshot');
        return { ...verified, from: org };
      } catch (error) {
        problems.push(`${org}: ${error instanceof Error ? error.message : String(error)}`);
        logger.warn({ err: error, from: org }, 'snapshot not usable');
        rmSync(incoming, { force: true });
      }
    }
  } finally {
    await nc.close();
  }
  throw consortiumError('CONSORTIUM_SNAPSHOT_UNAVAILABLE', `no usable snapshot: ${problems.join('; ')}`, { problems });
}
