import assert from 'node:assert/strict';
import test from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { canonicalize, type JsonObject } from '../../crypto/canonical-json.ts';
import { applySchema, defaultStoreOptions } from './schema.ts';
import { createStateStore, type StateQuery } from './state-store.ts';

function openStore() {
  const db = new Database(':memory:');
  applySchema(db, defaultStoreOptions);
  return { db, state: createStateStore(db) };
}

/** Writes as the ledger's commit does: insert, update or delete by what is stored. */
function write(state: ReturnType<typeof createStateStore>, collection: string, id: string, doc: JsonObject | null, height = 1): void {
  const stored = state.getRaw(collection, id);
  if (doc === null) {
    if (stored !== undefined) state.delete(collection, id, stored);
  } else if (stored === undefined) state.insert(collection, id, canonicalize(doc), height);
  else state.update(collection, id, stored, canonicalize(doc), height);
}

const ids = (docs: { id: string }[]) => docs.map((d) => d.id);

test('an update that changes an indexed field moves the document; one that does not leaves its entry', () => {
  const { db, state } = openStore();
  state.declare({ name: 'p.prisoners', indexes: [{ name: 'byPrison', fields: ['prison', 'status'] }] });
  write(state, 'p.prisoners', 'a', { prison: 'JS-03', status: 'in', score: 1 });
  write(state, 'p.prisoners', 'b', { prison: 'JS-07', status: 'in', score: 1 });
  write(state, 'p.prisoners', 'a', { prison: 'JS-03', status: 'in', score: 2 });
  assert.equal(db.prepare('SELECT count(*) FROM state_index_entries').pluck().get(), 2);
  write(state, 'p.prisoners', 'a', { prison: 'JS-07', status: 'released', score: 2 });
  assert.deepEqual(ids(state.query('p.prisoners', { index: 'byPrison', equals: ['JS-03'] })), []);
  assert.deepEqual(ids(state.query('p.prisoners', { index: 'byPrison', equals: ['JS-07'] })), ['b', 'a']);
  assert.deepEqual(ids(state.query('p.prisoners', { index: 'byPrison', equals: ['JS-07', 'released'] })), ['a']);
  write(state, 'p.prisoners', 'a', null);
  assert.deepEqual(ids(state.query('p.prisoners', { index: 'byPrison', equals: ['JS-07'] })), ['b']);
  assert.equal(db.prepare('SELECT count(*) FROM state_index_entries').pluck().get(), 1);
});

test('values index as SQLite JSON would give them: missing and null first, booleans as 1/0, nested paths, objects as JSON text', () => {
  const { state } = openStore();
  state.declare({ name: 'c.docs', indexes: [{ name: 'byFlag', fields: ['flag'] }, { name: 'byNested', fields: ['a.b'] }] });
  write(state, 'c.docs', 't', { flag: true, a: { b: 2 } });
  write(state, 'c.docs', 'f', { flag: false, a: { b: 'x' } });
  write(state, 'c.docs', 'n', { flag: null, a: 5 });
  write(state, 'c.docs', 'm', { a: { b: { z: 1, y: [1] } } });
  assert.deepEqual(ids(state.query('c.docs', { index: 'byFlag', equals: [true] })), ['t']);
  assert.deepEqual(ids(state.query('c.docs', { index: 'byFlag', equals: [null] })), ['m', 'n']);
  assert.deepEqual(ids(state.query('c.docs', { index: 'byFlag' })), ['m', 'n', 'f', 't']);
  assert.deepEqual(ids(state.query('c.docs', { index: 'byNested' })), ['n', 't', 'f', 'm'], 'NULL, then numbers, then text');
  assert.deepEqual(ids(state.query('c.docs', { index: 'byNested', equals: ['{"y":[1],"z":1}'] })), ['m']);
});

test('an index declared with other fields is refilled; one no longer declared is forgotten', () => {
  const { db, state } = openStore();
  state.declare({ name: 'c.docs', indexes: [{ name: 'ix', fields: ['a'] }, { name: 'gone', fields: ['b'] }] });
  write(state, 'c.docs', '1', { a: 2, b: 'z' });
  write(state, 'c.docs', '2', { a: 1, b: 'y' });
  const reopened = createStateStore(db);
  reopened.declare({ name: 'c.docs', indexes: [{ name: 'ix', fields: ['b'] }] });
  assert.deepEqual(ids(reopened.query('c.docs', { index: 'ix' })), ['2', '1']);
  assert.equal(db.prepare("SELECT count(*) FROM state_indexes WHERE name = 'gone'").pluck().get(), 0);
  assert.equal(db.prepare('SELECT count(*) FROM state_index_entries').pluck().get(), 2);
});

test('queries agree with a plain model under random writes (equality, ranges, limits, offsets)', () => {
  const value = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', 'c'));
  const doc = fc.record({ x: value, y: value }, { requiredKeys: [] });
  const op = fc.record({ id: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6'), doc: fc.option(doc, { nil: null }) });
  fc.assert(
    fc.property(
      fc.array(op, { maxLength: 40 }),
      fc.option(value, { nil: undefined }),
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('gte', 'gt', 'lte', 'lt', 'between'),
      (ops, first, bound, limit, offset, rangeKind) => {
      const { state } = openStore();
      state.declare({ name: 'c.docs', indexes: [{ name: 'xy', fields: ['x', 'y'] }] });
      const model = new Map<string, Record<string, unknown>>();
      for (const { id, doc: d } of ops) {
        write(state, 'c.docs', id, d as JsonObject | null);
        if (d === null) model.delete(id);
        else model.set(id, d);
      }
      // SQLite's order: NULL < numbers < text; booleans are the numbers 1 and 0.
      const cell = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'boolean' ? Number(v) : (v as string | number));
      const rank = (v: string | number | null) => (v === null ? 0 : typeof v === 'number' ? 1 : 2);
      const compare = (a: string | number | null, b: string | number | null) => rank(a) - rank(b) || (a === null || b === null ? 0 : a < b ? -1 : a > b ? 1 : 0);
      let rows = [...model].map(([id, d]) => ({ id, x: cell(d['x']), y: cell(d['y']) }));
      // A range compares as SQL does: a missing or null value never satisfies one, text is above every number.
      const inRange: Record<string, (y: string | number | null) => boolean> = {
        gte: (y) => y !== null && compare(y, bound) >= 0,
        gt: (y) => y !== null && compare(y, bound) > 0,
        lte: (y) => y !== null && compare(y, bound) <= 0,
        lt: (y) => y !== null && compare(y, bound) < 0,
        between: (y) => y !== null && typeof y === 'number' && y >= bound && y < 100,
      };
      const range: Record<string, StateQuery['range']> = { gte: { gte: bound }, gt: { gt: bound }, lte: { lte: bound }, lt: { lt: bound }, between: { gte: bound, lt: 100 } };
      if (first !== undefined) rows = rows.filter((r) => compare(r.x, cell(first)) === 0 && (first !== null || r.x === null));
      if (first !== undefined) rows = rows.filter((r) => inRange[rangeKind]!(r.y));
      rows.sort((a, b) => compare(a.x, b.x) || compare(a.y, b.y) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const expected = rows.slice(offset, offset + limit).map((r) => r.id);
      const query = first === undefined ? { index: 'xy', limit, offset } : { index: 'xy', equals: [first], range: range[rangeKind]!, limit, offset };
      assert.deepEqual(ids(state.query('c.docs', query)), expected);
    }),
    { numRuns: 300 },
  );
});
