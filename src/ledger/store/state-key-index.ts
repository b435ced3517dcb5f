import type Database from 'better-sqlite3';
import { createMergedKeyFilter } from './key-filter.ts';
import { createMergeBound, storedMergeBound } from './merge-bound.ts';

/** The meta row saying which state rows the state_keys table holds: every row whose rid is below it. */
export const stateKeysThroughKey = 'state_keys_through';

/**
 * New state rows found from memory before they are merged into state_keys.
 * PERF: every new document's key (a hash) landed on a random page of the
 * index on state(key), so each block dirtied ever more pages as the state
 * grew, each written to the WAL and again at checkpoint; merged in sorted
 * runs, a page is written once per merge (see docs/PERFORMANCE.md).
 * Memory: a map entry of two small integers per row.
 */
export const stateKeyMergeThreshold = 131_072;

/** Low 30 bits of a 52-bit state key: a small-integer key for the in-memory part (V8 keeps it unboxed). */
const recentKeyOf = (key: number) => key % 1_073_741_824;

/** The rids a lookup tries: none, one, or several when recent keys share their low bits. */
export type RecentRids = number | readonly number[] | undefined;

/**
 * Which state rows may hold a document key (state-key.ts). Log-structured
 * (layout 6): state_keys holds (key, rid) of every row whose rid is below
 * meta.state_keys_through; the rows from there on are in memory, rebuilt
 * from their state rows on open, and are merged in one sorted run once there
 * are `mergeThreshold` of them. The merge is written inside a block's SQL
 * transaction, so state_keys and its meta row move together.
 *
 * Unlike the txId index, documents are written during a block and read by
 * its later transactions, so changes show at once; `rolledBack` puts the
 * memory back when the block's SQL transaction fails, `committed` when it
 * succeeds. New rows take their rid from `takeRid`, never below the bound:
 * SQLite would hand out a deleted last row's rid again, and a row below the
 * bound that is not in state_keys could not be found.
 */
export function createStateKeyIndex(db: Database.Database, mergeThreshold = stateKeyMergeThreshold) {
  const maxRid = db.prepare<[], number | null>('SELECT max(rid) FROM state').pluck();
  // Sorted by key, so the run passes over the table's pages once, in order.
  const mergeFrom = db.prepare<[number]>('INSERT INTO state_keys (key, rid) SELECT key, rid FROM state WHERE rid >= ? ORDER BY key, rid');
  const forgetMerged = db.prepare<[number, number]>('DELETE FROM state_keys WHERE key = ? AND rid = ?');
  const bound = createMergeBound(db, stateKeysThroughKey);

  /** recentKeyOf(key) → rid, or the rids when two recent keys share the low bits. */
  let recent = new Map<number, number | number[]>();
  let recentCount = 0;
  /**
   * Every key in state_keys (filled by reload). PERF: a contract that
   * creates a document first looks it up (the notary checks that a hash is
   * new), and a new key is in neither part; the filter answers most of those
   * "no"s from memory instead of a query on state_keys. Keys of deleted rows
   * stay in it: a false "maybe", asked of the table.
   */
  const merged = createMergedKeyFilter(db.prepare<[], number>('SELECT key FROM state_keys').pluck(), mergeThreshold);
  let heldAtBlockStart = 0;
  let through = 0;
  let nextRid = 1;
  /** What the open block did to `recent`, to undo in reverse if it rolls back: +rid added, -rid removed. */
  let undo: { key: number; rid: number; added: boolean }[] = [];
  let ridAtBlockStart = 1;
  /** The bound written by a merge in the open SQL transaction; it takes effect when that commits. */
  let mergedThrough: number | undefined;

  function add(key: number, rid: number): void {
    const short = recentKeyOf(key);
    const held = recent.get(short);
    if (held === undefined) recent.set(short, rid);
    else if (typeof held === 'number') recent.set(short, [held, rid]);
    else held.push(rid);
    recentCount += 1;
    merged.hold(key);
  }

  function remove(key: number, rid: number): void {
    const short = recentKeyOf(key);
    const held = recent.get(short);
    if (held === rid) recent.delete(short);
    else if (Array.isArray(held) && held.includes(rid)) {
      const rest = held.filter((other) => other !== rid);
      recent.set(short, rest.length === 1 ? rest[0]! : rest);
    } else return;
    recentCount -= 1;
  }

  function reload(): void {
    through = bound.read();
    recent = new Map();
    recentCount = 0;
    merged.reload(through);
    for (const row of db.prepare<[number], { rid: number; key: number }>('SELECT rid, key FROM state WHERE rid >= ? ORDER BY rid').iterate(through)) add(row.key, row.rid);
    nextRid = Math.max(through, (maxRid.get() ?? 0) + 1);
    ridAtBlockStart = nextRid;
    heldAtBlockStart = merged.heldCount();
    undo = [];
    mergedThrough = undefined;
  }

  reload();

  return {
    /** In-memory rows that may hold the key; the caller compares collection and id. state_keys answers for the rest. */
    recentRids: (key: number): RecentRids => recent.get(recentKeyOf(key)),
    /** False only if no merged row has the key: then state_keys need not be asked. */
    mayBeMerged: (key: number): boolean => merged.mayHave(key),
    /** The rid for a new state row. */
    takeRid: (): number => nextRid++,
    inserted(key: number, rid: number): void {
      add(key, rid);
      undo.push({ key, rid, added: true });
    },
    /** After the row is deleted; a merged row leaves state_keys in the same SQL transaction. */
    deleted(key: number, rid: number): void {
      if (rid < through) {
        forgetMerged.run(key, rid);
        return;
      }
      remove(key, rid);
      undo.push({ key, rid, added: false });
    },
    /** Inside the block's SQL transaction, after its writes: merges when enough are waiting. */
    mergeIfDue(): void {
      if (recentCount < mergeThreshold) return;
      mergeFrom.run(through);
      bound.write(nextRid);
      mergedThrough = nextRid;
    },
    committed(): void {
      if (mergedThrough !== undefined) {
        through = mergedThrough;
        merged.merged(through);
        recent = new Map();
        recentCount = 0;
      }
      heldAtBlockStart = merged.heldCount();
      undo = [];
      ridAtBlockStart = nextRid;
      mergedThrough = undefined;
    },
    rolledBack(): void {
      for (let i = undo.length - 1; i >= 0; i--) {
        const { key, rid, added } = undo[i]!;
        if (added) remove(key, rid);
        else add(key, rid);
      }
      undo = [];
      merged.keepHeld(heldAtBlockStart);
      nextRid = ridAtBlockStart;
      mergedThrough = undefined;
    },
    /** Held in memory, not yet merged. */
    recentCount: () => recentCount,
  };
}

export type StateKeyIndex = ReturnType<typeof createStateKeyIndex>;

/**
 * Rebuilds state_keys from the state rows, for a database that came from
 * elsewhere (a snapshot) or an older layout: every row merged, the bound
 * just past the last. Call inside a SQL transaction, after the keys are right.
 */
export function rebuildStateKeyIndex(db: Database.Database): void {
  db.exec('DELETE FROM state_keys');
  db.exec('INSERT INTO state_keys (key, rid) SELECT key, rid FROM state ORDER BY key, rid');
  db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('${stateKeysThroughKey}', (SELECT coalesce(max(rid) + 1, 0) FROM state))`).run();
}

/**
 * What is wrong with state_keys, if anything: it must hold exactly the
 * (key, rid) of every state row below meta.state_keys_through, no more. A
 * changed row would hide a document from contracts, which would then see it
 * as absent: a different state from every other node's.
 */
export function stateKeyIndexProblem(db: Database.Database): string | undefined {
  const { bound: through, text, malformed } = storedMergeBound(db, stateKeysThroughKey);
  if (malformed) {
    return `meta.${stateKeysThroughKey} is ${JSON.stringify(text)}, not a row number`;
  }
  const rows = db.prepare<[], number>('SELECT count(*) FROM state_keys').pluck().get()!;
  const below = db.prepare<[number], number>('SELECT count(*) FROM state WHERE rid < ?').pluck().get(through)!;
  const matching = db.prepare<[number], number>('SELECT count(*) FROM state_keys k JOIN state s ON s.rid = k.rid WHERE k.key = s.key AND s.rid < ?').pluck().get(through)!;
  if (rows !== below || matching !== below) return `the state key index (state_keys) does not match the documents below row ${through}`;
  return undefined;
}
