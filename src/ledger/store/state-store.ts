import type Database from 'better-sqlite3';
import type { JsonObject, JsonValue } from '../../crypto/canonical-json.ts';
import { custosError } from '../../errors/custos-error.ts';
import { stateKey } from './state-key.ts';
import { assertCollectionName, fieldToJsonPath, sqlIndexName, validateCollectionSpec, type CollectionSpec, type IndexSpec } from './collections.ts';

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
}

interface StateRow {
  id: string;
  doc: string;
  version: number;
  height: number;
}

function toSqlValue(value: IndexValue): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function isIndexValue(value: unknown): value is IndexValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * The world state: collections of JSON documents in one table, with the
 * indexes contracts declare kept as partial SQLite expression indexes (one
 * per collection and index), so rich queries never scan.
 */
export function createStateStore(db: Database.Database) {
  const indexes = new Map<string, Map<string, IndexSpec>>();
  const getStatement = db.prepare<[number, string, string], StateRow>('SELECT id, doc, version, height FROM state WHERE key = ? AND collection = ? AND id = ?');
  const getRawStatement = db.prepare<[number, string, string], { rid: number; doc: string; version: number }>('SELECT rid, doc, version FROM state WHERE key = ? AND collection = ? AND id = ?');
  const insertStatement = db.prepare<[number, string, string, string, number, number]>('INSERT INTO state (key, collection, id, doc, version, height) VALUES (?, ?, ?, ?, ?, ?)');
  const updateStatement = db.prepare<[string, number, number, number]>('UPDATE state SET doc = ?, version = ?, height = ? WHERE rid = ?');
  const deleteStatement = db.prepare<[number]>('DELETE FROM state WHERE rid = ?');
  const queryCache = new Map<string, Database.Statement<unknown[], StateRow>>();

  function rowToDocument(collection: string, row: StateRow): StateDocument {
    return { collection, id: row.id, doc: JSON.parse(row.doc) as JsonObject, version: row.version, height: row.height };
  }

  function declare(spec: CollectionSpec): void {
    validateCollectionSpec(spec);
    const byName = new Map<string, IndexSpec>();
    for (const index of spec.indexes) {
      byName.set(index.name, index);
      const expressions = index.fields.map((field) => `json_extract(doc, '${fieldToJsonPath(field)}')`).join(', ');
      db.exec(`CREATE INDEX IF NOT EXISTS ${sqlIndexName(spec.name, index.name)} ON state (${expressions}, id) WHERE collection = '${spec.name}'`);
    }
    indexes.set(spec.name, byName);
  }

  function query(collection: string, q: StateQuery): StateDocument[] {
    assertCollectionName(collection);
    const index = indexes.get(collection)?.get(q.index);
    if (index === undefined) throw custosError('LEDGER_COLLECTION_UNKNOWN', `no index ${JSON.stringify(q.index)} on collection ${JSON.stringify(collection)}`);
    const equals = q.equals ?? [];
    if (equals.length > index.fields.length) throw custosError('LEDGER_QUERY_INVALID', `index ${q.index} has only ${index.fields.length} fields`);
    if (!equals.every(isIndexValue)) throw custosError('LEDGER_QUERY_INVALID', 'equals values must be strings, numbers, booleans or null');
    const rangeField = index.fields[equals.length];
    const rangeOps = Object.entries(q.range ?? {}).filter(([, value]) => value !== undefined);
    if (rangeOps.length > 0 && rangeField === undefined) throw custosError('LEDGER_QUERY_INVALID', 'range needs an index field after the equal ones');
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > maxQueryLimit) throw custosError('LEDGER_QUERY_INVALID', `limit must be 1..${maxQueryLimit}`);
    if (!Number.isSafeInteger(offset) || offset < 0 || offset > 100_000) throw custosError('LEDGER_QUERY_INVALID', 'offset must be 0..100000');
    const expressions = index.fields.map((field) => `json_extract(doc, '${fieldToJsonPath(field)}')`);
    const where = [`collection = '${collection}'`];
    const params: (string | number | null)[] = [];
    equals.forEach((value, i) => {
      if (value === null) where.push(`${expressions[i]} IS NULL`);
      else {
        where.push(`${expressions[i]} = ?`);
        params.push(toSqlValue(value));
      }
    });
    const sqlOps: Record<string, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<' };
    for (const [op, value] of rangeOps) {
      const sqlOp = sqlOps[op];
      if (sqlOp === undefined || !isIndexValue(value) || value === null) throw custosError('LEDGER_QUERY_INVALID', `bad range operator ${op}`);
      where.push(`${expressions[equals.length]} ${sqlOp} ?`);
      params.push(toSqlValue(value));
    }
    const sql = `SELECT id, doc, version, height FROM state INDEXED BY ${sqlIndexName(collection, index.name)} WHERE ${where.join(' AND ')} ORDER BY ${expressions.join(', ')}, id LIMIT ? OFFSET ?`;
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
    indexesOf: (collection: string): IndexSpec[] => [...(indexes.get(collection)?.values() ?? [])],
    get(collection: string, id: string): StateDocument | undefined {
      const row = getStatement.get(stateKey(collection, id), collection, id);
      return row === undefined ? undefined : rowToDocument(collection, row);
    },
    /** The stored canonical text and version, unparsed, and the row to write back to (the commit path needs no more). */
    getRaw: (collection: string, id: string): StoredDocument | undefined => getRawStatement.get(stateKey(collection, id), collection, id),
    // Writes are only made by the ledger's commit, inside its block transaction. `canonicalDoc` is JCS(doc).
    insert(collection: string, id: string, canonicalDoc: string, height: number): void {
      insertStatement.run(stateKey(collection, id), collection, id, canonicalDoc, 1, height);
    },
    update(stored: StoredDocument, canonicalDoc: string, height: number): void {
      updateStatement.run(canonicalDoc, stored.version + 1, height, stored.rid);
    },
    delete(stored: StoredDocument): void {
      deleteStatement.run(stored.rid);
    },
  };
}

export type StateStore = ReturnType<typeof createStateStore>;
export type { JsonValue };
