import type Database from 'better-sqlite3';
import { createMergedKeyFilter } from './key-filter.ts';
import { createMergeBound, storedMergeBound } from './merge-bound.ts';

/** First 48 bits of a hex txId as an integer: the key the txId lookup is made on. */
export function txIdKey(txId: string): number {
  return Number.parseInt(txId.slice(0, 12), 16);
}

/** First 28 bits: a small-integer key for the in-memory part (V8 keeps it unboxed). */
const recentKeyOf = (txId: string) => Number.parseInt(txId.slice(0, 7), 16);

/** The meta row saying which transactions the tx_ids table holds: every seq below it. */
export const txIdsThroughKey = 'tx_ids_through';

/**
 * Recent transactions kept in memory before they are merged into tx_ids.
 * PERF: random txIds dirty a random page of the index per insert, and each
 * dirty page is written to the WAL and again at checkpoint; merged in sorted
 * runs, a page is written once per merge (the commit alone wrote a third
 * fewer bytes per transaction at 300,000–400,000 notarizations; see
 * docs/PERFORMANCE.md). Memory: a map entry of two small integers per
 * transaction. A merge of this many holds up its block ~0.1 s.
 */
export const txIdMergeThreshold = 131_072;

/**
 * Finds committed transactions by id, for the replay check and lookups.
 * Log-structured (layout 5): tx_ids holds (id_key, seq) for every seq below
 * meta.tx_ids_through; the transactions after it are in memory, rebuilt from
 * their txs rows on open, and are merged in one sorted run once there are
 * `mergeThreshold` of them. The merge is written inside a block's SQL
 * transaction, so tx_ids and its meta row move together.
 *
 * Within a block: `stage` each transaction; inside the block's SQL
 * transaction `writeStaged`; after it commits `committed`, or after a
 * rollback `discardStaged`.
 */
export function createTxIdIndex(db: Database.Database, mergeThreshold = txIdMergeThreshold) {
  const idAt = db.prepare<[number], string>('SELECT id FROM txs WHERE seq = ?').pluck();
  const mergedSeqOf = db
    .prepare<[number, string], number>('SELECT t.seq FROM tx_ids i JOIN txs t ON t.seq = i.seq WHERE i.id_key = ? AND t.id = ? ORDER BY i.seq LIMIT 1')
    .pluck();
  // Sorted by key, so the run passes over the index's pages once, in order.
  const mergeFrom = db.prepare<[number]>('INSERT INTO tx_ids (id_key, seq) SELECT id_key, seq FROM txs WHERE seq >= ? ORDER BY id_key, seq');
  const bound = createMergeBound(db, txIdsThroughKey);

  /** recentKeyOf(id) → seq, or the seqs when two recent ids share the key. */
  let recent = new Map<number, number | number[]>();
  let recentCount = 0;
  /**
   * Every id_key in tx_ids (filled by reload). PERF: a new transaction's id
   * is in neither part, and it is asked for twice (at intake, in autocommit,
   * and again at commit); the filter answers most of those "no"s from memory:
   * +3% solo throughput in alternated runs (skipping the query altogether,
   * which breaks lookups, gave 7-17%). It holds each recent id_key until merged.
   */
  const merged = createMergedKeyFilter(db.prepare<[], number>('SELECT id_key FROM tx_ids').pluck(), mergeThreshold);
  let through = 0;
  const stagedIds: string[] = [];
  const stagedSeqs: number[] = [];
  /** The bound written by a merge in the open SQL transaction; it takes effect when that commits. */
  let mergedThrough: number | undefined;

  function remember(id: string, seq: number): void {
    const key = recentKeyOf(id);
    const held = recent.get(key);
    if (held === undefined) recent.set(key, seq);
    else if (typeof held === 'number') recent.set(key, [held, seq]);
    else held.push(seq);
    recentCount += 1;
    merged.hold(txIdKey(id));
  }

  function reload(): void {
    through = bound.read();
    recent = new Map();
    recentCount = 0;
    merged.reload(through);
    for (const row of db.prepare<[number], { seq: number; id: string }>('SELECT seq, id FROM txs WHERE seq >= ? ORDER BY seq').iterate(through)) remember(row.id, row.seq);
  }

  function recentSeqOf(id: string): number | undefined {
    const held = recent.get(recentKeyOf(id));
    if (held === undefined) return undefined;
    if (typeof held === 'number') return idAt.get(held) === id ? held : undefined;
    return held.find((seq) => idAt.get(seq) === id);
  }

  function discardStaged(): void {
    stagedIds.length = 0;
    stagedSeqs.length = 0;
    mergedThrough = undefined;
  }

  reload();

  return {
    /**
     * The seq of the first committed transaction with this id (staged ones
     * are not yet committed). A failed replay has the same id and a later
     * seq; every merged seq is below every recent one, so tx_ids answers first.
     */
    seqOf(id: string): number | undefined {
      const key = txIdKey(id);
      return (merged.mayHave(key) ? mergedSeqOf.get(key, id) : undefined) ?? recentSeqOf(id);
    },
    stage(id: string, seq: number): void {
      stagedIds.push(id);
      stagedSeqs.push(seq);
    },
    /** Inside the block's SQL transaction, after its txs rows: merges when enough are waiting. */
    writeStaged(logSize: number): void {
      if (recentCount + stagedIds.length < mergeThreshold) return;
      mergeFrom.run(through);
      bound.write(logSize);
      mergedThrough = logSize;
    },
    committed(): void {
      if (mergedThrough !== undefined) {
        through = mergedThrough;
        for (const id of stagedIds) merged.hold(txIdKey(id));
        merged.merged(through);
        recent = new Map();
        recentCount = 0;
      } else stagedIds.forEach((id, i) => remember(id, stagedSeqs[i]!));
      discardStaged();
    },
    discardStaged,
    /** Held in memory, not yet merged. */
    recentCount: () => recentCount,
  };
}

export type TxIdIndex = ReturnType<typeof createTxIdIndex>;

/**
 * Rebuilds tx_ids from the txs rows, for a database that came from elsewhere
 * (a snapshot) or an older layout: id_key recomputed from each id, every
 * transaction merged. Call inside a SQL transaction.
 */
export function rebuildTxIdIndex(db: Database.Database): void {
  db.function('custos_tx_id_key', { deterministic: true }, (id: unknown) => txIdKey(String(id)));
  db.exec('UPDATE txs SET id_key = custos_tx_id_key(id)');
  db.exec('DELETE FROM tx_ids');
  db.exec('INSERT INTO tx_ids (id_key, seq) SELECT id_key, seq FROM txs ORDER BY id_key, seq');
  db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('${txIdsThroughKey}', (SELECT coalesce(max(seq) + 1, 0) FROM txs))`).run();
}

/**
 * What is wrong with tx_ids, if anything: it must hold exactly the
 * (id_key, seq) of every transaction below meta.tx_ids_through, no more, and
 * that bound must lie within the transactions. A changed row would hide a
 * transaction from the replay check and let it be accepted again.
 */
export function txIdIndexProblem(db: Database.Database): string | undefined {
  const { bound: through, text, malformed } = storedMergeBound(db, txIdsThroughKey);
  const count = db.prepare<[], number>('SELECT count(*) FROM txs').pluck().get()!;
  if (malformed || through > count) {
    return `meta.${txIdsThroughKey} is ${JSON.stringify(text)}; the ledger holds ${count} transactions`;
  }
  const rows = db.prepare<[], number>('SELECT count(*) FROM tx_ids').pluck().get()!;
  const matching = db.prepare<[number], number>('SELECT count(*) FROM tx_ids i JOIN txs t ON t.seq = i.seq WHERE i.id_key = t.id_key AND i.seq < ?').pluck().get(through)!;
  if (rows !== through || matching !== through) return `the txId index (tx_ids) does not match the transactions below ${through}`;
  return undefined;
}
