import type Database from 'better-sqlite3';
import type { HashFn } from '../../crypto/suite.ts';
import { addDigest, digestSumToHex, stateEntryDigest, stateRootOf, zeroDigestSum } from '../../ledger/state-root.ts';

/**
 * The state root recomputed from a plain scan of the `state` table, as
 * `custos verify` does: it catches a document edited behind the ledger's
 * back, which the incrementally kept sum would not notice.
 * PERF: one hash per document; run at start-up and on snapshots, not per block.
 */
export function recomputeStateRoot(db: Database.Database, hash: HashFn, height: number): { stateRoot: string; sum: string } {
  const sum = zeroDigestSum();
  const rows = db.prepare<[], { collection: string; id: string; doc: string; version: number }>('SELECT collection, id, doc, version FROM state').iterate();
  for (const row of rows) addDigest(sum, stateEntryDigest(hash, row.collection, row.id, row.version, row.doc));
  return { stateRoot: stateRootOf(hash, sum, height), sum: digestSumToHex(sum) };
}
