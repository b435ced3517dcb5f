import Database from 'better-sqlite3';
import { canonicalize } from '../crypto/canonical-json.ts';
import { isCustosError } from '../errors/custos-error.ts';
import { admitTransaction, type AdmittedTransaction } from '../ledger/admission.ts';
import { blockHash, type BlockHeader } from '../ledger/block-header.ts';
import { verifyCheckpointSignature, type Checkpoint } from '../ledger/checkpoint.ts';
import { openLedger } from '../ledger/ledger.ts';
import { defaultTransactionLimits } from '../ledger/transaction.ts';
import type { Contract } from '../runtime/contract.ts';
import { merkleLevelStride, unstoredLevelKeys } from '../ledger/store/merkle-node-table.ts';
import { storeSchemaVersion } from '../ledger/store/schema.ts';
import { noValue } from '../ledger/store/index-entries.ts';
import { stateKeyIndexProblem, stateKeysThroughKey } from '../ledger/store/state-key-index.ts';
import { txIdIndexProblem, txIdKey, txIdsThroughKey } from '../ledger/store/tx-id-index.ts';
import { openDataDir } from './data-dir.ts';
import { createNodeRuntime } from './node-runtime.ts';

export interface VerifyProblem {
  /** First block height the problem touches; undefined when it cannot be placed. */
  height: number | undefined;
  what: string;
}

export interface VerifyReport {
  ok: boolean;
  blocks: number;
  transactions: number;
  problem: VerifyProblem | undefined;
}

interface BlockRow {
  height: number;
  hash: string;
  header: string;
  first_seq: number;
  tx_count: number;
}

interface TxRow {
  seq: number;
  height: number;
  id_key: number;
  id: string;
  body: string;
  result: string;
}

class Found extends Error {
  constructor(readonly problem: VerifyProblem) {
    super(problem.what);
  }
}

function fail(height: number | undefined, what: string): never {
  throw new Found({ height, what });
}

/**
 * Re-checks everything a node stores, trusting only its genesis: each
 * block's header bytes, hash link and orderer signature; each transaction's
 * bytes, id and signature; the Merkle log; and a replay of every block into
 * a fresh in-memory ledger whose results, checkpoints, Merkle nodes and
 * state must equal the stored ones. Stops at the first problem and names the
 * block height it belongs to.
 */
export function verifyDataDir(dir: string, contracts: Contract[], onProgress: (height: number, total: number) => void = () => {}): VerifyReport {
  const dataDir = openDataDir(dir);
  const { genesis } = dataDir;
  const db = new Database(dataDir.ledgerPath, { readonly: true, fileMustExist: true });
  const replay = openLedger({ path: ':memory:', genesis, executor: createNodeRuntime(genesis, contracts).executor, nodeKey: dataDir.nodeKey, store: { durability: 'normal', cacheMiB: 64 } });
  const context = { suite: replay.suite, network: genesis.network, limits: defaultTransactionLimits };
  let blocks = 0;
  let transactions = 0;
  let integrityProblem: string | undefined;
  try {
    // The file's own structure first: a damaged index can hide a committed
    // transaction from lookups and let it be accepted again.
    // It is reported only if the checks below, which can name a height, find nothing.
    const integrity = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      integrityProblem = `SQLite integrity check failed: ${integrity.map((row) => row.integrity_check).slice(0, 3).join('; ')}`;
    }
    const blockRows = db.prepare<[], BlockRow>('SELECT height, hash, header, first_seq, tx_count FROM blocks ORDER BY height');
    const txRows = db.prepare<[number, number], TxRow>('SELECT seq, height, id_key, id, body, result FROM txs WHERE seq >= ? AND seq < ? ORDER BY seq');
    const checkpointRows = db.prepare<[number], { signer: string; body: string }>('SELECT signer, body FROM checkpoints WHERE height = ?');
    const total = (db.prepare('SELECT COUNT(*) AS n FROM blocks').get() as { n: number }).n;
    const txTotal = (db.prepare('SELECT COUNT(*) AS n FROM txs').get() as { n: number }).n;
    let expectedHeight = 1;
    let nextSeq = 0;
    for (const row of blockRows.iterate()) {
      const height = row.height;
      if (height !== expectedHeight) fail(expectedHeight, `block ${expectedHeight} is missing`);
      let header: BlockHeader;
      try {
        header = JSON.parse(row.header) as BlockHeader;
      } catch {
        fail(height, 'block header is not JSON');
      }
      if (canonicalize(header) !== row.header) fail(height, 'block header bytes are not canonical');
      if (header.height !== height) fail(height, `header says height ${header.height}`);
      if (blockHash(replay.suite, header) !== row.hash) fail(height, 'stored block hash does not match the header');
      if (row.first_seq !== nextSeq) fail(height, `block starts at transaction ${row.first_seq}, expected ${nextSeq}`);
      const rows = txRows.all(row.first_seq, row.first_seq + row.tx_count);
      if (rows.length !== row.tx_count) fail(height, `block lists ${row.tx_count} transactions, ${rows.length} are stored`);
      const admitted: AdmittedTransaction[] = rows.map((tx, i) => {
        if (tx.seq !== row.first_seq + i || tx.height !== height) fail(height, `transaction #${tx.seq} is filed under the wrong block`);
        let checked: AdmittedTransaction;
        try {
          checked = admitTransaction(tx.body, context);
        } catch (error) {
          fail(height, `transaction #${tx.seq}: ${isCustosError(error) ? `${error.code} ${error.message}` : 'unreadable'}`);
        }
        if (checked.canonical !== tx.body) fail(height, `transaction #${tx.seq} bytes are not canonical`);
        if (checked.txId !== tx.id || txIdKey(checked.txId) !== tx.id_key) fail(height, `transaction #${tx.seq} id does not match its body`);
        return checked;
      });
      let replayed;
      try {
        replayed = replay.commitBlock(header, admitted);
      } catch (error) {
        fail(height, isCustosError(error) ? error.message : 'block cannot be replayed');
      }
      replayed.transactions.forEach((committed, i) => {
        if (canonicalize(committed.result) !== rows[i]!.result) fail(height, `transaction #${committed.seq}: stored result differs from the replayed one`);
      });
      const stored = checkpointRows.all(height);
      if (stored.length === 0) fail(height, 'no checkpoint stored');
      for (const { body } of stored) {
        let checkpoint: Checkpoint;
        try {
          checkpoint = JSON.parse(body) as Checkpoint;
        } catch {
          fail(height, 'checkpoint is not JSON');
        }
        if (canonicalize(checkpoint) !== body) fail(height, 'checkpoint bytes are not canonical');
        if (!genesis.nodes.includes(checkpoint.signer) || !verifyCheckpointSignature(replay.suite, checkpoint)) fail(height, 'checkpoint signature does not verify');
        const mine = replayed.checkpoint;
        if (checkpoint.blockHash !== mine.blockHash || checkpoint.resultsRoot !== mine.resultsRoot || checkpoint.stateRoot !== mine.stateRoot) {
          fail(height, 'stored checkpoint disagrees with the replay (results or state differ)');
        }
      }
      nextSeq += row.tx_count;
      blocks += 1;
      transactions += row.tx_count;
      expectedHeight += 1;
      onProgress(height, total);
    }
    if (transactions !== txTotal) {
      const orphan = db.prepare<[number], { height: number }>('SELECT height FROM txs WHERE seq >= ? ORDER BY seq LIMIT 1').get(nextSeq);
      fail(orphan?.height, `${txTotal - transactions} stored transactions belong to no block${orphan === undefined ? '' : ` (block ${orphan.height} is missing)`}`);
    }
    compareMeta(db, blocks);
    // Layout 5 on: a file of an older layout indexes txs(id_key), which the integrity check covers.
    if (db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'tx_ids'").get() !== undefined) {
      const problem = txIdIndexProblem(db);
      if (problem !== undefined) fail(undefined, problem);
    }
    // Layout 6 on: an older file indexes state(key), which the integrity check covers.
    if (db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'state_keys'").get() !== undefined) {
      const problem = stateKeyIndexProblem(db);
      if (problem !== undefined) fail(undefined, problem);
    }
    compareMerkleNodes(db, replay, blocks);
    compareState(db);
    compareIndexDeclarations(db);
    compareIndexEntries(db);
    if (integrityProblem !== undefined) fail(undefined, integrityProblem);
    return { ok: true, blocks, transactions, problem: undefined };
  } catch (error) {
    if (error instanceof Found) {
      const what = integrityProblem === undefined || error.problem.what === integrityProblem ? error.problem.what : `${error.problem.what} (also: ${integrityProblem})`;
      return { ok: false, blocks, transactions, problem: { height: error.problem.height, what } };
    }
    return { ok: false, blocks, transactions, problem: { height: blocks + 1, what: `database cannot be read: ${error instanceof Error ? error.message : String(error)}` } };
  } finally {
    db.close();
    replay.close();
  }

  function heightOfSeq(seq: number): number | undefined {
    const row = db.prepare<[number], { height: number }>('SELECT height FROM txs WHERE seq = ?').get(seq);
    return row?.height;
  }

  function compareMerkleNodes(stored: Database.Database, fresh: ReturnType<typeof openLedger>, _blocks: number): void {
    const freshDb = fresh.rawDatabase();
    // A layout 3 file not yet opened by a node still holds levels 1-3, which layout 4 neither reads nor writes.
    const a = stored
      .prepare<[number, number], { key: number; hash: Buffer }>('SELECT key, hash FROM merkle_nodes WHERE key < ? OR key >= ? ORDER BY key')
      .iterate(unstoredLevelKeys.from, unstoredLevelKeys.to);
    const b = freshDb.prepare<[], { key: number; hash: Buffer }>('SELECT key, hash FROM merkle_nodes ORDER BY key').iterate();
    walkInStep(a, b, (x, y) => x.key === y.key && x.hash.equals(y.hash), (x, y) => {
      const key = (x ?? y)!.key;
      const level = Math.floor(key / merkleLevelStride);
      const index = key % merkleLevelStride;
      const lastLeaf = (index + 1) * 2 ** level - 1;
      fail(heightOfSeq(lastLeaf), `stored Merkle node (level ${level}, index ${index}) differs from the replayed log`);
    });
  }

  function compareState(stored: Database.Database): void {
    const freshDb = replay.rawDatabase();
    // key is compared too: a changed one would hide the document from every lookup.
    const query = 'SELECT key, collection, id, doc, version, height FROM state ORDER BY collection, id';
    type Row = { key: number; collection: string; id: string; doc: string; version: number; height: number };
    const a = stored.prepare<[], Row>(query).iterate();
    const b = freshDb.prepare<[], Row>(query).iterate();
    const same = (x: Row, y: Row) => x.key === y.key && x.collection === y.collection && x.id === y.id && x.doc === y.doc && x.version === y.version && x.height === y.height;
    walkInStep(a, b, same, (x, y) => {
      // The replayed row says when the document was really last written; a stored row with no twin names its own height.
      const where = (y ?? x)!;
      fail(where.height, `state document ${where.collection}/${where.id} differs from the replayed state`);
    });
  }

  /**
   * The meta rows a node reads when it opens the file: the layout number
   * (an older layout this release still reads is accepted, as a file not
   * yet opened by it looks), the genesis it belongs to, and the state sum it
   * resumes the state root from. (tx_ids_through and state_keys_through
   * are checked with their tables.)
   */
  function compareMeta(stored: Database.Database, head: number): void {
    const query = 'SELECT key, value FROM meta ORDER BY key';
    const rowsOf = (source: Database.Database) => new Map(source.prepare<[], { key: string; value: string }>(query).all().map((row) => [row.key, row.value]));
    const mine = rowsOf(stored);
    const replayed = rowsOf(replay.rawDatabase());
    for (const key of new Set([...mine.keys(), ...replayed.keys()])) {
      const value = mine.get(key);
      if (key === 'schema') {
        const layout = Number(value);
        if (value !== String(layout) || layout < oldestVerifiableLayout || layout > storeSchemaVersion) {
          fail(undefined, `stored layout number (meta.schema) is ${JSON.stringify(value)}; this release verifies layouts ${oldestVerifiableLayout}..${storeSchemaVersion}`);
        }
      } else if (key === txIdsThroughKey || key === stateKeysThroughKey) {
        // Where merges happened depends on the release and on when the file was migrated;
        // txIdIndexProblem and stateKeyIndexProblem check these rows against their tables.
      } else if (key === 'state_sum') {
        const zero = '0'.repeat(64);
        if ((value ?? zero) !== (replayed.get(key) ?? zero)) {
          fail(head === 0 ? undefined : head, 'stored state sum (meta.state_sum) differs from the replayed state; the next block would sign a wrong state root');
        }
      } else if (value !== replayed.get(key)) {
        fail(undefined, `stored meta.${key} differs from what this data directory's genesis gives`);
      }
    }
  }

  /**
   * The declared indexes themselves: a node opening the file compares the
   * stored fields with its own to decide whether to refill an index, so a
   * changed or foreign declaration is changed content even while every entry
   * still agrees. One the replay has and the file lacks is how a file not yet
   * opened by this release looks (the node fills it on open), so it passes
   * here; if the replay has entries for it, compareIndexEntries finds them
   * missing.
   */
  function compareIndexDeclarations(stored: Database.Database): void {
    type Declaration = { collection: string; name: string; fields: string };
    const query = 'SELECT collection, name, fields FROM state_indexes ORDER BY collection, name';
    const replayed = new Map(replay.rawDatabase().prepare<[], Declaration>(query).all().map((d) => [`${d.collection}\0${d.name}`, d.fields]));
    // all(), not iterate(): fail() throws, and an open cursor would keep the database from closing.
    for (const declaration of stored.prepare<[], Declaration>(query).all()) {
      if (replayed.get(`${declaration.collection}\0${declaration.name}`) === declaration.fields) continue;
      fail(undefined, `declared index ${declaration.collection}.${declaration.name} differs from the replayed declaration`);
    }
  }

  /**
   * Declared-index entries are derived from the documents, but queries
   * answer from them: a changed one would hide or misplace a document. Index
   * numbers may differ between the stored and the replayed database (an
   * index added in a later release), so entries are compared by name.
   */
  function compareIndexEntries(stored: Database.Database): void {
    const freshDb = replay.rawDatabase();
    const query = `SELECT x.collection, x.name, e.v1, e.v2, e.v3, e.v4, e.id, s.collection AS docCollection, s.id AS docId, s.height
      FROM state_index_entries e JOIN state_indexes x ON x.ix = e.ix LEFT JOIN state s ON s.rid = e.rid
      ORDER BY x.collection, x.name, e.v1, e.v2, e.v3, e.v4, e.id`;
    type Entry = { collection: string; name: string; v1: unknown; v2: unknown; v3: unknown; v4: unknown; id: string; docCollection: string | null; docId: string | null; height: number | null };
    const a = stored.prepare<[], Entry>(query).iterate();
    const b = freshDb.prepare<[], Entry>(query).iterate();
    // Layouts 3-6 stored a missing value as NULL, layout 7 as noValue: the same entry either way.
    const cell = (v: unknown) => (v === null || v === noValue ? null : v);
    const key = (e: Entry) => JSON.stringify([e.collection, e.name, cell(e.v1), cell(e.v2), cell(e.v3), cell(e.v4), e.id]);
    const same = (x: Entry, y: Entry) => key(x) === key(y) && x.docCollection === x.collection && x.docId === x.id;
    walkInStep(a, b, same, (x, y) => {
      const where = (y ?? x)!;
      fail(where.height ?? undefined, `index entry ${where.collection}.${where.name} for ${where.id} differs from the replayed state`);
    });
  }
}

/** Layouts 1 and 2 kept state in tables this release reads only after migrating them. */
const oldestVerifiableLayout = 3;

/**
 * Walks two ordered cursors side by side and calls `differ` at the first
 * pair that is not the same (one side undefined when the other ran out).
 * Both cursors are closed however the walk ends — a corrupt page throws from
 * `next()` — since SQLite cannot close a database with a cursor open.
 */
function walkInStep<T>(a: IterableIterator<T>, b: IterableIterator<T>, same: (x: T, y: T) => boolean, differ: (x: T | undefined, y: T | undefined) => void): void {
  try {
    for (;;) {
      const x = a.next();
      const y = b.next();
      if (x.done && y.done) return;
      if (x.done || y.done || !same(x.value, y.value)) {
        differ(x.done ? undefined : x.value, y.done ? undefined : y.value);
        return;
      }
    }
  } finally {
    a.return?.();
    b.return?.();
  }
}
