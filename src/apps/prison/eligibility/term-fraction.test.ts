import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fastCheckParameters } from './fast-check-seed.ts';
import { addDays, addMonths, daysBetween, fromDayNumber, toDayNumber } from './iso-date.ts';
import { dateFractionServed, extendByFraction, shortenByFraction } from './term-fraction.ts';

const half = { numerator: 1, denominator: 2 };
const third = { numerator: 1, denominator: 3 };

test('Criminal Law art. 81: half of 11 years 7 months from 2020-01-01 is served on 2025-10-16 (both methods)', () => {
  assert.equal(dateFractionServed('2020-01-01', 139, half, 'term-days', 30), '2025-10-16');
  assert.equal(dateFractionServed('2020-01-01', 139, half, 'months-and-days', 30), '2025-10-16');
});

test('the methods differ for 13 months from 2021-01-31', () => {
  assert.equal(dateFractionServed('2021-01-31', 13, half, 'term-days', 30), '2021-08-16');
  assert.equal(dateFractionServed('2021-01-31', 13, half, 'months-and-days', 30), '2021-08-15');
});

test('term-days: the first day on which at least half the days are served', () => {
  fc.assert(
    fc.property(fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-01-01') }), fc.integer({ min: 1, max: 300 }), (n, months) => {
      const start = fromDayNumber(n);
      const termDays = daysBetween(start, addMonths(start, months));
      const served = dateFractionServed(start, months, half, 'term-days', 30);
      const label = `${months} months from ${start}`;
      assert.ok(2 * daysBetween(start, served) >= termDays, `${label}: half not yet served on ${served}`);
      assert.ok(2 * daysBetween(start, addDays(served, -1)) < termDays, `${label}: half already served the day before ${served}`);
    }),
    fastCheckParameters(),
  );
});

test('SPC 2016 arts. 19–20: a third, in whole months', () => {
  assert.equal(shortenByFraction(18, third), 12);
  assert.equal(shortenByFraction(24, third), 16);
  assert.equal(shortenByFraction(60, third), 40);
  assert.equal(extendByFraction(9, third), 12);
  assert.equal(extendByFraction(6, third), 8);
  // Not divisible: the relaxation never exceeds a third.
  assert.equal(shortenByFraction(13, third), 9);
  assert.equal(extendByFraction(13, third), 17);
});
