import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { assertProperty } from '../../merkle/testdata/fc-seed.ts';
import { createKeyFilter } from './key-filter.ts';

// 48-bit keys, as txIds' first 48 bits are, and some at the edges of the range.
const key = fc.oneof(fc.integer({ min: 0, max: 2 ** 48 - 1 }), fc.constantFrom(0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 48 - 1));

test('a key added is always a "maybe", whatever else was added', () =>
  assertProperty(
    fc.property(fc.array(key, { maxLength: 300 }), fc.integer({ min: 0, max: 1_000_000 }), (keys, expected) => {
      const filter = createKeyFilter(expected);
      for (const k of keys) filter.add(k);
      for (const k of keys) assert.ok(filter.mayHave(k), String(k));
    }),
    100,
    'src/ledger/store/key-filter',
  ));

test('sized for its keys, it says "no" to almost every other key', () => {
  const filter = createKeyFilter(1_000_000);
  // A fixed walk through the 48-bit space stands in for random txIds.
  let k = 123_456_789;
  const next = () => (k = (k * 48_271 + 11) % 281_474_976_710_597);
  for (let i = 0; i < 1_000_000; i++) filter.add(next());
  let maybes = 0;
  for (let i = 0; i < 100_000; i++) if (filter.mayHave(next())) maybes += 1;
  assert.ok(maybes < 1_000, `${maybes} false "maybe"s in 100,000 (under 1% expected)`);
  assert.equal(filter.isCrowded(), false);
  for (let i = 0; i < 1_200_000; i++) filter.add(next());
  assert.equal(filter.isCrowded(), true, 'more than twice the keys it was sized for');
});
