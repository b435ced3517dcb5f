import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fastCheckParameters } from './fast-check-seed.ts';
import { addDays, addMonths, daysBetween, fromDayNumber, isIsoDate, latestDate, toDayNumber } from './iso-date.ts';

// Date is the oracle here; the code under test never touches it.
const dayMs = 86_400_000;
const oracleDate = (dayNumber: number): string => new Date(dayNumber * dayMs).toISOString().slice(0, 10);
const dayNumbers = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2299-12-31') });

test('day numbers agree with the calendar', () => {
  fc.assert(
    fc.property(dayNumbers, (n) => {
      assert.equal(fromDayNumber(n), oracleDate(n), `day ${n}`);
      assert.equal(toDayNumber(fromDayNumber(n)), n, `round trip of day ${n}`);
    }),
    fastCheckParameters(),
  );
});

test('addMonths keeps the day of the month or clamps to the month end', () => {
  fc.assert(
    fc.property(dayNumbers, fc.integer({ min: -600, max: 600 }), (n, months) => {
      const date = fromDayNumber(n);
      const start = new Date(n * dayMs);
      const target = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1);
      const lastDay = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months + 1, 0)).getUTCDate();
      const expected = oracleDate(target / dayMs + Math.min(start.getUTCDate(), lastDay) - 1);
      if (expected < '1900-01-01' || expected > '2299-12-31') return;
      assert.equal(addMonths(date, months), expected, `${date} + ${months} months`);
    }),
    fastCheckParameters(),
  );
});

test('addDays and daysBetween are inverse', () => {
  fc.assert(
    fc.property(dayNumbers, fc.integer({ min: -20_000, max: 20_000 }), (n, days) => {
      const date = fromDayNumber(n);
      const moved = fromDayNumber(n + days);
      assert.equal(addDays(date, days), moved);
      assert.equal(daysBetween(date, moved), days);
    }),
    fastCheckParameters(),
  );
});

const clamps: ReadonlyArray<[string, number, string]> = [
  ['2020-01-31', 1, '2020-02-29'],
  ['2021-01-31', 1, '2021-02-28'],
  ['2020-02-29', 12, '2021-02-28'],
  ['2021-08-31', 18, '2023-02-28'],
  ['2020-03-31', -1, '2020-02-29'],
  ['2031-08-01', -139, '2020-01-01'],
];
for (const [date, months, expected] of clamps) {
  test(`addMonths(${date}, ${months}) = ${expected}`, () => assert.equal(addMonths(date, months), expected));
}

test('isIsoDate accepts real calendar dates only', () => {
  for (const good of ['2020-02-29', '2000-02-29', '1900-01-01', '2299-12-31']) assert.equal(isIsoDate(good), true, good);
  for (const bad of ['2021-02-29', '1900-02-29', '2021-13-01', '2021-04-31', '2021-4-1', '1899-12-31', '2300-01-01', 20210101, null]) {
    assert.equal(isIsoDate(bad), false, String(bad));
  }
});

test('latestDate picks the latest', () => {
  assert.equal(latestDate('2021-01-01', '2022-01-01', '2021-06-01'), '2022-01-01');
  assert.equal(latestDate('2021-01-01'), '2021-01-01');
});
