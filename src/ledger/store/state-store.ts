import type Database from 'better-sqlite3';
import type { JsonObject, JsonValue } from '../../crypto/canonical-json.ts';
import { custosError } from '../../errors/custos-error.ts';
import { stateKey } from './state-key.ts';
import { createStateKeyIndex, stateKeyMergeThreshold } from './state-key-index.ts';
import { assertCollectionName, validateCollectionSpec, type CollectionSpec, type IndexSpec } from './collections.ts';
import { createIndexEntries, noValue, type NumberedIndex } from './index-entries.ts';

export interface StateDocument {
  collection: string;
  id: string;
  doc: JsonObject;
  version: number;
  /** Height of the block that last wrote the document. */
  height: number;
}

export type IndexValue = string | number | boolean | null;

/**
 * A query on a declared index: equality on the first `equals.length` fields,
 * then optionally a range on the next field. Results come ordered by the
 * index fields and then id, the same on every node.
 */
export interface StateQuery {
  index: string;
  equals?: IndexValue[];
  range?: { gte?: IndexValue; gt?: IndexValue; lte?: IndexValue; lt?: IndexValue };
  limit?: number;
  offset?: number;
}

export const maxQueryLimit = 1000;

/** A stored document as the commit path reads it: `rid` is its row, for writing it back. */
export interface StoredDocument {
  rid: number;
  doc: string;
  version: number;
  height: number;
}

interface StateRow {
  id: string;
  doc: string;
  version: number;
  height: number;
}

type StoredRow = StateRow & { rid: number };

function toSqlValue(value: Exclude<IndexValue, null>): string | number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function isIndexValue(value: unknown): value is IndexValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * The world state: collections of JSON documents in one table, found by
 * key through state-key-index.ts, with the indexes contracts declare kept as
 * entry rows (index-entries.ts) in one table keyed by their values, so rich
 * queries never scan.
 */
export function createStateStore(db: Database.Database, keyMergeThreshold = stateKeyMergeThreshold) {
  const indexes = new Map<string, Map<string, NumberedIndex>>();
  const entries = createIndexEntries(db);
  const keys = createStateKeyIndex(db, keyMergeThreshold);
  const recentRow = db.prepare<[number, string, string], StoredRow>('SELECT rid, id, doc, version, height FROM state WHERE rid = ? AND collection = ? AND id = ?');
  const mergedRow = db.prepare<[number, string, string], StoredRow>(
    'SELECT s.rid, s.id, s.doc, s.version, s.height FROM state_keys k JOIN state s ON s.rid = k.rid WHERE k.key = ? AND s.collection = ? AND s.id = ?',
  );
  const insertStatement = db.prepare<[number, number, string, string, string, number, number]>('INSERT INTO state (rid, key, collection, id, doc, version, height) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const updateStatement = db.prepare<[string, number, number, number]>('UPDATE state SET doc = ?, version = ?, height = ? WHERE rid = ?');
  const deleteStatement = db.prepare<[number]>('DELETE FROM state WHERE rid = ?');
  const queryCache = new Map<string, Database.Statement<unknown[], StateRow>>();

  /** The document's row: from the rows in memory (state-key-index.ts), else through state_keys. */
  function findRow(collection: string, id: string): StoredRow | undefined {
    const key = stateKey(collection, id);
    const rids = keys.recentRids(key);
    if (typeof rids === 'number') {
      const row = recentRow.get(rids, collection, id);
      if (row !== undefined) return row;
    } else if (rids !== undefined) {
      for (const rid of rids) {
        const row = recentRow.get(rid, collection, id);
        if (row !== undefined) return row;
      }
    }
    return keys.mayBeMerged(key) ? mergedRow.get(key, collection, id) : undefined;
  }

  function rowToDocument(collection: string, row: StateRow): StateDocument {
    return { collection, id: row.id, doc: JSON.parse(row.doc) as JsonObject, version: row.version, height: row.height };
  }

  function declare(spec: CollectionSpec): void {
    validateCollectionSpec(spec);
    indexes.set(spec.name, entries.declare(spec.name, spec.indexes));
  }

  function query(collection: string, q: StateQuery): StateDocument[] {
    assertCollectionName(collection);
    const index = indexes.get(collection)?.get(q.index);
    if (index === undefined) throw custosError('LEDGER_COLLECTION_UNKNOWN', `no index ${JSON.stringify(q.index)} on collection ${JSON.stringify(collection)}`);
    const fieldCount = index.spec.fields.length;
    const equals = q.equals ?? [];
    if (equals.length > fieldCount) throw custosError('LEDGER_QUERY_INVALID', `index ${q.index} has only ${fieldCount} fields`);
    if (!equals.every(isIndexValue)) throw custosError('LEDGER_QUERY_INVALID', 'equals values must be strings, numbers, booleans or null');
    const rangeOps = Object.entries(q.range ?? {}).filter(([, value]) => value !== undefined);
    if (rangeOps.length > 0 && equals.length >= fieldCount) throw custosError('LEDGER_QUERY_INVALID', 'range needs an index field after the equal ones');
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > maxQueryLimit) throw custosError('LEDGER_QUERY_INVALID', `limit must be 1..${maxQueryLimit}`);
    if (!Number.isSafeInteger(offset) || offset < 0 || offset > 100_000) throw custosError('LEDGER_QUERY_INVALID', 'offset must be 0..100000');
    const where = ['e.ix = ?'];
    const params: (string | number)[] = [index.ix];
    equals.forEach((value, i) => {
      where.push(`e.v${i + 1} = ?`);
      params.push(value === null ? noValue : toSqlValue(value));
    });
    const sqlOps: Record<string, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<' };
    const ranged = `e.v${equals.length + 1}`;
    for (const [op, value] of rangeOps) {
      const sqlOp = sqlOps[op];
      if (sqlOp === undefined || !isIndexValue(value) || value === null) throw custosError('LEDGER_QUERY_INVALID', `bad range operator ${op}`);
      where.push(`${ranged} ${sqlOp} ?`);
      params.push(toSqlValue(value));
    }
    // A missing value is stored as noValue, below everything: an upper bound
    // alone would take it in, where NULL compared false.
    if (rangeOps.length > 0 && !rangeOps.some(([op]) => op === 'gt' || op === 'gte')) {
      where.push(`${ranged} > ?`);
      params.push(noValue);
    }
    // Unused value columns hold noValue throughout an index, so ordering by
    // all four is its field order: the table's key, walked without sorting.
    const sql = `SELECT s.id, s.doc, s.version, s.height FROM state_index_entries e JOIN state s ON s.rid = e.rid WHERE ${where.join(' AND ')} ORDER BY e.v1, e.v2, e.v3, e.v4, e.id LIMIT ? OFFSET ?`;
    let statement = queryCache.get(sql);
    if (statement === undefined) {
      statement = db.prepare<unknown[], StateRow>(sql);
      queryCache.set(sql, statement);
    }
    return statement.all(...params, limit, offset).map((row) => rowToDocument(collection, row));
  }

  return {
    declare,
    query,
    collections: (): string[] => [...indexes.keys()].sort(),
    indexesOf: (collection: string): IndexSpec[] => [...(indexes.get(collection)?.values() ?? [])].map((index) => index.spec),
    get(collection: string, id: string): StateDocument | undefined {
      const row = findRow(collection, id);
      return row === undefined ? undefined : rowToDocument(collection, row);
    },
    /** The stored canonical text, version and height, unparsed, and the row to write back to (the commit path needs no more). */
    getRaw: (collection: string, id: string): StoredDocument | undefined => findRow(collection, id),
    // Writes are only made by the ledger's commit, inside its block transaction. `canonicalDoc` is JCS(doc).
    insert(collection: string, id: string, canonicalDoc: string, height: number): void {
      const key = stateKey(collection, id);
      const rid = keys.takeRid();
      insertStatement.run(rid, key, collection, id, canonicalDoc, 1, height);
      keys.inserted(key, rid);
      entries.inserted(collection, id, rid, canonicalDoc);
    },
    update(collection: string, id: string, stored: StoredDocument, canonicalDoc: string, height: number): void {
      updateStatement.run(canonicalDoc, stored.version + 1, height, stored.rid);
      entries.updated(collection, id, stored.rid, stored.doc, canonicalDoc);
    },
    delete(collection: string, id: string, stored: StoredDocument): void {
      deleteStatement.run(stored.rid);
      keys.deleted(stateKey(collection, id), stored.rid);
      entries.deleted(collection, id, stored.doc);
    },
    /** Inside the block's SQL transaction, after its writes (state-key-index.ts). */
    mergeKeysIfDue: keys.mergeIfDue,
    /** After the block's SQL transaction commits. */
    committed: keys.committed,
    /** After the block's SQL transaction failed: the rows it wrote are gone, so is what memory held of them. */
    rolledBack: keys.rolledBack,
    /** Rows found by key from memory, not yet merged. */
    recentKeyCount: keys.recentCount,
  };
}

export type StateStore = ReturnType<typeof createStateStore>;
export type { JsonValue };
