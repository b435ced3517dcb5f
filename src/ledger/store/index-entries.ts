import type Database from 'better-sqlite3';
import { canonicalize, type JsonObject, type JsonValue } from '../../crypto/canonical-json.ts';
import { fieldToJsonPath, type IndexSpec } from './collections.ts';

/** A value as an index holds it: what SQLite's json_extract would give for the field, with `noValue` for NULL. */
export type IndexCell = string | number;

/**
 * What an entry holds for a missing or null value and in unused columns:
 * the table is keyed by the values and key columns cannot be NULL
 * (schema.ts). No JSON value is -Infinity, and SQLite sorts it where it
 * sorted NULL, before every number and text.
 */
export const noValue = -Infinity;

/** A declared index as the store numbers it (`ix`, kept in state_indexes across restarts). */
export interface NumberedIndex {
  ix: number;
  spec: IndexSpec;
  paths: string[][];
}

const maxFields = 4;

/**
 * The field's value as json_extract would give it, so queries sort and
 * compare as they did when indexes were SQLite expression indexes: missing
 * or null → `noValue` (NULL then), booleans → 1/0, objects and arrays →
 * their JSON text.
 */
function cellOf(doc: JsonObject, path: readonly string[]): IndexCell {
  let value: JsonValue | undefined = doc;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return noValue;
    value = (value as JsonObject)[part];
  }
  if (value === undefined || value === null) return noValue;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return canonicalize(value);
  return value;
}

function cellsOf(index: NumberedIndex, doc: JsonObject): IndexCell[] {
  const cells: IndexCell[] = index.paths.map((path) => cellOf(doc, path));
  while (cells.length < maxFields) cells.push(noValue);
  return cells;
}

const sameCells = (a: readonly IndexCell[], b: readonly IndexCell[]) => a.every((cell, i) => cell === b[i]);

/**
 * Declared indexes kept as rows: one per (index, document) with the index's
 * field values, written when the document is. PERF: as partial expression
 * indexes on the state table, every write evaluated every collection's
 * index condition (43 with the built-in apps) and re-parsed the document's
 * JSON in SQLite per field; now a write touches its own collection's indexes
 * only, and an update whose indexed fields did not change touches none.
 */
export function createIndexEntries(db: Database.Database) {
  const numberOf = db.prepare<[string, string], { ix: number; fields: string }>('SELECT ix, fields FROM state_indexes WHERE collection = ? AND name = ?');
  const addIndex = db.prepare<[string, string, string]>('INSERT INTO state_indexes (collection, name, fields) VALUES (?, ?, ?)');
  const setFields = db.prepare<[string, number]>('UPDATE state_indexes SET fields = ? WHERE ix = ?');
  const dropEntries = db.prepare<[number]>('DELETE FROM state_index_entries WHERE ix = ?');
  const indexesOf = db.prepare<[string], { ix: number; name: string }>('SELECT ix, name FROM state_indexes WHERE collection = ?');
  const forgetIndex = db.prepare<[number]>('DELETE FROM state_indexes WHERE ix = ?');
  const documentsAfter = db.prepare<[string, number], { rid: number; id: string; doc: string }>('SELECT rid, id, doc FROM state WHERE collection = ? AND rid > ? ORDER BY rid LIMIT 5000');
  const insertEntry = db.prepare<[number, IndexCell, IndexCell, IndexCell, IndexCell, string, number]>(
    'INSERT INTO state_index_entries (ix, v1, v2, v3, v4, id, rid) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const deleteEntry = db.prepare<[number, IndexCell, IndexCell, IndexCell, IndexCell, string]>(
    'DELETE FROM state_index_entries WHERE ix = ? AND v1 = ? AND v2 = ? AND v3 = ? AND v4 = ? AND id = ?',
  );
  const byCollection = new Map<string, NumberedIndex[]>();

  function put(index: NumberedIndex, cells: IndexCell[], id: string, rid: number): void {
    insertEntry.run(index.ix, cells[0]!, cells[1]!, cells[2]!, cells[3]!, id, rid);
  }

  function remove(index: NumberedIndex, cells: IndexCell[], id: string): void {
    deleteEntry.run(index.ix, cells[0]!, cells[1]!, cells[2]!, cells[3]!, id);
  }

  /** Numbers the collection's indexes; a new or changed one is filled from the documents already stored. */
  function declare(collection: string, specs: readonly IndexSpec[]): Map<string, NumberedIndex> {
    const numbered = new Map<string, NumberedIndex>();
    const toFill: NumberedIndex[] = [];
    db.transaction(() => {
      // An index no longer declared is not kept up to date, so it goes: declared again later, it is refilled.
      const declared = new Set(specs.map((spec) => spec.name));
      for (const row of indexesOf.all(collection)) {
        if (declared.has(row.name)) continue;
        dropEntries.run(row.ix);
        forgetIndex.run(row.ix);
      }
      for (const spec of specs) {
        const fields = JSON.stringify(spec.fields);
        const row = numberOf.get(collection, spec.name);
        let ix: number;
        if (row === undefined) ix = Number(addIndex.run(collection, spec.name, fields).lastInsertRowid);
        else ix = row.ix;
        const index = { ix, spec, paths: spec.fields.map((field) => fieldToJsonPath(field).slice(2).split('.')) };
        if (row !== undefined && row.fields !== fields) {
          setFields.run(fields, ix);
          dropEntries.run(ix);
        }
        if (row === undefined || row.fields !== fields) toFill.push(index);
        numbered.set(spec.name, index);
      }
      // In pages: better-sqlite3 allows no writes while a cursor is open, and a province's state does not fit in memory at once.
      for (let after = 0, page = toFill.length > 0 ? documentsAfter.all(collection, 0) : []; page.length > 0; page = documentsAfter.all(collection, after)) {
        for (const stored of page) {
          const doc = JSON.parse(stored.doc) as JsonObject;
          for (const index of toFill) put(index, cellsOf(index, doc), stored.id, stored.rid);
          after = stored.rid;
        }
      }
    })();
    byCollection.set(collection, [...numbered.values()]);
    return numbered;
  }

  return {
    declare,
    /** After a document is inserted. */
    inserted(collection: string, id: string, rid: number, canonicalDoc: string): void {
      const indexes = byCollection.get(collection);
      if (indexes === undefined || indexes.length === 0) return;
      const doc = JSON.parse(canonicalDoc) as JsonObject;
      for (const index of indexes) put(index, cellsOf(index, doc), id, rid);
    },
    /** After a document is rewritten: only entries whose values changed are touched. */
    updated(collection: string, id: string, rid: number, previousDoc: string, canonicalDoc: string): void {
      const indexes = byCollection.get(collection);
      if (indexes === undefined || indexes.length === 0) return;
      const before = JSON.parse(previousDoc) as JsonObject;
      const after = JSON.parse(canonicalDoc) as JsonObject;
      for (const index of indexes) {
        const old = cellsOf(index, before);
        const now = cellsOf(index, after);
        if (sameCells(old, now)) continue;
        remove(index, old, id);
        put(index, now, id, rid);
      }
    },
    deleted(collection: string, id: string, previousDoc: string): void {
      const indexes = byCollection.get(collection);
      if (indexes === undefined || indexes.length === 0) return;
      const before = JSON.parse(previousDoc) as JsonObject;
      for (const index of indexes) remove(index, cellsOf(index, before), id);
    },
  };
}

export type IndexEntries = ReturnType<typeof createIndexEntries>;
