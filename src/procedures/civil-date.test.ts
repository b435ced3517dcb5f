import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chinaDayOf, chinaDayStart, civilFromDays, dayToIsoDate, daysFromCivil, isoDateToDay, isoWeekday } from './civil-date.ts';

test('day numbers agree with Date.UTC over 1900–2100', () => {
  for (let days = daysFromCivil(1900, 1, 1); days <= daysFromCivil(2100, 12, 31); days += 7) {
    const expected = new Date(days * 86_400_000).toISOString().slice(0, 10);
    assert.equal(dayToIsoDate(days), expected, `day ${days}`);
    assert.equal(isoDateToDay(expected), days, `date ${expected}`);
    assert.equal(isoWeekday(days), ((new Date(days * 86_400_000).getUTCDay() + 6) % 7) + 1, `weekday of ${expected}`);
  }
});

test('civilFromDays inverts daysFromCivil at month and leap-year edges', () => {
  for (const [y, m, d] of [[2024, 2, 29], [2023, 3, 1], [2000, 2, 29], [1970, 1, 1], [2026, 12, 31]] as const) {
    assert.deepEqual(civilFromDays(daysFromCivil(y, m, d)), { year: y, month: m, day: d });
  }
});

test('isoDateToDay refuses strings that are not real dates', () => {
  for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-01', '20240101', '2024-04-31', '']) {
    assert.equal(isoDateToDay(bad), undefined, bad);
  }
});

test('China Standard Time days start at 16:00 UTC of the day before', () => {
  const start = chinaDayStart(isoDateToDay('2024-10-01') ?? 0);
  assert.equal(new Date(start).toISOString(), '2024-09-30T16:00:00.000Z');
  assert.equal(dayToIsoDate(chinaDayOf(start)), '2024-10-01');
  assert.equal(dayToIsoDate(chinaDayOf(start - 1)), '2024-09-30');
});
